# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentSheetLine(models.Model):
    """The score of one item on a sheet: the starting score entered by the
    unit plus the points of the confirmed events posted to it, kept between
    0 and the item maximum.

    The unit scores the lines while the sheet is a draft: from its submission
    on they are locked with the sheet (added, changed or deleted only after
    the office returns it or a manager reopens it).
    """

    _name = "aux.assessment.sheet.line"
    _description = "Assessment Sheet Line"
    _inherit = ["aux.workflow.child.mixin"]
    # lines are created in the order of the scheme's items
    _order = "sheet_id, id"
    _aux_lock_parent = "sheet_id"
    # stored fields the server computes
    _aux_workflow_fields = ("section_id", "employee_id", "department_id", "period_id",
                            "event_points", "score")

    sheet_id = fields.Many2one("aux.assessment.sheet", required=True,
                               ondelete="cascade", index=True)
    item_id = fields.Many2one("aux.assessment.item", required=True,
                              ondelete="restrict")
    section_id = fields.Many2one(related="item_id.section_id", store=True, readonly=True)
    item_type = fields.Selection(related="item_id.item_type", readonly=True)
    max_score = fields.Float(related="item_id.max_score", readonly=True, string="Maximum")
    employee_id = fields.Many2one(related="sheet_id.employee_id", store=True, readonly=True)
    department_id = fields.Many2one(related="sheet_id.department_id", store=True,
                                    readonly=True, string="Unit")
    period_id = fields.Many2one(related="sheet_id.period_id", store=True, readonly=True)
    state = fields.Selection(related="sheet_id.state", readonly=True)
    base_score = fields.Float(string="Score Given")
    event_ids = fields.One2many("aux.assessment.event", "sheet_line_id", string="Events")
    event_points = fields.Float(compute="_compute_event_points", store=True)
    score = fields.Float(compute="_compute_score", store=True)
    note = fields.Char()

    _sql_constraints = [
        ("item_unique", "unique(sheet_id, item_id)",
         "An item is scored once on a sheet."),
    ]

    @api.depends("event_ids.points", "event_ids.state")
    def _compute_event_points(self):
        for line in self:
            line.event_points = sum(line.event_ids.filtered(
                lambda e: e.state == "confirmed").mapped("points"))

    @api.depends("base_score", "event_points", "item_id.max_score")
    def _compute_score(self):
        for line in self:
            line.score = max(0.0, min(line.item_id.max_score,
                                      line.base_score + line.event_points))

    @api.constrains("base_score")
    def _check_base_score(self):
        for line in self:
            if not 0 <= line.base_score <= line.item_id.max_score:
                raise ValidationError(
                    _("%(sheet)s, item %(item)s: the score must be between 0 and %(max)s.")
                    % {"sheet": line.sheet_id.name, "item": line.item_id.name,
                       "max": line.item_id.max_score})

    @api.constrains("sheet_id", "item_id")
    def _check_item_of_scheme(self):
        for line in self.sudo():
            if line.item_id.scheme_id != line.sheet_id.scheme_id:
                raise ValidationError(
                    _("%(sheet)s: item %(item)s is not an item of scheme %(scheme)s.")
                    % {"sheet": line.sheet_id.name, "item": line.item_id.name,
                       "scheme": line.sheet_id.scheme_id.name})

    @api.multi
    def _aux_locked_parents(self):
        return self.sudo().mapped("sheet_id").filtered(lambda s: s._aux_lines_locked())

    @api.model
    def create(self, vals):
        self._aux_check_parent_open(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self:
            self._aux_check_parent_open(vals)
        return super().write(vals)

    @api.model
    def _aux_check_parent_open(self, vals):
        """A line cannot be added to (or moved to) a sheet whose lines are locked."""
        if self._aux_unguarded():
            return
        sheet = self._aux_parent_of_vals(vals)
        locked = sheet and sheet.filtered(lambda s: s._aux_lines_locked())
        if locked:
            self._aux_raise_locked(locked[0])
