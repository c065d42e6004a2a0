# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxWelfareCase


class TestCareBudget(AuxWelfareCase):
    """Paid care payments are charged to the care budget line: one analytic
    line each, a cost on the care expense account, counted by the budget."""

    @classmethod
    def setUpClass(cls):
        super(TestCareBudget, cls).setUpClass()
        env = cls.env
        cls.expense = env["account.account"].create({
            "name": "Care expenses (test)", "code": "6699CT",
            "user_type_id": env.ref("account.data_account_type_expenses").id,
            "company_id": cls.company.id})
        cls.company.aux_care_expense_account_id = cls.expense
        Analytic = env["account.analytic.account"]
        cls.care_a = Analytic.create({"name": "Care budget A", "company_id": cls.company.id})
        cls.care_special = Analytic.create({"name": "Care budget special",
                                            "company_id": cls.company.id})
        cls.unit_a.aux_care_analytic_account_id = cls.care_a
        position = env["account.budget.post"].create({
            "name": "Care (test)", "company_id": cls.company.id,
            "account_ids": [(6, 0, cls.expense.ids)]})
        year = fields.Date.today()[:4]
        cls.budget = env["crossovered.budget"].create({
            "name": "Care budget %s" % year, "company_id": cls.company.id,
            "date_from": "%s-01-01" % year, "date_to": "%s-12-31" % year,
            "crossovered_budget_line": [(0, 0, {
                "analytic_account_id": cls.care_a.id, "general_budget_id": position.id,
                "date_from": "%s-01-01" % year, "date_to": "%s-12-31" % year,
                "planned_amount": -10000.0})]})

    def _approved(self, employee, amount, **values):
        vals = {"employee_id": employee.id, "payment_type": "hardship", "amount": amount}
        vals.update(values)
        payment = self.env["aux.care.payment"].create(vals)
        trust(payment).write({"state": "approved"})
        return payment

    def test_paying_charges_the_care_budget_line_in_one_go(self):
        pay_a = self._approved(self.emp_aux_a, 200.0)       # sub-unit: parent's account
        pay_a2 = self._approved(self.emp_aux_a2, 300.5)
        pay_special = self._approved(self.emp_aux_a2, 150.0,
                                     analytic_account_id=self.care_special.id)
        self.assertEqual(pay_a.analytic_account_id, self.care_a)
        payments = pay_a | pay_a2 | pay_special
        self.assertFalse(self.user_office.has_group("account.group_account_user"))
        payments.sudo(self.user_office).action_pay()
        lines = payments.mapped("analytic_line_id")
        self.assertEqual(len(lines), 3)
        for payment, amount, account in ((pay_a, -200.0, self.care_a),
                                         (pay_a2, -300.5, self.care_a),
                                         (pay_special, -150.0, self.care_special)):
            line = payment.analytic_line_id
            self.assertEqual(line.amount, amount)
            self.assertEqual(line.account_id, account)
            self.assertEqual(line.general_account_id, self.expense)
            self.assertEqual(line.date, payment.paid_date)
            self.assertIn(payment.name, line.name)
            self.assertIn(payment.employee_id.name, line.name)
            self.assertEqual(line.user_id, self.user_office)
            self.assertFalse(payment.budget_warning)
        budget_line = self.budget.crossovered_budget_line
        self.assertAlmostEqual(budget_line.practical_amount, -500.5, places=2)
        # paying again changes nothing (the hook is idempotent)
        payments._aux_charge_care_budget()
        self.assertEqual(payments.mapped("analytic_line_id"), lines)

    def test_the_charge_of_a_paid_payment_cannot_be_moved(self):
        """A paid payment is locked: its budget line, amount and person stay
        as charged (the review found them changed and charged again)."""
        payment = self._approved(self.emp_aux_a2, 100.0)
        payment.action_pay()
        line = payment.analytic_line_id
        for values in ({"analytic_account_id": self.care_special.id},
                       {"analytic_account_id": False}, {"amount": 1000.0},
                       {"employee_id": self.emp_aux_b.id}):
            with self.assertRaises(UserError):
                payment.write(values)
        self.assertEqual(payment.analytic_line_id, line)
        self.assertEqual(line.account_id, self.care_a)
        self.assertEqual(line.amount, -100.0)
        self.assertAlmostEqual(
            self.budget.crossovered_budget_line.practical_amount, -100.0, places=2)

    def test_paying_without_care_budget_setup_pays_and_warns(self):
        self.company.aux_care_expense_account_id = False
        payment = self._approved(self.emp_aux_b, 80.0)   # unit B has no care account
        payment.sudo(self.user_office).action_pay()
        self.assertEqual(payment.state, "paid")
        self.assertFalse(payment.analytic_line_id)
        self.assertIn("analytic account", payment.budget_warning)
        self.unit_b.aux_care_analytic_account_id = self.care_a
        payment.sudo(self.user_office).action_charge_budget()
        self.assertEqual(payment.analytic_account_id, self.care_a, "the unit's line")
        self.assertFalse(payment.analytic_line_id)
        self.assertIn(self.company.name, payment.budget_warning)
        self.company.aux_care_expense_account_id = self.expense
        payment.sudo(self.user_office).action_charge_budget()
        self.assertEqual(payment.analytic_line_id.amount, -80.0)
        self.assertFalse(payment.budget_warning)

    def test_campaign_payments_charge_the_care_line_of_the_unit(self):
        campaign = self.env["aux.care.campaign"].create({
            "name": "Summer (test)", "campaign_type": "summer", "amount": 120.0,
            "date_from": "2026-06-01", "date_to": "2026-08-31",
            "department_ids": [(6, 0, self.unit_a.ids)]})
        campaign.action_generate()
        campaign.sudo(self.user_manager).action_approve()
        campaign.sudo(self.user_office).action_pay()
        lines = campaign.payment_ids.mapped("analytic_line_id")
        self.assertEqual(len(lines), 2, "one charge per person of unit A and A1")
        self.assertEqual(lines.mapped("account_id"), self.care_a)
        self.assertEqual(set(lines.mapped("amount")), {-120.0})

    def test_welfare_users_do_not_get_accounting_rights(self):
        payment = self._approved(self.emp_aux_a2, 60.0)
        payment.sudo(self.user_office).action_pay()
        line = payment.analytic_line_id
        self.assertTrue(line)
        with self.assertRaises(AccessError):
            line.sudo(self.user_office).write({"amount": 0.0})
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].sudo(self.user_office).create({
                "name": "x", "account_id": self.care_a.id, "amount": -1.0})
