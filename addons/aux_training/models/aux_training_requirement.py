# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

from odoo.addons.aux_personnel.tools.local_time import local_today

STATUSES = [
    ("met", "Met"),
    ("not_yet_due", "Not yet due"),
    ("out_of_compliance", "Out of compliance"),
]


class AuxTrainingRequirement(models.Model):
    """A training rule an auxiliary must satisfy, kept as data.

    Kinds:

    * ``pre_job``: total attended training (ever) before any duty;
    * ``periodic``: attended training within the last ``period_months`` months;
    * ``monthly``: attended training within the current calendar month;
    * ``annual_hours``: attended training within the current calendar year,
      judged against ``annual_rule`` (pro rata to date, at year end, or the
      full minimum from 1 January).

    A requirement is met when the target hours, the target days and the
    number of exams passed (each only when set) are reached with attended
    sessions that are done and whose course category is accepted (any
    category when none is set); an exam counts as passed when the latest
    attempt of the enrolment passed.  The
    target is the minimum, except for annual hours judged pro rata.  An unmet
    requirement is *not yet due* during the ``grace_days`` after the person's
    entry date (never for pre-job training, which is a gate) and, for annual
    hours judged at year end, before 31 December; otherwise it is *out of
    compliance*.
    """

    _name = "aux.training.requirement"
    _description = "Training Requirement"
    _order = "sequence, id"

    def _selection_aux_category(self):
        return self.env["hr.employee"]._fields["aux_category"].selection

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("pre_job", "Pre-job training"),
         ("periodic", "Periodic training"),
         ("monthly", "Monthly training"),
         ("annual_hours", "Annual training hours")],
        required=True, default="pre_job")
    aux_category = fields.Selection(
        "_selection_aux_category", string="Applies to Category",
        help="Auxiliary category the requirement applies to; empty: every auxiliary.")
    min_hours = fields.Float(string="Minimum Hours")
    min_days = fields.Float(string="Minimum Days")
    min_exams_passed = fields.Integer(
        string="Minimum Exams Passed",
        help="Exams to pass in the window (the latest attempt of an attended session "
             "of an accepted category passed), e.g. 1 for a monthly training and exam; "
             "0: no exam is required.")
    period_months = fields.Integer(
        string="Period (months)",
        help="Periodic training: the rolling window in months, e.g. 24 for "
             "'at least 3 days every 2 years'.")
    category_ids = fields.Many2many(
        "aux.training.category", string="Accepted Course Categories",
        help="Only attended sessions of courses in these categories count; "
             "empty: every category counts.")
    blocks_post_assignment = fields.Boolean(
        string="Required Before a Post",
        help="Pre-job training: an auxiliary who has not completed it on the first day "
             "cannot be assigned to a post.")
    grace_days = fields.Integer(
        string="Grace Period (days)", default=0,
        help="Days after a person's entry date during which an unmet requirement is "
             "shown as 'not yet due' rather than out of compliance.  Ignored for "
             "pre-job training, which must be completed before any duty.  The shipped "
             "periodic requirement allows 365 days: a new hire has just done pre-job "
             "training and the in-service rotations run once a year, so every hire "
             "can be scheduled in one within a year; the shipped annual-hours "
             "requirement allows 90 days (one quarter) to get a hire into the "
             "training calendar.")
    annual_rule = fields.Selection(
        [("pro_rata", "Pro rata to date"),
         ("year_end", "At year end"),
         ("full_year", "Full minimum from 1 January")],
        default="pro_rata",
        help="Annual training hours: how the yearly minimum is judged during the year.\n"
             "Pro rata to date: the minimum times the part of the year elapsed, counted "
             "from 1 January or from the entry date of people hired during the year.\n"
             "At year end: nobody is out of compliance before 31 December.\n"
             "Full minimum from 1 January: the whole minimum is expected at any time.")
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")
    note = fields.Text(translate=True)

    @api.constrains("min_hours", "min_days", "min_exams_passed", "period_months", "kind",
                    "date_from", "date_to", "grace_days")
    def _check_values(self):
        for rec in self:
            if rec.grace_days < 0:
                raise ValidationError(
                    _("Training requirement %s: the grace period cannot be negative.")
                    % rec.name)
            if rec.min_hours < 0 or rec.min_days < 0 or rec.min_exams_passed < 0:
                raise ValidationError(
                    _("Training requirement %s: minimum hours, days and exams passed cannot "
                      "be negative.") % rec.name)
            if not rec.min_hours and not rec.min_days and not rec.min_exams_passed:
                raise ValidationError(
                    _("Training requirement %s needs minimum hours, minimum days or a "
                      "minimum of exams passed.") % rec.name)
            if rec.kind == "periodic" and rec.period_months <= 0:
                raise ValidationError(
                    _("Periodic training requirement %s needs a period in months.")
                    % rec.name)
            if rec.date_from and rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(
                    _("Training requirement %s ends before it starts.") % rec.name)

    # business methods

    @api.multi
    def _aux_in_force(self, on_date):
        """Requirements of ``self`` valid on ``on_date`` (a date string)."""
        return self.filtered(
            lambda r: (not r.date_from or r.date_from <= on_date)
            and (not r.date_to or r.date_to >= on_date))

    @api.multi
    def _aux_applicable_employees(self, employees):
        self.ensure_one()
        return employees.filtered(
            lambda e: e.is_auxiliary
            and (not self.aux_category or e.aux_category == self.aux_category))

    @api.multi
    def _aux_window(self, on_date):
        """(first day counted or None, last day counted, lapse date or None)."""
        self.ensure_one()
        day = fields.Date.from_string(on_date)
        if self.kind == "periodic":
            return day - relativedelta(months=self.period_months) + relativedelta(days=1), \
                day, None
        if self.kind == "monthly":
            first = day.replace(day=1)
            return first, day, first + relativedelta(months=1, days=-1)
        if self.kind == "annual_hours":
            return day.replace(month=1, day=1), day, day.replace(month=12, day=31)
        return None, day, None

    @api.multi
    def _aux_credit_domain(self, employees, date_from, date_to):
        self.ensure_one()
        domain = [
            ("employee_id", "in", employees.ids),
            ("attendance", "=", "present"),
            ("session_state", "=", "done"),
            ("date", "<=", fields.Date.to_string(date_to)),
        ]
        if date_from:
            domain.append(("date", ">=", fields.Date.to_string(date_from)))
        if self.category_ids:
            domain.append(("category_id", "in", self.category_ids.ids))
        return domain

    @api.multi
    def _aux_pro_rata_start(self, employee, on_date):
        """(first day counted, days in the year) of an annual requirement
        judged pro rata: 1 January, or the entry date of a hire of the year."""
        self.ensure_one()
        first = on_date.replace(month=1, day=1)
        start = first
        if employee.entry_date:
            start = max(start, fields.Date.from_string(employee.entry_date))
        return start, (on_date.replace(month=12, day=31) - first).days + 1

    @staticmethod
    def _aux_pro_rata(minimum, elapsed_days, year_days):
        """Part of ``minimum`` due after ``elapsed_days`` days, rounded to 0.1."""
        return float_round(minimum * max(elapsed_days, 0) / year_days, precision_digits=1)

    @api.multi
    def _aux_targets(self, employee, on_date):
        """(target hours, target days) of ``employee`` on ``on_date`` (a date):
        the minimums, or for annual hours judged pro rata the minimums times
        the part of the year elapsed since 1 January or since the entry date
        of people hired during the year, rounded to 0.1."""
        self.ensure_one()
        if self.kind != "annual_hours" or self.annual_rule != "pro_rata":
            return self.min_hours, self.min_days
        start, year_days = self._aux_pro_rata_start(employee, on_date)
        elapsed = (on_date - start).days + 1
        return (self._aux_pro_rata(self.min_hours, elapsed, year_days),
                self._aux_pro_rata(self.min_days, elapsed, year_days))

    @api.multi
    def _aux_due_date(self, employee, on_date):
        """Date (a date) from which an unmet requirement counts as out of
        compliance for ``employee``, when later than ``on_date``; else None."""
        self.ensure_one()
        due = None
        if self.kind != "pre_job" and self.grace_days and employee.entry_date:
            due = fields.Date.from_string(employee.entry_date) + relativedelta(
                days=self.grace_days)
        if self.kind == "annual_hours" and self.annual_rule == "year_end":
            due = max(due or on_date, on_date.replace(month=12, day=31))
        return due if due and due > on_date else None

    @api.multi
    def _aux_pro_rata_lapse(self, employee, hours, days, on_date):
        """Annual hours: the first day the target to date outgrows the
        ``hours`` / ``days`` already done, at the latest 31 December (the
        day they stop counting)."""
        self.ensure_one()
        year_end = on_date.replace(month=12, day=31)
        if self.annual_rule != "pro_rata":
            return year_end
        start, year_days = self._aux_pro_rata_start(employee, on_date)
        lapses = []
        for minimum, done in ((self.min_hours, hours), (self.min_days, days)):
            if not minimum:
                continue
            elapsed = int(done * year_days / minimum)
            # the rounding to 0.1 moves the day by a few days at most
            while elapsed > 1 and self._aux_pro_rata(minimum, elapsed - 1, year_days) > done:
                elapsed -= 1
            while self._aux_pro_rata(minimum, elapsed, year_days) <= done \
                    and elapsed <= year_days:
                elapsed += 1
            lapses.append(start + relativedelta(days=elapsed - 1))
        return min(lapses + [year_end])

    @api.multi
    def _aux_compliance(self, employees, on_date=None):
        """Compliance of ``employees`` with the requirements in ``self``.

        One ``read_group`` per requirement over the attended sessions (never a
        query per person).  Returns a dict keyed by ``(employee_id,
        requirement_id)`` for every applicable pair, with ``hours``, ``days``,
        ``target_hours`` / ``target_days`` (what is expected by ``on_date``),
        ``met`` (bool), ``status`` (``met``, ``not_yet_due`` or
        ``out_of_compliance``), ``due_date`` (date string or False: when a
        requirement not yet due becomes due), ``lapse_date`` (date string or
        False: the day the requirement stops being met if nothing new is
        attended), ``missing_hours`` / ``missing_days`` against the target, and
        ``exams_passed`` / ``target_exams`` / ``missing_exams``.
        """
        on_date = on_date or local_today(self)
        day = fields.Date.from_string(on_date)
        Enrolment = self.env["aux.training.enrolment"].sudo()
        result = {}
        for req in self._aux_in_force(on_date):
            applicable = req._aux_applicable_employees(employees)
            if not applicable:
                continue
            date_from, date_to, lapse = req._aux_window(on_date)
            domain = req._aux_credit_domain(applicable, date_from, date_to)
            totals = {
                group["employee_id"][0]: group
                for group in Enrolment.read_group(
                    domain, ["employee_id", "hours_credited", "days_credited"],
                    ["employee_id"])
            }
            passed = {}
            if req.min_exams_passed:
                passed = {
                    group["employee_id"][0]: group["employee_id_count"]
                    for group in Enrolment.read_group(
                        domain + [("exam_result", "=", "passed")], ["employee_id"],
                        ["employee_id"])
                }
            for employee in applicable:
                group = totals.get(employee.id, {})
                hours = group.get("hours_credited") or 0.0
                days = group.get("days_credited") or 0.0
                target_hours, target_days = req._aux_targets(employee, day)
                missing_hours = max(target_hours - hours, 0.0)
                missing_days = max(target_days - days, 0.0)
                exams = passed.get(employee.id, 0)
                missing_exams = max(req.min_exams_passed - exams, 0)
                met = not missing_hours and not missing_days and not missing_exams
                due = not met and req._aux_due_date(employee, day)
                if met:
                    status = "met"
                else:
                    status = due and "not_yet_due" or "out_of_compliance"
                lapse_day = lapse
                if met and req.kind == "annual_hours":
                    lapse_day = req._aux_pro_rata_lapse(employee, hours, days, day)
                result[(employee.id, req.id)] = {
                    "hours": hours,
                    "days": days,
                    "target_hours": target_hours,
                    "target_days": target_days,
                    "met": met,
                    "status": status,
                    "due_date": due and fields.Date.to_string(due) or False,
                    "missing_hours": missing_hours,
                    "missing_days": missing_days,
                    "exams_passed": exams,
                    "target_exams": req.min_exams_passed,
                    "missing_exams": missing_exams,
                    "lapse_date": met and lapse_day and fields.Date.to_string(lapse_day) or False,
                }
            if req.kind == "periodic":
                req._aux_periodic_lapse(applicable, domain, result)
        return result

    @api.multi
    def _aux_periodic_lapse(self, employees, domain, result):
        """Lapse date of a met periodic requirement: the most recent credits (and
        exams passed) that reach the minimum fall out of the rolling window
        ``period_months`` after the oldest of them.  One search over the attended sessions of all
        ``employees`` that meet it."""
        self.ensure_one()
        met_ids = [e.id for e in employees if result[(e.id, self.id)]["met"]]
        if not met_ids:
            return
        rows = self.env["aux.training.enrolment"].sudo().search_read(
            [d for d in domain if d[0] != "employee_id"] + [("employee_id", "in", met_ids)],
            ["employee_id", "date", "hours_credited", "days_credited", "exam_result"],
            order="date desc")
        per_employee = defaultdict(list)
        for row in rows:
            per_employee[row["employee_id"][0]].append(row)
        for employee_id, items in per_employee.items():
            hours = days = 0.0
            exams = 0
            for row in items:
                hours += row["hours_credited"]
                days += row["days_credited"]
                exams += row["exam_result"] == "passed" and 1 or 0
                if hours >= self.min_hours and days >= self.min_days \
                        and exams >= self.min_exams_passed:
                    lapse = fields.Date.from_string(row["date"]) + relativedelta(
                        months=self.period_months)
                    result[(employee_id, self.id)]["lapse_date"] = fields.Date.to_string(lapse)
                    break

    @api.multi
    def _aux_shortfall_text(self, values):
        self.ensure_one()
        parts = []
        if values["missing_hours"]:
            parts.append(_("%(done)s of %(minimum)s hours")
                         % {"done": values["hours"], "minimum": values["target_hours"]})
        if values["missing_days"]:
            parts.append(_("%(done)s of %(minimum)s days")
                         % {"done": values["days"], "minimum": values["target_days"]})
        if values.get("missing_exams"):
            parts.append(_("%(done)s of %(minimum)s exams passed")
                         % {"done": values["exams_passed"],
                            "minimum": values["target_exams"]})
        return "%s (%s)" % (self.name, ", ".join(parts))

    @api.model
    def _aux_missing_pre_job_training(self, employees, on_date=None, requirements=None):
        """Which pre-job training each of ``employees`` still lacks.

        Returns ``{employee_id: [text, ...]}`` only for employees missing
        something; each text names the requirement and what has been done
        against its minimum, e.g. ``"Pre-job training (12.0 of 40.0 hours)"``.
        ``requirements`` defaults to every active pre-job requirement; the
        post-assignment check of aux_personnel passes those marked *Required
        Before a Post*.
        """
        if requirements is None:
            requirements = self.sudo().search([("kind", "=", "pre_job")])
        compliance = requirements._aux_compliance(employees, on_date=on_date)
        missing = defaultdict(list)
        for (employee_id, req_id), values in sorted(compliance.items()):
            if values["status"] == "out_of_compliance":
                req = requirements.browse(req_id)
                missing[employee_id].append(req._aux_shortfall_text(values))
        return dict(missing)
