# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Must-talk rules (issue 12): talks planned by rules, as data, for life
events, penalty points, low bands, vetoes and planned exits."""
from odoo.exceptions import AccessError, ValidationError

from .common import AuxWelfareCase, days_from_today


class TestTalkRule(AuxWelfareCase):

    @classmethod
    def setUpClass(cls):
        super(TestTalkRule, cls).setUpClass()
        ref = cls.env.ref
        cls.Talk = cls.env["aux.talk"]
        cls.Employee = cls.env["hr.employee"]
        cls.rule_life = ref("aux_welfare.talk_rule_life_event")
        cls.rule_penalty = ref("aux_welfare.talk_rule_penalty_month")
        cls.rule_band_year = ref("aux_welfare.talk_rule_low_band_year")
        cls.rule_veto = ref("aux_welfare.talk_rule_veto")
        cls.rule_exit = ref("aux_welfare.talk_rule_planned_exit")

    def talks(self, employee, rule=None):
        domain = [("employee_id", "=", employee.id), ("rule_id", "!=", False)]
        if rule:
            domain.append(("rule_id", "=", rule.id))
        return self.Talk.search(domain)

    def signal(self, trigger, employee, key, **values):
        values.update({"employee": employee, "key": key,
                       "date": values.get("date", days_from_today(0)),
                       "reason": values.get("reason", "why"), "origin": "x,1"})
        self.Employee._aux_signal(trigger, [values])
        return self.talks(employee)

    def test_life_event_of_a_listed_type_plans_a_talk(self):
        """Illness is listed (talk within 7 days by the unit leader); marriage is not."""
        event = self._create_event(self.emp_aux_a2)
        event.sudo(self.user_leader_a).action_confirm()
        talk = self.talks(self.emp_aux_a2, self.rule_life)
        self.assertEqual(len(talk), 1)
        self.assertEqual((talk.state, talk.trigger, talk.talker_id, talk.event_id),
                         ("planned", "event", self.user_leader_a, event))
        self.assertEqual(talk.date_planned, days_from_today(7))
        self.assertIn(event.name, talk.reason)
        self.assertIn(self.rule_life.name, talk.message_ids[0].body)
        wedding = self._create_event(self.emp_aux_b, self.type_marriage)
        wedding.sudo(self.user_leader_b).action_confirm()
        self.assertFalse(self.talks(self.emp_aux_b))

    def test_penalty_points_reach_the_threshold_once_per_month(self):
        """5 points in a month (shipped rule): 4 points nothing, 6 a talk, 8
        in the same month no second talk, the next month a new one."""
        self.assertFalse(self.signal("penalty_points", self.emp_aux_a2, "2026-03",
                                     period_type="monthly", value=4.0))
        talk = self.signal("penalty_points", self.emp_aux_a2, "2026-03",
                           period_type="monthly", value=6.0)
        self.assertEqual(len(talk), 1)
        self.assertEqual(talk.trigger, "warning")
        self.assertEqual(self.signal("penalty_points", self.emp_aux_a2, "2026-03",
                                     period_type="monthly", value=8.0), talk)
        self.assertFalse(self.signal("penalty_points", self.emp_aux_a, "2026",
                                     period_type="annual", value=8.0), "no yearly rule shipped")
        self.assertEqual(len(self.signal("penalty_points", self.emp_aux_a2, "2026-04",
                                         period_type="monthly", value=5.0)), 2)

    def test_threshold_and_period_are_data(self):
        self.rule_penalty.min_penalty_points = 3
        self.assertTrue(self.signal("penalty_points", self.emp_aux_b, "2026-03",
                                    period_type="monthly", value=3.0))
        self.rule_penalty.date_to = "2025-12-31"
        self.assertEqual(len(self.signal("penalty_points", self.emp_aux_b, "2026-05",
                                         period_type="monthly", value=9.0)), 1,
                         "the rule is no longer valid in 2026")

    def test_low_band_by_code_and_period(self):
        self.assertFalse(self.signal("low_band", self.emp_aux_a2, "sheet-1",
                                     period_type="monthly", codes=["basic"]),
                         "a basically competent month asks for nothing")
        talk = self.signal("low_band", self.emp_aux_a2, "sheet-2",
                           period_type="annual", codes=["basic"])
        self.assertEqual((talk.rule_id, talk.date_planned),
                         (self.rule_band_year, days_from_today(15)))

    def test_veto_and_planned_exit(self):
        talk = self.signal("veto", self.emp_aux_b, "event-9", codes=["VETO_DRINKING"])
        self.assertEqual((talk.rule_id, talk.talker_id, talk.date_planned),
                         (self.rule_veto, self.user_leader_b, days_from_today(3)))
        reason = self.env.ref("aux_personnel.aux_exit_reason_resigned")
        departure = self.env["aux.employee.exit"].sudo(self.user_office).create({
            "employee_id": self.emp_aux_a2.id, "reason_id": reason.id,
            "last_day": days_from_today(30)})
        talk = self.talks(self.emp_aux_a2, self.rule_exit)
        self.assertEqual((talk.trigger, talk.origin),
                         ("exit", "aux.employee.exit,%d" % departure.id))
        self.assertIn(reason.name, talk.reason)
        self.rule_exit.exit_reason_ids = self.env.ref("aux_personnel.aux_exit_reason_dismissed")
        self.env["aux.employee.exit"].create({
            "employee_id": self.emp_aux_b.id, "reason_id": reason.id,
            "last_day": days_from_today(30)})
        self.assertFalse(self.talks(self.emp_aux_b, self.rule_exit), "resigned is no longer listed")

    def test_named_talker(self):
        self.rule_veto.write({"talker_role": "named", "talker_user_id": self.user_officer.id})
        talk = self.signal("veto", self.emp_aux_a, "event-10")
        self.assertEqual(talk.talker_id, self.user_officer)

    def test_bad_rules_refused_with_the_rule_named(self):
        with self.assertRaisesRegex(ValidationError, "Penalty rule"):
            self.env["aux.talk.rule"].create({"name": "Penalty rule",
                                              "trigger": "penalty_points", "days": 5})
        with self.assertRaisesRegex(ValidationError, "Band rule"):
            self.env["aux.talk.rule"].create({"name": "Band rule", "trigger": "low_band",
                                              "period_type": "annual", "days": 5})

    def test_who_configures_the_rules(self):
        Rule = self.env["aux.talk.rule"]
        self.assertTrue(Rule.sudo(self.user_leader_a).search([]))
        with self.assertRaises(AccessError):
            self.rule_veto.sudo(self.user_leader_a).write({"days": 1})
        with self.assertRaises(AccessError):
            Rule.sudo(self.user_aux_a).search([])
        self.rule_veto.sudo(self.user_officer).write({"days": 2})
        self.assertEqual(self.rule_veto.days, 2)

    def test_rule_talk_fields_are_the_servers(self):
        with self.assertRaises(AccessError):
            self.Talk.sudo(self.user_leader_a).create({
                "name": "forged", "employee_id": self.emp_aux_a2.id,
                "rule_id": self.rule_veto.id})
