# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class AuxAssessmentGenerate(models.TransientModel):
    """Generate the sheets of a period for a unit or the whole bureau."""

    _name = "aux.assessment.generate"
    _description = "Generate Assessment Sheets"

    period_id = fields.Many2one("aux.assessment.period", required=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit",
        help="The unit (with its sub-units); leave empty for the whole bureau.")
    scheme_id = fields.Many2one(
        "aux.assessment.scheme",
        help="Leave empty to pick, for each person, the most specific scheme "
             "valid at the start of the period.")

    @api.multi
    def _employees(self):
        self.ensure_one()
        domain = [("is_auxiliary", "=", True)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        return self.env["hr.employee"].search(domain)

    @api.multi
    def action_generate(self):
        self.ensure_one()
        sheets = self.env["aux.assessment.sheet"]._generate(
            self.period_id, self._employees(), self.scheme_id or None)
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action").read()[0]
        action["domain"] = [("period_id", "=", self.period_id.id)]
        action["context"] = {}
        action["name"] = _("Sheets of %(period)s (%(count)d new)") % {
            "period": self.period_id.name, "count": len(sheets)}
        return action
