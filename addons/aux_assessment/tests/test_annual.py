# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AssessmentCase


class TestAnnual(AssessmentCase):

    def test_annual_combines_monthly_average_and_evaluation(self):
        jan = self.generate(self.jan, self.emp_b)
        feb = self.generate(self.feb, self.emp_b)
        self.set_total(jan, 80)
        self.set_total(feb, 90)
        self.confirm(jan | feb)
        self.generate(self.q1, self.emp_b)  # quarterly sheets are not monthly scores
        annual = self.Sheet._generate(self.year, self.emp_b)
        self.assertFalse(annual.line_ids)
        self.assertAlmostEqual(annual.period_score, 85)
        annual.evaluation_score = 70
        # default weights 70 / 30 (data)
        self.assertAlmostEqual(annual.total_score, 0.7 * 85 + 0.3 * 70)
        self.assertEqual(annual.band_id, self.band_competent)
        # a month reopened and rescored: the average follows (test_derived)
        jan.sudo(self.user_manager)._reopen("Rescored")
        self.set_total(jan, 60)
        self.confirm(jan)
        self.assertAlmostEqual(annual.period_score, 75)

    def test_weights_are_data(self):
        annual = self.annual(self.emp_b, [80])
        annual.evaluation_score = 100
        self.rule.write({"period_weight": 50, "evaluation_weight": 50})
        trust(annual)._compute_total_score()  # server-side recomputation
        self.assertAlmostEqual(annual.total_score, 90)
        with self.assertRaisesRegex(ValidationError, "100"):
            self.rule.write({"period_weight": 60})

    def test_rule_of_the_unit_overrides_the_bureau(self):
        self.rule.copy({"name": "Unit B rules", "department_id": self.unit_b.id,
                        "period_weight": 100, "evaluation_weight": 0})
        annual = self.annual(self.emp_b | self.emp_a, [80, 80])
        annual.write({"evaluation_score": 50})
        sheet_b = annual.filtered(lambda s: s.employee_id == self.emp_b)
        sheet_a = annual.filtered(lambda s: s.employee_id == self.emp_a)
        self.assertAlmostEqual(sheet_b.total_score, 80)
        self.assertAlmostEqual(sheet_a.total_score, 0.7 * 80 + 0.3 * 50)

    def test_evaluation_score_range(self):
        annual = self.annual(self.emp_b, [80])
        with self.assertRaises(ValidationError):
            annual.evaluation_score = 101
