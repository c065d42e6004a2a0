# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aux_welfare_bureau_leader_id = fields.Many2one(
        "res.users", string="Bureau Leader for Care Visits",
        help="Visitor of must-visit tasks whose rule asks for the bureau leader "
             "and names no visitor itself.")
    aux_health_check_interval = fields.Integer(
        string="Health Check Interval (months)",
        help="An auxiliary without a health check within this many months is "
             "listed as due. Zero: no one is listed.")
    aux_talk_suggestion_days = fields.Integer(
        string="Days to Hold a Suggested Talk",
        help="A talk suggested by another module (e.g. after a low assessment "
             "score) is planned this many days ahead.")
    aux_care_expense_account_id = fields.Many2one(
        "account.account", string="Care Expense Account",
        domain="[('deprecated', '=', False), ('company_id', '=', id)]",
        help="General account of the analytic lines that charge paid care payments "
             "to their care budget line: put it among the accounts of the budgetary "
             "position of the care budget. Without it, paid payments are not charged "
             "and say so.")
