# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adjustment runs pay only the correction of a posted month.

The base pay of 2030 is raised to 7,300 for these tests (a pay table
version), so that the level-3 auxiliary (14 years of service, no declared
contribution base, no assessment: coefficient 1.0) earns 7,300 + grade
1,000 + seniority 700 + post 200 + performance 800 = 10,000 gross.  Employee
contributions on the gross: pension 8 % 800 + medical 2 % 200 +
unemployment 0.5 % 50 + housing fund 12 % 1,200 = 2,250; income after
contributions 7,750.  Basic deduction 5,000 a month, 3 % up to 36,000 a year.
April and May are paid by regular runs and posted; April: 7,750 - 5,000 =
2,750 at 3 % = 82.50; May: 15,500 - 10,000 = 5,500 at 3 % = 165.00, less
82.50 = 82.50.
"""
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxPayrollCase
from .test_payroll_outputs import xlsx_cells

APRIL = ("2030-04-01", "2030-04-30")
MAY = ("2030-05-01", "2030-05-31")
JUNE = ("2030-06-01", "2030-06-30")


class TestAdjustmentRun(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestAdjustmentRun, cls).setUpClass()
        cls.Version.create({
            "name": "2030 (adjustment tests)", "date_from": "2030-01-01",
            "table_id": cls.env.ref("aux_payroll.aux_pay_table_base_pay").id,
            "line_ids": [(0, 0, {"amount": 7300.0})]})
        cls.unit = cls._aux_unit("Adjustment Brigade")
        cls.emp_l3 = cls._aux("Adjust L3", cls.unit, 3, "2015-06-01")
        cls.emp_l5 = cls._aux("Adjust L5", cls.unit, 5, "2020-03-15")
        cls.Run = cls.env["hr.payslip.run"].with_context(default_is_aux=True)

    def new_run(self, period):
        return self.Run.create({"name": "Adjustment tests %s" % period[0][:7],
                                "aux_department_id": self.unit.id,
                                "date_start": period[0], "date_end": period[1],
                                "journal_id": self.journal.id})

    @staticmethod
    def post(run):
        """What posting does to the run and its payslips (the journal entry is
        tested in test_payroll_run)."""
        trust(run.slip_ids).write({"state": "done"})
        trust(run).write({"aux_state": "posted", "state": "close"})

    def paid_run(self, period):
        run = self.new_run(period)
        run.action_aux_generate()
        self.post(run)
        return run

    def adjustment_of(self, run):
        return self.Run.browse(run.action_aux_adjustment()["res_id"])

    def slip_of(self, run, employee):
        return run.slip_ids.filtered(lambda s: s.employee_id == employee)

    def raise_grade_pay_from_may(self, may, date_from=MAY[0]):
        """Grade pay of level 3 becomes 1,400 from May (others unchanged),
        recorded after the run ``may`` was computed."""
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id IN %s",
                            ("2026-01-01 00:00:00", tuple(may.slip_ids.ids)))
        may.slip_ids.invalidate_cache()
        reader = self.Table._aux_reader("2030-03-31")
        self.Version.create({
            "name": "2030 rise (adjustment tests)", "date_from": date_from,
            "table_id": self.env.ref("aux_payroll.aux_pay_table_grade_pay").id,
            "line_ids": [(0, 0, {"grade_id": g.id, "amount": 1400.0 if g == self.grades[3]
                                 else reader.rate("GRADE_PAY", g)})
                         for g in self.grades.values()]})

    def test_no_change_no_payslip(self):
        """Nothing changed since May was posted: the adjustment run pays nobody
        (before, it paid the whole unit's month a second time)."""
        self.paid_run(APRIL)
        may = self.paid_run(MAY)
        self.assertAlmostEqual(self.amounts(self.slip_of(may, self.emp_l3))["IIT"], -82.5,
                               places=2)
        adjustment = self.adjustment_of(may)
        adjustment.action_aux_generate()
        self.assertFalse(adjustment.slip_ids)
        self.assertFalse(self.Slip.search([("payslip_run_id", "=", adjustment.id)]))
        self.assertIn("0 of 2 people", adjustment.aux_generation_note)

    def test_backdated_grade_pay_paid_once(self):
        """Grade pay of level 3 raised from 1,000 to 1,400 from May, recorded
        after May was posted.  The adjustment payslip of May pays:
        grade 1,400 - 1,000 = +400.00 = gross;
        contributions 400 x (8 + 2 + 0.5 + 12) % = -90.00 (32 + 8 + 2 + 48);
        tax: corrected May 10,400 - 2,340 = 8,060; 7,750 + 8,060 - 10,000 =
        5,810 at 3 % = 174.30, less 82.50 (April) = 91.80 due for May, less
        82.50 withheld in May = -9.30;
        net 400 - 90 - 9.30 = 300.70;
        employer 400 x (16 + 8 + 0.5 + 0.4 + 0.8 + 12) % = 150.80.
        The level-5 auxiliary gets nothing.  June pays 1,400 and no arrears."""
        self.paid_run(APRIL)
        may = self.paid_run(MAY)
        self.raise_grade_pay_from_may(may)
        adjustment = self.adjustment_of(may)
        adjustment.action_aux_generate()
        self.assertEqual(adjustment.slip_ids.mapped("employee_id"), self.emp_l3)
        self.assertIn("1 of 2 people", adjustment.aux_generation_note)
        slip = adjustment.slip_ids
        self.assertIn("Adjustment of", slip.name)
        self.assertTrue(slip.aux_adjustment)
        html = self.env.ref("aux_payroll.aux_payslip_pdf_report").render_qweb_html(
            slip.ids)[0].decode("utf-8")
        self.assertIn("Adjustment of 2030-05", html)
        amounts = self.amounts(slip)
        self.assertEqual(amounts, {
            "GRADE": 400.0, "GROSS": 400.0, "EE_PENSION": -32.0, "EE_MEDICAL": -8.0,
            "EE_UNEMPLOYMENT": -2.0, "EE_HOUSING": -48.0, "IIT": -9.3, "NET": 300.7,
            "ER_PENSION": 64.0, "ER_MEDICAL": 32.0, "ER_UNEMPLOYMENT": 2.0,
            "ER_INJURY": 1.6, "ER_MATERNITY": 3.2, "ER_HOUSING": 48.0})
        self.assertAlmostEqual(adjustment.aux_total_net, 300.7, places=2)
        self.assertAlmostEqual(adjustment.aux_total_gross, 400.0, places=2)
        # recomputing the draft adjustment gives the same difference
        adjustment.action_aux_compute()
        self.assertEqual(self.amounts(slip)["NET"], 300.7)
        self.post(adjustment)

        # June: 1,400 grade pay, no arrears for May (already paid by the
        # adjustment); 15 years of service on 30 June (seniority 750) and
        # the high temperature allowance of June (300): gross 7,300 + 1,400 +
        # 750 + 200 + 800 + 300 = 10,750, contributions 860 + 215 + 53.75 + 1,290 = 2,418.75,
        # income 8,331.25; tax 7,750 + 8,060 + 8,331.25 - 15,000 = 9,141.25
        # at 3 % = 274.24, less 82.50 + 82.50 + 9.30 = 174.30 withheld = 99.94
        june = self.new_run(JUNE)
        june.action_aux_generate()
        amounts = self.amounts(self.slip_of(june, self.emp_l3))
        self.assertNotIn("ARREARS", amounts)
        self.assertEqual(amounts["GRADE"], 1400.0)
        self.assertEqual((amounts["SENIORITY"], amounts["ALW_HEAT"]), (750.0, 300.0))
        self.assertEqual(amounts["GROSS"], 10750.0)
        self.assertEqual(amounts["IIT"], -99.94)
        # even when the adjustment too was computed before the change, the
        # month is compared with everything paid for it (regular + adjustment)
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id = %s",
                            ("2026-01-01 00:00:00", slip.id))
        slip.invalidate_cache()
        june.action_aux_compute()
        self.assertNotIn("ARREARS", self.amounts(self.slip_of(june, self.emp_l3)))

    def test_backdated_change_without_adjustment_paid_as_arrears(self):
        """Without an adjustment run the next regular month still pays the
        difference as arrears: 1,400 - 1,000 = 400.00 for May."""
        self.paid_run(APRIL)
        may = self.paid_run(MAY)
        self.raise_grade_pay_from_may(may)
        june = self.new_run(JUNE)
        june.action_aux_generate()
        self.assertEqual(self.amounts(self.slip_of(june, self.emp_l3))["ARREARS"], 400.0)

    def test_arrears_of_the_month_not_taken_back(self):
        """The same rise from April, recorded after April was posted: May's
        regular payslip pays 400.00 of arrears for April.  An adjustment of May
        without any other change pays nobody: its recomputed May also owes
        those 400.00 of arrears, which May's regular payslip paid."""
        april = self.paid_run(APRIL)
        self.raise_grade_pay_from_may(april, date_from=APRIL[0])
        may = self.paid_run(MAY)
        self.assertEqual(self.amounts(self.slip_of(may, self.emp_l3))["ARREARS"], 400.0)
        adjustment = self.adjustment_of(may)
        adjustment.action_aux_generate()
        self.assertFalse(adjustment.slip_ids)

    def test_inputs_of_the_month_are_kept(self):
        """Three night duties typed on the regular May payslip (3 x 50 = 150)
        are not taken back by the adjustment: the adjustment payslip uses the
        month's inputs unless it has its own.  Two more nights typed on the
        adjustment payslip (5 in all) pay 2 x 50 = 100.00 more gross."""
        may = self.new_run(MAY)
        may.action_aux_generate()
        regular = self.slip_of(may, self.emp_l5)
        self.env["hr.payslip.input"].create({
            "payslip_id": regular.id, "code": "NIGHT_DUTY", "name": "Night duties",
            "amount": 3.0, "contract_id": regular.contract_id.id})
        may.action_aux_compute()
        self.assertEqual(self.amounts(regular)["ALW_NIGHT"], 150.0)
        self.post(may)
        adjustment = self.adjustment_of(may)
        adjustment.action_aux_generate()
        self.assertFalse(adjustment.slip_ids)
        adjustment.write({"aux_adjust_employee_ids": [(6, 0, self.emp_l5.ids)]})
        slip = adjustment._aux_create_slips(self.emp_l5.contract_ids)
        self.env["hr.payslip.input"].create({
            "payslip_id": slip.id, "code": "NIGHT_DUTY", "name": "Night duties",
            "amount": 5.0, "contract_id": slip.contract_id.id})
        adjustment.action_aux_compute()
        amounts = self.amounts(slip)
        self.assertEqual(amounts["ALW_NIGHT"], 100.0)
        self.assertEqual(amounts["GROSS"], 100.0)

    def test_employees_to_adjust(self):
        """Only the chosen people are recomputed: the level-3 auxiliary's
        change is not paid when only the level-5 one is chosen."""
        may = self.paid_run(MAY)
        self.raise_grade_pay_from_may(may)
        adjustment = self.adjustment_of(may)
        adjustment.write({"aux_adjust_employee_ids": [(6, 0, self.emp_l5.ids)]})
        adjustment.action_aux_generate()
        self.assertFalse(adjustment.slip_ids)
        self.assertIn("0 of 1 people", adjustment.aux_generation_note)
        adjustment.write({"aux_adjust_employee_ids": [(5,)]})
        adjustment.action_aux_generate()
        self.assertEqual(adjustment.slip_ids.mapped("employee_id"), self.emp_l3)

    def test_register_of_adjustment_run(self):
        """The register XLSX of the adjustment run totals its payslips: net
        300.70 for the level-3 auxiliary's correction (see above), employer
        cost 400 + 150.80 = 550.80."""
        self.paid_run(APRIL)
        may = self.paid_run(MAY)
        self.raise_grade_pay_from_may(may)
        adjustment = self.adjustment_of(may)
        adjustment.action_aux_generate()
        expected = {}
        for line in adjustment.slip_ids.mapped("line_ids"):
            expected[line.code] = expected.get(line.code, 0.0) + line.total
        register = self.env["report.aux_payroll.payroll_register_xlsx"]._aux_register(
            adjustment)
        self.assertEqual(set(register["total"]), set(expected))
        for code, amount in expected.items():
            self.assertAlmostEqual(register["total"][code], amount, places=2, msg=code)
        self.assertAlmostEqual(register["employer_cost"], 550.8, places=2)
        content, _kind = self.env.ref("aux_payroll.aux_payroll_register_xlsx_report") \
            .render_xlsx(adjustment.ids, {})
        cells = xlsx_cells(content)
        total_row = max(row for (row, col), value in cells.items() if value == "Total")
        header = {value.split("\n")[0]: col for (row, col), value in cells.items()
                  if row == 3 and isinstance(value, str)}
        for code, amount in expected.items():
            self.assertAlmostEqual(cells[(total_row, header[code])], amount, places=2,
                                   msg=code)
        self.assertAlmostEqual(cells[(total_row, header["NET"])], 300.7, places=2)
