# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
