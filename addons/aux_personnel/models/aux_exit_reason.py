# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxExitReason(models.Model):
    _name = "aux.exit.reason"
    _description = "Exit Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    is_cadre_conversion = fields.Boolean(
        string="Conversion to Cadre",
        help="Reason used by the conversion to bureau-employed cadre, which has "
             "its own path: the person stays in the register.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The exit reason code must be unique."),
    ]
