# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aux_probation_months = fields.Integer(
        string="Probation Months",
        help="Months of probation after the entry date that do not count "
             "toward years of service or time in grade.")
    # Used by the contract expiry queue (hr_contract.py). The bureau's value
    # ships as data (data/res_company_data.xml); a new company starts with the
    # value of the creating user's company.
    aux_contract_notice_days = fields.Integer(
        string="Contract Notice (days)",
        default=lambda self: self.env.user.company_id.aux_contract_notice_days,
        help="Running contracts ending within this many days enter the expiry "
             "queue and are moved to 'To Renew' by the daily job.")
