# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"


class AuxMentorship(models.Model):
    """Master-apprentice pair (青蓝工程): a mentor, often a sworn officer, and an
    apprentice, with goals and periodic reviews."""

    _name = "aux.mentorship"
    _description = "Mentorship"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date_start desc, id desc"
    _aux_transitions = {
        "start": {"from": ("draft",), "to": "active", "groups": (UNIT_LEADER,)},
        "done": {"from": ("active",), "to": "done", "groups": (UNIT_LEADER,)},
        "cancel": {"from": ("draft", "active"), "to": "cancel", "groups": (UNIT_LEADER,)},
    }
    # a completed or cancelled pair is part of the record, reviews included
    _aux_locked_states = ("done", "cancel")
    _aux_workflow_fields = ("name", "department_id")

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", track_visibility="onchange")
    apprentice_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade",
        track_visibility="onchange")
    department_id = fields.Many2one(
        related="apprentice_id.department_id", store=True, readonly=True, string="Unit")
    date_start = fields.Date(
        string="Start", required=True, default=local_today,
        track_visibility="onchange")
    date_end = fields.Date(string="End", track_visibility="onchange")
    goals = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("done", "Done"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, track_visibility="onchange")
    review_ids = fields.One2many("aux.mentorship.review", "mentorship_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_review_stats")
    average_rating = fields.Float(compute="_compute_review_stats")

    @api.depends("mentor_id.name", "apprentice_id.name")
    def _compute_name(self):
        for rec in self:
            rec.name = "%s / %s" % (rec.mentor_id.name or "", rec.apprentice_id.name or "")

    @api.multi
    def _compute_review_stats(self):
        for rec in self:
            ratings = [int(r) for r in rec.review_ids.mapped("rating") if r]
            rec.review_count = len(rec.review_ids)
            rec.average_rating = ratings and sum(ratings) / len(ratings) or 0.0

    @api.constrains("mentor_id", "apprentice_id", "date_start", "date_end")
    def _check_pair(self):
        for rec in self:
            if rec.mentor_id == rec.apprentice_id:
                raise ValidationError(
                    _("Mentorship %s: a person cannot mentor themselves.") % rec.name)
            if rec.date_end and rec.date_end < rec.date_start:
                raise ValidationError(
                    _("Mentorship %s ends before it starts.") % rec.name)

    @api.multi
    def action_start(self):
        return self._aux_transition("start")

    @api.multi
    def action_done(self):
        return self._aux_transition("done")

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")
