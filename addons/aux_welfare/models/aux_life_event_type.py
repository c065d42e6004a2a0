# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxLifeEventType(models.Model):
    _name = "aux.life.event.type"
    _description = "Type of Life Event"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_medical = fields.Boolean(
        string="Medical",
        help="Events of this type usually carry medical detail, visible to "
             "welfare officers only.")
    visit_rule_ids = fields.One2many(
        "aux.visit.rule", "event_type_id", string="Must-visit Rules")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a life event type must be unique."),
    ]
