# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxHealthCheck(models.Model):
    _name = "aux.health.check"
    _description = "Annual Health Check"
    _inherit = ["aux.private.fields.mixin", "aux.employee.company.mixin"]
    _order = "check_date desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True,
        ondelete="cascade")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.health.check"))
    check_date = fields.Date(required=True, default=local_today, index=True)
    result = fields.Selection(
        [("fit", "Fit"),
         ("attention", "Fit, needs attention"),
         ("unfit", "Unfit for duty")],
        required=True, default="fit")
    medical_detail = fields.Text(
        groups="aux_welfare.group_aux_welfare_officer",
        help="Findings of the check; only welfare officers can read them.")
    next_due_date = fields.Date(
        compute="_compute_next_due_date", store=True,
        help="Check date plus the company's health check interval.")

    @api.multi
    @api.depends("check_date", "company_id.aux_health_check_interval")
    def _compute_next_due_date(self):
        for check in self:
            months = check.company_id.aux_health_check_interval
            if check.check_date and months:
                check.next_due_date = fields.Date.to_string(
                    fields.Date.from_string(check.check_date) + relativedelta(months=months))
            else:
                check.next_due_date = False
