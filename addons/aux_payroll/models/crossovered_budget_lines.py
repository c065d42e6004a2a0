# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted

# States of an approved budget: its lines are the approved plan.
APPROVED_BUDGET_STATES = ("validate", "done")


class CrossoveredBudgetLines(models.Model):
    """The lines of an approved (validated or done) budget are the plan that
    was approved: nobody changes, adds or deletes them.  Finance changes an
    approved budget through the budget's own actions: cancel it, reset it to
    draft, change it and have it confirmed and validated again.  The access
    lines (security/) leave writing budgets to finance and the accounting
    managers."""

    _inherit = "crossovered.budget.lines"

    @api.model
    def _aux_check_budget_open(self, budgets):
        if is_trusted(self) or not self.pool.ready:
            return
        for budget in budgets.sudo():
            if budget.state in APPROVED_BUDGET_STATES:
                raise UserError(_(
                    "Budget %s is approved: its lines cannot be added, changed or "
                    "deleted. Cancel it and reset it to draft to change it.") % budget.name)

    @api.model
    def create(self, vals):
        if vals.get("crossovered_budget_id"):
            self._aux_check_budget_open(
                self.env["crossovered.budget"].browse(vals["crossovered_budget_id"]))
        return super(CrossoveredBudgetLines, self).create(vals)

    @api.multi
    def write(self, vals):
        budgets = self.sudo().mapped("crossovered_budget_id")
        if vals.get("crossovered_budget_id"):
            budgets |= budgets.browse(vals["crossovered_budget_id"])
        self._aux_check_budget_open(budgets)
        return super(CrossoveredBudgetLines, self).write(vals)

    @api.multi
    def unlink(self):
        self._aux_check_budget_open(self.sudo().mapped("crossovered_budget_id"))
        return super(CrossoveredBudgetLines, self).unlink()
