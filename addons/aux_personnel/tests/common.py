# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures of the suite's tests (CONVENTIONS.md, Tests).

``AuxBureauCase`` is the base of every addon's ``tests/common.py``: the
context of the fixtures, the role groups, a small unit tree and the helpers
that make units, users and people.  Another addon imports it as
``from odoo.addons.aux_personnel.tests.common import AuxBureauCase`` and
says in class attributes how its fixtures differ (prefix of its unit names,
its context, its roles); ``AuxPersonnelCase`` is this addon's own case."""
from odoo.tests.common import SavepointCase

from ..models.hr_employee import id_check_char

#: the quiet English context: messages asserted in English whatever the
#: admin's language, no tracking values and no "created" message in the
#: chatter, no invitation e-mail to new users
QUIET_ENGLISH = {"lang": "en_US", "tracking_disable": True, "mail_create_nolog": True,
                 "no_reset_password": True}

#: the roles of aux_personnel: {short name: group xmlid}
PERSONNEL_ROLES = {
    "self": "aux_personnel.group_aux_personnel_self",
    "leader": "aux_personnel.group_aux_personnel_unit_leader",
    "office": "aux_personnel.group_aux_personnel_user",
    "manager": "aux_personnel.group_aux_personnel_manager",
}


def make_id(region="110101", birthday="19900101", seq=1, male=True):
    """A valid 18-digit resident ID: region, birth date, a 3-digit sequence
    whose last digit is odd for men, even for women, and the check digit."""
    seq = int(seq) % 500 * 2 + (1 if male else 0)
    first17 = "%s%s%03d" % (region, birthday, seq % 1000)
    return first17 + id_check_char(first17)


class AuxBureauCase(SavepointCase):
    """The base of the suite's fixtures, built once per class.

    - ``cls.env`` in the context ``_aux_context`` (the quiet English one
      unless a subclass names another);
    - ``cls.group_<role>`` for each role of ``_aux_roles`` (aux_personnel's
      four: self, leader, office, manager; an addon adds its own);
    - unless ``_aux_tree`` is false, the standard tree: ``unit_a`` ("Brigade
      A") with its sub-unit ``unit_a1`` ("Squadron A1"), and ``unit_b``
      ("Brigade B"), their names after ``_aux_prefix``, under ``unit_root``
      when ``_aux_root`` names one (else ``unit_root`` is empty);
    - ``_aux_unit``, ``_aux_user``, ``_aux_person``, ``_aux_group`` and
      ``_aux_without_training_gate``.

    What a subclass's fixtures have always been stays in the subclass
    (e.g. ``_aux_resident_ids = False`` where its people have no ID), so
    that no test sees other records than before.
    """

    _aux_context = QUIET_ENGLISH
    _aux_roles = PERSONNEL_ROLES
    _aux_tree = True
    _aux_prefix = ""
    _aux_root = None
    # users named as their login ("aux_a_self"), or titled ("Aux A Self")
    _aux_titled_users = False
    # what _aux_person gives an auxiliary: this category (None: none) and,
    # to everybody, a valid resident ID of its own
    _aux_category = "duty"
    _aux_resident_ids = True

    @classmethod
    def setUpClass(cls):
        super(AuxBureauCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **cls._aux_context))
        cls._aux_seq = 0
        for role in cls._aux_roles:
            setattr(cls, "group_%s" % role, cls._aux_group(role))
        if cls._aux_tree:
            cls._aux_build_tree()

    @classmethod
    def _aux_build_tree(cls):
        Department = cls.env["hr.department"]
        cls.unit_root = cls._aux_unit(cls._aux_root) if cls._aux_root else Department
        cls.unit_a = cls._aux_unit(cls._aux_prefix + "Brigade A", cls.unit_root)
        cls.unit_a1 = cls._aux_unit(cls._aux_prefix + "Squadron A1", cls.unit_a)
        cls.unit_b = cls._aux_unit(cls._aux_prefix + "Brigade B", cls.unit_root)

    @classmethod
    def _aux_group(cls, role):
        """The group of ``role``: a short name of ``_aux_roles`` or an xmlid."""
        return cls.env.ref(cls._aux_roles.get(role, role))

    @classmethod
    def _aux_unit(cls, name, parent=None, **values):
        vals = {"name": name}
        if parent:
            vals["parent_id"] = parent.id
        vals.update(values)
        return cls.env["hr.department"].create(vals)

    @classmethod
    def _aux_user(cls, login, *groups, employee=None, **values):
        """A user of ``groups`` (roles, xmlids or groups) with an e-mail
        address, made the user of ``employee`` when one is given;
        ``values`` override the defaults."""
        group_ids = []
        for group in groups:
            group_ids += (cls._aux_group(group) if isinstance(group, str) else group).ids
        vals = {
            "name": login.replace("_", " ").title() if cls._aux_titled_users else login,
            "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, group_ids)],
        }
        vals.update(values)
        user = cls.env["res.users"].with_context(no_reset_password=True).create(vals)
        if employee:
            employee.user_id = user
        return user

    @classmethod
    def _aux_person(cls, name, unit, user=None, auxiliary=True, **values):
        """A person of ``unit`` (none when false), auxiliary or sworn, whose
        file is ``user``'s when one is given; ``values`` override the
        defaults."""
        vals = {"name": name, "department_id": unit.id if unit else False,
                "is_auxiliary": auxiliary}
        if auxiliary and cls._aux_category:
            vals["aux_category"] = cls._aux_category
        if user:
            vals["user_id"] = user.id
        if cls._aux_resident_ids:
            cls._aux_seq += 1
            vals["identification_id"] = make_id(seq=cls._aux_seq)
        vals.update(values)
        return cls.env["hr.employee"].create(vals)

    @classmethod
    def _aux_without_training_gate(cls):
        """Lift the pre-job training gate of aux_training, when it is
        installed, off the post assignments (it has its own tests there)."""
        if "aux.training.requirement" in cls.env:
            cls.env["aux.training.requirement"].search([]).write(
                {"blocks_post_assignment": False})


class AuxPersonnelCase(AuxBureauCase):
    """Shared fixtures: a small unit tree under a bureau, the shipped grade
    ladder and rules, the groups of every role."""

    # the chatter followers off too; messages in the server's language
    _aux_context = {"tracking_disable": True, "mail_create_nolog": True,
                    "mail_create_nosubscribe": True, "no_reset_password": True}
    _aux_root = "Test Bureau"

    @classmethod
    def setUpClass(cls):
        super(AuxPersonnelCase, cls).setUpClass()
        cls.Employee = cls.env["hr.employee"]
        cls.Department = cls.env["hr.department"]
        cls.History = cls.env["aux.grade.history"]
        cls.Quota = cls.env["aux.establishment.quota"]
        ref = cls.env.ref
        cls.grades = {n: ref("aux_personnel.aux_grade_l%d" % n) for n in range(1, 8)}
        cls.rule_upper = ref("aux_personnel.aux_grade_quota_rule_upper")
        cls.rule_top = ref("aux_personnel.aux_grade_quota_rule_top")
        cls.bureau, cls.brigade_a = cls.unit_root, cls.unit_a
        cls.squad_a1, cls.brigade_b = cls.unit_a1, cls.unit_b
        cls.group_user = cls.group_office

    @classmethod
    def _user(cls, login, group):
        return cls._aux_user(login, group)

    @classmethod
    def _employee(cls, name, department, **vals):
        return cls._aux_person(name, department, **vals)
