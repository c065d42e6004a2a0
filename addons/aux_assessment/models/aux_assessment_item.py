# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentItem(models.Model):
    """A scored item of a section.

    A fixed item starts at its default score (usually the maximum) and loses
    points through penalties; a flexible item starts at its default (usually
    0) and earns points through rewards. The score stays between 0 and the
    item maximum.
    """

    _name = "aux.assessment.item"
    _description = "Assessment Scheme Item"
    _order = "scheme_id, section_sequence, sequence, id"

    section_id = fields.Many2one("aux.assessment.section",
                                 required=True, ondelete="cascade", index=True)
    scheme_id = fields.Many2one(related="section_id.scheme_id", store=True, readonly=True)
    section_sequence = fields.Integer(related="section_id.sequence", store=True,
                                      readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Stable code shared by the versions of a scheme; events are posted "
             "to the sheet line whose item has the code of the event's item.")
    item_type = fields.Selection(
        [("fixed", "Fixed"), ("flexible", "Flexible")], string="Type",
        required=True, default="fixed")
    max_score = fields.Float(string="Maximum", required=True)
    default_score = fields.Float(
        string="Starting Score",
        help="Score a new sheet line starts with, before events.")
    description = fields.Text(translate=True)

    @api.constrains("max_score", "default_score")
    def _check_scores(self):
        for item in self:
            if item.max_score <= 0 or not 0 <= item.default_score <= item.max_score:
                raise ValidationError(
                    _("Item %s: the maximum must be positive and the starting score "
                      "between 0 and the maximum.") % item.name)

    @api.constrains("max_score", "item_type", "section_id")
    def _check_section_weight(self):
        self.mapped("section_id")._check_weight()

    @api.multi
    def name_get(self):
        return [(item.id, "%s / %s" % (item.section_id.name, item.name)) for item in self]

    @api.model
    def create(self, vals):
        section = self.env["aux.assessment.section"].browse(vals.get("section_id"))
        section.mapped("scheme_id")._check_not_in_use()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("scheme_id")._check_not_in_use()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("scheme_id")._check_not_in_use()
        return super().unlink()
