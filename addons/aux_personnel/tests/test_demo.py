# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        # the shipped grade caps hold in every squadron on every date of its history
        Rule = self.env["aux.grade.quota.rule"]
        timelines = Rule._aux_timelines(squadrons)
        self.assertTrue(any(grade in self.rule_upper.grade_ids.ids
                            for timeline in timelines.values()
                            for _emp, grade, _start, _end in timeline),
                        "the demo has people in the capped grades")
        self.assertEqual(Rule._aux_quota_errors(
            {}, timelines, {squadron.id: "2000-01-01" for squadron in squadrons}), [])
        for login in ("aux_manager", "aux_officer", "aux_leader", "aux_self"):
            self.assertTrue(self.env["res.users"].search([("login", "=", login)]))
