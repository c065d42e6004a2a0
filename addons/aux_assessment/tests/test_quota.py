# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import YEAR, AssessmentCase


class TestQuota(AssessmentCase):

    def test_rounding_rule(self):
        # 20 % floored, but at least one from 5 people (data)
        self.assertEqual(self.rule.top_share, 20)
        self.assertEqual(self.rule.min_headcount, 5)
        expected = {1: 0, 4: 0, 5: 1, 9: 1, 10: 2, 14: 2, 15: 3, 40: 8}
        for headcount, quota in expected.items():
            self.assertEqual(self.rule._top_quota(headcount), quota, headcount)
        self.rule.write({"top_share": 15, "min_headcount": 3})
        self.assertEqual(self.rule._top_quota(3), 1)
        self.assertEqual(self.rule._top_quota(2), 0)
        self.assertEqual(self.rule._top_quota(20), 3)

    def _unit_a_annual(self, scores):
        people = self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5
        return self.annual(people, scores)

    def test_confirmation_refused_over_quota(self):
        sheets = self._unit_a_annual([95, 92, 80, 70, 60])
        sheets.action_submit()
        sheets.action_check()
        with self.assertRaisesRegex(UserError, r"Brigade A has 2 people .* quota of 1"):
            sheets.action_confirm()
        self.assertEqual(set(sheets.mapped("state")), {"office_checked"})
        # confirming one sheet at a time does not dodge the rule
        with self.assertRaisesRegex(UserError, "Brigade A"):
            sheets[0].action_confirm()
        second = sheets.filtered(lambda s: s.employee_id == self.emp_a2)
        second.action_return()
        second.evaluation_score = 80
        second.action_submit()
        second.action_check()
        sheets.action_confirm()
        self.assertEqual(set(sheets.mapped("state")), {"confirmed"})
        self.assertEqual(sheets.mapped("unit_quota"), [1] * 5)
        self.assertAlmostEqual(sum(sheets.mapped("quota_share")), 1)

    def test_monthly_sheets_are_not_under_quota(self):
        people = self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5
        sheets = self.generate(self.jan, people)
        self.confirm(sheets)
        self.assertEqual(set(sheets.mapped("band_id")), {self.band_excellent})

    def test_tie_break(self):
        # all five score 80 in the year; then penalties, commendations, entry date, name
        sheets = self._unit_a_annual([80, 80, 80, 80, 80])
        self.event(self.emp_a, self.type_late, "%s-03-01" % YEAR)          # 1 penalty
        self.event(self.emp_a2, self.type_late, "%s-03-01" % YEAR)         # 1 penalty
        self.event(self.emp_a2, self.type_commend, "%s-03-02" % YEAR)      # + commendation
        self.event(self.emp_a3, self.type_absence, "%s-03-01" % YEAR)      # 5 penalty
        # emp_a4 and emp_a5: no events; a5 entered earlier than a4
        Employee = self.env["hr.employee"]
        if "entry_date" in Employee._fields:
            self.emp_a4.entry_date = "2020-05-01"
            self.emp_a5.entry_date = "2019-05-01"
        else:
            self._contract(self.emp_a4, "2020-05-01")
            self._contract(self.emp_a5, "2019-05-01")
        self.year.action_rank()
        ranking = sheets.sorted("unit_rank").mapped("employee_id")
        self.assertEqual(ranking, self.emp_a5 | self.emp_a4 | self.emp_a2 | self.emp_a
                         | self.emp_a3)
        # a higher total beats everything
        sheets.filtered(lambda s: s.employee_id == self.emp_a3).evaluation_score = 90
        self.year.action_rank()
        self.assertEqual(sheets.sorted("unit_rank")[0].employee_id, self.emp_a3)

    def test_names_break_the_last_ties(self):
        sheets = self.annual(self.emp_a2 | self.emp_a, [80, 80])
        self.year.action_rank()
        self.assertEqual(sheets.sorted("unit_rank").mapped("employee_id.name"),
                         [self.emp_a.name, self.emp_a2.name])

    def _contract(self, employee, date_start):
        self.env["hr.contract"].create({"name": employee.name, "employee_id": employee.id,
                                        "wage": 1, "date_start": date_start})

    def test_award_and_bottom_lists(self):
        self.rule.write({"award_top_n": 2, "bottom_n": 1})
        sheets = self._unit_a_annual([70, 85, 80, 75, 60]) | self.annual(self.emp_b, [90])
        self.year.action_rank()
        award = self.Sheet.search([("period_id", "=", self.year.id), ("is_award", "=", True)])
        self.assertEqual(award.mapped("employee_id"), self.emp_b | self.emp_a2)
        bottom = self.Sheet.search([("period_id", "=", self.year.id), ("is_bottom", "=", True)])
        self.assertEqual(bottom.mapped("employee_id"), self.emp_a5 | self.emp_b)
        self.assertEqual(sheets.filtered(lambda s: s.employee_id == self.emp_b).bureau_rank, 1)
