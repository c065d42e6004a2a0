# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxPayrollRunReopen(models.TransientModel):
    _name = "aux.payroll.run.reopen"
    _description = "Reopen an Approved Payroll Run"

    run_id = fields.Many2one("hr.payslip.run", string="Payroll Run", required=True)
    reason = fields.Text(required=True, help="Why the approved run must be changed.")

    @api.multi
    def action_reopen(self):
        self.ensure_one()
        self.run_id._aux_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
