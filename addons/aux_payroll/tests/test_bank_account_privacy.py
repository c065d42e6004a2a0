# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bank account of a personnel file (HR Officers: the auxiliary office
and payroll) and the declared special deductions of income tax (payroll
only) are not searched, grouped, sorted, exported or name-searched by anyone
else, not even through a payslip (aux.private.fields.mixin)."""
from contextlib import contextmanager

from odoo.exceptions import AccessError

from .common import FEBRUARY, AuxPayrollCase

SEARCH = "You are not allowed to search, group or sort by the field '%s' of %s"
EXPORT = "You are not allowed to export the field '%s' of %s"
ACCOUNT = "6222000011112222"


class TestBankAccountPrivacy(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestBankAccountPrivacy, cls).setUpClass()
        env = cls.env
        bank = env["res.bank"].create({"name": "Test Bank"})
        partner = env["res.partner"].create({"name": cls.emp_new.name})
        cls.emp_new.bank_account_id = env["res.partner.bank"].create({
            "acc_number": ACCOUNT, "partner_id": partner.id, "bank_id": bank.id})
        env["aux.iit.deduction"].create({
            "employee_id": cls.emp_new.id, "deduction_type": "children_education",
            "amount": 1000.0, "date_from": "2030-01-01"})
        # the person's own confirmed payslip, which he reads
        cls.own_slip = cls.slip(cls.emp_new, period=FEBRUARY)
        cls.own_slip.write({"state": "done"})
        cls.user_office = cls._aux_user("pay_office", "office")

    @contextmanager
    def refused(self, name="bank_account_id", message=SEARCH):
        with self.assertRaises(AccessError) as caught:
            yield
        field = self.env["hr.employee"]._fields[name]
        self.assertIn(message % (field.get_description(self.env)["string"],
                                 self.env["ir.model"]._get("hr.employee").name),
                      caught.exception.name)
        self.assertNotIn(ACCOUNT, caught.exception.name)

    def test_bank_account_refused_outside_hr_officers(self):
        for user in (self.user_self, self.user_leader_a):
            Employee = self.env["hr.employee"].sudo(user)
            for value in (ACCOUNT[:4] + "%", "0000%"):
                with self.refused():
                    Employee.search_count([("bank_account_id.acc_number", "like", value)])
            with self.refused():
                Employee.search_count([("bank_account_id", "!=", False)])
            with self.refused():
                Employee.read_group([], ["bank_account_id"], ["bank_account_id"])
            with self.refused():
                Employee.read_group([], ["department_id"], ["department_id"],
                                    orderby="bank_account_id")
            with self.refused():
                Employee.search([], order="bank_account_id")
            with self.refused():
                Employee.name_search("Pay", [("bank_account_id", "=", False)])
            with self.refused(message=EXPORT):
                Employee.browse(self.emp_new.id).export_data(["bank_account_id/acc_number"])

    def test_bank_account_refused_through_the_payslip(self):
        Slip = self.env["hr.payslip"].sudo(self.user_self)
        self.assertEqual(Slip.search([("employee_id", "=", self.emp_new.id)]), self.own_slip)
        with self.refused():
            Slip.search_count([("employee_id.bank_account_id.acc_number", "like", "6222%")])
        with self.refused():
            Slip.read_group([("employee_id.bank_account_id", "!=", False)],
                            ["employee_id"], ["employee_id"])
        with self.refused(message=EXPORT):
            Slip.browse(self.own_slip.id).export_data(
                ["number", "employee_id/bank_account_id/acc_number"])

    def test_payroll_officer_still_uses_the_bank_account(self):
        Employee = self.env["hr.employee"].sudo(self.user_officer)
        self.assertEqual(Employee.search([("bank_account_id.acc_number", "=", ACCOUNT)]),
                         self.emp_new)
        self.assertTrue(Employee.read_group([("id", "=", self.emp_new.id)],
                                            ["bank_account_id"], ["bank_account_id"]))
        self.assertEqual(Employee.browse(self.emp_new.id).export_data(
            ["bank_account_id/acc_number"])["datas"], [[ACCOUNT]])
        Slip = self.env["hr.payslip"].sudo(self.user_officer)
        self.assertEqual(Slip.search(
            [("employee_id.bank_account_id.acc_number", "=", ACCOUNT)]), self.own_slip)

    def test_special_deductions_reserved_to_payroll(self):
        Employee = self.env["hr.employee"].sudo(self.user_office)
        with self.refused("aux_iit_deduction_ids"):
            Employee.search_count([("aux_iit_deduction_ids.amount", ">", 500)])
        with self.refused("aux_iit_deduction_ids", EXPORT):
            Employee.browse(self.emp_new.id).export_data(["aux_iit_deduction_ids/amount"])
        # the office still uses the bank account
        self.assertEqual(Employee.search([("bank_account_id.acc_number", "=", ACCOUNT)]),
                         self.emp_new)
        Payroll = self.env["hr.employee"].sudo(self.user_officer)
        self.assertEqual(Payroll.search([("aux_iit_deduction_ids.amount", ">", 500)]),
                         self.emp_new)
        self.assertEqual(Payroll.browse(self.emp_new.id).export_data(
            ["aux_iit_deduction_ids/amount"])["datas"], [["1000.0"]])
