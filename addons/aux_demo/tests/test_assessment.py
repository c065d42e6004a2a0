# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_assessment.tests.common import AssessmentCase


class TestDemoAssessment(AssessmentCase):
    """The assessment part fills the twelve months before today: sheets with
    varied scores, posted events, the older months confirmed and the latest in
    progress, last year's annual results confirmed within the quota."""

    def test_twelve_months_of_sheets_and_events(self):
        employees = (self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5
                     | self.emp_a1 | self.emp_b)
        months = self.env["aux.demo.assessment"]._generate(
            employees=employees, today="2013-03-15")
        self.assertEqual(months.mapped("name"),
                         ["2012-%02d" % m for m in range(3, 13)] + ["2013-01", "2013-02"])
        sheets = self.Sheet.search([("period_id", "in", months.ids)])
        self.assertEqual(len(sheets), 12 * len(employees))
        latest = months[-1]
        older = sheets.filtered(lambda s: s.period_id != latest)
        self.assertEqual(set(older.mapped("state")), {"confirmed"})
        self.assertNotIn("confirmed", sheets.filtered(
            lambda s: s.period_id == latest).mapped("state"))
        self.assertGreater(len(set(sheets.mapped("total_score"))), 5)
        events = self.Event.search([("employee_id", "in", employees.ids),
                                    ("date", ">=", "2012-03-01"), ("date", "<", "2013-03-01")])
        self.assertEqual({e.date[:7] for e in events}, set(months.mapped("name")))
        confirmed = events.filtered(lambda e: e.state == "confirmed" and e.item_id)
        self.assertTrue(confirmed)
        self.assertTrue(all(confirmed.mapped("sheet_id")))
        self.assertTrue(sheets.filtered("veto"))
        annual = self.Sheet.search([("employee_id", "in", employees.ids),
                                    ("period_type", "=", "annual"), ("year", "=", 2012)])
        self.assertEqual(len(annual), len(employees))
        self.assertEqual(set(annual.mapped("state")), {"confirmed"})
        self.assertTrue(all(annual.mapped("evaluation_score")))
        self.assertTrue(all(annual.mapped("unit_rank")))
        self.assertFalse(self.env["aux.demo.assessment"]._generate(
            employees=employees, today="2013-03-15"), "runs only once")

    def test_discipline_cases_in_the_demo(self):
        """The mid-year veto's mandatory case is decided (a demerit in force
        ten days after the violation), a circulated criticism too."""
        employees = (self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5
                     | self.emp_a1 | self.emp_b)
        self.env["aux.demo.assessment"]._generate(employees=employees, today="2013-03-15")
        cases = self.env["aux.discipline.case"].search([("employee_id", "in", employees.ids)])
        mandatory = cases.filtered("mandatory")
        self.assertEqual(len(mandatory), 1, "the latest month's veto is still a draft event")
        self.assertEqual(mandatory.state, "confirmed")
        self.assertEqual(mandatory.sanction_type_id,
                         self.env.ref("aux_assessment.sanction_type_demerit"))
        self.assertTrue(mandatory.decision_ref)
        criticism = cases - mandatory
        self.assertEqual((criticism.state, criticism.decision_date, criticism.date_to),
                         ("confirmed", "2013-01-14", "2013-07-13"))
