# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import YEAR, AssessmentCase


class TestApproval(AssessmentCase):

    def test_flow_records_who_and_when(self):
        sheet = self.generate(self.jan, self.emp_a)
        sheet.sudo(self.user_leader).action_submit()
        self.assertEqual(sheet.state, "unit_submitted")
        self.assertEqual(sheet.submit_user_id, self.user_leader)
        self.assertTrue(sheet.submit_date)
        sheet.sudo(self.user_office).action_check()
        self.assertEqual((sheet.state, sheet.check_user_id), ("office_checked", self.user_office))
        sheet.sudo(self.user_office2).action_confirm()
        self.assertEqual((sheet.state, sheet.confirm_user_id), ("confirmed", self.user_office2))
        self.assertTrue(sheet.confirm_date)

    def test_unit_leader_cannot_check_or_confirm(self):
        sheet = self.annual(self.emp_a, [80])
        sheet.sudo(self.user_leader).action_submit()
        with self.assertRaises(AccessError):
            sheet.sudo(self.user_leader).action_check()
        sheet.action_check()
        with self.assertRaises(AccessError):
            sheet.sudo(self.user_leader).action_confirm()
        with self.assertRaises(AccessError):
            sheet.sudo(self.user_leader).write({"state": "confirmed"})
        self.assertEqual(sheet.state, "office_checked")

    def test_confirmed_sheet_is_locked(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.confirm(sheet)
        with self.assertRaisesRegex(UserError, "locked"):
            sheet.write({"evaluation_score": 50})
        with self.assertRaises(UserError):
            sheet.line_ids[0].base_score = 1
        with self.assertRaises(UserError):
            sheet.action_confirm()
        # a late event waits for the reopening
        event = self.event(self.emp_b, self.type_absence, "%s-01-25" % YEAR)
        self.assertFalse(event.sheet_id)
        self.assertEqual(sheet.total_score, 95)

    def test_reopen_needs_manager_and_reason(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.confirm(sheet)
        event = self.event(self.emp_b, self.type_absence, "%s-01-25" % YEAR)
        Wizard = self.env["aux.assessment.sheet.reopen"]
        ctx = {"active_ids": sheet.ids}
        with self.assertRaises(AccessError):
            Wizard.sudo(self.user_office).with_context(**ctx).create(
                {"reason": "Typo"}).action_reopen()
        with self.assertRaises(UserError):
            sheet.sudo(self.user_manager)._reopen("  ")
        Wizard.sudo(self.user_manager).with_context(**ctx).create(
            {"reason": "Absence on the 25th was missed"}).action_reopen()
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(sheet.reopen_reason, "Absence on the 25th was missed")
        self.assertTrue(any("Absence on the 25th was missed" in (m.body or "")
                            for m in sheet.message_ids))
        self.assertEqual(event.sheet_id, sheet, "pending events are posted on reopening")
        self.assertEqual(sheet.total_score, 90)
