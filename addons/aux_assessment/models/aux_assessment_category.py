# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxAssessmentCategory(models.Model):
    """An auxiliary category a scheme applies to (mirrors hr.employee.aux_category)."""

    _name = "aux.assessment.category"
    _description = "Assessment Applicable Category"
    _order = "code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Value of the employee's Auxiliary Category this record stands for.")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The category code must be unique."),
    ]
