# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HrPayslipWorkedDays(models.Model):
    """Worked days, locked with their payslip (see ``hr.payslip._aux_is_locked``)."""

    _name = "hr.payslip.worked_days"
    _inherit = ["hr.payslip.worked_days", "aux.workflow.child.mixin"]
    _aux_lock_parent = "payslip_id"
