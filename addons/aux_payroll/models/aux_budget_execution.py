# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class AuxBudgetExecution(models.Model):
    """Budget vs actual per budget line (read-only SQL view).

    ``crossovered.budget.lines.practical_amount`` is not stored, so it can
    not be summed in a pivot; this view computes the same figure (analytic
    lines of the line's analytic account, on the accounts of its budgetary
    position, within its dates) for every line at once."""

    _name = "aux.budget.execution"
    _description = "Budget Execution"
    _auto = False
    _rec_name = "budget_id"

    budget_id = fields.Many2one("crossovered.budget", readonly=True)
    budget_state = fields.Selection([
        ("draft", "Draft"), ("cancel", "Cancelled"), ("confirm", "Confirmed"),
        ("validate", "Validated"), ("done", "Done"),
    ], string="Budget Status", readonly=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    general_budget_id = fields.Many2one(
        "account.budget.post", string="Budgetary Position", readonly=True)
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    planned_amount = fields.Float(readonly=True, digits=(16, 2))
    practical_amount = fields.Float(string="Actual Amount", readonly=True, digits=(16, 2))
    remaining_amount = fields.Float(string="Remaining", readonly=True, digits=(16, 2))
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW aux_budget_execution AS (
                SELECT bl.id, bl.crossovered_budget_id AS budget_id, b.state AS budget_state,
                       bl.analytic_account_id, d.id AS department_id,
                       bl.general_budget_id, bl.date_from, bl.date_to, bl.planned_amount,
                       COALESCE(a.amount, 0) AS practical_amount,
                       bl.planned_amount - COALESCE(a.amount, 0) AS remaining_amount,
                       b.company_id
                  FROM crossovered_budget_lines bl
                  JOIN crossovered_budget b ON b.id = bl.crossovered_budget_id
                  LEFT JOIN hr_department d ON d.aux_analytic_account_id = bl.analytic_account_id
                  LEFT JOIN LATERAL (
                        SELECT SUM(al.amount) AS amount
                          FROM account_analytic_line al
                         WHERE al.account_id = bl.analytic_account_id
                           AND al.date BETWEEN bl.date_from AND bl.date_to
                           AND al.general_account_id IN (
                                SELECT r.account_id FROM account_budget_rel r
                                 WHERE r.budget_id = bl.general_budget_id)
                  ) a ON TRUE
            )""")
