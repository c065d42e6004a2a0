# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter, defaultdict

from odoo import api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted
from odoo.addons.aux_personnel.tools.local_time import local_date


class AuxTrainingEnrolment(models.Model):
    """A person enrolled in a session, with attendance and exam results;
    locked with the session once it is done.  Unit leaders enrol the people
    of their unit; training officers record attendance (record rules)."""

    _name = "aux.training.enrolment"
    _description = "Training Enrolment"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "date desc, id desc"
    _rec_name = "employee_id"
    _aux_lock_parent = "session_id"
    # copied or computed by the server: the credits are what the training
    # requirements count
    _aux_workflow_fields = (
        "department_id", "course_id", "category_id", "session_state", "date",
        "hours_credited", "days_credited", "exam_result", "exam_score", "exam_attempts")

    session_id = fields.Many2one(
        "aux.training.session", required=True, ondelete="cascade",
        index=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    course_id = fields.Many2one(
        related="session_id.course_id", store=True, readonly=True)
    category_id = fields.Many2one(
        related="session_id.course_id.category_id", store=True, readonly=True)
    session_state = fields.Selection(
        related="session_id.state", store=True, readonly=True)
    date = fields.Date(compute="_compute_date", store=True, index=True)
    attendance = fields.Selection(
        [("present", "Present"), ("absent", "Absent"), ("excused", "Excused")])
    hours_credited = fields.Float(compute="_compute_credit", store=True)
    days_credited = fields.Float(compute="_compute_credit", store=True)
    exam_result_ids = fields.One2many(
        "aux.training.exam.result", "enrolment_id", string="Exam Results")
    exam_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed"), ("absent", "Absent")],
        compute="_compute_exam", store=True, help="Result of the latest attempt.")
    exam_score = fields.Float(
        compute="_compute_exam", store=True, help="Best score over all attempts.")
    exam_attempts = fields.Integer(compute="_compute_exam", store=True)

    _sql_constraints = [
        ("session_employee_uniq", "unique(session_id, employee_id)",
         "A person is enrolled only once in a session."),
    ]

    @api.depends("session_id.date_start")
    def _compute_date(self):
        """The local day the session starts: the day the training is credited to."""
        for rec in self:
            rec.date = local_date(rec, rec.session_id.date_start)

    @api.depends("attendance", "session_id.hours", "session_id.days")
    def _compute_credit(self):
        for rec in self:
            present = rec.attendance == "present"
            rec.hours_credited = present and rec.session_id.hours or 0.0
            rec.days_credited = present and rec.session_id.days or 0.0

    @api.depends("exam_result_ids.result", "exam_result_ids.score",
                 "exam_result_ids.attempt")
    def _compute_exam(self):
        for rec in self:
            results = rec.exam_result_ids.sorted("attempt")
            rec.exam_attempts = len(results)
            rec.exam_result = results and results[-1].result or False
            rec.exam_score = max(results.mapped("score") or [0.0])

    @api.model
    def create(self, vals):
        if vals.get("session_id") and not is_trusted(self, "aux_capacity_checked"):
            self.env["aux.training.session"]._aux_check_capacity({vals["session_id"]: 1})
        return super(AuxTrainingEnrolment, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("session_id"):
            moving = self.filtered(lambda r: r.session_id.id != vals["session_id"])
            self.env["aux.training.session"]._aux_check_capacity(
                {vals["session_id"]: len(moving)})
        return super(AuxTrainingEnrolment, self).write(vals)

    @api.multi
    def action_mark_present(self):
        self.write({"attendance": "present"})

    @api.multi
    def action_mark_absent(self):
        self.write({"attendance": "absent"})

    @api.multi
    def action_mark_excused(self):
        self.write({"attendance": "excused"})

    @api.model
    def _aux_ability_results(self, employees, date_from, date_to, done_only=False):
        """Training and exam results per employee, offered to aux_assessment's
        ability (能) section (see :meth:`aux.training.session._aux_feed_assessment`).

        Counts sessions whose start date lies in ``[date_from, date_to]``
        (date strings), only those done (final results) with ``done_only``.
        Returns ``{employee_id: values}`` for every employee
        given, with:

        * ``enrolled``: sessions enrolled in (cancelled sessions excluded);
        * ``attended``: sessions attended (present);
        * ``absent``: sessions missed without excuse;
        * ``hours``: hours credited;
        * ``exams_passed`` / ``exams_failed`` / ``exams_absent``: enrolments by
          the result of their latest exam attempt;
        * ``score_ratio``: average of best score / scale maximum over the
          enrolments with an exam (0.0 to 1.0), or ``None`` without exam.

        A fixed number of queries whatever the number of employees.
        """
        domain = [
            ("employee_id", "in", employees.ids),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("session_state", "=", "done") if done_only else ("session_state", "!=", "cancel"),
        ]
        values = {
            emp.id: {"enrolled": 0, "attended": 0, "absent": 0, "hours": 0.0,
                     "exams_passed": 0, "exams_failed": 0, "exams_absent": 0,
                     "score_ratio": None}
            for emp in employees
        }
        records = self.sudo()
        for group in records.read_group(
                domain, ["employee_id", "attendance", "hours_credited"],
                ["employee_id", "attendance"], lazy=False):
            row = values[group["employee_id"][0]]
            row["enrolled"] += group["__count"]
            row["hours"] += group["hours_credited"] or 0.0
            if group["attendance"] == "present":
                row["attended"] += group["__count"]
            elif group["attendance"] == "absent":
                row["absent"] += group["__count"]
        exams = Counter()
        for group in records.read_group(
                domain + [("exam_result", "!=", False)], ["employee_id", "exam_result"],
                ["employee_id", "exam_result"], lazy=False):
            exams[(group["employee_id"][0], group["exam_result"])] += group["__count"]
        for (employee_id, result), count in exams.items():
            values[employee_id]["exams_%s" % result] += count
        ratios = defaultdict(list)
        for row in records.search_read(
                domain + [("exam_attempts", ">", 0), ("session_id.score_max", ">", 0)],
                ["employee_id", "exam_score", "session_id"]):
            ratios[row["employee_id"][0]].append(row)
        if ratios:
            scale = {
                s.id: s.score_max for s in self.env["aux.training.session"].sudo().browse(
                    list({r["session_id"][0] for rows in ratios.values() for r in rows}))
            }
            for employee_id, rows in ratios.items():
                values[employee_id]["score_ratio"] = sum(
                    r["exam_score"] / scale[r["session_id"][0]] for r in rows) / len(rows)
        return values
