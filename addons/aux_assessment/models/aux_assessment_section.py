# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentSection(models.Model):
    """A weighted part of a scheme (德, 能, 勤, 绩, 廉)."""

    _name = "aux.assessment.section"
    _description = "Assessment Scheme Section"
    _order = "scheme_id, sequence, id"

    scheme_id = fields.Many2one("aux.assessment.scheme", required=True,
                                ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    weight = fields.Float(
        string="Weight (Points)", required=True,
        help="Maximum points of the section; the section subtotal of a sheet "
             "never exceeds it.")
    item_ids = fields.One2many("aux.assessment.item", "section_id", string="Items",
                               copy=True)

    @api.constrains("weight", "item_ids")
    def _check_weight(self):
        for section in self:
            fixed = sum(section.item_ids.filtered(
                lambda i: i.item_type == "fixed").mapped("max_score"))
            if fixed > section.weight + 0.001:
                raise ValidationError(
                    _("Section %(section)s: its fixed items add up to %(fixed)s points, "
                      "more than its weight %(weight)s.")
                    % {"section": section.name, "fixed": fixed, "weight": section.weight})

    @api.model
    def create(self, vals):
        if vals.get("scheme_id"):
            self.env["aux.assessment.scheme"].browse(vals["scheme_id"])._check_not_in_use()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("scheme_id")._check_not_in_use()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("scheme_id")._check_not_in_use()
        return super().unlink()
