# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An auxiliary sees his own payslips once done: the My Payslips menu, the
smart button on his file, and the payslip PDF (which shows fields of his
file he does not read himself, such as his ID number); never another's."""
from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tests.common import make_id

from .payroll_run_common import MONTH_END, MONTH_START, PayrollRunCase

REPORT = "aux_payroll.aux_payslip_pdf_report"


class TestPayslipSelfService(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayslipSelfService, cls).setUpClass()
        cls.id_number = make_id(birthday="19900307", seq=77)
        cls.emp_a.write({"identification_id": cls.id_number})
        cls.own = cls._done_slip(cls.emp_a)
        cls.other = cls._done_slip(cls.emp_b)

    @classmethod
    def _done_slip(cls, employee):
        slip = cls.env["hr.payslip"].create({
            "name": "Self payslip %s" % employee.name, "employee_id": employee.id,
            "contract_id": employee.contract_ids[:1].id, "struct_id": cls.structure.id,
            "date_from": MONTH_START, "date_to": MONTH_END, "journal_id": cls.journal.id})
        slip.compute_sheet()
        trust(slip).write({"state": "done"})
        return slip

    def test_self_service_renders_own_payslip(self):
        report = self.env.ref(REPORT).sudo(self.user_self)
        html = report.render_qweb_html([self.own.id])[0].decode()
        self.assertIn(self.emp_a.name, html)
        self.assertIn(self.id_number, html)
        # (under tests Odoo 11 answers the HTML instead of running wkhtmltopdf)
        self.assertTrue(report.render_qweb_pdf([self.own.id])[0])

    def test_self_service_cannot_render_another_payslip(self):
        report = self.env.ref(REPORT).sudo(self.user_self)
        with self.assertRaises(AccessError):
            report.render_qweb_html([self.other.id])
        with self.assertRaises(AccessError):
            report.render_qweb_html([self.own.id, self.other.id])

    def test_self_service_cannot_render_own_draft_payslip(self):
        draft = self.env["hr.payslip"].create({
            "name": "Draft", "employee_id": self.emp_a.id, "struct_id": self.structure.id,
            "contract_id": self.emp_a.contract_ids[:1].id, "journal_id": self.journal.id,
            "date_from": "2026-04-01", "date_to": "2026-04-30"})
        with self.assertRaises(AccessError):
            self.env.ref(REPORT).sudo(self.user_self).render_qweb_html([draft.id])

    def test_my_payslips_menu_is_visible_to_self_service(self):
        menu = self.env.ref("aux_payroll.hr_payslip_my_menu")
        visible = self.env["ir.ui.menu"].sudo(self.user_self)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(menu.parent_id.id, visible)
        action = self.env.ref("aux_payroll.hr_payslip_my_action")
        slips = self.env["hr.payslip"].sudo(self.user_self).search(
            safe_eval(action.domain, {"uid": self.user_self.id}))
        self.assertEqual(slips, self.own)

    def test_smart_button_on_own_file(self):
        Employee = self.env["hr.employee"].sudo(self.user_self)
        arch = Employee.fields_view_get(view_type="form")["arch"]
        self.assertIn("aux_my_payslip_count", arch)
        own = Employee.browse(self.emp_a.id)
        self.assertTrue(own.aux_is_own_file)
        self.assertEqual(own.aux_my_payslip_count, 1)
        other = self.env["hr.employee"].sudo(self.user_officer).browse(self.emp_b.id)
        self.assertFalse(other.aux_is_own_file)

    def test_self_service_reads_own_payslip_form(self):
        Slip = self.env["hr.payslip"].sudo(self.user_self)
        view = Slip.fields_view_get(view_type="form")
        values = Slip.browse(self.own.id).read(list(view["fields"]))
        self.assertEqual(values[0]["id"], self.own.id)

    # Issue 11: the auxiliary's Print menu offered the stock payslip PDFs,
    # which read his payslip lines and contract with his rights (HTTP 500),
    # and the stock form offered him Refund (an access error) and a link to
    # his contract.
    def test_self_service_is_offered_only_the_payslip_pdf_he_can_print(self):
        Actions = self.env["ir.actions.actions"]
        offered = {report["report_name"] for report in
                   Actions.sudo(self.user_self).get_bindings("hr.payslip")["report"]}
        self.assertEqual(offered, {"aux_payroll.aux_payslip_document"})
        officer = {report["report_name"] for report in
                   Actions.sudo(self.user_officer).get_bindings("hr.payslip")["report"]}
        self.assertIn("hr_payroll.report_payslip", officer)
        self.assertIn("aux_payroll.aux_payslip_document", officer)

    def test_my_payslips_open_a_read_only_form_without_payroll_buttons(self):
        action = self.env.ref("aux_payroll.hr_payslip_my_action")
        views = {view.view_mode: view.view_id for view in action.view_ids}
        self.assertEqual(views["form"], self.env.ref("aux_payroll.hr_payslip_my_view_form"))
        Slip = self.env["hr.payslip"].sudo(self.user_self)
        view = Slip.fields_view_get(view_id=views["form"].id, view_type="form")
        self.assertNotIn("refund_sheet", view["arch"])
        self.assertNotIn("contract_id", view["fields"])
        # every field of the form (and of its lines) reads as the auxiliary
        values = Slip.browse(self.own.id).read(list(view["fields"]))[0]
        self.assertEqual(values["employee_id"][0], self.emp_a.id)
        lines = self.env["hr.payslip.line"].sudo(self.user_self).browse(values["line_ids"])
        self.assertTrue(lines.read(list(view["fields"]["line_ids"]["views"]["tree"]["fields"])))
