# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxWelfareCase, days_from_today


class TestTalk(AuxWelfareCase):

    def _talk(self, **values):
        vals = {"name": "Talk", "employee_id": self.emp_aux_a2.id,
                "talker_id": self.user_leader_a.id, "trigger": "routine"}
        vals.update(values)
        return self.env["aux.talk"].create(vals)

    def test_talk_closes_only_when_followups_done(self):
        talk = self._talk(topics="Night shifts", followup_ids=[
            (0, 0, {"name": "Change roster", "due_date": days_from_today(5)}),
            (0, 0, {"name": "Call back in a week", "due_date": days_from_today(7)}),
        ])
        talk.action_held()
        self.assertEqual(talk.state, "held")
        self.assertTrue(talk.date)
        self.assertEqual(talk.followup_open_count, 2)
        with self.assertRaises(UserError):
            talk.action_close()
        talk.followup_ids[0].done = True
        with self.assertRaises(UserError):
            talk.action_close()
        talk.followup_ids.write({"done": True})
        talk.action_close()
        self.assertEqual(talk.state, "closed")
        with self.assertRaises(UserError):
            talk.followup_ids[0].done = False

    def test_closed_state_cannot_be_forced_with_open_followups(self):
        talk = self._talk(followup_ids=[(0, 0, {"name": "Visit the family"})])
        with self.assertRaises(AccessError):
            talk.write({"state": "closed"})
        with self.assertRaises(ValidationError):
            trust(talk).write({"state": "closed"})

    def test_held_requires_topics(self):
        talk = self._talk()
        with self.assertRaises(UserError):
            talk.action_held()

    def test_event_talk_must_concern_the_same_person(self):
        event = self._create_event(self.emp_aux_b)
        with self.assertRaises(ValidationError):
            self._talk(trigger="event", event_id=event.id)

    def test_suggest_talk_from_another_module(self):
        Talk = self.env["aux.talk"].sudo(self.user_office)
        talk = Talk._aux_suggest_talk(
            self.emp_aux_a2, "warning", "Score 55 in March", origin="aux.assessment.sheet,7")
        self.assertEqual(talk.state, "suggested")
        self.assertEqual(talk.trigger, "warning")
        self.assertEqual(talk.employee_id, self.emp_aux_a2)
        self.assertEqual(talk.talker_id, self.user_leader_a, "the unit's manager talks")
        self.assertEqual(talk.date_planned, days_from_today(7))
        self.assertEqual(talk.reason, "Score 55 in March")
        again = Talk._aux_suggest_talk(
            self.emp_aux_a2, "warning", "Score 55 in March", origin="aux.assessment.sheet,7")
        self.assertEqual(again, talk, "the same origin does not suggest twice")
        other = Talk._aux_suggest_talk(
            self.emp_aux_a2, "warning", "Penalty", origin="aux.assessment.event,3")
        self.assertNotEqual(other, talk)
        with self.assertRaises(UserError):
            Talk._aux_suggest_talk(self.emp_aux_a2, "gossip", "x")

    def test_suggested_talk_in_a_sub_unit_goes_to_the_parent_units_leader(self):
        # unit A1 has no manager: the leader of unit A holds the talk
        talk = self.env["aux.talk"]._aux_suggest_talk(
            self.emp_aux_a, "warning", "Late three times")
        self.assertEqual(talk.talker_id, self.user_leader_a)

    def test_suggest_talk_works_for_user_without_welfare_rights(self):
        talk = self.env["aux.talk"].sudo(self.user_aux_b)._aux_suggest_talk(
            self.emp_aux_a2, "mentoring", "New apprentice")
        self.assertTrue(talk.exists())

    def test_unit_rule_on_talks(self):
        talk = self._talk()
        self.assertTrue(talk.sudo(self.user_leader_a).read(["name"]))
        with self.assertRaises(AccessError):
            talk.sudo(self.user_leader_b).read(["name"])
        with self.assertRaises(AccessError):
            talk.sudo(self.user_aux_a2).read(["name"])
        self.assertTrue(talk.sudo(self.user_officer).read(["name"]))
