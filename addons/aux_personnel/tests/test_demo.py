# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import fields

from ..models.hr_employee import parse_resident_id
from .common import AuxPersonnelCase


class TestDemo(AuxPersonnelCase):
    """The demo generator builds a coherent bureau (run here in a rolled-back
    transaction when the database has no demo data)."""

    def test_demo_bureau(self):
        Employee = self.Employee.with_context(active_test=False)
        bureau = self.env.ref("aux_personnel.hr_department_bureau_demo",
                              raise_if_not_found=False)
        if not bureau:
            before = Employee.search_count([])
            self.assertTrue(self.env["aux.personnel.demo"]._generate())
            bureau = self.env.ref("aux_personnel.hr_department_bureau_demo")
            self.assertEqual(Employee.search_count([]) - before, 400)
        self.assertFalse(self.env["aux.personnel.demo"]._generate(), "runs only once")
        units = self.Department.search([("id", "child_of", bureau.id)])
        squadrons = units.filtered(lambda d: d.parent_id and d.parent_id != bureau)
        self.assertEqual(len(units), 16)
        self.assertEqual(len(squadrons), 12)
        people = Employee.search([("department_id", "in", units.ids)])
        auxiliaries = people.filtered("is_auxiliary")
        self.assertEqual(len(auxiliaries), 300)
        self.assertEqual(len(people - auxiliaries), 100)
        numbers = people.mapped("identification_id")
        self.assertEqual(len(set(numbers)), 400)
        self.assertTrue(all(parse_resident_id(n) for n in numbers))
        self.assertTrue(all(auxiliaries.mapped("aux_grade_id")))
        self.assertFalse(squadrons.filtered("aux_over_quota"))
        # the shipped grade caps hold in every squadron
        today = fields.Date.today()
        quota = self.Quota._unit_quota(squadrons, today)
        counts = self.env["aux.grade.quota.rule"]._grade_counts(squadrons)
        for squadron in squadrons:
            def held(grades, unit=squadron):
                return sum(counts.get((unit.id, g.id), 0) for g in grades)
            upper = held(self.rule_upper.grade_ids)
            self.assertLessEqual(
                upper, math.floor(quota[squadron.id] * self.rule_upper.max_share / 100.0))
            self.assertLessEqual(
                held(self.rule_top.grade_ids),
                math.floor(upper * self.rule_top.max_share / 100.0))
        for login in ("aux_manager", "aux_officer", "aux_leader", "aux_self"):
            self.assertTrue(self.env["res.users"].search([("login", "=", login)]))
