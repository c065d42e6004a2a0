# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AuxWelfareCase, days_from_today


class TestLifeEvent(AuxWelfareCase):

    def test_confirm_creates_visit_for_unit_leader_with_deadline(self):
        event = self._create_event(self.emp_aux_a2, date="2026-03-10")
        self.assertFalse(event.visit_ids, "no task before confirmation")
        event.action_confirm()
        self.assertEqual(event.state, "confirmed")
        visit = event.visit_ids
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.rule_id, self.rule_illness)
        self.assertEqual(visit.visitor_id, self.user_leader_a)
        self.assertEqual(visit.deadline, "2026-03-13")  # 3 days in the shipped rule
        self.assertEqual(visit.state, "todo")

    def test_visitor_of_sub_unit_is_its_own_manager_or_nobody(self):
        """The visitor is the manager of the person's own unit."""
        self.unit_a_sub.manager_id = self.emp_leader_b
        event = self._create_event(self.emp_aux_a)
        event.action_confirm()
        self.assertEqual(event.visit_ids.visitor_id, self.user_leader_b)

    def test_deadline_follows_rule_days_as_data(self):
        self.rule_illness.days = 10
        event = self._create_event(self.emp_aux_a2, date="2026-03-10")
        event.action_confirm()
        self.assertEqual(event.visit_ids.deadline, "2026-03-20")

    def test_bureau_leader_visit_goes_to_named_user_or_company(self):
        event = self._create_event(self.emp_aux_b, self.type_injury, date="2026-04-01")
        event.action_confirm()
        bureau_visit = event.visit_ids.filtered(lambda v: v.visitor_role == "bureau_leader")
        unit_visit = event.visit_ids - bureau_visit
        self.assertEqual(bureau_visit.visitor_id, self.user_bureau)
        self.assertEqual(bureau_visit.deadline, "2026-04-04")
        self.assertEqual(unit_visit.visitor_id, self.user_leader_b)
        self.assertEqual(unit_visit.deadline, "2026-04-02")

        rule = self.env.ref("aux_welfare.visit_rule_injury_bureau")
        rule.visitor_user_id = self.user_manager
        event2 = self._create_event(self.emp_aux_b, self.type_injury)
        event2.action_confirm()
        self.assertIn(self.user_manager, event2.visit_ids.mapped("visitor_id"))

    def test_rule_outside_validity_is_ignored(self):
        self.rule_illness.write({"date_from": "2025-01-01", "date_to": "2025-12-31"})
        event = self._create_event(self.emp_aux_a2, date="2026-01-15")
        event.action_confirm()
        self.assertFalse(event.visit_ids)
        old = self._create_event(self.emp_aux_a2, date="2025-06-01")
        old.action_confirm()
        self.assertEqual(len(old.visit_ids), 1)

    def test_confirm_prepares_condolence_payment_at_standard_amount(self):
        event = self._create_event(self.emp_aux_a2)
        event.action_confirm()
        payment = event.payment_ids
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment.state, "draft")
        self.assertEqual(payment.payment_type, "condolence")
        self.assertEqual(payment.amount, self.rule_illness.standard_amount)
        self.assertEqual(payment.standard_amount, self.rule_illness.standard_amount)

    def test_event_without_payment_rule_creates_no_payment(self):
        event = self._create_event(self.emp_aux_a2, self.type_marriage)
        event.action_confirm()
        self.assertEqual(len(event.visit_ids), 1)
        self.assertFalse(event.payment_ids)

    def test_confirm_twice_is_refused(self):
        event = self._create_event(self.emp_aux_a2)
        event.action_confirm()
        with self.assertRaises(UserError):
            event.action_confirm()
        self.assertEqual(len(event.visit_ids), 1)

    def test_close_refused_while_visits_open(self):
        event = self._create_event(self.emp_aux_a2)
        event.action_confirm()
        with self.assertRaises(UserError):
            event.action_close()
        event.visit_ids.write({"visit_date": event.event_date, "summary": "Brought fruit"})
        event.visit_ids.action_done()
        event.action_close()
        self.assertEqual(event.state, "closed")

    def test_cancel_cancels_open_visits(self):
        event = self._create_event(self.emp_aux_a2)
        event.action_confirm()
        event.action_cancel()
        self.assertEqual(event.visit_ids.state, "cancelled")

    def test_family_member_must_belong_to_the_person(self):
        member_of_b = self.env["aux.family.member"].create({
            "employee_id": self.emp_aux_b.id, "relation": "father", "name": "Father B"})
        with self.assertRaises(ValidationError):
            self._create_event(self.emp_aux_a2, family_member_id=member_of_b.id)

    def test_unit_leader_records_and_confirms_for_own_unit(self):
        Event = self.env["aux.life.event"].sudo(self.user_leader_a)
        event = Event.create({
            "employee_id": self.emp_aux_a.id,  # in the sub-unit of A
            "event_type_id": self.type_illness.id,
            "event_date": days_from_today(0),
        })
        event.action_confirm()
        self.assertEqual(len(event.visit_ids), 1)
        self.assertEqual(len(event.payment_ids), 1)

    def test_unit_leader_cannot_see_other_unit_events(self):
        event = self._create_event(self.emp_aux_b)
        with self.assertRaises(AccessError):
            event.sudo(self.user_leader_a).read(["name"])
        self.assertFalse(self.env["aux.life.event"].sudo(self.user_leader_a).search(
            [("id", "=", event.id)]))
        self.assertTrue(event.sudo(self.user_leader_b).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["aux.life.event"].sudo(self.user_leader_a).create({
                "employee_id": self.emp_aux_b.id, "event_type_id": self.type_illness.id})

    def test_auxiliary_sees_own_events_only(self):
        own = self._create_event(self.emp_aux_a)
        other = self._create_event(self.emp_aux_a2)
        Event = self.env["aux.life.event"].sudo(self.user_aux_a)
        self.assertEqual(Event.search([("id", "in", (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            other.sudo(self.user_aux_a).read(["name"])

    def test_auxiliary_reports_own_event_but_not_for_others(self):
        Event = self.env["aux.life.event"].sudo(self.user_aux_a)
        event = Event.create({"employee_id": self.emp_aux_a.id,
                              "event_type_id": self.type_illness.id,
                              "reported_by": "self"})
        self.assertEqual(event.state, "draft")
        with self.assertRaises(AccessError):
            Event.create({"employee_id": self.emp_aux_a2.id,
                          "event_type_id": self.type_illness.id})

    def test_auxiliary_cannot_change_confirmed_event(self):
        event = self._create_event(self.emp_aux_a)
        event.action_confirm()
        with self.assertRaises(AccessError):
            event.sudo(self.user_aux_a).write({"description": "changed"})

    def test_medical_detail_only_for_welfare_officers(self):
        event = self._create_event(self.emp_aux_a2, medical_detail="Cardiac surgery")
        self.assertEqual(
            event.sudo(self.user_officer).read(["medical_detail"])[0]["medical_detail"],
            "Cardiac surgery")
        for user in (self.user_leader_a, self.user_office, self.user_aux_a2):
            with self.assertRaises(AccessError):
                event.sudo(user).read(["medical_detail"])
            self.assertNotIn("medical_detail", event.sudo(user).read()[0])
