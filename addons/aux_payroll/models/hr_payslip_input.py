# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HrPayslipInput(models.Model):
    """Payslip inputs (performance coefficient, rewards, night duties), locked
    with their payslip (see ``hr.payslip._aux_is_locked``)."""

    _name = "hr.payslip.input"
    _inherit = ["hr.payslip.input", "aux.workflow.child.mixin"]
    _aux_lock_parent = "payslip_id"
