# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The medical detail of life events and health checks is the welfare
officers' only: nobody else searches, groups, sorts, exports or
name-searches by it, not even through a path from another model, and the
refusal says nothing about the data (aux.private.fields.mixin)."""
from contextlib import contextmanager

from odoo import fields
from odoo.exceptions import AccessError

from .common import AuxWelfareCase

SEARCH = "You are not allowed to search, group or sort by the field '%s' of %s"
EXPORT = "You are not allowed to export the field '%s' of %s"


class TestMedicalDetailPrivacy(AuxWelfareCase):

    @classmethod
    def setUpClass(cls):
        super(TestMedicalDetailPrivacy, cls).setUpClass()
        # messages are asserted in English whatever the admin's language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        Event = cls.env["aux.life.event"]
        cls.event = Event.create({
            "employee_id": cls.emp_aux_a.id, "event_type_id": cls.type_illness.id,
            "event_date": fields.Date.today(), "medical_detail": "Cancer, second stage"})
        cls.event.action_confirm()
        cls.other_event = Event.create({
            "employee_id": cls.emp_aux_a2.id, "event_type_id": cls.type_injury.id,
            "event_date": fields.Date.today(), "medical_detail": "Broken arm"})
        cls.check = cls.env["aux.health.check"].create({
            "employee_id": cls.emp_aux_a.id, "medical_detail": "Hypertension"})
        # outside the welfare officers: the unit leader, the auxiliary office
        # and the person himself
        cls.outsiders = (cls.user_leader_a, cls.user_office, cls.user_aux_a)

    @contextmanager
    def refused(self, model, name="medical_detail", message=SEARCH):
        """The block raises the guard's AccessError naming ``model.name``;
        yields a list that receives the message."""
        received = []
        with self.assertRaises(AccessError) as caught:
            yield received
        label = self.env[model]._fields[name].get_description(self.env)["string"]
        self.assertIn(message % (label, self.env["ir.model"]._get(model).name),
                      caught.exception.name)
        received.append(caught.exception.name)

    def test_search_refused_matching_or_not(self):
        for user in self.outsiders:
            for model in ("aux.life.event", "aux.health.check"):
                Model = self.env[model].sudo(user)
                messages = set()
                for value in ("cancer", "no such illness"):
                    with self.refused(model) as received:
                        Model.search_count([("medical_detail", "ilike", value)])
                    messages.update(received)
                self.assertEqual(len(messages), 1, "the refusal depends on the data")
                self.assertNotIn("Cancer", messages.pop())
                with self.refused(model):
                    Model.search_read(
                        ["|", ("id", "=", 0), ("medical_detail", "!=", False)], ["id"])

    def test_search_through_a_path_refused(self):
        Visit = self.env["aux.care.visit"].sudo(self.user_leader_a)
        self.assertTrue(Visit.search([("event_id", "=", self.event.id)]))
        with self.refused("aux.life.event"):
            Visit.search_count([("event_id.medical_detail", "ilike", "cancer")])
        Employee = self.env["hr.employee"].sudo(self.user_office)
        with self.refused("aux.health.check"):
            Employee.search_count([("aux_health_check_ids.medical_detail", "ilike", "hyper")])

    def test_read_group_refused(self):
        for user in self.outsiders:
            Event = self.env["aux.life.event"].sudo(user)
            with self.refused("aux.life.event"):
                Event.read_group([], ["medical_detail"], ["medical_detail"])
            with self.refused("aux.life.event"):
                Event.read_group([], ["employee_id", "medical_detail"], ["employee_id"])
            with self.refused("aux.life.event"):
                Event.read_group([], ["employee_id"], ["employee_id"],
                                 orderby="medical_detail")
            with self.refused("aux.health.check"):
                self.env["aux.health.check"].sudo(user).read_group(
                    [], ["medical_detail"], ["medical_detail"])

    def test_order_refused(self):
        for user in self.outsiders:
            for model in ("aux.life.event", "aux.health.check"):
                with self.refused(model):
                    self.env[model].sudo(user).search([], order="medical_detail desc")

    def test_export_refused(self):
        events = self.env["aux.life.event"].sudo(self.user_leader_a).search(
            [("id", "=", self.event.id)])
        self.assertEqual(events, self.event)
        with self.refused("aux.life.event", message=EXPORT):
            events.export_data(["name", "medical_detail"])
        visits = self.env["aux.care.visit"].sudo(self.user_leader_a).search(
            [("event_id", "=", self.event.id)])
        self.assertTrue(visits)
        with self.refused("aux.life.event", message=EXPORT):
            visits.export_data(["event_id/medical_detail"])
        employee = self.env["hr.employee"].sudo(self.user_office).browse(self.emp_aux_a.id)
        with self.refused("aux.health.check", message=EXPORT):
            employee.export_data(["aux_health_check_ids/medical_detail"])

    def test_name_search_refused(self):
        with self.refused("aux.life.event"):
            self.env["aux.life.event"].sudo(self.user_leader_a).name_search(
                "", [("medical_detail", "ilike", "cancer")])
        with self.refused("aux.health.check"):
            self.env["aux.health.check"].sudo(self.user_office).name_search(
                "", [("medical_detail", "ilike", "hyper")])

    def test_visits_and_talks_of_an_event_reserved_to_unit_leaders(self):
        Event = self.env["aux.life.event"].sudo(self.user_aux_a)
        self.assertEqual(Event.search([("id", "=", self.event.id)]), self.event)
        with self.refused("aux.life.event", "visit_ids"):
            Event.search_count([("visit_ids", "!=", False)])
        with self.refused("aux.life.event", "visit_count", EXPORT):
            Event.browse(self.event.id).export_data(["visit_count"])
        self.assertEqual(self.env["aux.life.event"].sudo(self.user_leader_a).search(
            [("id", "=", self.event.id), ("visit_ids", "!=", False)]), self.event)

    def test_welfare_officer_still_searches_groups_sorts_and_exports(self):
        Event = self.env["aux.life.event"].sudo(self.user_officer)
        events = self.event | self.other_event
        self.assertEqual(Event.search([("medical_detail", "ilike", "cancer")]), self.event)
        self.assertEqual(Event.name_search("", [("medical_detail", "ilike", "cancer")])[0][0],
                         self.event.id)
        groups = Event.read_group([("id", "in", events.ids)], ["medical_detail"],
                                  ["medical_detail"], orderby="medical_detail")
        self.assertEqual([g["medical_detail"] for g in groups],
                         ["Broken arm", "Cancer, second stage"])
        self.assertEqual(Event.search([("id", "in", events.ids)], order="medical_detail"),
                         self.other_event | self.event)
        self.assertEqual(Event.browse(self.event.id).export_data(["medical_detail"])["datas"],
                         [["Cancer, second stage"]])
        Visit = self.env["aux.care.visit"].sudo(self.user_officer)
        self.assertEqual(Visit.search([("event_id.medical_detail", "ilike", "cancer")]),
                         self.event.visit_ids)
        Check = self.env["aux.health.check"].sudo(self.user_officer)
        self.assertEqual(Check.search([("medical_detail", "=", "Hypertension")]), self.check)
        self.assertEqual(self.env["hr.employee"].sudo(self.user_officer).search(
            [("aux_health_check_ids.medical_detail", "ilike", "hyper")]), self.emp_aux_a)
