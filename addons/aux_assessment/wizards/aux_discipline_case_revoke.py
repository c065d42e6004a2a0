# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxDisciplineCaseRevoke(models.TransientModel):
    """Revoke confirmed sanctions with a reason (managers only)."""

    _name = "aux.discipline.case.revoke"
    _description = "Revoke Sanction"

    reason = fields.Text(required=True)

    @api.multi
    def action_revoke(self):
        self.ensure_one()
        cases = self.env["aux.discipline.case"].browse(self.env.context.get("active_ids", []))
        cases._revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
