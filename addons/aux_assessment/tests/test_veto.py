# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import YEAR, AssessmentCase


class TestVeto(AssessmentCase):

    def test_veto_types_shipped_as_data(self):
        vetoes = self.env["aux.assessment.event.type"].search([("is_veto", "=", True)])
        self.assertEqual(len(vetoes), 8)
        self.assertIn(self.type_veto, vetoes)

    def test_confirmed_veto_gives_lowest_band_whatever_the_score(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.set_total(sheet, 100)
        event = self.event(self.emp_b, self.type_veto, "%s-01-20" % YEAR, state="draft",
                           description="Found drinking on night patrol")
        self.assertEqual(sheet.band_id, self.band_excellent, "a draft veto does not count")
        event.action_confirm()
        self.assertTrue(sheet.veto)
        self.assertEqual(sheet.band_id, self.band_incompetent)
        self.assertIn(self.type_veto.name, sheet.veto_reason)
        self.assertIn("night patrol", sheet.veto_reason)
        self.assertEqual(sheet._aux_performance_coefficient(), 0.0)
        event.action_cancel()
        self.assertFalse(sheet.veto)
        self.assertFalse(sheet.veto_reason)
        self.assertEqual(sheet.band_id, self.band_excellent)

    def test_veto_reaches_quarter_and_annual_sheets(self):
        self.event(self.emp_b, self.type_veto, "%s-02-20" % YEAR)
        quarter = self.generate(self.q1, self.emp_b)
        annual = self.annual(self.emp_b, [98])
        jan = self.generate(self.jan, self.emp_b)
        self.assertTrue(quarter.veto)
        self.assertTrue(annual.veto)
        self.assertEqual(annual.band_id, self.band_incompetent)
        self.assertFalse(jan.veto, "the veto was in February")

    def test_only_the_office_confirms_a_veto(self):
        self.generate(self.jan, self.emp_a)
        event = self.event(self.emp_a, self.type_veto, "%s-01-20" % YEAR, state="draft")
        with self.assertRaises(AccessError):
            event.sudo(self.user_leader).action_confirm()
        late = self.event(self.emp_a, self.type_late, "%s-01-21" % YEAR, state="draft")
        late.sudo(self.user_leader).action_confirm()
        self.assertEqual(late.state, "confirmed")
        event.sudo(self.user_office).action_confirm()
        self.assertEqual(event.state, "confirmed")
