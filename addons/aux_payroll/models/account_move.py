# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # What makes a journal entry a payroll entry, for the record rules that
    # keep payroll entries (each person's net pay on the payable lines) to
    # finance and the accountants (security/aux_payroll_security.xml).
    aux_payslip_ids = fields.One2many(
        "hr.payslip", "move_id", string="Payslips", readonly=True,
        groups="account.group_account_user",
        help="The payslips this journal entry pays (payroll entries).")
