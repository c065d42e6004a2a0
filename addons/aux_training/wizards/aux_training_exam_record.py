# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aux_personnel.tools.local_time import local_date, local_today


class AuxTrainingExamRecord(models.TransientModel):
    """Record the exam results of a session in one screen: a line per person
    present who has no passed result yet (first sitting or retake), with the
    score or absent; nothing is written when one score is off the scale."""

    _name = "aux.training.exam.record"
    _description = "Record the Exam Results of a Session"

    @api.model
    def _default_date(self):
        session = self.env["aux.training.session"].browse(
            self.env.context.get("default_session_id"))
        today = local_today(self)
        end = local_date(self, session.date_end)
        return min(end, today) if end else today

    session_id = fields.Many2one(
        "aux.training.session", required=True, readonly=True, ondelete="cascade")
    score_max = fields.Float(related="session_id.score_max", readonly=True,
                             string="Scale Maximum")
    pass_mark = fields.Float(related="session_id.pass_mark", readonly=True)
    date = fields.Date(string="Exam Date", required=True,
                       default=lambda self: self._default_date())
    line_ids = fields.One2many("aux.training.exam.record.line", "record_id", string="Results")

    @api.model
    def default_get(self, fields_list):
        values = super(AuxTrainingExamRecord, self).default_get(fields_list)
        session = self.env["aux.training.session"].browse(values.get("session_id"))
        if session and "line_ids" in fields_list:
            values["line_ids"] = [(0, 0, line) for line in self._aux_line_values(session)]
        return values

    @api.model
    def _aux_line_values(self, session):
        """The people present at ``session`` still without a passed result."""
        enrolments = session.enrolment_ids.filtered(
            lambda e: e.attendance == "present" and e.exam_result != "passed")
        # by unit and name (a training officer reads the training records of
        # people whose files he may not read: the names are only for sorting)
        ordered = enrolments.sudo().sorted(
            lambda e: (e.department_id.id, e.employee_id.name or "", e.id))
        # the person and unit are given too: the web client shows the lines
        # as they come, without computing their related fields
        return [{"enrolment_id": enrolment.id, "attempt": enrolment.exam_attempts + 1,
                 "employee_id": enrolment.employee_id.id,
                 "department_id": enrolment.department_id.id}
                for enrolment in ordered]

    @api.multi
    def action_record(self):
        self.ensure_one()
        session = self.session_id
        if session.state != "open":
            raise UserError(_("Session %s is not open: its exam results cannot be recorded.")
                            % session.display_name)
        lines = self.line_ids.filtered(lambda line: line.is_absent or line.score)
        if not lines:
            raise UserError(_("Enter a score, or mark absent, for at least one person of "
                              "session %s.") % session.display_name)
        # every score is checked before anything is written
        Result = self.env["aux.training.exam.result"]
        for line in lines.filtered(lambda line: not line.is_absent):
            enrolment = line.enrolment_id.sudo()
            if enrolment.session_id != session:
                raise ValidationError(_("%(person)s is not enrolled in session %(session)s.")
                                      % {"person": enrolment.employee_id.name,
                                         "session": session.display_name})
            Result._aux_check_score(enrolment, line.score)
        for line in lines:
            Result.create({
                "enrolment_id": line.enrolment_id.id, "date": self.date,
                "is_absent": line.is_absent, "score": 0.0 if line.is_absent else line.score})
        return {"type": "ir.actions.act_window_close"}


class AuxTrainingExamRecordLine(models.TransientModel):
    _name = "aux.training.exam.record.line"
    _description = "Exam Result to Record"
    _order = "id"

    record_id = fields.Many2one("aux.training.exam.record", required=True, ondelete="cascade")
    enrolment_id = fields.Many2one("aux.training.enrolment", required=True, readonly=True,
                                   ondelete="cascade")
    employee_id = fields.Many2one(related="enrolment_id.employee_id", readonly=True)
    department_id = fields.Many2one(related="enrolment_id.department_id", readonly=True,
                                    string="Unit")
    attempt = fields.Integer(readonly=True, help="1 for the first sitting, 2 for the first "
                                                 "retake, ...")
    is_absent = fields.Boolean(string="Absent from Exam")
    score = fields.Float(help="Leave 0 for a person whose result is recorded later.")
