"""The management loop across the addons (issue 12): a result or a violation
has the consequences the bureau's rules give it, each through the ORM as the
user who does it in the bureau.

- the office confirms a veto: a mandatory discipline case is opened with the
  sanction the veto item proposes, the unit leader must talk with the person
  within the veto rule's days, the running contract is advised 'do not
  renew' and the seniority promotion is stopped, each with its reason;
- the unit leader confirms penalties: the month's points reach the
  must-talk threshold once, and one talk is planned, not one per event;
- the office confirms an incompetent month: a talk is planned.
"""
from datetime import timedelta

from odoo import fields

from odoo.addons.aux_assessment.tests.common import AssessmentCase


class TestManagementLoop(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super(TestManagementLoop, cls).setUpClass()
        cls.unit_a.manager_id = cls.sworn_a  # the leader of unit A holds its talks
        cls.today = fields.Date.context_today(cls.env.user)
        cls.Talk = cls.env["aux.talk"]
        cls.Case = cls.env["aux.discipline.case"]

    def in_days(self, days):
        return fields.Date.to_string(fields.Date.from_string(self.today) + timedelta(days=days))

    def test_a_veto_sets_off_case_talk_renewal_and_promotion(self):
        year = int(self.today[:4])
        contract = self.env["hr.contract"].create({
            "name": "Contract Alpha", "employee_id": self.emp_a.id, "wage": 1,
            "date_start": "%d-01-01" % (year - 1), "date_end": "%d-12-31" % (year + 1),
            "state": "open"})
        self.env["aux.grade.history"].create({
            "employee_id": self.emp_a.id, "grade_id": self.env.ref("aux_personnel.aux_grade_l7").id,
            "date_from": "%d-01-01" % (year - 5), "reason": "seniority"})
        self.assertTrue(self.emp_a.aux_promotion_due, "five years in level 7")
        self.assertEqual(contract.aux_renewal_advice, "unknown")
        embezzle = self.env.ref("aux_assessment.event_type_veto_embezzle")
        event = self.Event.sudo(self.user_leader).create({
            "employee_id": self.emp_a.id, "type_id": embezzle.id, "date": self.today,
            "description": "Kept a seized phone"})
        event.sudo(self.user_office).action_confirm()

        case = self.Case.search([("event_id", "=", event.id)])
        self.assertEqual((case.mandatory, case.state, case.sanction_type_id),
                         (True, "draft",
                          self.env.ref("aux_assessment.sanction_type_referral")))
        talk = self.Talk.search([("employee_id", "=", self.emp_a.id),
                                 ("rule_id", "=", self.env.ref("aux_welfare.talk_rule_veto").id)])
        self.assertEqual((len(talk), talk.talker_id, talk.date_planned, talk.state),
                         (1, self.user_leader, self.in_days(3), "planned"))
        self.assertIn("Embezzling case property", talk.reason)
        self.assertIn(talk, self.Talk.sudo(self.user_leader).search([]),
                      "the leader finds it among his talks")
        contract.invalidate_cache()
        self.assertEqual(contract.aux_renewal_advice, "not_renew")
        self.assertIn("Embezzling case property", contract.aux_renewal_reason)
        self.emp_a.invalidate_cache()
        self.assertFalse(self.emp_a.aux_promotion_due)
        reasons = self.emp_a.sudo(self.user_office).aux_promotion_block_reason
        self.assertIn("Veto item Embezzling case property", reasons)
        self.assertIn("%s pending" % case.name, reasons)

    def test_penalties_of_a_month_plan_one_talk(self):
        """Two absences of 5 points in one month: 5 reaches the shipped
        threshold with the first, the second plans nothing more."""
        month = self.today[:8]
        for day in ("01", "02"):
            event = self.Event.sudo(self.user_leader).create({
                "employee_id": self.emp_a2.id, "type_id": self.type_absence.id,
                "date": month + day})
            event.sudo(self.user_leader).action_confirm()
        rule = self.env.ref("aux_welfare.talk_rule_penalty_month")
        talks = self.Talk.search([("employee_id", "=", self.emp_a2.id), ("rule_id", "=", rule.id)])
        self.assertEqual(len(talks), 1)
        self.assertEqual(talks.trigger_key, self.today[:7])
        self.assertIn("5 penalty points", talks.reason)

    def test_an_incompetent_month_plans_a_talk(self):
        sheet = self.generate(self.jan, self.emp_a3)
        self.set_total(sheet, 40)
        sheet.sudo(self.user_leader).action_submit()
        sheet.sudo(self.user_office).action_check()
        sheet.sudo(self.user_office).action_confirm()
        self.assertEqual(sheet.band_id, self.band_incompetent)
        rule = self.env.ref("aux_welfare.talk_rule_low_band_month")
        talk = self.Talk.search([("employee_id", "=", self.emp_a3.id), ("rule_id", "=", rule.id)])
        self.assertEqual(len(talk), 1)
        self.assertIn("Incompetent", talk.reason)
        self.assertEqual(talk.origin, "aux.assessment.sheet,%d" % sheet.id)
