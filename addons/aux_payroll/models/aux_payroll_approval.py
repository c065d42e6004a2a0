# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxPayrollApproval(models.Model):
    """One step of the approval of a payroll run: who did it and when.
    Written by the run's actions only (never edited by hand)."""

    _name = "aux.payroll.approval"
    _description = "Payroll Run Approval Step"
    _order = "date, id"

    run_id = fields.Many2one(
        "hr.payslip.run", string="Payroll Run", required=True, index=True,
        ondelete="cascade")
    step = fields.Selection([
        ("submit", "Submitted"),
        ("unit", "Unit approval"),
        ("office", "Auxiliary office approval"),
        ("finance", "Finance approval"),
        ("leader", "Leader approval"),
        ("return", "Returned to draft"),
        ("reopen", "Reopened"),
        ("post", "Posted"),
    ], required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    date = fields.Datetime(string="On", required=True, readonly=True)
    note = fields.Text(string="Reason", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", related="run_id.aux_department_id",
        store=True, readonly=True)
