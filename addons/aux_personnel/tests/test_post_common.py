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

from .common import AuxBureauCase


class AuxPostCommon(AuxBureauCase):

    _aux_tree = False
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(AuxPostCommon, cls).setUpClass()
        cls.today = date.today()
        cls._aux_without_training_gate()
        cls.Employee = cls.env["hr.employee"]
        cls.Post = cls.env["aux.post"]
        cls.Assignment = cls.env["aux.post.assignment"]
        cls.bureau = cls._aux_unit("H2 Test Bureau")
        cls.brigade = cls._aux_unit("H2 Traffic Brigade", cls.bureau)
        cls.other_unit = cls._aux_unit("H2 Other Unit")
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
        return cls._aux_person(name, department, auxiliary=auxiliary, **values)

    @classmethod
    def _date(cls, **delta):
        """Today moved by a relativedelta, as an Odoo date string."""
        return fields.Date.to_string(cls.today + relativedelta(**delta))

    @classmethod
    def _user(cls, login, group_xmlid, employee=None):
        return cls._aux_user(login, group_xmlid, employee=employee, email=False)

    @contextmanager
    def refused(self, exception, pattern=""):
        """Assert the block raises ``exception`` matching ``pattern``; roll it back."""
        with self.assertRaisesRegex(exception, pattern), self.env.cr.savepoint():
            yield
