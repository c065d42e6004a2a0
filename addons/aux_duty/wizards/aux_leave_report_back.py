# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxLeaveReportBack(models.TransientModel):
    """Report back from leave (销假): the day the person was back at work."""

    _name = "aux.leave.report.back"
    _description = "Report Back from Leave"

    return_date = fields.Date(string="Back at Work On", required=True,
                              default=local_today)

    @api.multi
    def action_report_back(self):
        self.ensure_one()
        leaves = self.env["aux.leave.request"].browse(self.env.context.get("active_ids", []))
        leaves.action_report_back(self.return_date)
        return {"type": "ir.actions.act_window_close"}
