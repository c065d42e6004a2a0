# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aux_iit_deduction_ids = fields.One2many(
        "aux.iit.deduction", "employee_id", string="Special Additional Deductions",
        groups="aux_payroll.group_aux_payroll_officer",
        help="Monthly special additional deductions of the income tax declared by the "
             "person (专项附加扣除).")
