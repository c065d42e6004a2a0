# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_personnel.models.hr_employee import parse_resident_id
from odoo.addons.aux_personnel.tests.common import AuxPersonnelCase


class TestDemoPersonnel(AuxPersonnelCase):
    """The personnel part builds the demo bureau at its full size, coherent
    (in a rolled-back transaction when the database has no demo bureau)."""

    def test_demo_bureau(self):
        Employee = self.Employee.with_context(active_test=False)
        bureau = self.env.ref("aux_demo.hr_department_bureau_demo",
                              raise_if_not_found=False)
        if not bureau:
            before = Employee.search_count([])
            self.assertTrue(self.env["aux.demo.personnel"]._generate())
            bureau = self.env.ref("aux_demo.hr_department_bureau_demo")
            # 300 auxiliaries, 100 sworn officers of the units and the office
            # officer of the bureau (the aux_office login)
            self.assertEqual(Employee.search_count([]) - before, 401)
        self.assertFalse(self.env["aux.demo.personnel"]._generate(), "runs only once")
        units = self.Department.search([("id", "child_of", bureau.id)])
        squadrons = units.filtered(lambda d: d.parent_id and d.parent_id != bureau)
        self.assertEqual(len(units), 16)
        self.assertEqual(len(squadrons), 12)
        people = Employee.search([("department_id", "in", units.ids)])
        auxiliaries = people.filtered("is_auxiliary")
        self.assertEqual(len(auxiliaries), 300)
        # the sworn officers of the units, and those of the bureau's offices
        # with a demo login (aux_office; aux_training, aux_welfare when installed)
        office = people.filtered(lambda e: e.department_id == bureau and e.user_id)
        self.assertIn("aux_office", office.mapped("user_id.login"))
        self.assertEqual(len(people - auxiliaries - office.filtered(
            lambda e: e.user_id.login != "aux_manager")), 100)
        numbers = people.mapped("identification_id")
        self.assertEqual(len(set(numbers)), len(people))
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
        # a post catalogue per squadron; the people hold their main post but
        # the new hires, who wait for their pre-job training
        Assignment = self.env["aux.post.assignment"]
        posts = self.env["aux.post"].search([("department_id", "in", squadrons.ids)])
        self.assertEqual(posts.mapped("department_id"), squadrons)
        self.assertEqual(set(posts.mapped("holder_type")), {"sworn", "auxiliary", "mixed"})
        current = Assignment.search([("post_id", "in", posts.ids), ("is_current", "=", True)])
        holders = current.mapped("employee_id")
        self.assertGreater(len(holders & auxiliaries), 250)
        self.assertTrue(holders - auxiliaries, "sworn officers on the mixed and sworn posts")
        self.assertFalse(current.filtered(
            lambda a: a.post_id.holder_type == "sworn" and a.employee_id.is_auxiliary))
        self.assertTrue(current.filtered("is_team_lead").mapped("employee_id.is_auxiliary"))
        self.assertTrue(Assignment.search_count([("post_id", "in", posts.ids),
                                                 ("is_due_for_rotation", "=", True)]))
        for login in ("aux_manager", "aux_officer", "aux_leader", "aux_self"):
            self.assertTrue(self.env["res.users"].search([("login", "=", login)]))
