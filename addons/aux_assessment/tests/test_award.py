# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The annual award list becomes commendation events (which payroll pays
through its reward rule: aux_payroll/tests/test_year_end.py); the annual
results are a criterion of the conversion to bureau-employed cadre."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import YEAR, AssessmentCase


class TestAwardList(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super(TestAwardList, cls).setUpClass()
        cls.rule.write({"award_top_n": 2, "min_headcount": 1})
        cls.award_type = cls.env.ref("aux_assessment.event_type_award_list")

    def sheets(self):
        """A1 98 with a veto, B 92, A 85, A2 70."""
        self.event(self.emp_a1, self.type_veto, "%s-05-05" % YEAR)
        return self.annual(self.emp_a1 | self.emp_b | self.emp_a | self.emp_a2,
                           [98, 92, 85, 70])

    def test_publish_the_award_list(self):
        sheets = self.sheets()
        self.confirm(sheets.sudo(self.user_office))
        by_employee = {s.employee_id: s for s in sheets}
        self.assertEqual(by_employee[self.emp_a1].bureau_rank, 1)
        self.assertFalse(by_employee[self.emp_a1].is_award, "a veto is never on the list")
        self.assertEqual(sheets.filtered("is_award").mapped("employee_id"),
                         self.emp_b | self.emp_a)
        events = self.year.sudo(self.user_manager)._aux_publish_awards("%s-01-20" % (YEAR + 1))
        self.assertEqual(events.mapped("employee_id"), self.emp_b | self.emp_a)
        for event in events:
            self.assertEqual((event.type_id, event.state, event.date, event.is_commendation),
                             (self.award_type, "confirmed", "%s-01-20" % (YEAR + 1), True))
            self.assertEqual(event.award_sheet_id, by_employee[event.employee_id])
            self.assertFalse(event.sheet_id, "no points on a monthly sheet")
        self.assertIn("rank 2", events.filtered(
            lambda e: e.employee_id == self.emp_b).description)
        self.assertEqual(self.year.award_event_count, 2)
        self.assertFalse(self.year.sudo(self.user_manager)._aux_publish_awards(
            "%s-01-21" % (YEAR + 1)), "published once")

    def test_publish_refused_until_every_sheet_is_confirmed(self):
        sheets = self.sheets()
        self.confirm(sheets[:3].sudo(self.user_office))
        with self.assertRaisesRegex(UserError, "1 annual sheets of %s are not confirmed" % YEAR):
            self.year.sudo(self.user_manager)._aux_publish_awards("%s-01-20" % (YEAR + 1))

    def test_only_the_manager_publishes(self):
        self.confirm(self.sheets().sudo(self.user_office))
        with self.assertRaises(AccessError):
            self.year.sudo(self.user_office)._aux_publish_awards("%s-01-20" % (YEAR + 1))

    def test_award_type_is_data(self):
        self.confirm(self.sheets().sudo(self.user_office))
        self.rule.award_event_type_id = False
        with self.assertRaisesRegex(UserError, "name no award list commendation"):
            self.year.sudo(self.user_manager)._aux_publish_awards("%s-01-20" % (YEAR + 1))


class TestCadreResults(AssessmentCase):
    """Shipped criteria: five years of service, college, and the last three
    confirmed annual results at least competent."""

    @classmethod
    def setUpClass(cls):
        super(TestCadreResults, cls).setUpClass()
        cls.rule.min_headcount = 1
        cls.emp_b.write({"entry_date": "%s-01-01" % (YEAR - 8), "education": "college"})
        Period = cls.env["aux.assessment.period"]
        cls.years = {}
        for year in (YEAR - 2, YEAR - 1, YEAR):
            cls.years[year] = Period._create_year(year).filtered(
                lambda p: p.period_type == "annual")

    def results(self, scores):
        for year, score in scores.items():
            sheet = self.Sheet._generate(self.years[year], self.emp_b)
            trust(sheet).write({"period_score": score, "evaluation_score": score})
            self.confirm(sheet.sudo(self.user_office))

    def wizard(self):
        return self.env["aux.cadre.convert"].sudo(self.user_manager).with_context(
            active_model="hr.employee", active_id=self.emp_b.id).create({
                "date": "%s-03-01" % (YEAR + 1), "decision": "Cadre 1", "wage": 4000,
                "term_months": 36})

    def test_last_three_results_at_least_competent(self):
        self.results({YEAR - 2: 80, YEAR - 1: 70, YEAR: 92})
        wizard = self.wizard()
        self.assertFalse(wizard.eligible)
        self.assertIn("Annual results", wizard.eligibility)
        with self.assertRaisesRegex(UserError, "Annual results %s Excellent, %s Basically "
                                               "Competent, %s Competent, required the last 3 "
                                               "at least Competent" % (YEAR, YEAR - 1, YEAR - 2)):
            wizard.action_convert()

    def test_eligible_with_three_good_results(self):
        self.results({YEAR - 2: 80, YEAR - 1: 76, YEAR: 92})
        wizard = self.wizard()
        self.assertTrue(wizard.eligible, wizard.eligibility)
        wizard.action_convert()
        self.assertTrue(self.emp_b.aux_is_cadre)

    def test_two_results_are_not_three(self):
        self.results({YEAR - 1: 95, YEAR: 95})
        self.assertFalse(self.wizard().eligible)
