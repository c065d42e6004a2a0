# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two generations or computations of the same payroll run never overlap,
and a person never gets two regular payslips of a month.

The lock is tested with two real database cursors (two transactions, as two
users' requests): the run must be committed for the second cursor to see it,
so the tests commit a bare run (no payslip, an empty unit) and always delete
it again."""
import psycopg2

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .payroll_run_common import PayrollRunCase

BUSY = "is being computed by another user"


class TestRunLock(TransactionCase):
    """The run's actions take a row lock on the run (NOWAIT): the second
    user is refused at once with a message, and can go on once the first
    transaction ends."""

    def setUp(self):
        super(TestRunLock, self).setUp()
        self.registry = odoo.registry(self.env.cr.dbname)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            unit = env["hr.department"].create({"name": "Lock test unit (empty)"})
            journal = env["account.journal"].create({
                "name": "Lock test salaries", "code": "TLCK", "type": "general"})
            run = env["hr.payslip.run"].with_context(default_is_aux=True).create({
                "name": "Lock test run", "aux_department_id": unit.id,
                "date_start": "2031-01-01", "date_end": "2031-01-31",
                "journal_id": journal.id})
            self.unit_id, self.run_id, self.journal_id = unit.id, run.id, journal.id
        self.addCleanup(self._delete_committed)

    def _delete_committed(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            trust(env["hr.payslip.run"].browse(self.run_id)).unlink()
            env["hr.department"].browse(self.unit_id).unlink()
            env["account.journal"].browse(self.journal_id).unlink()

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})

    def test_second_computation_refused_while_the_first_runs(self):
        first = self.registry.cursor()
        second = self.registry.cursor()
        try:
            # user 1 is in the middle of a computation: the run is locked
            run_1 = self._env(first)["hr.payslip.run"].browse(self.run_id)
            run_1._aux_lock_runs()
            run_2 = self._env(second)["hr.payslip.run"].browse(self.run_id)
            for action in ("action_aux_generate", "action_aux_compute", "action_aux_post"):
                with self.subTest(action=action):
                    with self.assertRaises(UserError) as refused:
                        getattr(run_2, action)()
                    self.assertIn("Payroll run Lock test run %s" % BUSY,
                                  refused.exception.name)
            # the second transaction is still usable and wrote nothing
            self.assertFalse(run_2.slip_ids)
            self.assertFalse(run_2.aux_generation_note)
            # once user 1's transaction ends, user 2 generates
            first.rollback()
            run_2.action_aux_generate()
            self.assertIn("0 payslips added", run_2.aux_generation_note)
            second.rollback()
        finally:
            first.close()
            second.close()

    def test_payslip_computation_refused_while_the_run_is_changed(self):
        """Computing a payslip of the run from its form waits for nobody
        either: another transaction writing the run (an ORM write locks the
        row) makes it refuse with the same message."""
        first = self.registry.cursor()
        second = self.registry.cursor()
        try:
            self._env(first)["hr.payslip.run"].browse(self.run_id).write(
                {"name": "Lock test run"})
            env = self._env(second)
            employee = env["hr.employee"].create({"name": "Lock test employee"})
            contract = env["hr.contract"].create({
                "name": "Lock test contract", "employee_id": employee.id, "wage": 3000.0,
                "date_start": "2030-01-01", "state": "open"})
            slip = env["hr.payslip"].create({
                "name": "Lock test payslip", "employee_id": employee.id,
                "contract_id": contract.id, "payslip_run_id": self.run_id,
                "journal_id": self.journal_id, "date_from": "2031-01-01",
                "date_to": "2031-01-31"})
            with self.assertRaises(UserError) as refused:
                slip.compute_sheet()
            self.assertIn(BUSY, refused.exception.name)
            self.assertFalse(slip.line_ids)
        finally:
            first.rollback()
            second.rollback()
            first.close()
            second.close()


class TestOneRegularPayslipAMonth(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestOneRegularPayslipAMonth, cls).setUpClass()
        cls.run_a = cls.new_run(cls.unit_a)
        cls.run_a.action_aux_generate()
        cls.slip_a = cls.run_a.slip_ids.filtered(lambda s: s.employee_id == cls.emp_a)

    def test_constraint_exists(self):
        self.env.cr.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                            "WHERE conname = %s", ("hr_payslip_aux_one_regular_per_month",))
        self.assertIn("EXCLUDE", self.env.cr.fetchone()[0])

    def test_second_regular_payslip_of_the_month_refused(self):
        bureau = self.new_run()
        values = {"name": "Second", "employee_id": self.emp_a.id,
                  "contract_id": self.emp_a.contract_ids.id, "payslip_run_id": bureau.id,
                  "journal_id": self.journal.id, "date_from": "2026-03-01",
                  "date_to": "2026-03-31"}
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["hr.payslip"].sudo(self.user_officer).create(values)
        # a day later in the month is the same month
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["hr.payslip"].create(dict(values, date_from="2026-03-15"))
        # moving a payslip into a regular run of the month
        standalone = self.env["hr.payslip"].create(dict(values, payslip_run_id=False))
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            standalone.sudo(self.user_officer).write({"payslip_run_id": bureau.id})
        # the constraint holds where the ORM is bypassed (raw SQL, as the engine)
        with self.assertRaises(psycopg2.IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE hr_payslip SET payslip_run_id = %s, aux_regular_run = TRUE "
                "WHERE id = %s", (bureau.id, standalone.id), log_exceptions=False)
        # the bureau run skips the person (already paid by the unit run)
        bureau.action_aux_generate()
        self.assertNotIn(self.emp_a, bureau.slip_ids.mapped("employee_id"))

    def test_cancelled_refund_next_month_and_adjustment_allowed(self):
        # next month
        april = self.new_run(self.unit_a, "2026-04-01", "2026-04-30")
        april.action_aux_generate()
        self.assertIn(self.emp_a, april.slip_ids.mapped("employee_id"))
        # the adjustment run of a posted run pays a second payslip of the month
        self.approve(self.run_a)
        self.run_a.sudo(self.user_finance).action_aux_post()
        adjustment = self.env["hr.payslip.run"].browse(
            self.run_a.action_aux_adjustment()["res_id"])
        second = self.env["hr.payslip"].sudo(self.user_officer).create({
            "name": "Adjustment", "employee_id": self.emp_a.id,
            "contract_id": self.emp_a.contract_ids.id, "payslip_run_id": adjustment.id,
            "journal_id": self.journal.id, "date_from": "2026-03-01",
            "date_to": "2026-03-31"})
        self.assertFalse(second.aux_regular_run)
        self.assertTrue(self.slip_a.aux_regular_run)
        # a regular payslip of a cancelled payslip's month
        other = self.new_run(self.unit_b)
        other.action_aux_generate()
        slip_b = other.slip_ids
        trust(slip_b).write({"state": "cancel"})
        again = self.new_run(self.unit_b)
        again.action_aux_generate()
        self.assertEqual(again.slip_ids.mapped("employee_id"), self.emp_b)
        self.assertTrue(again.slip_ids.aux_regular_run)
