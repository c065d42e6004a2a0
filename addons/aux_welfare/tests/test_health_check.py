# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import AuxWelfareCase, days_from_today


class TestHealthCheck(AuxWelfareCase):

    def _due(self):
        return self.env["hr.employee"].search([
            ("aux_health_check_due", "=", True),
            ("id", "in", (self.emp_aux_a | self.emp_aux_a2 | self.emp_aux_b
                          | self.emp_leader_a).ids)])

    def test_next_due_date_follows_company_interval(self):
        check = self.env["aux.health.check"].create({
            "employee_id": self.emp_aux_a.id, "check_date": "2026-03-15"})
        self.assertEqual(check.next_due_date, "2027-03-15")
        self.company.aux_health_check_interval = 24
        self.assertEqual(check.next_due_date, "2028-03-15")

    def test_due_list(self):
        Check = self.env["aux.health.check"]
        Check.create({"employee_id": self.emp_aux_a.id, "check_date": days_from_today(-30)})
        Check.create({"employee_id": self.emp_aux_a2.id, "check_date": days_from_today(-400)})
        self.assertEqual(self._due(), self.emp_aux_a2 | self.emp_aux_b,
                         "old check or none: due; sworn staff not listed")
        self.assertTrue(self.emp_aux_b.aux_health_check_due)
        self.assertFalse(self.emp_aux_a.aux_health_check_due)
        self.company.aux_health_check_interval = 18
        self.assertEqual(self._due(), self.emp_aux_b)
        not_due = self.env["hr.employee"].search([
            ("aux_health_check_due", "=", False), ("id", "in", self.emp_aux_a.ids)])
        self.assertEqual(not_due, self.emp_aux_a)

    def test_health_check_access(self):
        check = self.env["aux.health.check"].create({
            "employee_id": self.emp_aux_a.id, "medical_detail": "Hypertension"})
        self.assertTrue(check.sudo(self.user_aux_a).read(["result"]))
        self.assertTrue(check.sudo(self.user_leader_a).read(["result"]))
        with self.assertRaises(AccessError):
            check.sudo(self.user_aux_a2).read(["result"])
        with self.assertRaises(AccessError):
            check.sudo(self.user_leader_b).read(["result"])
        with self.assertRaises(AccessError):
            check.sudo(self.user_leader_a).read(["medical_detail"])
        self.assertEqual(check.sudo(self.user_officer).read(["medical_detail"])[0]
                         ["medical_detail"], "Hypertension")

    def test_no_interval_lists_nobody(self):
        self.company.aux_health_check_interval = 0
        self.assertFalse(self._due())
