# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import AssessmentCase


class TestFinding(AssessmentCase):

    def _finding(self, unit, employee, deadline="2999-12-31"):
        return self.env["aux.inspection.finding"].create({
            "name": "Duty log incomplete", "department_id": unit.id,
            "responsible_id": employee.id, "deadline": deadline})

    def test_closed_only_when_fixed_and_checked_by_another_user(self):
        finding = self._finding(self.unit_a, self.emp_a)
        with self.assertRaisesRegex(UserError, "needs it to be 'Fixed'"):
            finding.sudo(self.user_office).action_check()
        finding.sudo(self.user_leader).action_fix()
        self.assertEqual((finding.state, finding.fixed_user_id), ("fixed", self.user_leader))
        with self.assertRaises(AccessError):
            finding.sudo(self.user_leader).action_check()
        finding.sudo(self.user_office).action_reopen()
        finding.sudo(self.user_office).action_fix()
        with self.assertRaisesRegex(UserError, "another user"):
            finding.sudo(self.user_office).action_check()
        finding.sudo(self.user_office2).action_check()
        self.assertEqual((finding.state, finding.checked_user_id),
                         ("closed", self.user_office2))

    def test_rate_fixed_on_time_per_unit(self):
        on_time = self._finding(self.unit_a, self.emp_a)
        late = self._finding(self.unit_a, self.emp_a2, deadline="2000-01-01")
        self._finding(self.unit_a, self.emp_a3, deadline="2000-01-01")  # still open, overdue
        self._finding(self.unit_b, self.emp_b).action_fix()
        (on_time | late).action_fix()
        self.assertTrue(on_time.on_time)
        self.assertFalse(late.on_time)
        Finding = self.env["aux.inspection.finding"]
        data = Finding.read_group(
            [("department_id", "in", (self.unit_a | self.unit_b).ids)],
            ["department_id", "on_time_rate"], ["department_id"])
        rates = {d["department_id"][0]: d["on_time_rate"] for d in data}
        self.assertAlmostEqual(rates[self.unit_a.id], 100.0 / 3)
        self.assertAlmostEqual(rates[self.unit_b.id], 100.0)
        overdue = Finding.search([("overdue", "=", True),
                                  ("department_id", "=", self.unit_a.id)])
        self.assertEqual(overdue.mapped("responsible_id"), self.emp_a3)
