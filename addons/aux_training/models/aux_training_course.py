# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxTrainingCourse(models.Model):
    _name = "aux.training.course"
    _description = "Training Course"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    category_id = fields.Many2one(
        "aux.training.category", required=True, ondelete="restrict")
    content = fields.Html()
    hours = fields.Float(help="Hours credited to each attendee of a session of this course.")
    score_max = fields.Float(
        string="Scale Maximum",
        help="Highest exam score of this course; sessions copy it and may change it.")
    pass_mark = fields.Float(help="Lowest exam score that passes.")
    session_ids = fields.One2many("aux.training.session", "course_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_session_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a course must be unique."),
    ]

    @api.multi
    def _compute_session_count(self):
        groups = self.env["aux.training.session"].read_group(
            [("course_id", "in", self.ids)], ["course_id"], ["course_id"])
        counts = {g["course_id"][0]: g["course_id_count"] for g in groups}
        for rec in self:
            rec.session_count = counts.get(rec.id, 0)

    @api.constrains("hours", "score_max", "pass_mark")
    def _check_scale(self):
        for rec in self:
            if rec.hours < 0:
                raise ValidationError(_("Course %s: hours cannot be negative.") % rec.name)
            if rec.score_max < 0 or rec.pass_mark < 0 or rec.pass_mark > rec.score_max:
                raise ValidationError(
                    _("Course %s: the pass mark must lie between 0 and the scale maximum.")
                    % rec.name)
