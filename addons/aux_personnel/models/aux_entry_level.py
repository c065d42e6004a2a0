# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aux_grade import AUX_CATEGORIES
from .hr_employee import EDUCATION_LEVELS


class AuxEntryLevel(models.Model):
    _name = "aux.entry.level"
    _description = "Entry Grade by Education"
    _order = "category, education, date_from desc"
    _rec_name = "grade_id"

    education = fields.Selection(EDUCATION_LEVELS, required=True)
    grade_id = fields.Many2one("aux.grade", string="Entry Grade", required=True,
                               ondelete="restrict")
    category = fields.Selection(
        AUX_CATEGORIES + [("all", "All categories")], required=True, default="all")
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for level in self:
            if level.date_from and level.date_to and level.date_to < level.date_from:
                raise ValidationError(_(
                    "The entry level %s ends before it starts.") % level.grade_id.name)

    @api.model
    def _find(self, education, category, date):
        """The entry level in force on ``date``; a category-specific line
        wins over an 'all categories' one."""
        if not education:
            return self.browse()
        levels = self.search([
            ("education", "=", education),
            ("category", "in", [category or "all", "all"]),
            "|", ("date_from", "=", False), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date),
        ])
        specific = levels.filtered(lambda lv: lv.category == category)
        return (specific or levels)[:1]
