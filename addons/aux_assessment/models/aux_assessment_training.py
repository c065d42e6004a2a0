# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Training results reach the ability (能) section: an event type may name a
training measure; when aux_training hands over a month's final results
(``hr.employee._aux_training_results``, a hook of aux_personnel), each
person gets one confirmed event per such type and month, worth the type's
points per occurrence, on the type's item (by default the training and
exams item).  Results handed over again (a session done or reopened) keep,
replace or withdraw that one event: a result counts once."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .aux_assessment_event import AuxAssessmentEvent as BaseEvent

TRAINING_MEASURES = [
    ("absent", "Absent from training"),
    ("exams_failed", "Training exam failed"),
    ("exams_absent", "Training exam missed"),
    ("exams_passed", "Training exam passed"),
    ("attended", "Training attended"),
]


class AuxAssessmentEventType(models.Model):
    _inherit = "aux.assessment.event.type"

    training_measure = fields.Selection(
        TRAINING_MEASURES,
        help="Training result this type records: when the month's training results "
             "are final (a session marked done), each person gets one event of this "
             "type for the month, worth the default points times the number of "
             "occurrences (sessions missed without excuse, exams whose latest "
             "attempt failed ...).")


# the training hook's parts stay together in this file until the addon is
# split one file per model (issue 14)
class AuxAssessmentEvent(models.Model):
    _inherit = "aux.assessment.event"  # pylint: disable=consider-merging-classes-inherited
    _aux_workflow_fields = BaseEvent._aux_workflow_fields + ("training_month",)

    training_month = fields.Char(
        readonly=True, copy=False, index=True,
        help="Month (YYYY-MM) of the training results this event records; set by "
             "the server when training results are handed over.")


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _aux_training_results(self, date_from, date_to, results):
        """Keep one confirmed event per person, training event type and month
        matching ``results`` (see aux_personnel): created, replaced when the
        count changed, withdrawn when nothing is left.  An event already on a
        confirmed sheet is not changed: the sheet must be reopened first."""
        res = super(HrEmployee, self)._aux_training_results(date_from, date_to, results)
        types = self.env["aux.assessment.event.type"].sudo().search(
            [("training_measure", "!=", False)])
        if not types or not results:
            return res
        month = date_from[:7]
        Event = self.env["aux.assessment.event"].sudo()
        existing = {
            (event.employee_id.id, event.type_id.id): event
            for event in Event.search([
                ("training_month", "=", month), ("employee_id", "in", list(results)),
                ("type_id", "in", types.ids), ("state", "!=", "cancelled")])}
        labels = dict(self.env["aux.assessment.event.type"].fields_get(
            ["training_measure"])["training_measure"]["selection"])
        withdraw = Event
        new = []
        for employee_id in sorted(results):
            for etype in types:
                count = int(results[employee_id].get(etype.training_measure) or 0)
                points = count * etype.default_points
                event = existing.get((employee_id, etype.id))
                if event and count and event.points == points:
                    continue
                if event:
                    withdraw |= event
                if count:
                    new.append({
                        "employee_id": employee_id, "type_id": etype.id,
                        "item_id": etype.item_id.id, "points": points,
                        "date": date_from, "training_month": month,
                        "state": "confirmed", "author_id": self.env.uid,
                        "description": _("Training results of %(month)s: %(count)s x "
                                         "%(measure)s") % {
                            "month": month, "count": count,
                            "measure": labels[etype.training_measure]},
                    })
        confirmed = withdraw.filtered(lambda e: e.sheet_id.state == "confirmed")
        if confirmed:
            raise UserError(_(
                "The training results of %(month)s of %(names)s count on confirmed "
                "sheets (%(sheets)s): a manager must reopen them before the results "
                "change.") % {
                "month": month, "names": ", ".join(confirmed.mapped("employee_id.name")),
                "sheets": ", ".join(confirmed.mapped("sheet_id.name"))})
        if withdraw:
            withdraw.with_context(tracking_disable=True)._aux_transition(
                "revoke", note=_("training results of %s handed over again") % month)
        Created = trust(Event).with_context(tracking_disable=True, mail_create_nolog=True)
        for vals in new:
            Created.create(vals)
        return res
