# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aux_contract_notice_days = fields.Integer(
        related="company_id.aux_contract_notice_days",
        string="Contract Notice (days)",
        help="Running contracts ending within this many days enter the expiry "
             "queue and are moved to 'To Renew' by the daily job.")
