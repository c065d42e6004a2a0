# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


def days_from_today(days):
    today = fields.Date.from_string(fields.Date.today())
    return fields.Date.to_string(today + timedelta(days=days))


class AuxWelfareCase(SavepointCase):
    """Two units (A with a sub-unit, and B), their leaders and auxiliaries,
    the auxiliary office, its manager and a welfare officer."""

    @classmethod
    def setUpClass(cls):
        super(AuxWelfareCase, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        cls.company.write({"aux_health_check_interval": 12,
                           "aux_talk_suggestion_days": 7})
        ref = env.ref
        cls.group_self = ref("aux_personnel.group_aux_personnel_self")
        cls.group_leader = ref("aux_personnel.group_aux_personnel_unit_leader")
        cls.group_office = ref("aux_personnel.group_aux_personnel_user")
        cls.group_manager = ref("aux_personnel.group_aux_personnel_manager")
        cls.group_officer = ref("aux_welfare.group_aux_welfare_officer")

        cls.user_bureau = cls._create_user("w_bureau", cls.group_manager)
        cls.user_manager = cls._create_user("w_manager", cls.group_manager)
        cls.user_office = cls._create_user("w_office", cls.group_office)
        cls.user_officer = cls._create_user("w_officer", cls.group_officer)
        cls.user_leader_a = cls._create_user("w_leader_a", cls.group_leader)
        cls.user_leader_b = cls._create_user("w_leader_b", cls.group_leader)
        cls.user_aux_a = cls._create_user("w_aux_a", cls.group_self)
        cls.user_aux_a2 = cls._create_user("w_aux_a2", cls.group_self)
        cls.user_aux_b = cls._create_user("w_aux_b", cls.group_self)
        cls.company.aux_welfare_bureau_leader_id = cls.user_bureau

        Department = env["hr.department"]
        cls.unit_a = Department.create({"name": "W Brigade A"})
        cls.unit_a_sub = Department.create(
            {"name": "W Squadron A1", "parent_id": cls.unit_a.id})
        cls.unit_b = Department.create({"name": "W Brigade B"})

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
    def _create_user(cls, login, group):
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace("_", " ").title(),
            "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [group.id])],
        })

    @classmethod
    def _create_employee(cls, name, department, user, auxiliary=True, parent=None):
        return cls.env["hr.employee"].create({
            "name": name,
            "department_id": department.id if department else False,
            "user_id": user.id,
            "is_auxiliary": auxiliary,
            "parent_id": parent.id if parent else False,
        })

    def _create_event(self, employee, event_type=None, date=None, **values):
        values.update({
            "employee_id": employee.id,
            "event_type_id": (event_type or self.type_illness).id,
            "event_date": date or fields.Date.today(),
        })
        return self.env["aux.life.event"].create(values)
