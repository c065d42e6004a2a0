# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""季评定 and the annual average follow the confirmed months; stored
totals follow the rules and bands they read.

Hand-computed with the shipped data: bands excellent >= 90, competent >= 75,
basically competent >= 60; annual weights 70 (monthly average) / 30
(year-end evaluation)."""
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import YEAR, AssessmentCase


class DerivedCase(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super(DerivedCase, cls).setUpClass()
        periods = cls.env["aux.assessment.period"].search([("year", "=", YEAR)])
        cls.mar = periods.filtered(lambda p: p.name == "%s-03" % YEAR)

    def month(self, period, score, confirm=True):
        sheet = self.generate(period, self.emp_b)
        self.set_total(sheet, score)
        if confirm:
            self.confirm(sheet.sudo(self.user_office))
        return sheet

    def reopen(self, sheet, user=None):
        sheet.sudo(user or self.user_manager)._reopen("Rescored after an appeal")


class TestQuarter(DerivedCase):

    def test_quarter_is_the_average_of_its_confirmed_months(self):
        """Jan 80 and Feb 90 confirmed, March 70 still a draft: Q1 = 85
        (competent) over 2 months; March confirmed: (80 + 90 + 70) / 3 = 80."""
        jan = self.month(self.jan, 80)
        self.month(self.feb, 90)
        mar = self.month(self.mar, 70, confirm=False)
        quarter = self.generate(self.q1, self.emp_b)
        self.assertFalse(quarter.line_ids, "a quarter has no scores of its own")
        self.assertEqual((quarter.period_score, quarter.period_months), (85.0, 2))
        self.assertEqual(quarter.total_score, 85.0)
        self.assertEqual(quarter.band_id, self.band_competent)
        self.confirm(mar.sudo(self.user_office))
        self.assertEqual((quarter.period_score, quarter.period_months), (80.0, 3))
        # January reopened (manager) drops out of the average, then rescored 50
        self.reopen(jan)
        self.assertEqual((quarter.period_score, quarter.period_months), (80.0, 2))
        self.set_total(jan, 50)
        self.confirm(jan.sudo(self.user_office))
        self.assertAlmostEqual(quarter.total_score, 70.0)
        self.assertEqual(quarter.band_id, self.band_basic)

    def test_quarter_with_a_veto_is_the_lowest_band(self):
        self.month(self.jan, 95)
        self.event(self.emp_b, self.type_veto, "%s-02-20" % YEAR)
        self.month(self.feb, 95)
        quarter = self.generate(self.q1, self.emp_b)
        self.assertTrue(quarter.veto)
        self.assertEqual(quarter.band_id, self.band_incompetent)

    def test_month_not_reopened_under_a_confirmed_quarter(self):
        jan = self.month(self.jan, 80)
        quarter = self.generate(self.q1, self.emp_b)
        self.confirm(quarter.sudo(self.user_office))
        with self.assertRaisesRegex(UserError, "confirmed quarterly sheet .* counts this month"):
            self.reopen(jan)
        self.assertEqual(jan.state, "confirmed")
        self.reopen(quarter)
        self.reopen(jan)
        self.assertEqual((quarter.period_score, quarter.period_months), (0.0, 0))


class TestAnnualAverage(DerivedCase):

    def test_annual_average_of_confirmed_months_only(self):
        """Jan 80 confirmed, Feb 90 submitted only: the average is 80; the
        total 0.7 x 80 + 0.3 x 70 = 77 (competent)."""
        self.month(self.jan, 80)
        feb = self.month(self.feb, 90, confirm=False)
        feb.sudo(self.user_office).action_submit()
        annual = self.Sheet._generate(self.year, self.emp_b)
        annual.evaluation_score = 70
        self.assertEqual((annual.period_score, annual.period_months), (80.0, 1))
        self.assertAlmostEqual(annual.total_score, 77.0)
        feb.sudo(self.user_office).action_check()
        feb.sudo(self.user_office).action_confirm()
        self.assertEqual((annual.period_score, annual.period_months), (85.0, 2))
        self.assertAlmostEqual(annual.total_score, 0.7 * 85 + 0.3 * 70)

    def test_reopened_month_recomputes_the_year(self):
        jan = self.month(self.jan, 80)
        self.month(self.feb, 90)
        annual = self.Sheet._generate(self.year, self.emp_b)
        self.assertEqual(annual.period_score, 85.0)
        self.reopen(jan)
        self.assertEqual((annual.period_score, annual.period_months), (90.0, 1))
        self.set_total(jan, 60)
        self.confirm(jan.sudo(self.user_office))
        self.assertEqual((annual.period_score, annual.period_months), (75.0, 2))

    def test_month_not_reopened_under_a_confirmed_year(self):
        jan = self.month(self.jan, 80)
        annual = self.Sheet._generate(self.year, self.emp_b)
        annual.evaluation_score = 80
        self.confirm(annual.sudo(self.user_office))
        with self.assertRaisesRegex(UserError, "confirmed annual sheet .* counts this month"):
            self.reopen(jan)


class TestStoredTotalsFollowTheirData(DerivedCase):

    def test_rule_weights_recompute_open_sheets_only(self):
        """Weights 70/30 -> 50/50: the open annual sheet (average 80,
        evaluation 100) goes from 86 to 90 (excellent) without any action on
        it; a confirmed one keeps its result until reopened."""
        self.month(self.jan, 80)
        annual = self.Sheet._generate(self.year, self.emp_b)
        annual.evaluation_score = 100
        self.assertAlmostEqual(annual.total_score, 86.0)
        self.assertEqual(annual.band_id, self.band_competent)
        other = self.annual(self.emp_a, [80])
        other.write({"evaluation_score": 100})
        self.confirm(other.sudo(self.user_office))
        self.rule.sudo(self.user_manager).write({"period_weight": 50, "evaluation_weight": 50})
        self.assertAlmostEqual(annual.total_score, 90.0)
        self.assertEqual(annual.band_id, self.band_excellent)
        self.assertTrue(annual.is_top_band)
        self.assertAlmostEqual(other.total_score, 86.0, msg="confirmed: locked")

    def test_unit_rule_applies_when_created(self):
        self.month(self.jan, 80)
        annual = self.Sheet._generate(self.year, self.emp_b)
        annual.evaluation_score = 50
        self.assertAlmostEqual(annual.total_score, 71.0)
        self.rule.sudo(self.user_manager).copy({
            "name": "Unit B rules", "department_id": self.unit_b.id,
            "period_weight": 100, "evaluation_weight": 0})
        self.assertAlmostEqual(annual.total_score, 80.0)

    def test_band_table_change_recomputes_bands(self):
        """Competent from 85 instead of 75: an open month of 80 becomes
        basically competent; the confirmed one stays competent."""
        draft = self.month(self.jan, 80, confirm=False)
        done = self.generate(self.jan, self.emp_a)
        self.set_total(done, 80)
        self.confirm(done.sudo(self.user_office))
        self.assertEqual(draft.band_id, self.band_competent)
        self.band_competent.sudo(self.user_manager).min_score = 85
        self.assertEqual(draft.band_id, self.band_basic)
        self.assertEqual(done.band_id, self.band_competent)

    def test_sheet_of_another_unit_reads_its_rule(self):
        """Moving a draft annual sheet's person to another unit: the sheet's
        unit is the server's; its total follows the unit's rules."""
        self.rule.copy({"name": "Unit A rules", "department_id": self.unit_a.id,
                        "period_weight": 100, "evaluation_weight": 0})
        annual = self.annual(self.emp_b, [80])
        annual.evaluation_score = 50
        self.assertAlmostEqual(annual.total_score, 0.7 * 80 + 0.3 * 50)
        trust(annual).write({"department_id": self.unit_a.id})
        self.assertAlmostEqual(annual.total_score, 80.0)
