"""pytest set-up shared by every test: the addon tests (addons/*/tests) and
the suite-level tests (tests/)."""
import odoo.tests.common as odoo_common


def _release_cursor_when_class_setup_fails():
    """Odoo's SingleTransactionCase opens its cursor in setUpClass and closes
    it in tearDownClass, which unittest skips when a subclass's setUpClass
    raises after super(): the open transaction then keeps its row locks and
    the next test class waits on them forever. A class cleanup (always run)
    rolls back and closes the cursor if tearDownClass did not."""
    original = odoo_common.SingleTransactionCase.__dict__["setUpClass"].__func__

    def setUpClass(cls):
        original(cls)
        cursor = cls.cr

        def release():
            if not cursor.closed:
                cursor.rollback()
                cursor.close()

        cls.addClassCleanup(release)

    odoo_common.SingleTransactionCase.setUpClass = classmethod(setUpClass)


_release_cursor_when_class_setup_fails()
