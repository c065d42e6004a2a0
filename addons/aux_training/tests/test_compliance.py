# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import TrainingCase


class TestCompliance(TrainingCase):

    def test_refresh_lists_people_out_of_compliance_per_unit(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a)
        Compliance = self.env["aux.training.compliance"]
        employees = self.emp_a | self.emp_a2 | self.emp_b
        Compliance._aux_refresh(employees)
        rows = Compliance.search([("employee_id", "in", employees.ids),
                                  ("requirement_id", "=", self.req_pre_job.id)])
        self.assertEqual(len(rows), 3)
        met = rows.filtered("met")
        self.assertEqual(met.mapped("employee_id"), self.emp_a)
        self.assertEqual(met.out_of_compliance, 0)
        missing = rows - met
        self.assertEqual(missing.mapped("employee_id"), self.emp_a2 | self.emp_b)
        self.assertEqual(set(missing.mapped("missing_hours")), {40})
        groups = Compliance.read_group(
            [("employee_id", "in", employees.ids), ("requirement_id", "=", self.req_pre_job.id)],
            ["department_id", "out_of_compliance"], ["department_id"])
        per_unit = {g["department_id"][0]: g["out_of_compliance"] for g in groups}
        self.assertEqual(per_unit, {self.unit_a.id: 1, self.unit_b.id: 1})
        # a refresh replaces rows instead of adding to them
        Compliance._aux_refresh(employees)
        self.assertEqual(Compliance.search_count(
            [("employee_id", "in", employees.ids),
             ("requirement_id", "=", self.req_pre_job.id)]), 3)

    def test_refresh_drops_people_who_left(self):
        Compliance = self.env["aux.training.compliance"]
        Compliance._aux_refresh(self.emp_a | self.emp_b)
        self.emp_b.active = False
        Compliance._aux_refresh(self.emp_a)
        self.assertFalse(Compliance.search([("employee_id", "=", self.emp_b.id)]),
                         "No longer listed once archived")
        self.assertTrue(Compliance.search([("employee_id", "=", self.emp_a.id)]))

    def test_out_of_compliance_live_list_of_unit(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a | self.emp_a2 | self.emp_a1)
        result = self.env["aux.training.compliance"]._aux_out_of_compliance(self.unit_a)
        self.assertNotIn(self.emp_b, result, "Other units are not listed")
        texts = result.get(self.emp_a, [])
        self.assertFalse([t for t in texts if self.req_pre_job.name in t])
        self.assertTrue([t for t in texts if self.req_periodic.name in t],
                        "No periodic training yet")

    def test_only_training_officers_refresh(self):
        with self.assertRaises(AccessError):
            self.env["aux.training.compliance"].sudo(self.user_leader).action_refresh()
