# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import AuxPersonnelCase


class TestPromote(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestPromote, cls).setUpClass()
        cls.year = fields.Date.from_string(fields.Date.today()).year
        cls.Quota.create({"department_id": cls.squad_a1.id, "quota": 10,
                          "year_from": cls.year - 1})
        entry = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) - relativedelta(years=8))
        # 10 people: 2 in level 3 (cap of levels 3-1 is 30% of 10 = 3), 8 in level 4
        cls.people = cls.Employee
        for i in range(10):
            level = 3 if i < 2 else 4
            cls.people |= cls._employee("Person %02d" % i, cls.squad_a1,
                                        aux_grade_id=cls.grades[level].id, entry_date=entry)
        cls.level3 = cls.people[:2]
        cls.level4 = cls.people[2:]

    def _wizard(self, employees, grade=None, date=None):
        wizard = self.env["aux.grade.promote"].with_context(
            active_model="hr.employee", active_ids=employees.ids).create({
                "decision_ref": "Decision 2026-01",
                "reason": "selection",
                "date": date or fields.Date.today(),
            })
        if grade:
            wizard.line_ids.write({"new_grade_id": grade.id})
        return wizard

    def test_default_lines_propose_next_grade(self):
        wizard = self._wizard(self.level4[:2])
        self.assertEqual(wizard.line_ids.mapped("new_grade_id"), self.grades[3])

    def test_batch_promotion_closes_old_lines_the_day_before(self):
        date = fields.Date.today()
        self._wizard(self.level4[:1], date=date).action_apply()
        emp = self.level4[0]
        self.assertEqual(emp.aux_grade_id, self.grades[3])
        old = emp.aux_grade_history_ids.filtered(lambda h: h.grade_id == self.grades[4])
        new = emp.aux_grade_history_ids.filtered(lambda h: h.grade_id == self.grades[3])
        day_before = fields.Date.to_string(
            fields.Date.from_string(date) - relativedelta(days=1))
        self.assertEqual(old.date_to, day_before)
        self.assertEqual(new.date_from, date)
        self.assertFalse(new.date_to)
        self.assertEqual(new.reason, "selection")
        self.assertEqual(new.decision_ref, "Decision 2026-01")

    def test_batch_breaking_unit_quota_rule_writes_nothing(self):
        """2 + 2 = 4 people in levels 3-1 > 30% of a quota of 10."""
        batch = self.level4[:2]
        lines_before = self.History.search_count([("employee_id", "in", self.people.ids)])
        with self.assertRaisesRegex(UserError, "Squadron A1.*Level 3"):
            self._wizard(batch).action_apply()
        self.assertEqual(
            self.History.search_count([("employee_id", "in", self.people.ids)]), lines_before)
        self.assertEqual(batch.mapped("aux_grade_id"), self.grades[4])

    def test_level1_share_of_levels_3_1(self):
        """Level 1 at most 30% of levels 3-1: with 3 in levels 3-1, none may be level 1."""
        self._wizard(self.level4[:1]).action_apply()
        with self.assertRaisesRegex(UserError, "Level 1"):
            self._wizard(self.level3[:1], grade=self.grades[1]).action_apply()
        self.assertEqual(self.level3[0].aux_grade_id, self.grades[3])

    def test_rule_is_data(self):
        """Raising the share in the rule record lets the same batch through."""
        self.rule_upper.max_share = 40
        self._wizard(self.level4[:2]).action_apply()
        self.assertEqual(self.level4[:2].mapped("aux_grade_id"), self.grades[3])

    def test_rule_outside_validity_not_applied(self):
        self.rule_upper.date_to = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) - relativedelta(days=1))
        self._wizard(self.level4[:2]).action_apply()
        self.assertEqual(self.level4[:2].mapped("aux_grade_id"), self.grades[3])

    def test_promotion_not_after_current_start_refused(self):
        with self.assertRaisesRegex(UserError, "Person 02"):
            self._wizard(self.level4[:1], date="2000-01-01").action_apply()

    def test_unit_leader_cannot_promote(self):
        leader = self._user("aux_promote_leader", self.group_leader)
        self._employee("Leader", self.brigade_a, is_auxiliary=False, user_id=leader.id)
        wizard = self.env["aux.grade.promote"].sudo(leader).with_context(
            active_model="hr.employee", active_ids=self.level4[:1].ids).create({
                "decision_ref": "D", "reason": "selection"})
        self.assertEqual(wizard.line_ids.new_grade_id, self.grades[3])
        with self.assertRaises(AccessError):
            wizard.action_apply()
        self.assertEqual(self.level4[0].aux_grade_id, self.grades[4])
