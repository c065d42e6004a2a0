# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.aux_personnel.tests.common import PERSONNEL_ROLES, AuxBureauCase


def days_from_today(days):
    today = fields.Date.from_string(fields.Date.today())
    return fields.Date.to_string(today + timedelta(days=days))


class AuxWelfareCase(AuxBureauCase):
    """Two units (A with a sub-unit, and B), their leaders and auxiliaries,
    the auxiliary office, its manager and a welfare officer."""

    # the server's language; the chatter records what the fixtures do
    _aux_context = {}
    _aux_roles = dict(PERSONNEL_ROLES, officer="aux_welfare.group_aux_welfare_officer")
    _aux_prefix = "W "
    _aux_titled_users = True
    # people without category or resident ID
    _aux_category = None
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(AuxWelfareCase, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        cls.company.write({"aux_health_check_interval": 12,
                           "aux_talk_suggestion_days": 7})
        ref = env.ref

        user = cls._aux_user
        cls.user_bureau = user("w_bureau", "manager")
        cls.user_manager = user("w_manager", "manager")
        cls.user_office = user("w_office", "office")
        cls.user_officer = user("w_officer", "officer")
        cls.user_leader_a = user("w_leader_a", "leader")
        cls.user_leader_b = user("w_leader_b", "leader")
        cls.user_aux_a = user("w_aux_a", "self")
        cls.user_aux_a2 = user("w_aux_a2", "self")
        cls.user_aux_b = user("w_aux_b", "self")
        cls.company.aux_welfare_bureau_leader_id = cls.user_bureau

        cls.unit_a_sub = cls.unit_a1
        cls.emp_manager = cls._create_employee("W Political Commissar", False,
                                               cls.user_manager, auxiliary=False)
        cls.emp_leader_a = cls._create_employee("W Leader A", cls.unit_a, cls.user_leader_a,
                                                auxiliary=False, parent=cls.emp_manager)
        cls.emp_leader_b = cls._create_employee("W Leader B", cls.unit_b, cls.user_leader_b,
                                                auxiliary=False, parent=cls.emp_manager)
        cls.unit_a.manager_id = cls.emp_leader_a
        cls.unit_b.manager_id = cls.emp_leader_b
        cls.emp_aux_a = cls._create_employee("W Auxiliary A", cls.unit_a_sub, cls.user_aux_a)
        cls.emp_aux_a2 = cls._create_employee("W Auxiliary A2", cls.unit_a, cls.user_aux_a2)
        cls.emp_aux_b = cls._create_employee("W Auxiliary B", cls.unit_b, cls.user_aux_b)

        cls.type_illness = ref("aux_welfare.event_type_illness")
        cls.type_injury = ref("aux_welfare.event_type_injury")
        cls.type_marriage = ref("aux_welfare.event_type_marriage")
        cls.rule_illness = ref("aux_welfare.visit_rule_illness_unit")

    @classmethod
    def _create_employee(cls, name, department, user, auxiliary=True, parent=None):
        return cls._aux_person(name, department, user=user, auxiliary=auxiliary,
                               parent_id=parent.id if parent else False)

    def _create_event(self, employee, event_type=None, date=None, **values):
        values.update({
            "employee_id": employee.id,
            "event_type_id": (event_type or self.type_illness).id,
            "event_date": date or fields.Date.today(),
        })
        return self.env["aux.life.event"].create(values)
