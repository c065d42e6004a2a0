# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslips computed by hand with the default pay tables, to the cent.

Defaults: base 2,200; grade pay L7 300, L6 450, L5 600, L3 1,000, L1 1,500;
seniority 50 per year, at most 30 years; post pay 200; performance base 800 x
the band coefficient (competent 1.0, basically competent 0.8, incompetent
0.0; 1.0 without confirmed assessment); social insurance bases 4,500-22,500
(pension 8/16 %, medical 2/8 %, unemployment 0.5/0.5 %, injury -/0.4 %,
maternity -/0.8 %), housing fund 12/12 % on 2,200-30,000; income tax over
5,000 a month, 3 % up to 3,000.
"""
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import FEBRUARY, AuxPayrollCase


class TestPayslipCompute(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayslipCompute, cls).setUpClass()
        cls.slips = {emp: cls.slip(emp) for emp in (
            cls.emp_new, cls.emp_mid, cls.emp_old, cls.emp_tax, cls.emp_none, cls.emp_veto)}
        cls.slips[cls.emp_tax].write({"input_line_ids": [(0, 0, {
            "name": "Night duties", "code": "NIGHT_DUTY", "amount": 10,
            "contract_id": cls.emp_tax.contract_ids.id})]})
        batch = cls.Slip.browse([s.id for s in cls.slips.values()])
        batch._aux_compute_batch()

    def assertSlip(self, employee, expected):
        amounts = self.amounts(self.slips[employee])
        for code, value in expected.items():
            self.assertAlmostEqual(amounts.get(code, 0.0), value, places=2,
                                   msg="%s of %s" % (code, employee.name))

    def test_new_entrant_floor(self):
        """Level 7, no seniority: the social insurance base is raised to the floor."""
        self.assertSlip(self.emp_new, {
            "BASIC": 2200.0, "GRADE": 300.0, "SENIORITY": 0.0, "POST": 200.0, "PERF": 800.0,
            "GROSS": 3500.0, "EE_PENSION": -360.0, "EE_MEDICAL": -90.0,
            "EE_UNEMPLOYMENT": -22.5, "EE_HOUSING": -420.0, "NET": 2607.5,
            "ER_PENSION": 720.0, "ER_MEDICAL": 360.0, "ER_UNEMPLOYMENT": 22.5,
            "ER_INJURY": 18.0, "ER_MATERNITY": 36.0, "ER_HOUSING": 420.0})
        self.assertFalse(self.slips[self.emp_new].aux_warning)
        self.assertTrue(self.slips[self.emp_new].number)

    def test_mid_career_basic_band(self):
        """Level 5, 10 full years on 2030-03-31 (entry 2020-03-15), band 0.8."""
        self.assertSlip(self.emp_mid, {
            "GRADE": 600.0, "SENIORITY": 500.0, "PERF": 640.0, "GROSS": 4140.0,
            "EE_PENSION": -360.0, "EE_HOUSING": -496.8, "NET": 3170.7})
        coefficient = self.slips[self.emp_mid].input_line_ids.filtered(
            lambda i: i.code == "PERF_COEF")
        self.assertAlmostEqual(coefficient.amount, 0.8)

    def test_seniority_cap_and_ceiling(self):
        """40 years of service pay 30; a declared base of 25,000 is capped at the
        insurance ceiling 22,500 but stays under the housing fund ceiling."""
        self.assertSlip(self.emp_old, {
            "GRADE": 1500.0, "SENIORITY": 1500.0, "GROSS": 6200.0,
            "EE_PENSION": -1800.0, "EE_MEDICAL": -450.0, "EE_UNEMPLOYMENT": -112.5,
            "EE_HOUSING": -3000.0, "NET": 837.5, "ER_PENSION": 3600.0})

    def test_tax_reward_and_night_duty(self):
        """A county commendation (1,000), 10 night duties (50 each) and a declared
        base of 4,600: taxable 6,400 - 1,035 - 5,000 = 365, tax 3 %."""
        self.assertSlip(self.emp_tax, {
            "SENIORITY": 700.0, "ALW_NIGHT": 500.0, "REWARD": 1000.0, "GROSS": 6400.0,
            "EE_PENSION": -368.0, "EE_MEDICAL": -92.0, "EE_UNEMPLOYMENT": -23.0,
            "EE_HOUSING": -552.0, "IIT": -10.95, "NET": 5354.05, "ER_INJURY": 18.4})

    def test_no_assessment_warns(self):
        """Without a confirmed assessment the default coefficient is used and the
        payslip says so (not a silent zero)."""
        slip = self.slips[self.emp_none]
        self.assertSlip(self.emp_none, {"GRADE": 450.0, "SENIORITY": 100.0, "PERF": 800.0,
                                        "GROSS": 3750.0, "NET": 2827.5})
        self.assertIn("No confirmed assessment for 2030-03", slip.aux_warning)
        self.assertIn("coefficient 1.00", slip.aux_warning)
        self.assertIn("PERF_COEF", slip.aux_warning)

    def test_veto_no_performance_pay(self):
        """A veto item gives the lowest band whatever the score: no performance pay."""
        self.assertSlip(self.emp_veto, {"PERF": 0.0, "GROSS": 2700.0, "EE_HOUSING": -324.0,
                                        "NET": 1903.5})
        self.assertFalse(self.slips[self.emp_veto].aux_warning)

    def test_recompute_replaces_lines(self):
        """Computing again replaces lines and automatic inputs, keeps typed inputs."""
        slip = self.slips[self.emp_tax]
        count = len(slip.line_ids)
        slip.compute_sheet()
        self.assertEqual(len(slip.line_ids), count)
        self.assertEqual(len(slip.input_line_ids.filtered(lambda i: i.code == "NIGHT_DUTY")), 1)
        self.assertEqual(len(slip.input_line_ids.filtered(lambda i: i.code == "PERF_COEF")), 1)
        self.assertAlmostEqual(self.amounts(slip)["NET"], 5354.05, places=2)

    def test_unpaid_leave(self):
        """Two unpaid days: daily rate 2,700 / 21.75 = 124.14, deduction 248.28."""
        leave = self.env["hr.holidays"].create({
            "name": "Unpaid", "employee_id": self.emp_leave.id, "type": "remove",
            "holiday_status_id": self.env.ref("hr_holidays.holiday_status_unpaid").id,
            "date_from": "2030-03-11 01:00:00", "date_to": "2030-03-12 10:00:00",
            "number_of_days_temp": 2.0})
        leave.action_approve()
        self.assertEqual(leave.state, "validate")
        slip = self.slip(self.emp_leave)
        slip.compute_sheet()
        amounts = self.amounts(slip)
        self.assertAlmostEqual(amounts["UNPAID"], -248.28, places=2)
        self.assertAlmostEqual(amounts["GROSS"], 3251.72, places=2)
        self.assertAlmostEqual(amounts["EE_HOUSING"], -390.21, places=2)
        self.assertAlmostEqual(amounts["NET"], 2389.01, places=2)

    def test_grade_in_force_at_period_end(self):
        """A promotion on 2030-03-20 pays the new grade for March."""
        history = self.emp_new.aux_grade_history_ids
        history.write({"date_to": "2030-03-19"})
        self.env["aux.grade.history"].create({
            "employee_id": self.emp_new.id, "grade_id": self.grades[6].id,
            "date_from": "2030-03-20", "reason": "seniority"})
        slip = self.slip(self.emp_new)
        slip.compute_sheet()
        self.assertAlmostEqual(self.amounts(slip)["GRADE"], 450.0, places=2)

    def test_backdated_table_pays_arrears(self):
        """February was paid with grade pay 600; a version back-dated to February
        raises level 5 to 700: March pays 700 and 100 of arrears for February,
        and the arrears are not paid twice."""
        february = self.slip(self.emp_mid, period=FEBRUARY)
        february.compute_sheet()
        february.write({"state": "done"})
        # computed "last month", before the new version is recorded
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id = %s",
                            ("2026-01-01 00:00:00", february.id))
        february.invalidate_cache()
        grade_table = self.env.ref("aux_payroll.aux_pay_table_grade_pay")
        self.Version.create({
            "name": "2030 rise", "table_id": grade_table.id, "date_from": "2030-02-01",
            "line_ids": [(0, 0, {"grade_id": g.id, "amount": 700.0 if g == self.grades[5]
                                 else self.Table._aux_reader("2030-01-31").rate(
                                     "GRADE_PAY", g)}) for g in self.grades.values()]})
        march = self.slip(self.emp_mid)
        march.compute_sheet()
        amounts = self.amounts(march)
        self.assertAlmostEqual(amounts["GRADE"], 700.0, places=2)
        self.assertAlmostEqual(amounts["ARREARS"], 100.0, places=2)
        arrears = march.line_ids.filtered(lambda ln: ln.code == "ARREARS")
        self.assertEqual(arrears.aux_arrears_date, "2030-02-01")
        self.assertEqual(arrears.aux_arrears_code, "GRADE")
        self.assertIn("Grade Pay", arrears.name)
        self.assertIn("2030-02", arrears.name)
        # March confirmed: April owes nothing more for February
        march.write({"state": "done"})
        april = self.slip(self.emp_mid, period=("2030-04-01", "2030-04-30"))
        april.compute_sheet()
        self.assertNotIn("ARREARS", self.amounts(april))

    def test_done_payslip_not_recomputed(self):
        slip = self.slip(self.emp_new, period=FEBRUARY)
        slip.compute_sheet()
        slip.write({"state": "done"})
        with self.assertRaises(UserError):
            slip._aux_compute_batch()

    def test_rule_code_stays_sandboxed(self):
        """Rule code runs in safe_eval's sandbox: an import is refused."""
        rule = self.env.ref("aux_payroll.aux_rule_basic")
        rule.amount_python_compute = "import os\nresult = 1"
        slip = self.slip(self.emp_new)
        with self.assertRaises(UserError):
            slip.compute_sheet()

    def test_auxiliary_contract_gets_aux_structure(self):
        self.assertEqual(self.emp_new.contract_ids.struct_id, self.structure)
        sworn = self.env["hr.contract"].create({
            "name": "Sworn", "employee_id": self.sworn_a.id, "wage": 5000.0,
            "struct_id": self.env.ref("hr_payroll.structure_base").id})
        self.assertNotEqual(sworn.struct_id, self.structure)

    def test_locked_run_refuses_changes(self):
        """A payslip of an approved (locked) run is not recomputed, changed or
        deleted, not even by a caller who sends the context key that once
        unlocked it; only the run's own server code (trusted) writes it."""
        Run = self.env["hr.payslip.run"]
        run = Run.create({"name": "Locked run", "date_start": "2030-03-01",
                          "date_end": "2030-03-31", "journal_id": self.journal.id})
        slip = self.slip(self.emp_veto, payslip_run_id=run.id)
        slip.compute_sheet()
        trust(run).write({"aux_state": "approved"})
        self.assertTrue(run.aux_locked)
        with self.assertRaisesRegex(UserError, "locked"):
            slip.compute_sheet()
        with self.assertRaisesRegex(UserError, "locked"):
            slip.write({"note": "changed"})
        with self.assertRaisesRegex(UserError, "locked"):
            slip.unlink()
        with self.assertRaisesRegex(UserError, "locked"):
            slip.with_context(aux_payroll_reopen=True).write({"note": "forged"})
        with self.assertRaisesRegex(UserError, "locked"):
            slip.line_ids[:1].write({"amount": 1.0})
        with self.assertRaisesRegex(UserError, "locked"):
            slip.input_line_ids[:1].write({"amount": 1.0})
        trust(slip).compute_sheet()
        trust(slip).write({"note": "reopened"})
        self.assertEqual(slip.note, "reopened")

    def test_backdated_promotion_pays_arrears(self):
        """A promotion to level 6 recorded in March with effect from 1 February
        pays the February difference of grade pay (450 - 300) as arrears."""
        february = self.slip(self.emp_veto, period=FEBRUARY)
        february.compute_sheet()
        february.write({"state": "done"})
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id = %s",
                            ("2026-01-01 00:00:00", february.id))
        february.invalidate_cache()
        self.emp_veto.aux_grade_history_ids.write({"date_to": "2030-01-31"})
        self.env["aux.grade.history"].create({
            "employee_id": self.emp_veto.id, "grade_id": self.grades[6].id,
            "date_from": "2030-02-01", "reason": "commendation"})
        march = self.slip(self.emp_veto)
        march.compute_sheet()
        arrears = march.line_ids.filtered(lambda ln: ln.code == "ARREARS")
        self.assertEqual(len(arrears), 1)
        self.assertAlmostEqual(arrears.total, 150.0, places=2)
        self.assertEqual((arrears.aux_arrears_date, arrears.aux_arrears_code),
                         ("2030-02-01", "GRADE"))
        amounts = self.amounts(march)
        self.assertAlmostEqual(amounts["GRADE"], 450.0, places=2)
        # gross includes the arrears: 2,200 + 450 + 200 + 0 (veto) + 150
        self.assertAlmostEqual(amounts["GROSS"], 3000.0, places=2)

    def test_stock_structure_keeps_stock_compute(self):
        """Payslips of another structure are computed by stock hr_payroll."""
        slip = self.slip(self.emp_new, struct_id=self.env.ref("hr_payroll.structure_base").id)
        slip.compute_sheet()
        amounts = self.amounts(slip)
        self.assertAlmostEqual(amounts["BASIC"], 3000.0, places=2)
        self.assertAlmostEqual(amounts["NET"], 3000.0, places=2)
        self.assertFalse(slip.aux_rates_date)
