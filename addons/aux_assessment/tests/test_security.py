# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import YEAR, AssessmentCase


class TestSecurity(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.sheets = cls.generate(cls.jan, cls.emp_a | cls.emp_a1 | cls.emp_b | cls.emp_a2)
        cls.sheet_a = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_a)
        cls.sheet_a1 = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_a1)
        cls.sheet_a2 = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_a2)
        cls.sheet_b = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_b)

    def test_unit_leader_scores_own_unit_only(self):
        Sheet = self.Sheet.sudo(self.user_leader)
        visible = Sheet.search([("period_id", "=", self.jan.id)])
        self.assertEqual(visible, self.sheet_a | self.sheet_a1 | self.sheet_a2)
        self.sheet_a1.line_ids[0].sudo(self.user_leader).base_score = 5
        with self.assertRaises(AccessError):
            self.sheet_b.sudo(self.user_leader).read(["total_score"])
        with self.assertRaises(AccessError):
            self.sheet_b.line_ids[0].sudo(self.user_leader).write({"base_score": 5})
        lines = self.env["aux.assessment.sheet.line"].sudo(self.user_leader).search(
            [("period_id", "=", self.jan.id)])
        self.assertNotIn(self.emp_b, lines.mapped("employee_id"))

    def test_unit_leader_records_events_for_own_unit_only(self):
        Event = self.Event.sudo(self.user_leader)
        event = Event.create({"employee_id": self.emp_a1.id, "type_id": self.type_late.id,
                              "date": "%s-01-05" % YEAR})
        self.assertEqual(event.author_id, self.user_leader)
        with self.assertRaises(AccessError):
            Event.create({"employee_id": self.emp_b.id, "type_id": self.type_late.id,
                          "date": "%s-01-05" % YEAR})
        other = self.event(self.emp_b, self.type_late, "%s-01-06" % YEAR)
        with self.assertRaises(AccessError):
            other.sudo(self.user_leader).read(["points"])

    def test_auxiliary_sees_own_sheet_only_after_confirmation(self):
        Sheet = self.Sheet.sudo(self.user_self)
        self.assertFalse(Sheet.search([]))
        with self.assertRaises(AccessError):
            self.sheet_a.sudo(self.user_self).read(["total_score"])
        self.confirm(self.sheet_a | self.sheet_a2)
        self.assertEqual(Sheet.search([]), self.sheet_a)
        self.sheet_a.sudo(self.user_self).read(["total_score"])
        self.sheet_a.line_ids.sudo(self.user_self).read(["score"])
        with self.assertRaises(AccessError):
            self.sheet_a2.sudo(self.user_self).read(["total_score"])
        with self.assertRaises(AccessError):
            self.sheet_a.sudo(self.user_self).write({"evaluation_score": 100})

    def test_auxiliary_sees_own_confirmed_events_only(self):
        own = self.event(self.emp_a, self.type_late, "%s-01-06" % YEAR)
        draft = self.event(self.emp_a, self.type_late, "%s-01-07" % YEAR, state="draft")
        other = self.event(self.emp_a2, self.type_late, "%s-01-06" % YEAR)
        self.assertEqual(self.Event.sudo(self.user_self).search([]), own)
        for event in draft | other:
            with self.assertRaises(AccessError):
                event.sudo(self.user_self).read(["points"])

    def test_findings_by_unit(self):
        Finding = self.env["aux.inspection.finding"]
        finding_b = Finding.create({"name": "B finding", "department_id": self.unit_b.id,
                                    "responsible_id": self.emp_b.id, "deadline": "2011-02-01"})
        finding_a = Finding.create({"name": "A finding", "department_id": self.unit_a1.id,
                                    "responsible_id": self.emp_a1.id,
                                    "deadline": "2011-02-01"})
        self.assertEqual(Finding.sudo(self.user_leader).search([]), finding_a)
        with self.assertRaises(AccessError):
            finding_b.sudo(self.user_leader).read(["name"])
        self.assertEqual(Finding.sudo(self.user_self_b).search([]), finding_b)
        with self.assertRaises(AccessError):
            finding_a.sudo(self.user_self_b).read(["name"])
