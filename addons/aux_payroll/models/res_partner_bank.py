# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    # What makes a bank account a salary account, for the record rules that
    # keep the employees' accounts (where the net pay goes, the bank
    # transfer list) to HR officers and finance: stock base lets every
    # internal user read every bank account (security/aux_payroll_security.xml).
    aux_employee_ids = fields.One2many(
        "hr.employee", "bank_account_id", string="Employees Paid", readonly=True,
        groups="hr.group_hr_user",
        help="The employees whose pay goes to this account.")
