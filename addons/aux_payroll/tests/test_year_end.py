# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Results tied to year-end pay (与年终工资挂钩), hand-computed with the
shipped tables: YEAR_END_PERF excellent 6,000, competent 4,000, basic 2,000,
incompetent 0, paid in January (YEAR_END_MONTH 1) for the previous year's
confirmed annual result; the award list's commendations (bureau level) pay
the reward table's 500 in the month they are published."""
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import YEAR, AuxPayrollCase

JANUARY = ("2031-01-01", "2031-01-31")
FEBRUARY = ("2031-02-01", "2031-02-28")
MARCH = ("2031-03-01", "2031-03-31")


class TestYearEndPay(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestYearEndPay, cls).setUpClass()
        env = cls.env
        cls.user_manager = cls._aux_user("ye_manager", "manager")
        cls.rule = env.ref("aux_assessment.rule_default")
        # every unit may have one excellent result, whatever its size
        cls.rule.min_headcount = 1
        cls.year = env["aux.assessment.period"].search(
            [("period_type", "=", "annual"), ("year", "=", YEAR)])
        # 2030 results: emp_old excellent (95), emp_mid competent (80), emp_tax
        # basically competent (65), emp_veto incompetent (veto item in March)
        cls.annual = cls._annual({cls.emp_old: 95, cls.emp_mid: 80, cls.emp_tax: 65,
                                  cls.emp_veto: 95})
        cls.annual.sudo(cls.user_officer).action_submit()
        cls.annual.sudo(cls.user_officer).action_check()
        cls.annual.sudo(cls.user_officer).action_confirm()

    @classmethod
    def _annual(cls, scores):
        """Annual sheets of 2030 with monthly average and year-end evaluation
        both at the score (the average given by trusted fixture code)."""
        Sheet = cls.env["aux.assessment.sheet"]
        employees = cls.env["hr.employee"].browse([e.id for e in scores])
        sheets = Sheet._generate(cls.year, employees)
        for sheet in sheets:
            score = scores[sheet.employee_id]
            trust(sheet).write({"period_score": score, "evaluation_score": score})
        return sheets

    def compute(self, employees, period):
        slips = self.Slip.browse()
        for employee in employees:
            slips |= self.slip(employee, period=period)
        slips.sudo(self.user_officer).compute_sheet()
        return {slip.employee_id: slip for slip in slips}

    def test_january_pays_last_years_band(self):
        bands = {s.employee_id: s.band_id.code for s in self.annual}
        self.assertEqual(bands, {self.emp_old: "excellent", self.emp_mid: "competent",
                                 self.emp_tax: "basic", self.emp_veto: "incompetent"})
        slips = self.compute(self.emp_old | self.emp_mid | self.emp_tax | self.emp_veto
                             | self.emp_none, JANUARY)
        year_end = {emp: self.amounts(slip).get("YEAR_END") for emp, slip in slips.items()}
        self.assertEqual(year_end, {self.emp_old: 6000.0, self.emp_mid: 4000.0,
                                    self.emp_tax: 2000.0, self.emp_veto: 0.0,
                                    self.emp_none: None})
        # emp_mid: base 2,200 + grade L5 600 + 10 years x 50 + post 200 + performance
        # 800 (no assessment of January 2031: coefficient 1.0) + year-end 4,000
        self.assertEqual(self.amounts(slips[self.emp_mid])["GROSS"], 8300.0)
        self.assertIn("No confirmed annual result for 2030", slips[self.emp_none].aux_warning)
        self.assertNotIn("annual result", slips[self.emp_mid].aux_warning)

    def test_other_months_pay_no_year_end(self):
        slips = self.compute(self.emp_old | self.emp_none, FEBRUARY)
        for slip in slips.values():
            self.assertNotIn("YEAR_END", self.amounts(slip))
            self.assertNotIn("annual result", slip.aux_warning or "")

    def test_month_and_amounts_are_data(self):
        """A new version of the table pays the new amount; another month of
        payment moves the year-end pay."""
        table = self.env.ref("aux_payroll.aux_pay_table_year_end_perf")
        self.Version.sudo(self.user_finance).create({
            "name": "2031 rates", "table_id": table.id, "date_from": "2031-01-01",
            "line_ids": [(0, 0, {"key_code": "excellent", "amount": 7000})]})
        month = self.env.ref("aux_payroll.aux_pay_table_year_end_month")
        self.Version.sudo(self.user_finance).create({
            "name": "Paid in February", "table_id": month.id, "date_from": "2031-01-01",
            "line_ids": [(0, 0, {"amount": 2})]})
        self.assertNotIn("YEAR_END", self.amounts(self.compute(self.emp_old, JANUARY)[
            self.emp_old]))
        self.assertEqual(self.amounts(self.compute(self.emp_old, FEBRUARY)[
            self.emp_old])["YEAR_END"], 7000.0)

    def test_result_confirmed_late_is_paid_as_arrears(self):
        """January is paid (done) before emp_none's result is confirmed: the
        February payslip pays the competent year-end pay as arrears of January."""
        january = self.compute(self.emp_none, JANUARY)[self.emp_none]
        january.write({"state": "done"})
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id = %s",
                            ("2026-01-01 00:00:00", january.id))
        january.invalidate_cache()
        late = self._annual({self.emp_none: 80})
        late.sudo(self.user_officer).action_submit()
        late.sudo(self.user_officer).action_check()
        late.sudo(self.user_officer).action_confirm()
        february = self.compute(self.emp_none, FEBRUARY)[self.emp_none]
        arrears = february.line_ids.filtered(lambda line: line.code == "ARREARS")
        self.assertEqual([(a.aux_arrears_date, a.aux_arrears_code, a.total) for a in arrears],
                         [("2031-01-01", "YEAR_END", 4000.0)])
        self.assertNotIn("YEAR_END", self.amounts(february))

    def test_award_list_pays_through_the_reward_rule(self):
        """Award list of 2030 (Top 2 of the bureau, the vetoed 95 left out):
        emp_old (95) and emp_mid (80) get a bureau commendation on 2031-03-10,
        paid 500 in March; a second publication adds nothing."""
        self.rule.award_top_n = 2
        self.annual._recompute_ranks()
        self.assertEqual(self.annual.filtered("is_award").mapped("employee_id"),
                         self.emp_old | self.emp_mid)
        events = self.year.sudo(self.user_manager)._aux_publish_awards("2031-03-10")
        self.assertEqual(events.mapped("employee_id"), self.emp_old | self.emp_mid)
        self.assertEqual(set(events.mapped("state")), {"confirmed"})
        self.assertEqual(events.mapped("type_id"),
                         self.env.ref("aux_assessment.event_type_award_list"))
        self.assertFalse(self.year.sudo(self.user_manager)._aux_publish_awards("2031-03-10"))
        slips = self.compute(self.emp_old | self.emp_tax, MARCH)
        self.assertEqual(self.amounts(slips[self.emp_old]).get("REWARD"), 500.0)
        self.assertNotIn("REWARD", self.amounts(slips[self.emp_tax]))
