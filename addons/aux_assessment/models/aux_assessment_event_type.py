# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COMMENDATION_LEVELS = [
    ("unit", "Unit"),
    ("bureau", "Bureau"),
    ("county", "County and above"),
    ("city", "City and above"),
    ("province", "Province and above"),
    ("national", "National"),
]
TRAINING_MEASURES = [
    ("absent", "Absent from training"),
    ("exams_failed", "Training exam failed"),
    ("exams_absent", "Training exam missed"),
    ("exams_passed", "Training exam passed"),
    ("attended", "Training attended"),
]


class AuxAssessmentEventType(models.Model):
    """A kind of reward or penalty with its default points and scheme item."""

    _name = "aux.assessment.event.type"
    _description = "Assessment Event Type"
    _order = "is_veto, sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one(
        "aux.assessment.item",
        help="Scheme item the points go to; events are posted to the sheet line "
             "whose item has the same code, whatever the scheme version.")
    default_points = fields.Float(
        help="Points proposed for a new event of this type (negative for penalties).")
    is_veto = fields.Boolean(
        string="Veto (一票否决)",
        help="One confirmed event of this type in a period gives the lowest band, "
             "whatever the score.")
    sanction_type_id = fields.Many2one(
        "aux.sanction.type", string="Proposed Sanction",
        help="Veto items: the sanction proposed in the discipline case that a "
             "confirmed event of this type opens.")
    is_commendation = fields.Boolean(string="Commendation")
    commendation_level = fields.Selection(COMMENDATION_LEVELS)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    training_measure = fields.Selection(
        TRAINING_MEASURES,
        help="Training result this type records: when the month's training results "
             "are final (a session marked done), each person gets one event of this "
             "type for the month, worth the default points times the number of "
             "occurrences (sessions missed without excuse, exams whose latest "
             "attempt failed ...).")
