# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tests.common import PERSONNEL_ROLES, AuxBureauCase


def day(offset=0):
    """Date string ``offset`` days from today."""
    return fields.Date.to_string(date.today() + timedelta(days=offset))


class TrainingCase(AuxBureauCase):
    """Units A (with sub-unit A1) and B, auxiliaries in each, a sworn leader
    of A, users for every role, and a pre-job and an in-service course."""

    # messages in English; the chatter records what the fixtures do
    _aux_context = {"lang": "en_US"}
    _aux_roles = dict(PERSONNEL_ROLES, officer="aux_training.group_aux_training_officer")
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(TrainingCase, cls).setUpClass()
        env = cls.env
        cls.category_pre_job = env.ref("aux_training.aux_training_category_pre_job")
        cls.category_periodic = env.ref("aux_training.aux_training_category_periodic")
        cls.req_pre_job = env.ref("aux_training.aux_training_requirement_pre_job")
        cls.req_periodic = env.ref("aux_training.aux_training_requirement_periodic")
        cls.req_annual = env.ref("aux_training.aux_training_requirement_annual")

        aux = cls._aux_person
        cls.emp_a = aux("Aux A", cls.unit_a)
        cls.emp_a2 = aux("Aux A2", cls.unit_a)
        cls.emp_a1 = aux("Aux A1", cls.unit_a1)
        cls.emp_b = aux("Aux B", cls.unit_b)
        cls.sworn_a = aux("Officer A", cls.unit_a, auxiliary=False)

        user = cls._aux_user
        cls.user_self = user("aux_t_self", "self", employee=cls.emp_a)
        cls.user_leader = user("aux_t_leader", "leader", employee=cls.sworn_a)
        cls.user_office = user("aux_t_office", "office")
        cls.user_officer = user("aux_t_officer", "officer")

        Course = env["aux.training.course"]
        cls.course_pre_job = Course.create({
            "name": "Pre-job basics", "category_id": cls.category_pre_job.id,
            "hours": 40, "score_max": 100, "pass_mark": 60})
        cls.course_periodic = Course.create({
            "name": "Road duty refresher", "category_id": cls.category_periodic.id,
            "hours": 24, "score_max": 50, "pass_mark": 30})

    @classmethod
    def _session(cls, course, start_offset=-10, days=1, capacity=0, state="done", **extra):
        """A session starting ``start_offset`` days from today lasting ``days``,
        created directly in ``state`` (a fixture: sessions otherwise move
        through their buttons)."""
        vals = {
            "course_id": course.id,
            "date_start": day(start_offset) + " 01:00:00",
            "date_end": day(start_offset + days - 1) + " 09:00:00",
            "capacity": capacity,
            "state": state,
        }
        vals.update(extra)
        Session = cls.env["aux.training.session"]
        return trust(Session).create(vals).with_env(Session.env)

    @classmethod
    def _enrol(cls, session, employees, attendance="present"):
        """Enrol ``employees`` with ``attendance`` (a fixture: into a done
        session as well)."""
        Enrolment = cls.env["aux.training.enrolment"]
        creator = trust(Enrolment) if session._aux_is_locked() else Enrolment
        result = Enrolment.browse()
        for employee in employees:
            result |= creator.create({
                "session_id": session.id, "employee_id": employee.id,
                "attendance": attendance}).with_env(Enrolment.env)
        return result
