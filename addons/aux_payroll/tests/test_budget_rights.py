# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Budgets are written by finance and the accounting managers only, and an
approved budget is not written at all (security review: stock account_budget
lets every internal user, an auxiliary included, read, write and create the
lines of the approved per-head budget, and every accountant write budgets
and budgetary positions)."""
from odoo.exceptions import AccessError, UserError

from .payroll_run_common import PayrollRunCase


class TestBudgetRights(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestBudgetRights, cls).setUpClass()
        env = cls.env

        def user(login, group):
            return cls._aux_user(login, group, email=False)

        cls.user_accountant = user("budget_accountant", "account.group_account_user")
        cls.user_billing = user("budget_billing", "account.group_account_invoice")
        cls.user_account_manager = user("budget_account_manager",
                                        "account.group_account_manager")
        cls.post = env["account.budget.post"].create({
            "name": "Salaries (budget test)",
            "account_ids": [(6, 0, cls.account_expense.ids)]})
        cls.analytic = env["account.analytic.account"].create({"name": "Budget test unit"})
        cls.budget = env["crossovered.budget"].create({
            "name": "Per-head budget (test)", "date_from": "2027-01-01",
            "date_to": "2027-12-31", "crossovered_budget_line": [(0, 0, {
                "general_budget_id": cls.post.id, "analytic_account_id": cls.analytic.id,
                "date_from": "2027-01-01", "date_to": "2027-12-31",
                "planned_amount": -1000000.0})]})
        cls.line = cls.budget.crossovered_budget_line
        # every role but finance and the accounting managers
        cls.others = (cls.user_self, cls.user_leader_a, cls.user_officer, cls.user_manager,
                      cls.user_boss, cls.user_accountant, cls.user_billing)

    def line_vals(self, **values):
        return dict({"crossovered_budget_id": self.budget.id,
                     "general_budget_id": self.post.id,
                     "analytic_account_id": self.analytic.id, "date_from": "2027-01-01",
                     "date_to": "2027-06-30", "planned_amount": -5.0}, **values)

    def test_only_finance_and_accounting_managers_write_budgets(self):
        for user in self.others:
            attempts = [
                ("write line", lambda u=user: self.line.sudo(u).write(
                    {"planned_amount": -2000000.0})),
                ("create line", lambda u=user: self.env["crossovered.budget.lines"].sudo(
                    u).create(self.line_vals())),
                ("unlink line", lambda u=user: self.line.sudo(u).unlink()),
                ("write budget", lambda u=user: self.budget.sudo(u).write(
                    {"name": "Renamed"})),
                ("lines through the budget", lambda u=user: self.budget.sudo(u).write(
                    {"crossovered_budget_line": [(1, self.line.id,
                                                  {"planned_amount": -1.0})]})),
                ("budget action", lambda u=user: self.budget.sudo(
                    u).action_budget_confirm()),
                ("create budget", lambda u=user: self.env["crossovered.budget"].sudo(
                    u).create({"name": "Forged", "date_from": "2027-01-01",
                               "date_to": "2027-12-31"})),
                ("write budgetary position", lambda u=user: self.post.sudo(u).write(
                    {"name": "Renamed"})),
            ]
            for label, attempt in attempts:
                with self.subTest(user=user.login, op=label), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    attempt()
        self.assertEqual(self.line.planned_amount, -1000000.0)
        self.assertEqual(self.budget.state, "draft")
        for user in (self.user_finance, self.user_account_manager):
            self.line.sudo(user).write({"planned_amount": -1100000.0})
            self.env["crossovered.budget.lines"].sudo(user).create(self.line_vals()).unlink()

    def test_budgets_read_only_by_whom_needs_them(self):
        for user in (self.user_self, self.user_leader_a, self.user_officer,
                     self.user_manager, self.user_billing):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.line.sudo(user).read(["planned_amount"])
        for user in (self.user_boss, self.user_accountant, self.user_finance,
                     self.user_account_manager):
            with self.subTest(user=user.login):
                self.assertEqual(self.line.sudo(user).read(["planned_amount"])[0][
                    "planned_amount"], -1000000.0)

    def test_approved_budget_lines_refused_even_to_finance(self):
        finance = self.user_finance
        budget = self.budget.sudo(finance)
        budget.action_budget_confirm()
        budget.action_budget_validate()
        for user in (finance, self.user_account_manager, self.env.user):
            attempts = [
                ("write line", lambda u=user: self.line.sudo(u).write(
                    {"planned_amount": -2000000.0})),
                ("create line", lambda u=user: self.env["crossovered.budget.lines"].sudo(
                    u).create(self.line_vals())),
                ("unlink line", lambda u=user: self.line.sudo(u).unlink()),
                ("lines through the budget", lambda u=user: self.budget.sudo(u).write(
                    {"crossovered_budget_line": [(0, 0, self.line_vals())]})),
                ("move a line into it", lambda u=user: self.env[
                    "crossovered.budget.lines"].sudo(u).create(self.line_vals(
                        crossovered_budget_id=self.env["crossovered.budget"].create({
                            "name": "Draft", "date_from": "2027-01-01",
                            "date_to": "2027-12-31"}).id)).write(
                    {"crossovered_budget_id": self.budget.id})),
                ("write budget dates", lambda u=user: self.budget.sudo(u).write(
                    {"date_to": "2028-12-31"})),
                ("unlink budget", lambda u=user: self.budget.sudo(u).unlink()),
            ]
            for label, attempt in attempts:
                with self.subTest(user=user.login, op=label), \
                        self.assertRaises(UserError), self.env.cr.savepoint():
                    attempt()
        self.assertEqual(self.line.planned_amount, -1000000.0)
        # finance changes it through the budget's own actions
        budget.action_budget_cancel()
        budget.action_budget_draft()
        self.line.sudo(finance).write({"planned_amount": -1200000.0})
        budget.action_budget_confirm()
        budget.action_budget_validate()
        budget.action_budget_done()
        with self.assertRaises(UserError):
            self.line.sudo(finance).write({"planned_amount": -1.0})
        self.assertEqual(self.line.planned_amount, -1200000.0)
