# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxTrainingCompetition(models.Model):
    """A competition; closed by a training officer, then locked with its
    events and scores (the ranks are the result) until reset to draft."""

    _name = "aux.training.competition"
    _description = "Skills or Fitness Competition"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date desc, id desc"
    _aux_transitions = {
        "done": {"from": ("draft",), "to": "done",
                 "groups": ("aux_training.group_aux_training_officer",)},
        "draft": {"from": ("done",), "to": "draft",
                  "groups": ("aux_training.group_aux_training_officer",)},
    }
    _aux_locked_states = ("done",)
    _aux_lock_exempt_fields = ("note",)

    name = fields.Char(required=True, track_visibility="onchange")
    kind = fields.Selection(
        [("skills", "Skills"), ("fitness", "Fitness")], required=True, default="skills")
    date = fields.Date(required=True, default=local_today)
    department_id = fields.Many2one("hr.department", string="Organising Unit")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True,
        readonly=True, track_visibility="onchange")
    event_ids = fields.One2many("aux.training.competition.event", "competition_id",
                                string="Events")
    score_ids = fields.One2many("aux.training.competition.score", "competition_id",
                                string="Scores")
    participant_count = fields.Integer(compute="_compute_participant_count")
    note = fields.Text()

    @api.multi
    def _compute_participant_count(self):
        for rec in self:
            rec.participant_count = len(rec.score_ids.mapped("employee_id"))

    @api.multi
    def action_done(self):
        return self._aux_transition("done")

    @api.multi
    def action_draft(self):
        return self._aux_transition("draft")
