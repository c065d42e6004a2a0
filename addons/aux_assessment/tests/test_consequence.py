# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import YEAR, AssessmentCase


class TestConsequence(AssessmentCase):

    def _results(self, employee, scores):
        """Confirmed annual results of ``employee``: ``scores`` oldest first,
        the last one in YEAR."""
        Period = self.env["aux.assessment.period"]
        for offset, score in enumerate(reversed(scores)):
            year = YEAR - offset
            period = Period._create_year(year).filtered(lambda p: p.period_type == "annual")
            sheet = self.Sheet._generate(period, employee)
            trust(sheet).write({"period_score": score, "evaluation_score": score})
            self.confirm(sheet)

    def _candidates(self):
        return self.Sheet._aux_consequence_candidates("%s-12-31" % YEAR)

    def test_promotion_needs_competent_every_year(self):
        self._results(self.emp_a, [80, 85, 76])
        self._results(self.emp_a2, [80, 70, 88])
        self._results(self.emp_b, [85, 85])
        candidates = self._candidates()
        self.assertIn(self.emp_a.id, candidates["promotion"])
        self.assertNotIn(self.emp_a2.id, candidates["promotion"])
        self.assertNotIn(self.emp_b.id, candidates["promotion"], "only two years")
        self.rule.promotion_years = 2
        self.assertIn(self.emp_b.id, self._candidates()["promotion"])

    def test_demotion_and_non_renewal_need_two_bad_years_in_a_row(self):
        self._results(self.emp_a, [65, 62])
        self._results(self.emp_a2, [50, 40])
        self._results(self.emp_a3, [50, 80, 50])
        candidates = self._candidates()
        self.assertEqual(candidates["demotion"] & {self.emp_a.id, self.emp_a2.id,
                                                   self.emp_a3.id},
                         {self.emp_a.id, self.emp_a2.id})
        self.assertEqual(candidates["nonrenewal"] & {self.emp_a.id, self.emp_a2.id,
                                                     self.emp_a3.id},
                         {self.emp_a2.id})

    def test_employee_filters_and_contract_advice(self):
        self._results(self.emp_a2, [50, 40])
        self._results(self.emp_a, [80, 80])
        Employee = self.env["hr.employee"]
        self.assertIn(self.emp_a2, Employee.search([("aux_nonrenewal_candidate", "=", True)]))
        self.assertNotIn(self.emp_a, Employee.search([("aux_demotion_candidate", "=", True)]))
        Contract = self.env["hr.contract"]
        if not hasattr(Contract, "_aux_renewal_eligibility"):
            return
        bad = Contract.create({"name": "C bad", "employee_id": self.emp_a2.id, "wage": 1})
        good = Contract.create({"name": "C good", "employee_id": self.emp_a.id, "wage": 1})
        none = Contract.create({"name": "C none", "employee_id": self.emp_b.id, "wage": 1})
        advice = (bad | good | none)._aux_renewal_eligibility()
        self.assertEqual(advice[bad.id], "not_renew")
        self.assertEqual(advice[good.id], "renew")
        self.assertEqual(advice[none.id], "unknown")

    def test_unit_rules_set_the_thresholds(self):
        """Issue 12 item 5: the candidate lists used the bureau's rules for
        everyone. Unit B's own rules: non-renewal after one incompetent year,
        promotion after one competent year; unit A keeps the bureau's."""
        self.rule.copy({"name": "Brigade B rules", "department_id": self.unit_b.id,
                        "nonrenewal_years": 1, "demotion_years": 1, "promotion_years": 1})
        self._results(self.emp_a, [45])
        self._results(self.emp_b, [45])
        self._results(self.emp_a2, [80])
        candidates = self._candidates()
        self.assertIn(self.emp_b.id, candidates["nonrenewal"])
        self.assertNotIn(self.emp_a.id, candidates["nonrenewal"])
        details = self.Sheet._aux_consequence_details("%s-12-31" % YEAR)
        self.assertEqual(details["nonrenewal"][self.emp_b.id],
                         "Annual results %s Incompetent: 1 in a row at or below Incompetent "
                         "(Brigade B rules)" % YEAR)
        self.assertNotIn(self.emp_a2.id, candidates["promotion"], "unit A: three years")
        self.emp_a2.department_id = self.unit_b
        self.assertIn(self.emp_a2.id, self._candidates()["promotion"])
