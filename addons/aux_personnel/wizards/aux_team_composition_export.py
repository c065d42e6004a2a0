# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxTeamCompositionExport(models.TransientModel):
    """Choose a unit and download its team composition as XLSX."""

    _name = "aux.team.composition.export"
    _description = "Export Team Composition"

    department_id = fields.Many2one(
        "hr.department", string="Unit",
        help="The unit and its sub-units; empty for every unit you may see.")

    @api.multi
    def action_export(self):
        self.ensure_one()
        return self.env.ref(
            "aux_personnel.aux_team_composition_xlsx_report").report_action(
            self, config=False)
