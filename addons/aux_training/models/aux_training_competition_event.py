# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxTrainingCompetitionEvent(models.Model):
    _name = "aux.training.competition.event"
    _description = "Competition Event"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "competition_id, sequence, id"
    _aux_lock_parent = "competition_id"

    competition_id = fields.Many2one(
        "aux.training.competition", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    score_unit = fields.Char(help="e.g. points, seconds, metres.")
    higher_is_better = fields.Boolean(
        default=True, help="Unticked for timed events, where the lowest score wins.")
    score_ids = fields.One2many("aux.training.competition.score", "event_id",
                                string="Scores")
