# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import FEBRUARY, AuxPayrollCase


class TestPayrollSecurity(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayrollSecurity, cls).setUpClass()
        cls.own_done = cls.slip(cls.emp_new, period=FEBRUARY)
        cls.own_draft = cls.slip(cls.emp_new)
        cls.sub_unit = cls.slip(cls.emp_mid)        # unit A1, under A
        cls.other_unit = cls.slip(cls.emp_tax)      # unit B
        batch = cls.own_done | cls.own_draft | cls.sub_unit | cls.other_unit
        batch._aux_compute_batch()
        cls.own_done.write({"state": "done"})
        cls.other_done = cls.slip(cls.emp_none, period=FEBRUARY)
        cls.other_done.compute_sheet()
        cls.other_done.write({"state": "done"})

    def visible(self, user, records, model="hr.payslip"):
        return self.env[model].sudo(user).search([("id", "in", records.ids)])

    def test_self_sees_only_own_confirmed_payslips(self):
        self.assertEqual(self.own_done.sudo(self.user_self).read(["number"])[0]["number"],
                         self.own_done.number)
        for slip in (self.own_draft, self.other_done, self.sub_unit):
            with self.assertRaises(AccessError):
                slip.sudo(self.user_self).read(["number"])
        all_slips = self.own_done | self.own_draft | self.other_done | self.sub_unit
        self.assertEqual(self.visible(self.user_self, all_slips), self.own_done)
        # and the lines of those payslips only
        lines = (self.own_done | self.other_done | self.own_draft).mapped("line_ids")
        self.assertEqual(self.visible(self.user_self, lines, "hr.payslip.line"),
                         self.own_done.line_ids)
        with self.assertRaises(AccessError):
            self.other_done.line_ids[:1].sudo(self.user_self).read(["total"])

    def test_self_cannot_change_own_payslip(self):
        with self.assertRaises(AccessError):
            self.own_done.sudo(self.user_self).write({"note": "x"})

    def test_unit_leader_sees_own_unit_only(self):
        mine = self.own_done | self.own_draft | self.sub_unit
        self.assertEqual(self.visible(self.user_leader_a, mine | self.other_unit), mine)
        with self.assertRaises(AccessError):
            self.other_unit.sudo(self.user_leader_a).read(["number"])
        with self.assertRaises(AccessError):
            self.other_unit.line_ids[:1].sudo(self.user_leader_a).read(["total"])
        self.assertTrue(self.sub_unit.line_ids.sudo(self.user_leader_a).read(["total"]))

    def test_officer_and_finance_see_all(self):
        everything = self.own_done | self.own_draft | self.sub_unit | self.other_unit \
            | self.other_done
        self.assertEqual(self.visible(self.user_officer, everything), everything)
        self.assertEqual(self.visible(self.user_finance, everything), everything)
        lines = everything.mapped("line_ids")
        self.assertEqual(self.visible(self.user_finance, lines, "hr.payslip.line"), lines)

    def test_payslip_warning_visible_to_owner(self):
        """The owner of a confirmed payslip reads why it may be wrong."""
        self.assertIn("No confirmed assessment",
                      self.other_done.sudo(self.user_officer).aux_warning)
