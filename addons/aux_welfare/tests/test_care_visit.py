# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AuxWelfareCase, days_from_today


class TestCareVisit(AuxWelfareCase):

    def _confirmed_visit(self, employee, days_ago):
        event = self._create_event(employee, date=days_from_today(-days_ago))
        event.action_confirm()
        return event.visit_ids

    def test_cron_flags_overdue_and_escalates_to_visitor_manager(self):
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)  # deadline 7 days ago
        recent = self._confirmed_visit(self.emp_aux_b, days_ago=1)
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.assertEqual(late.state, "overdue")
        self.assertEqual(late.timing, "missing")
        self.assertTrue(late.escalated)
        self.assertEqual(recent.state, "todo")
        self.assertFalse(recent.escalated)
        activity = late.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_manager,
                         "the manager of the visitor (leader A) is warned")
        self.assertTrue(late.message_ids.filtered(
            lambda m: late.event_id.name in (m.body or "")), "a note tells the followers")

    def test_escalation_happens_once(self):
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.assertEqual(len(late.activity_ids), 1)

    def test_escalation_without_visitor_manager_goes_to_bureau_leader(self):
        self.emp_leader_a.parent_id = False
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.assertEqual(late.activity_ids.user_id, self.user_bureau)

    def test_escalation_without_visitor_manager_goes_up_the_units(self):
        # leader A's file names no manager: the leader of the unit above unit A
        self.emp_leader_a.parent_id = False
        bureau = self.env["hr.department"].create(
            {"name": "W Bureau", "manager_id": self.emp_manager.id})
        self.unit_a.parent_id = bureau
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.assertEqual(late.activity_ids.user_id, self.user_manager)

    def test_visit_done_on_time_or_late(self):
        visit = self._confirmed_visit(self.emp_aux_a2, days_ago=1)
        visit.write({"visit_date": visit.deadline, "summary": "Talked with the family",
                     "location": "City hospital", "participants": "Leader A"})
        visit.action_done()
        self.assertEqual(visit.timing, "on_time")
        self.assertEqual(visit.delay_days, 0)

        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env["aux.care.visit"]._cron_flag_overdue()
        late.write({"visit_date": days_from_today(0), "summary": "Late visit"})
        late.action_done()
        self.assertEqual(late.state, "done")
        self.assertEqual(late.timing, "late")
        self.assertEqual(late.delay_days, 7)

    def test_done_requires_date_and_what_was_said(self):
        visit = self._confirmed_visit(self.emp_aux_a2, days_ago=0)
        with self.assertRaises(UserError):
            visit.action_done()
        self.assertEqual(visit.state, "todo")

    def test_compliance_per_unit(self):
        on_time = self._confirmed_visit(self.emp_aux_a2, days_ago=0)
        on_time.write({"visit_date": days_from_today(0), "summary": "ok"})
        on_time.action_done()
        self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env["aux.care.visit"]._cron_flag_overdue()
        groups = self.env["aux.care.visit"].read_group(
            [("department_id", "=", self.unit_a.id)], ["timing"], ["timing"])
        counts = {g["timing"]: g["timing_count"] for g in groups}
        self.assertEqual(counts, {"on_time": 1, "missing": 1})

    def test_leader_of_other_unit_cannot_read_visit(self):
        visit = self._confirmed_visit(self.emp_aux_a2, days_ago=0)
        with self.assertRaises(AccessError):
            visit.sudo(self.user_leader_b).read(["deadline"])
        self.assertTrue(visit.sudo(self.user_leader_a).read(["deadline"]))
        with self.assertRaises(AccessError):
            visit.sudo(self.user_aux_a2).read(["deadline"])

    def test_bureau_leader_visitor_reads_own_task(self):
        self.env.ref("aux_welfare.visit_rule_injury_bureau").visitor_user_id = \
            self.user_leader_b
        event = self._create_event(self.emp_aux_a2, self.type_injury)
        event.action_confirm()
        mine = event.visit_ids.filtered(lambda v: v.visitor_id == self.user_leader_b)
        self.assertTrue(mine.sudo(self.user_leader_b).read(["deadline"]))

    def test_todo_lists_overdue_first_and_respects_units(self):
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        soon = self._confirmed_visit(self.emp_aux_a, days_ago=0)
        self.env["aux.care.visit"]._cron_flag_overdue()
        talk = self.env["aux.talk"].create({
            "name": "Routine", "employee_id": self.emp_aux_a2.id,
            "talker_id": self.user_leader_a.id, "date_planned": days_from_today(1)})
        Todo = self.env["aux.welfare.todo"].sudo(self.user_leader_a)
        rows = Todo.search([("user_id", "=", self.user_leader_a.id)])
        self.assertEqual(rows.mapped("visit_id"), late | soon)
        # the two illnesses also planned the talks the must-talk rule asks for
        must_talks = self.env["aux.talk"].search(
            [("event_id", "in", (late | soon).mapped("event_id").ids), ("rule_id", "!=", False)])
        self.assertEqual(len(must_talks), 2)
        self.assertEqual(rows.mapped("talk_id"), talk | must_talks)
        self.assertEqual(rows[0].visit_id, late)
        self.assertTrue(rows[0].is_overdue)
        self.assertFalse(rows[1:].filtered("is_overdue"))
        self.assertFalse(self.env["aux.welfare.todo"].sudo(self.user_leader_b).search(
            [("id", "in", rows.ids)]))

    def test_daily_cron_job_runs_the_flagging(self):
        late = self._confirmed_visit(self.emp_aux_a2, days_ago=10)
        self.env.ref("aux_welfare.ir_cron_aux_care_visit_overdue").method_direct_trigger()
        self.assertEqual(late.state, "overdue")

    def test_visit_rule_values_checked(self):
        with self.assertRaises(ValidationError):
            self.rule_illness.days = -1
        with self.assertRaises(ValidationError):
            self.rule_illness.write({"date_from": "2026-05-01", "date_to": "2026-04-01"})
