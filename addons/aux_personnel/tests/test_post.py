# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from .test_post_common import AuxPostCommon


class TestPost(AuxPostCommon):

    def _assign(self, employee, post, **values):
        vals = {"employee_id": employee.id, "post_id": post.id,
                "date_from": self._date(months=-1)}
        vals.update(values)
        return self.Assignment.create(vals)

    def test_sworn_only_post_refuses_auxiliary(self):
        with self.refused(ValidationError, "Case handling.*Zhang Wei"):
            self._assign(self.aux1, self.case_post)
        assignment = self._assign(self.sworn, self.case_post)
        self.assertEqual(self.sworn.aux_post_id, self.case_post)
        # Changing the holder of an existing assignment is checked too.
        with self.refused(ValidationError, "sworn staff"):
            assignment.employee_id = self.aux2

    def test_refusal_is_translated(self):
        if not self.env["res.lang"].search([("code", "=", "zh_CN")]):
            self.skipTest("Chinese is not installed in this database")
        with self.refused(ValidationError, "只能由民警担任"):
            self.Assignment.with_context(lang="zh_CN").create({
                "employee_id": self.aux1.id, "post_id": self.case_post.id,
                "date_from": self._date()})

    def test_mixed_post_takes_both_up_to_capacity(self):
        self._assign(self.aux1, self.window)
        self._assign(self.sworn, self.window)
        with self.refused(ValidationError, r"Window service.*capacity is 2"):
            self._assign(self.aux2, self.window)
        # Once a holder has left, the place is free again.
        self.Assignment.search([("employee_id", "=", self.aux1.id)]).date_to = \
            self._date(days=-1)
        self._assign(self.aux2, self.window, date_from=self._date())
        self.assertEqual(self.window.current_count, 2)

    def test_capacity_counts_only_simultaneous_holders(self):
        self._assign(self.aux1, self.window, date_from=self._date(years=-2),
                     date_to=self._date(years=-1))
        self._assign(self.aux2, self.window, date_from=self._date(years=-2),
                     date_to=self._date(years=-1))
        # Two earlier holders do not fill the post today.
        self._assign(self.sworn, self.window)
        self._assign(self.aux_other, self.window)

    def test_one_main_and_one_secondary_post_at_a_date(self):
        self._assign(self.aux1, self.window)
        with self.refused(ValidationError, "at most one main and one secondary"):
            self._assign(self.aux1, self.road)
        self._assign(self.aux1, self.road, assignment_type="secondary")
        with self.refused(ValidationError, "at most one main and one secondary"):
            self._assign(self.aux1, self.case_post.copy({"code": "H2-X",
                                                          "holder_type": "mixed"}),
                         assignment_type="secondary")
        self.assertEqual(self.aux1.aux_post_id, self.window)
        self.assertEqual(self.aux1.aux_secondary_post_id, self.road)
        self.assertEqual(self.Employee.search([("aux_post_id", "=", self.window.id)]),
                         self.aux1)

    def test_past_main_post_does_not_block_a_new_one(self):
        self._assign(self.aux1, self.road, date_from=self._date(years=-3),
                     date_to=self._date(months=-2))
        self._assign(self.aux1, self.window)
        self.assertEqual(self.aux1.aux_post_id, self.window)

    def test_auxiliary_can_lead_a_team(self):
        lead = self._assign(self.aux1, self.window, is_team_lead=True)
        self.assertTrue(lead.is_team_lead)
        with self.refused(ValidationError, "Road duty.*no team-lead role"):
            self._assign(self.aux2, self.road, is_team_lead=True)

    def test_dates_must_be_in_order(self):
        with self.refused(ValidationError, "ends before it starts"):
            self._assign(self.aux1, self.window, date_to=self._date(months=-2))

    def test_risk_post_needs_maximum_tenure(self):
        with self.refused(ValidationError, "maximum tenure"):
            self.Post.create({"name": "Cash office", "is_risk_post": True})

    def test_due_for_rotation(self):
        overdue = self._assign(self.aux1, self.road, date_from=self._date(months=-37))
        recent = self._assign(self.aux2, self.road, date_from=self._date(months=-35))
        ended = self._assign(self.aux_other, self.road, date_from=self._date(years=-6),
                             date_to=self._date(years=-2))
        not_risk = self._assign(self.sworn, self.window, date_from=self._date(years=-8))
        due = self.Assignment.search([("is_due_for_rotation", "=", True)])
        self.assertIn(overdue, due)
        for assignment in recent | ended | not_risk:
            self.assertNotIn(assignment, due)
        self.assertTrue(overdue.is_due_for_rotation)
        self.assertFalse(recent.is_due_for_rotation)
        self.assertEqual(overdue.tenure_limit_date, self._date(months=-1))
        # Lowering the maximum tenure of the post makes the other holder due.
        self.road.max_tenure_months = 24
        self.Assignment.invalidate_cache()
        self.assertTrue(recent.is_due_for_rotation)
        overdue.action_end_today()
        self.assertEqual(overdue.date_to, self._date())

    def test_assignment_hook_is_called(self):
        # Other addons extend _check_assignment_allowed(); it runs on every change.
        assignment = self._assign(self.aux1, self.window)
        with self.refused(ValidationError, "sworn staff"):
            assignment.post_id = self.case_post

    def test_unit_leader_reads_only_own_unit(self):
        mine = self._assign(self.aux1, self.window)
        other_post = self.Post.create({"name": "Other post", "department_id":
                                       self.other_unit.id})
        theirs = self._assign(self.aux_other, other_post)
        leader_employee = self._employee("Leader Sun", self.bureau, False)
        leader = self._user("h2_leader", "aux_personnel.group_aux_personnel_unit_leader",
                            leader_employee)
        found = self.Assignment.sudo(leader).search([])
        self.assertIn(mine, found)
        self.assertNotIn(theirs, found)
        with self.refused(AccessError):
            theirs.sudo(leader).read(["post_id"])
        with self.refused(AccessError):
            mine.sudo(leader).write({"note": "x"})

    def test_auxiliary_reads_only_own_assignments(self):
        mine = self._assign(self.aux1, self.window)
        theirs = self._assign(self.aux2, self.window)
        user = self._user("h2_self", "aux_personnel.group_aux_personnel_self", self.aux1)
        self.assertEqual(self.Assignment.sudo(user).search([]), mine)
        self.assertEqual(self.aux1.sudo(user).aux_post_id, self.window)
        with self.refused(AccessError):
            theirs.sudo(user).read(["post_id"])
