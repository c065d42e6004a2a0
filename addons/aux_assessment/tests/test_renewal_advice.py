# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Renewal advice from the results and the discipline record (issue 12):
stored, filterable, with its reasons, and kept up to date."""
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import YEAR
from .test_discipline import DisciplineCase


class TestRenewalAdvice(DisciplineCase):

    @classmethod
    def setUpClass(cls):
        super(TestRenewalAdvice, cls).setUpClass()
        cls.Contract = cls.env["hr.contract"]

    def contract(self, employee, start, end, state="open"):
        return self.Contract.create({"name": "Contract %s %s" % (employee.name, start),
                                     "employee_id": employee.id, "wage": 1,
                                     "date_start": start, "date_end": end, "state": state})

    def advice(self, contracts):
        contracts.invalidate_cache()
        return [c.aux_renewal_advice for c in contracts]

    def result(self, employee, year, score):
        period = self.env["aux.assessment.period"]._create_year(year).filtered(
            lambda p: p.period_type == "annual")
        sheet = self.Sheet._generate(period, employee)
        trust(sheet).write({"period_score": score, "evaluation_score": score})
        self.confirm(sheet)
        return sheet

    def test_veto_in_the_term_means_do_not_renew(self):
        """The issue's case: one annual result, 'Incompetent' because of a veto.
        Before: 'Renew' (two bad years needed). Now: do not renew, with the veto
        as reason; a contract whose term the veto is not in keeps its advice."""
        earlier = self.contract(self.emp_a, "%s-01-01" % (YEAR - 3), "%s-12-31" % (YEAR - 1),
                                state="close")
        current = self.contract(self.emp_a, "%s-01-01" % YEAR, "%s-12-31" % (YEAR + 2))
        self.assertEqual(self.advice(earlier | current), ["unknown", "unknown"])
        event = self.event(self.emp_a, self.type_veto, "%s-04-02" % YEAR,
                           description="Drinking on night duty")
        sheet = self.result(self.emp_a, YEAR, 95)
        self.assertEqual(sheet.band_id, self.band_incompetent)
        self.assertEqual(self.advice(earlier | current), ["renew", "not_renew"])
        self.assertIn("Veto item Drinking on duty on %s-04-02" % YEAR,
                      current.aux_renewal_reason)
        listed = self.Contract.search([("aux_renewal_advice", "=", "not_renew")])
        self.assertIn(current, listed)
        self.assertNotIn(earlier, listed)
        # revoked by the office: back to the results (one bad year: renew)
        event.sudo(self.user_office).action_cancel()
        self.assertEqual(self.advice(current), ["renew"])

    def test_dismissal_level_sanction_in_the_term(self):
        """Pending dismissal-level case: review; confirmed: do not renew;
        revoked: nothing left."""
        current = self.contract(self.emp_a2, "%s-01-01" % YEAR, "%s-12-31" % (YEAR + 2))
        case = self.case(self.emp_a2, self.dismissal, "%s-02-01" % YEAR)
        self.assertEqual(self.advice(current), ["unknown"], "a draft is not yet a case")
        case.sudo(self.user_leader).action_submit()
        self.assertEqual(self.advice(current), ["review"])
        self.assertIn("pending", current.aux_renewal_reason)
        self.decide(case, "%s-02-20" % YEAR, ref="Bureau decision 2011-9")
        self.assertEqual(self.advice(current), ["not_renew"])
        self.assertIn("Sanction Dismissal (Bureau decision 2011-9 of %s-02-20)" % YEAR,
                      current.aux_renewal_reason)
        case.sudo(self.user_manager)._revoke("annulled")
        self.assertEqual(self.advice(current), ["unknown"])

    def test_lesser_sanction_reviews_and_outside_the_term_nothing(self):
        old = self.contract(self.emp_a3, "%s-01-01" % (YEAR - 3), "%s-12-31" % (YEAR - 1),
                            state="close")
        current = self.contract(self.emp_a3, "%s-01-01" % YEAR, "%s-12-31" % (YEAR + 2))
        self.decide(self.case(self.emp_a3, self.demerit, "%s-11-05" % (YEAR - 1)),
                    "%s-11-20" % (YEAR - 1))
        self.assertEqual(self.advice(old | current), ["review", "unknown"])
        self.decide(self.case(self.emp_a3, self.criticism, "%s-03-05" % YEAR),
                    "%s-03-10" % YEAR)
        self.assertEqual(self.advice(current), ["unknown"], "criticism has no effect")

    def test_results_still_count(self):
        """Two incompetent years: do not renew; two basic: review (demotion)."""
        bad = self.contract(self.emp_a4, "%s-01-01" % (YEAR - 1), "%s-12-31" % (YEAR + 1))
        basic = self.contract(self.emp_a5, "%s-01-01" % (YEAR - 1), "%s-12-31" % (YEAR + 1))
        for year, scores in ((YEAR - 1, (40, 65)), (YEAR, (50, 62))):
            self.result(self.emp_a4, year, scores[0])
            self.result(self.emp_a5, year, scores[1])
        self.assertEqual(self.advice(bad | basic), ["not_renew", "review"])
        self.assertIn("2 in a row at or below Incompetent", bad.aux_renewal_reason)
