# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxTrainingExamResult(models.Model):
    """One exam attempt of an enrolled person; retakes are further attempts.
    Recorded by training officers until the session is done (then locked
    with it); the attempt number is given by the server."""

    _name = "aux.training.exam.result"
    _description = "Training Exam Result"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "date desc, enrolment_id, attempt"
    _rec_name = "enrolment_id"
    _aux_lock_parent = "enrolment_id.session_id"
    _aux_workflow_fields = (
        "attempt", "employee_id", "department_id", "session_id", "course_id", "result")

    enrolment_id = fields.Many2one(
        "aux.training.enrolment", required=True, ondelete="cascade",
        index=True)
    employee_id = fields.Many2one(
        related="enrolment_id.employee_id", store=True, readonly=True)
    department_id = fields.Many2one(
        related="enrolment_id.department_id", store=True, readonly=True, string="Unit")
    session_id = fields.Many2one(
        related="enrolment_id.session_id", store=True, readonly=True)
    course_id = fields.Many2one(
        related="enrolment_id.course_id", store=True, readonly=True)
    attempt = fields.Integer(
        readonly=True, help="1 for the first sitting, 2 for the first retake, ...")
    date = fields.Date(default=local_today, required=True)
    is_absent = fields.Boolean(string="Absent from Exam")
    score = fields.Float()
    score_max = fields.Float(
        related="enrolment_id.session_id.score_max", readonly=True, string="Scale Maximum")
    pass_mark = fields.Float(related="enrolment_id.session_id.pass_mark", readonly=True)
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed"), ("absent", "Absent")],
        compute="_compute_result", store=True)

    _sql_constraints = [
        ("enrolment_attempt_uniq", "unique(enrolment_id, attempt)",
         "An attempt number is used once per enrolment."),
    ]

    @api.depends("score", "is_absent", "enrolment_id.session_id.pass_mark")
    def _compute_result(self):
        for rec in self:
            if rec.is_absent:
                rec.result = "absent"
            elif rec.score >= rec.enrolment_id.session_id.pass_mark:
                rec.result = "passed"
            else:
                rec.result = "failed"

    @api.model
    def _aux_check_score(self, enrolment, score):
        session = enrolment.session_id
        if score < 0 or score > session.score_max:
            raise ValidationError(
                _("Exam score %(score)s of %(employee)s in session %(session)s is outside "
                  "the scale 0 to %(max)s.")
                % {"score": score, "employee": enrolment.employee_id.name,
                   "session": session.display_name, "max": session.score_max})

    @api.model
    def create(self, vals):
        if not self._aux_unguarded():
            self._aux_check_stamps(vals)
        enrolment = self.env["aux.training.enrolment"].browse(vals.get("enrolment_id"))
        if enrolment:
            self._aux_check_score(enrolment, vals.get("score", 0.0))
            if not vals.get("attempt"):
                attempts = enrolment.sudo().exam_result_ids.mapped("attempt")
                vals = dict(vals, attempt=max(attempts or [0]) + 1)
        # the attempt number is the server's
        return super(AuxTrainingExamResult, trust(self, "aux_stamp")).create(
            vals).with_env(self.env)

    @api.multi
    def write(self, vals):
        if "score" in vals or "enrolment_id" in vals:
            enrolment_model = self.env["aux.training.enrolment"]
            for rec in self:
                enrolment = enrolment_model.browse(
                    vals.get("enrolment_id", rec.enrolment_id.id))
                self._aux_check_score(enrolment, vals.get("score", rec.score))
        return super(AuxTrainingExamResult, self).write(vals)
