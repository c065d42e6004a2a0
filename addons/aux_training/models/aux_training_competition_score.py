# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxTrainingCompetitionScore(models.Model):
    """A participant's score in one event, with the rank.

    Ranking rule (standard competition ranking): participants are ordered by
    score, highest first (lowest first when the event's *higher is better* is
    unticked); equal scores share the same rank and the following rank is
    skipped: 1, 2, 2, 4."""

    _name = "aux.training.competition.score"
    _description = "Competition Score"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "event_id, rank, id"
    _aux_lock_parent = "event_id.competition_id"
    _aux_workflow_fields = ("rank", "competition_id", "department_id")
    _rec_name = "employee_id"

    event_id = fields.Many2one(
        "aux.training.competition.event", required=True,
        ondelete="cascade", index=True)
    competition_id = fields.Many2one(
        related="event_id.competition_id", store=True, readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Participant", required=True, ondelete="cascade")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    score = fields.Float()
    rank = fields.Integer(compute="_compute_rank", store=True)

    _sql_constraints = [
        ("event_employee_uniq", "unique(event_id, employee_id)",
         "A participant has one score per event."),
    ]

    @api.depends("score", "event_id.higher_is_better", "event_id.score_ids.score")
    def _compute_rank(self):
        scores_by_event = {
            event.id: event.score_ids.mapped("score") for event in self.mapped("event_id")}
        for rec in self:
            if not rec.event_id:
                rec.rank = 0
                continue
            sign = 1 if rec.event_id.higher_is_better else -1
            rec.rank = 1 + sum(
                1 for other in scores_by_event[rec.event_id.id]
                if sign * other > sign * rec.score)
