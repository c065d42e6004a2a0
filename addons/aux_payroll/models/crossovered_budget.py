# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import MAIL_FIELD_PREFIXES, is_trusted

from .crossovered_budget_lines import APPROVED_BUDGET_STATES


class CrossoveredBudget(models.Model):
    _inherit = "crossovered.budget"

    aux_year = fields.Integer(
        string="Planned Year", readonly=True,
        help="Set on budgets made by the per-head budget planning of auxiliaries.")
    aux_pay_increase = fields.Float(
        string="Pay Scenario (%)", readonly=True,
        help="Pay increase assumed by the plan (0 for the base plan).")
    aux_headcount = fields.Integer(
        string="Planned Head Count", readonly=True)

    @api.multi
    def _aux_check_open(self, names=None):
        """An approved (validated or done) budget keeps its name, dates and
        lines (see ``crossovered.budget.lines``): only its own actions
        (``state``: cancel, then reset to draft) change it; it is not deleted."""
        if is_trusted(self) or not self.pool.ready:
            return
        if names is not None:
            names = {name for name in names if name != "state"
                     and not name.startswith(MAIL_FIELD_PREFIXES)}
            if not names:
                return
        for budget in self.sudo():
            if budget.state in APPROVED_BUDGET_STATES:
                raise UserError(_(
                    "Budget %s is approved: it cannot be changed or deleted. Cancel it "
                    "and reset it to draft to change it.") % budget.name)

    @api.multi
    def write(self, vals):
        self._aux_check_open(vals)
        return super(CrossoveredBudget, self).write(vals)

    @api.multi
    def unlink(self):
        self._aux_check_open()
        return super(CrossoveredBudget, self).unlink()
