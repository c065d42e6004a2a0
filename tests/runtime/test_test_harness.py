"""The test harness itself: a failing fixture must fail its own tests, not
hang the rest of the suite."""
import unittest

from odoo.tests.common import SavepointCase


def test_cursor_released_when_class_setup_fails():
    class FailingFixture(SavepointCase):
        @classmethod
        def setUpClass(cls):
            super(FailingFixture, cls).setUpClass()
            cls.env["res.partner"].create({"name": "row locked by a failed fixture"})
            raise RuntimeError("fixture failed")

        def test_never_runs(self):
            raise AssertionError("setUpClass failed, the test must not run")

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(FailingFixture).run(result)
    assert [str(error[1]) for error in result.errors if "fixture failed" in error[1]]
    # Without the class cleanup of conftest.py the cursor stays open inside
    # its transaction and the next test class blocks on its locks.
    assert FailingFixture.cr.closed
