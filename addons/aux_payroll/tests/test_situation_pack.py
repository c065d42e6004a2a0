# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xlrd

from odoo.exceptions import AccessError

from .payroll_run_common import MONTH_START, PayrollRunCase


class TestSituationPack(PayrollRunCase):
    """Unit A's March run: two paid in unit A (the person without contract is
    not), one in squadron A1."""

    @classmethod
    def setUpClass(cls):
        super(TestSituationPack, cls).setUpClass()
        cls.pay_run = cls.new_run(cls.unit_a)
        cls.pay_run.action_aux_generate()

    def _rows(self, user=None):
        Pack = self.env["aux.situation.pack"]
        report = self.env.ref("aux_personnel.aux_situation_pack_xlsx_report")
        if user:
            Pack, report = Pack.sudo(user), report.sudo(user)
        wizard = Pack.create({"month": MONTH_START, "department_id": self.unit_a.id})
        content, _file_type = report.render_xlsx(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_name("Payroll cost")
        return {sheet.cell_value(r, 0): sheet.row_values(r)[1:] for r in range(4, sheet.nrows)}

    def test_payroll_section_in_pack(self):
        rows = self._rows()
        slips_a = self.pay_run.slip_ids.filtered(lambda s: s.employee_id.department_id
                                                 == self.unit_a)
        gross = sum(slips_a.mapped("line_ids").filtered(
            lambda line: line.category_id.code == "GROSS").mapped("total"))
        net = sum(slips_a.mapped("line_ids").filtered(
            lambda line: line.category_id.code == "NET").mapped("total"))
        self.assertEqual(len(slips_a), 2)
        unit = rows[self.unit_a.display_name]
        self.assertEqual(unit[0], 2)
        self.assertAlmostEqual(unit[1], gross, places=2)
        self.assertAlmostEqual(unit[3], net, places=2)
        self.assertEqual(rows[self.unit_a1.display_name][0], 1)
        self.assertEqual(rows["Total"][0], 3)

    def test_other_unit_leader_refused(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._rows(self.user_leader_b)
        self.assertEqual(self._rows(self.user_leader_a)[self.unit_a.display_name][0], 2)
