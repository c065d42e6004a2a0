# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aux_iit_deduction_ids = fields.One2many(
        "aux.iit.deduction", "employee_id", string="Special Additional Deductions",
        groups="aux_payroll.group_aux_payroll_officer",
        help="Monthly special additional deductions of the income tax declared by the "
             "person (专项附加扣除).")
    aux_is_own_file = fields.Boolean(
        compute="_compute_aux_my_payslip_count", string="Own File",
        help="The file is the user's own (his payslips are on the My Payslips button).")
    aux_my_payslip_count = fields.Integer(
        compute="_compute_aux_my_payslip_count", string="My Payslips")

    @api.multi
    def _compute_aux_my_payslip_count(self):
        """The user's own done payslips (those self-service reads)."""
        own = self.filtered(lambda e: e.user_id == self.env.user)
        counts = {}
        if own:
            groups = self.env["hr.payslip"].read_group(
                [("employee_id", "in", own.ids), ("state", "=", "done")],
                ["employee_id"], ["employee_id"])
            counts = {g["employee_id"][0]: g["employee_id_count"] for g in groups}
        for employee in self:
            employee.aux_is_own_file = employee in own
            employee.aux_my_payslip_count = counts.get(employee.id, 0)
