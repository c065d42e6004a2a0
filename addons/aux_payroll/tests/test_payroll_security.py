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

    def test_iit_deductions_own_only(self):
        """Special additional deductions (children, illness, housing) are
        personal: the person reads own, a unit leader reads none of the unit's
        people, payroll officers and finance manage all."""
        Deduction = self.env["aux.iit.deduction"]
        own = Deduction.create({"employee_id": self.emp_new.id, "amount": 2000.0,
                                "deduction_type": "children_education",
                                "date_from": "2030-01-01"})
        sub_unit = Deduction.create({"employee_id": self.emp_mid.id, "amount": 1000.0,
                                     "deduction_type": "serious_illness",
                                     "date_from": "2030-01-01"})
        both = own | sub_unit
        self.assertEqual(self.visible(self.user_self, both, "aux.iit.deduction"), own)
        self.assertEqual(own.sudo(self.user_self).read(["amount"])[0]["amount"], 2000.0)
        with self.assertRaises(AccessError):
            sub_unit.sudo(self.user_self).read(["amount"])
        with self.assertRaises(AccessError):
            own.sudo(self.user_self).write({"amount": 5000.0})
        with self.assertRaises(AccessError):
            Deduction.sudo(self.user_self).create({
                "employee_id": self.emp_new.id, "amount": 1.0,
                "deduction_type": "housing_rent", "date_from": "2030-01-01"})
        # emp_mid is in unit A1, under the leader's unit A
        self.assertFalse(self.visible(self.user_leader_a, both, "aux.iit.deduction"))
        with self.assertRaises(AccessError):
            sub_unit.sudo(self.user_leader_a).read(["amount"])
        self.assertEqual(self.visible(self.user_officer, both, "aux.iit.deduction"), both)
        self.assertEqual(self.visible(self.user_finance, both, "aux.iit.deduction"), both)
        sub_unit.sudo(self.user_officer).write({"amount": 1500.0})
        Deduction.sudo(self.user_finance).create({
            "employee_id": self.emp_mid.id, "amount": 1500.0,
            "deduction_type": "housing_loan", "date_from": "2030-01-01"}).unlink()

    def test_iit_openings_own_only(self):
        """Income tax opening balances (pay and tax of the months before the
        system) are personal like the special deductions: the person reads
        own, a unit leader none, payroll officers and finance manage all."""
        Opening = self.env["aux.iit.opening"]
        own = Opening.create({"employee_id": self.emp_new.id, "year": 2030, "months": 6,
                              "income": 60000.0, "tax_withheld": 300.0})
        sub_unit = Opening.create({"employee_id": self.emp_mid.id, "year": 2030,
                                   "months": 3, "income": 30000.0})
        both = own | sub_unit
        self.assertEqual(self.visible(self.user_self, both, "aux.iit.opening"), own)
        self.assertEqual(own.sudo(self.user_self).read(["income"])[0]["income"], 60000.0)
        with self.assertRaises(AccessError):
            sub_unit.sudo(self.user_self).read(["income"])
        with self.assertRaises(AccessError):
            own.sudo(self.user_self).write({"tax_withheld": 0.0})
        with self.assertRaises(AccessError):
            Opening.sudo(self.user_self).create({
                "employee_id": self.emp_new.id, "year": 2031, "months": 1})
        # emp_mid is in unit A1, under the leader's unit A
        self.assertFalse(self.visible(self.user_leader_a, both, "aux.iit.opening"))
        with self.assertRaises(AccessError):
            sub_unit.sudo(self.user_leader_a).read(["income"])
        self.assertEqual(self.visible(self.user_officer, both, "aux.iit.opening"), both)
        self.assertEqual(self.visible(self.user_finance, both, "aux.iit.opening"), both)
        sub_unit.sudo(self.user_officer).write({"income": 31000.0})
        Opening.sudo(self.user_finance).create({
            "employee_id": self.emp_mid.id, "year": 2031, "months": 1}).unlink()
