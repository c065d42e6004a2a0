# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrPayslipLine(models.Model):
    _name = "hr.payslip.line"
    _inherit = ["hr.payslip.line", "aux.workflow.child.mixin"]
    _aux_lock_parent = "slip_id"

    # Payslip lines are read by payslip (form, registers, arrears): stock
    # hr_payroll has no index on this column.
    slip_id = fields.Many2one(index=True)
    aux_arrears_date = fields.Date(
        string="Arrears For", readonly=True,
        help="Arrears lines: first day of the pay period paid back.")
    aux_arrears_code = fields.Char(
        string="Arrears Component", readonly=True,
        help="Arrears lines: code of the salary rule (component) paid back.")
