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
    # what the plan was asked for, so that a scenario is the same plan
    # with another pay increase
    aux_department_ids = fields.Many2many(
        "hr.department", "aux_budget_plan_department_rel", "budget_id", "department_id",
        string="Planned Units", readonly=True,
        help="The units the plan was made for (empty: every unit with auxiliaries or "
             "an establishment quota).")
    aux_include_vacancies = fields.Boolean(string="Vacant Quota Places Funded", readonly=True)
    aux_base_budget_id = fields.Many2one(
        "crossovered.budget", string="Base Plan", readonly=True, ondelete="set null",
        help="The plan this scenario was made from.")
    aux_scenario_ids = fields.One2many(
        "crossovered.budget", "aux_base_budget_id", string="Scenarios", readonly=True)

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

    @api.multi
    def _aux_base_plan(self):
        self.ensure_one()
        if not self.aux_year:
            raise UserError(_("Budget %s was not made by the per-head budget planning: it "
                              "has no scenarios.") % self.name)
        return self.aux_base_budget_id or self

    @api.multi
    def action_aux_plan_scenario(self):
        """The planning wizard filled in with this plan (year, units,
        vacancies): finance only types the pay increase of the scenario."""
        base = self._aux_base_plan()
        action = self.env.ref("aux_payroll.aux_budget_plan_action").read()[0]
        action["context"] = {
            "default_year": base.aux_year, "default_name": base.name,
            "default_department_ids": [(6, 0, base.aux_department_ids.ids)],
            "default_include_vacancies": base.aux_include_vacancies,
            "default_base_budget_id": base.id, "default_company_id": base.company_id.id,
        }
        return action

    @api.multi
    def action_aux_compare(self):
        """The base plan and its scenarios side by side: planned amounts per
        cost category (rows, unfold to units) and plan (columns)."""
        base = self._aux_base_plan()
        budgets = base | base.aux_scenario_ids
        action = self.env.ref("aux_payroll.aux_budget_compare_action").read()[0]
        action["display_name"] = action["name"] = _("Scenarios of %s") % base.name
        action["domain"] = [("budget_id", "in", budgets.ids)]
        return action

