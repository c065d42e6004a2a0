# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxTrainingRequirement(models.Model):
    """A training rule an auxiliary must satisfy, kept as data.

    Kinds:

    * ``pre_job``: total attended training (ever) before any duty;
    * ``periodic``: attended training within the last ``period_months`` months;
    * ``monthly``: attended training within the current calendar month;
    * ``annual_hours``: attended training within the current calendar year.

    A requirement is met when both the minimum hours and the minimum days
    (each only when set) are reached with attended sessions that are done and
    whose course category is accepted (any category when none is set).
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
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")
    note = fields.Text(translate=True)

    @api.constrains("min_hours", "min_days", "period_months", "kind", "date_from", "date_to")
    def _check_values(self):
        for rec in self:
            if rec.min_hours < 0 or rec.min_days < 0:
                raise ValidationError(
                    _("Training requirement %s: minimum hours and days cannot be negative.")
                    % rec.name)
            if not rec.min_hours and not rec.min_days:
                raise ValidationError(
                    _("Training requirement %s needs minimum hours or minimum days.")
                    % rec.name)
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
    def _aux_compliance(self, employees, on_date=None):
        """Compliance of ``employees`` with the requirements in ``self``.

        One ``read_group`` per requirement over the attended sessions (never a
        query per person).  Returns a dict keyed by ``(employee_id,
        requirement_id)`` for every applicable pair, with ``hours``, ``days``,
        ``met`` (bool), ``lapse_date`` (date string or False: the day the
        requirement stops being met if nothing new is attended) and
        ``missing_hours`` / ``missing_days``.
        """
        on_date = on_date or fields.Date.context_today(self)
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
            for employee in applicable:
                group = totals.get(employee.id, {})
                hours = group.get("hours_credited") or 0.0
                days = group.get("days_credited") or 0.0
                missing_hours = max(req.min_hours - hours, 0.0)
                missing_days = max(req.min_days - days, 0.0)
                met = not missing_hours and not missing_days
                result[(employee.id, req.id)] = {
                    "hours": hours,
                    "days": days,
                    "met": met,
                    "missing_hours": missing_hours,
                    "missing_days": missing_days,
                    "lapse_date": met and lapse and fields.Date.to_string(lapse) or False,
                }
            if req.kind == "periodic":
                req._aux_periodic_lapse(applicable, domain, result)
        return result

    @api.multi
    def _aux_periodic_lapse(self, employees, domain, result):
        """Lapse date of a met periodic requirement: the most recent credits that
        reach the minimum fall out of the rolling window ``period_months`` after
        the oldest of them.  One search over the attended sessions of all
        ``employees`` that meet it."""
        self.ensure_one()
        met_ids = [e.id for e in employees if result[(e.id, self.id)]["met"]]
        if not met_ids:
            return
        rows = self.env["aux.training.enrolment"].sudo().search_read(
            [d for d in domain if d[0] != "employee_id"] + [("employee_id", "in", met_ids)],
            ["employee_id", "date", "hours_credited", "days_credited"], order="date desc")
        per_employee = defaultdict(list)
        for row in rows:
            per_employee[row["employee_id"][0]].append(row)
        for employee_id, items in per_employee.items():
            hours = days = 0.0
            for row in items:
                hours += row["hours_credited"]
                days += row["days_credited"]
                if hours >= self.min_hours and days >= self.min_days:
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
                         % {"done": values["hours"], "minimum": self.min_hours})
        if values["missing_days"]:
            parts.append(_("%(done)s of %(minimum)s days")
                         % {"done": values["days"], "minimum": self.min_days})
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
            if not values["met"]:
                req = requirements.browse(req_id)
                missing[employee_id].append(req._aux_shortfall_text(values))
        return dict(missing)
