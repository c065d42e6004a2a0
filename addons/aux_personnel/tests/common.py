# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import SavepointCase

from ..models.hr_employee import id_check_char


def make_id(region="110101", birthday="19900101", seq=1, male=True):
    """A valid 18-digit resident ID: region, birth date, a 3-digit sequence
    whose last digit is odd for men, even for women, and the check digit."""
    seq = int(seq) % 500 * 2 + (1 if male else 0)
    first17 = "%s%s%03d" % (region, birthday, seq % 1000)
    return first17 + id_check_char(first17)


class AuxPersonnelCase(SavepointCase):
    """Shared fixtures: a small unit tree, the shipped grade ladder and rules,
    users of every role."""

    @classmethod
    def setUpClass(cls):
        super(AuxPersonnelCase, cls).setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, tracking_disable=True, mail_create_nolog=True,
            mail_create_nosubscribe=True, no_reset_password=True))
        cls.Employee = cls.env["hr.employee"]
        cls.Department = cls.env["hr.department"]
        cls.History = cls.env["aux.grade.history"]
        cls.Quota = cls.env["aux.establishment.quota"]
        ref = cls.env.ref
        cls.grades = {n: ref("aux_personnel.aux_grade_l%d" % n) for n in range(1, 8)}
        cls.rule_upper = ref("aux_personnel.aux_grade_quota_rule_upper")
        cls.rule_top = ref("aux_personnel.aux_grade_quota_rule_top")
        cls.bureau = cls.Department.create({"name": "Test Bureau"})
        cls.brigade_a = cls.Department.create({"name": "Brigade A", "parent_id": cls.bureau.id})
        cls.squad_a1 = cls.Department.create({"name": "Squadron A1",
                                              "parent_id": cls.brigade_a.id})
        cls.brigade_b = cls.Department.create({"name": "Brigade B", "parent_id": cls.bureau.id})
        cls.group_self = ref("aux_personnel.group_aux_personnel_self")
        cls.group_leader = ref("aux_personnel.group_aux_personnel_unit_leader")
        cls.group_user = ref("aux_personnel.group_aux_personnel_user")
        cls.group_manager = ref("aux_personnel.group_aux_personnel_manager")
        cls._seq = 0

    @classmethod
    def _user(cls, login, group):
        return cls.env["res.users"].create({
            "name": login, "login": login, "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [group.id])],
        })

    @classmethod
    def _employee(cls, name, department, **vals):
        cls._seq += 1
        values = {
            "name": name,
            "department_id": department.id,
            "is_auxiliary": True,
            "aux_category": "duty",
            "identification_id": make_id(seq=cls._seq),
        }
        values.update(vals)
        return cls.Employee.create(values)
