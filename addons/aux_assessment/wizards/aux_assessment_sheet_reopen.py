# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxAssessmentSheetReopen(models.TransientModel):
    """Reopen confirmed sheets with a reason (managers only)."""

    _name = "aux.assessment.sheet.reopen"
    _description = "Reopen Assessment Sheet"

    reason = fields.Text(required=True)

    @api.multi
    def action_reopen(self):
        self.ensure_one()
        sheets = self.env["aux.assessment.sheet"].browse(
            self.env.context.get("active_ids", []))
        sheets._reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
