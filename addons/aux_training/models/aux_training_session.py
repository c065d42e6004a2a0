# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aux_personnel.tools.local_time import local_date

OFFICER = "aux_training.group_aux_training_officer"


class AuxTrainingSession(models.Model):
    """A session of a course.  Enrolments, attendance and exam results are
    recorded while it is draft or open; once done it is locked with its
    enrolments and exam results (the hours credited are part of the
    record), until a training officer resets it to draft."""

    _name = "aux.training.session"
    _description = "Training Session"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date_start desc, id desc"
    _aux_transitions = {
        "open": {"from": ("draft",), "to": "open", "groups": (OFFICER,)},
        "done": {"from": ("open",), "to": "done", "groups": (OFFICER,)},
        "cancel": {"from": ("draft", "open"), "to": "cancel", "groups": (OFFICER,)},
        "draft": {"from": ("cancel",), "to": "draft", "groups": (OFFICER,)},
        # reopening a done session unlocks its attendance and results, which
        # credit training hours: the office manager's, as reopening a sheet
        "reopen": {"from": ("done",), "to": "draft",
                   "groups": ("aux_personnel.group_aux_personnel_manager",)},
    }
    _aux_locked_states = ("done",)
    _aux_lock_exempt_fields = ("note",)
    _aux_workflow_fields = ("days", "category_id")
    _aux_unlink_states = ("draft", "open", "cancel")

    name = fields.Char("Title", help="Defaults to the course name.")
    course_id = fields.Many2one(
        "aux.training.course", required=True, ondelete="restrict",
        track_visibility="onchange")
    category_id = fields.Many2one(
        related="course_id.category_id", store=True, readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Organising Unit", track_visibility="onchange")
    instructor_id = fields.Many2one(
        "hr.employee", help="An employee, often a sworn officer.")
    instructor_external = fields.Char(
        string="External Instructor", help="Name of an instructor from outside the bureau.")
    venue = fields.Char()
    date_start = fields.Datetime(
        string="Start", required=True, track_visibility="onchange")
    date_end = fields.Datetime(string="End", required=True, track_visibility="onchange")
    hours = fields.Float(
        help="Hours credited to each person present; defaults to the course hours.")
    days = fields.Float(
        compute="_compute_days", store=True,
        help="Calendar days covered by the session, credited to each person present.")
    capacity = fields.Integer(
        track_visibility="onchange", help="Maximum number of people enrolled; 0: no limit.")
    cost = fields.Float(track_visibility="onchange")
    score_max = fields.Float(string="Scale Maximum")
    pass_mark = fields.Float()
    closed_class = fields.Boolean(help="Closed training class for key staff.")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, track_visibility="onchange")
    enrolment_ids = fields.One2many(
        "aux.training.enrolment", "session_id", string="Enrolments")
    seats_taken = fields.Integer(compute="_compute_seats")
    seats_available = fields.Integer(compute="_compute_seats")
    attendee_count = fields.Integer(string="Present", compute="_compute_seats")
    note = fields.Text()

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for rec in self:
            if rec.date_start and rec.date_end:
                start = fields.Date.from_string(local_date(rec, rec.date_start))
                end = fields.Date.from_string(local_date(rec, rec.date_end))
                rec.days = max((end - start).days + 1, 0)
            else:
                rec.days = 0

    @api.multi
    def _compute_seats(self):
        groups = self.env["aux.training.enrolment"].sudo().read_group(
            [("session_id", "in", self.ids)], ["session_id", "attendance"],
            ["session_id", "attendance"], lazy=False)
        taken = Counter()
        present = Counter()
        for group in groups:
            taken[group["session_id"][0]] += group["__count"]
            if group["attendance"] == "present":
                present[group["session_id"][0]] += group["__count"]
        for rec in self:
            rec.seats_taken = taken[rec.id]
            rec.attendee_count = present[rec.id]
            rec.seats_available = max(rec.capacity - taken[rec.id], 0) if rec.capacity else 0

    @api.constrains("date_start", "date_end", "capacity", "hours", "cost",
                    "score_max", "pass_mark")
    def _check_values(self):
        for rec in self:
            name = rec.display_name
            if rec.date_end < rec.date_start:
                raise ValidationError(_("Session %s ends before it starts.") % name)
            if rec.capacity < 0 or rec.hours < 0 or rec.cost < 0:
                raise ValidationError(
                    _("Session %s: capacity, hours and cost cannot be negative.") % name)
            if rec.score_max < 0 or rec.pass_mark < 0 or rec.pass_mark > rec.score_max:
                raise ValidationError(
                    _("Session %s: the pass mark must lie between 0 and the scale maximum.")
                    % name)

    @api.onchange("course_id")
    def _onchange_course_id(self):
        if self.course_id:
            self.hours = self.course_id.hours
            self.score_max = self.course_id.score_max
            self.pass_mark = self.course_id.pass_mark

    @api.model
    def create(self, vals):
        if vals.get("course_id"):
            course = self.env["aux.training.course"].browse(vals["course_id"])
            for key in ("hours", "score_max", "pass_mark"):
                if key not in vals:
                    vals[key] = course[key]
        return super(AuxTrainingSession, self).create(vals)

    @api.multi
    def name_get(self):
        result = []
        for rec in self:
            title = rec.name or rec.course_id.name or ""
            day = local_date(rec, rec.date_start) or ""
            result.append((rec.id, "%s [%s]" % (title, day)))
        return result

    @api.multi
    def _aux_transition(self, name, values=None, note=None):
        if name not in ("done", "reopen"):
            return super(AuxTrainingSession, self)._aux_transition(
                name, values=values, note=note)
        # the results become final or are reopened together with what the
        # assessment makes of them, or not at all
        with self.env.cr.savepoint(), self.env.clear_upon_failure():
            res = super(AuxTrainingSession, self)._aux_transition(
                name, values=values, note=note)
            self._aux_feed_assessment()
        return res

    @api.multi
    def _aux_feed_assessment(self):
        """The results of these sessions became final (done) or were reopened:
        hand the month's results of the sessions done to the assessment, for
        every person of these sessions and every month they fall in, through
        aux_personnel's hook ``hr.employee._aux_training_results`` (which
        aux_assessment turns into the events of its rules).  A fixed number of
        queries per month."""
        months = defaultdict(set)
        for row in self.env["aux.training.enrolment"].sudo().search_read(
                [("session_id", "in", self.ids)], ["employee_id", "date"]):
            if row["date"]:
                months[row["date"][:7] + "-01"].add(row["employee_id"][0])
        Employee = self.env["hr.employee"]
        Enrolment = self.env["aux.training.enrolment"]
        for first, employee_ids in sorted(months.items()):
            last = fields.Date.to_string(
                fields.Date.from_string(first) + relativedelta(months=1, days=-1))
            results = Enrolment._aux_ability_results(
                Employee.sudo().browse(sorted(employee_ids)), first, last, done_only=True)
            Employee._aux_training_results(first, last, results)

    @api.multi
    def action_open(self):
        return self._aux_transition("open")

    @api.multi
    def action_done(self):
        return self._aux_transition("done")

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")

    @api.multi
    def action_draft(self):
        done = self.filtered(lambda session: session.state == "done")
        (self - done)._aux_transition("draft")
        return done._aux_transition("reopen")

    @api.multi
    def action_enrol_unit(self):
        self.ensure_one()
        action = self.env.ref("aux_training.aux_training_enrol_unit_action").read()[0]
        action["context"] = {"default_session_id": self.id}
        return action

    @api.multi
    def action_record_exams(self):
        """The exam results of the session in one screen (one line a person)."""
        self.ensure_one()
        action = self.env.ref("aux_training.aux_training_exam_record_action").read()[0]
        action["context"] = {"default_session_id": self.id}
        return action

    @api.model
    def _aux_check_capacity(self, new_by_session):
        """Refuse enrolments beyond capacity, before anything is written.

        ``new_by_session`` maps session ids to the number of people about to be
        enrolled.  One ``read_group`` for all sessions."""
        new_by_session = {k: v for k, v in new_by_session.items() if v}
        if not new_by_session:
            return
        sessions = self.sudo().browse(list(new_by_session))
        groups = self.env["aux.training.enrolment"].sudo().read_group(
            [("session_id", "in", sessions.ids)], ["session_id"], ["session_id"])
        taken = {g["session_id"][0]: g["session_id_count"] for g in groups}
        for session in sessions:
            if session.state == "cancel":
                raise UserError(
                    _("Session %s is cancelled: nobody can be enrolled.") % session.display_name)
            wanted = taken.get(session.id, 0) + new_by_session[session.id]
            if session.capacity and wanted > session.capacity:
                raise ValidationError(
                    _("Session %(session)s has a capacity of %(capacity)s people: "
                      "%(taken)s are already enrolled, %(more)s more cannot be added.")
                    % {"session": session.display_name, "capacity": session.capacity,
                       "taken": taken.get(session.id, 0), "more": new_by_session[session.id]})
