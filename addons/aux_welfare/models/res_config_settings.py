# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aux_care_expense_account_id = fields.Many2one(
        related="company_id.aux_care_expense_account_id",
        string="Care Expense Account",
        help="General account of the analytic lines that charge paid care payments "
             "to their care budget line.")
