# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the post, contract, exit and team-composition tests.

A small bureau: a bureau unit with a brigade, another unit, auxiliaries and
sworn staff; users for the record-rule tests. No test method here.
"""
from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class AuxPostCommon(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(AuxPostCommon, cls).setUpClass()
        # Messages are asserted in English whatever the admin's language.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US",
                                       mail_create_nolog=True, no_reset_password=True))
        cls.today = date.today()
        if "aux.training.requirement" in cls.env:
            # Posts are tested on their own rules here; the pre-job training
            # gate of aux_training (when installed) has its own tests there.
            cls.env["aux.training.requirement"].search([]).write(
                {"blocks_post_assignment": False})
        cls.Employee = cls.env["hr.employee"]
        cls.Post = cls.env["aux.post"]
        cls.Assignment = cls.env["aux.post.assignment"]
        Department = cls.env["hr.department"]
        cls.bureau = Department.create({"name": "H2 Test Bureau"})
        cls.brigade = Department.create({"name": "H2 Traffic Brigade",
                                         "parent_id": cls.bureau.id})
        cls.other_unit = Department.create({"name": "H2 Other Unit"})
        cls.aux1 = cls._employee("Zhang Wei", cls.brigade, True)
        cls.aux2 = cls._employee("Li Na", cls.brigade, True)
        cls.sworn = cls._employee("Wang Qiang", cls.brigade, False)
        cls.aux_other = cls._employee("Zhao Lei", cls.other_unit, True)
        cls.window = cls.Post.create({
            "name": "Window service", "code": "H2-WIN", "department_id": cls.brigade.id,
            "capacity": 2, "holder_type": "mixed", "is_team_lead_post": True})
        cls.case_post = cls.Post.create({
            "name": "Case handling", "code": "H2-CASE", "department_id": cls.brigade.id,
            "capacity": 0, "holder_type": "sworn"})
        cls.road = cls.Post.create({
            "name": "Road duty", "code": "H2-ROAD", "department_id": cls.brigade.id,
            "holder_type": "auxiliary", "is_risk_post": True, "max_tenure_months": 36})

    @classmethod
    def _employee(cls, name, department, auxiliary, **values):
        vals = {"name": name, "department_id": department.id, "is_auxiliary": auxiliary}
        if auxiliary:
            vals["aux_category"] = "duty"
        vals.update(values)
        return cls.Employee.create(vals)

    @classmethod
    def _date(cls, **delta):
        """Today moved by a relativedelta, as an Odoo date string."""
        return fields.Date.to_string(cls.today + relativedelta(**delta))

    @classmethod
    def _user(cls, login, group_xmlid, employee=None):
        user = cls.env["res.users"].create({
            "name": login, "login": login,
            "groups_id": [(6, 0, [cls.env.ref(group_xmlid).id])]})
        if employee:
            employee.user_id = user
        return user

    @contextmanager
    def refused(self, exception, pattern=""):
        """Assert the block raises ``exception`` matching ``pattern``; roll it back."""
        with self.assertRaisesRegex(exception, pattern), self.env.cr.savepoint():
            yield
