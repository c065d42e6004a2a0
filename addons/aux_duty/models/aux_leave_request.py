# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

from .aux_duty_shift import duty_timezone

SELF = "aux_personnel.group_aux_personnel_self"
UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE = "aux_personnel.group_aux_personnel_user"
EDITABLE = {"draft": [("readonly", False)]}
# the booked hr.holidays covers the working hours of its days (local time),
# so that its dates read the same in UTC (the payroll reads them as dates)
DAY_START = time(8, 0)
DAY_END = time(18, 0)


class AuxLeaveRequest(models.Model):
    """A leave request and its report-back (请销假).

    The auxiliary asks in self-service; his unit leader approves (record
    rules keep him to his unit), the office too when the leave is longer than
    the approval rule allows the unit; the approved leave is booked as a
    validated ``hr.holidays`` (payroll, calendars, allocations read it).  He
    reports back with the date he returned; a leave not reported back in
    time is flagged overdue the next day: the leader gets an alert and an
    absence is drafted for the first day he should have been back."""

    _name = "aux.leave.request"
    _description = "Leave Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "aux.private.fields.mixin",
                "aux.workflow.mixin", "aux.employee.company.mixin"]
    _order = "date_from desc, id desc"
    _aux_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "groups": (SELF,)},
        "cancel": {"from": ("draft", "submitted"), "to": "cancelled", "groups": (SELF,)},
        "approve_unit": {"from": ("submitted",), "to": "unit_approved",
                         "groups": (UNIT_LEADER,), "user_field": "unit_approver_id",
                         "date_field": "unit_approved_on"},
        "approve": {"from": ("submitted",), "to": "approved", "groups": (UNIT_LEADER,),
                    "user_field": "unit_approver_id", "date_field": "unit_approved_on"},
        "approve_office": {"from": ("unit_approved",), "to": "approved", "groups": (OFFICE,),
                           "user_field": "office_approver_id",
                           "date_field": "office_approved_on"},
        "refuse": {"from": ("submitted",), "to": "refused", "groups": (UNIT_LEADER,)},
        "refuse_office": {"from": ("unit_approved",), "to": "refused", "groups": (OFFICE,)},
        "report_back": {"from": ("approved", "overdue"), "to": "returned", "groups": (SELF,),
                        "rule": "read", "user_field": "reported_by",
                        "date_field": "reported_on"},
        "flag_overdue": {"from": ("approved",), "to": "overdue", "groups": (OFFICE,)},
    }
    _aux_locked_states = ("unit_approved", "approved", "overdue", "returned", "refused",
                          "cancelled")
    _aux_workflow_fields = ("department_id", "days", "needs_office", "holiday_id",
                            "return_date", "report_back_deadline", "exception_id",
                            "company_id")

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, states=EDITABLE,
        default=lambda self: self.env.user.employee_ids[:1], track_visibility="onchange")
    department_id = fields.Many2one("hr.department", string="Unit", index=True,
                                    readonly=True)
    holiday_status_id = fields.Many2one(
        "hr.holidays.status", string="Leave Type", required=True, readonly=True,
        states=EDITABLE, domain=[("active", "=", True)], track_visibility="onchange")
    date_from = fields.Date(string="First Day", required=True, readonly=True,
                            states=EDITABLE, track_visibility="onchange")
    date_to = fields.Date(string="Last Day", required=True, readonly=True, states=EDITABLE,
                          track_visibility="onchange")
    days = fields.Float(readonly=True, help="Days of leave: calendar days, less the public "
                                            "holidays for leave types that exclude them.")
    reason = fields.Text(readonly=True, states=EDITABLE)
    destination = fields.Char(string="Where", readonly=True, states=EDITABLE,
                              help="Where the person can be reached during the leave.")
    state = fields.Selection([
        ("draft", "Draft"), ("submitted", "Submitted"),
        ("unit_approved", "Approved by the unit"), ("approved", "On leave"),
        ("overdue", "Not reported back"), ("returned", "Reported back"),
        ("refused", "Refused"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange")
    needs_office = fields.Boolean(string="Office Approval", readonly=True,
                                  help="Longer than the unit leader may approve alone.")
    unit_approver_id = fields.Many2one("res.users", string="Approved by (unit)",
                                       readonly=True, copy=False)
    unit_approved_on = fields.Datetime(readonly=True, copy=False)
    office_approver_id = fields.Many2one("res.users", string="Approved by (office)",
                                         readonly=True, copy=False)
    office_approved_on = fields.Datetime(readonly=True, copy=False)
    report_back_deadline = fields.Date(readonly=True, copy=False)
    return_date = fields.Date(string="Returned On", readonly=True, copy=False)
    reported_by = fields.Many2one("res.users", readonly=True, copy=False)
    reported_on = fields.Datetime(readonly=True, copy=False)
    holiday_id = fields.Many2one("hr.holidays", string="Booked Leave", readonly=True,
                                 copy=False)
    exception_id = fields.Many2one("aux.duty.exception", string="Absence", readonly=True,
                                   copy=False)
    company_id = fields.Many2one(
        "res.company", readonly=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.leave.request"))

    @api.multi
    def name_get(self):
        return [(leave.id, "%s: %s %s - %s" % (
            leave.employee_id.name, leave.holiday_status_id.name, leave.date_from,
            leave.date_to)) for leave in self]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for leave in self.sudo():
            if leave.date_to < leave.date_from:
                raise ValidationError(_(
                    "Leave of %s: the last day is before the first day.")
                    % leave.employee_id.name)

    @api.model
    def _aux_server_values(self, vals):
        vals = dict(vals)
        if vals.get("employee_id"):
            employee = self.env["hr.employee"].sudo().browse(vals["employee_id"])
            vals["department_id"] = employee.department_id.id
        return vals

    @api.model
    def create(self, vals):
        self._check_vals(vals)
        leave = super().create(vals)
        leave._update_days()
        return leave

    @api.multi
    def write(self, vals):
        if vals.get("employee_id") or vals.get("date_from") or vals.get("date_to"):
            for leave in self:
                self._check_vals(dict({"date_from": leave.date_from,
                                       "date_to": leave.date_to}, **vals))
        res = super().write(vals)
        if {"employee_id", "date_from", "date_to", "holiday_status_id"} & set(vals):
            self._update_days()
            if "employee_id" in vals:
                for leave in self:
                    trust(leave).write({"department_id": leave.employee_id.department_id.id})
        return res

    @api.model
    def _check_vals(self, vals):
        """Clear errors before anything is written."""
        if vals.get("date_from") and vals.get("date_to") and vals["date_to"] < vals["date_from"]:
            raise ValidationError(_("The last day of leave (%(to)s) is before the first day "
                                    "(%(from)s).") % {"to": vals["date_to"],
                                                      "from": vals["date_from"]})

    @api.multi
    def _update_days(self):
        for leave in self:
            trust(leave).write({"days": leave._count_days()})

    @api.multi
    def _count_days(self):
        """Calendar days of the leave, less the public holidays among them for
        leave types that exclude them (hr_holidays_public)."""
        self.ensure_one()
        start = fields.Date.from_string(self.date_from)
        end = fields.Date.from_string(self.date_to)
        days = (end - start).days + 1
        if self.holiday_status_id.exclude_public_holidays:
            days -= len(self._public_holidays(self.date_from, self.date_to))
        return max(days, 0)

    @api.multi
    def _public_holidays(self, date_from, date_to):
        """The dates of public holidays between two dates for the person:
        those of no country, of the country of his work address, or of his
        company's country (hr_holidays_public)."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        countries = (employee.address_id.country_id | employee.company_id.country_id
                     | self.company_id.country_id).ids
        lines = self.env["hr.holidays.public.line"].sudo().search([
            ("date", ">=", date_from), ("date", "<=", date_to),
            "|", ("year_id.country_id", "=", False),
            ("year_id.country_id", "in", countries)])
        return set(lines.mapped("date"))

    # steps -------------------------------------------------------------------

    @api.multi
    def _aux_check_transition(self, name):
        res = super()._aux_check_transition(name)
        me = self.env.user.employee_ids
        if name in ("approve_unit", "approve", "approve_office", "refuse", "refuse_office"):
            for leave in self:
                if leave.employee_id in me:
                    raise UserError(_("%s: nobody approves or refuses his own leave.")
                                    % leave.display_name)
        if name in ("submit", "cancel", "report_back") \
                and not self.env.user.has_group(UNIT_LEADER):
            for leave in self:
                if leave.employee_id not in me:
                    raise UserError(_("%s is not your leave.") % leave.display_name)
        if name == "submit":
            for leave in self:
                overlap = self.sudo().search([
                    ("id", "!=", leave.id), ("employee_id", "=", leave.employee_id.id),
                    ("state", "not in", ("refused", "cancelled", "draft")),
                    ("date_from", "<=", leave.date_to), ("date_to", ">=", leave.date_from)],
                    limit=1)
                if overlap:
                    raise UserError(_("%(leave)s overlaps the leave %(other)s.") % {
                        "leave": leave.display_name, "other": overlap.display_name})
                if not leave.days:
                    raise UserError(_("%s has no day of leave (only public holidays).")
                                    % leave.display_name)
        return res

    @api.multi
    def action_submit(self):
        for leave in self:
            rule = self.env["aux.leave.approval.rule"]._rule_for(
                leave.holiday_status_id, leave.date_from)
            trust(leave).write({"needs_office": bool(rule) and leave.days > rule.unit_max_days})
        return self._aux_transition("submit")

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")

    @api.multi
    def action_approve(self):
        """The unit leader's approval (final unless the office must approve
        too), or the office's second approval."""
        second = self.filtered(lambda leave: leave.state == "unit_approved")
        first = self - second
        office = first.filtered("needs_office")
        (first - office)._aux_transition("approve")
        office._aux_transition("approve_unit")
        second._aux_transition("approve_office")
        (first - office | second)._book()
        return True

    @api.multi
    def action_refuse(self):
        second = self.filtered(lambda leave: leave.state == "unit_approved")
        (self - second)._aux_transition("refuse")
        second._aux_transition("refuse_office")
        return True

    @api.multi
    def _book(self):
        """Book the approved leaves as validated hr.holidays and set the
        report-back deadline."""
        tz = pytz.timezone(duty_timezone(self.env))
        Holiday = self.env["hr.holidays"].sudo().with_context(
            mail_notrack=True, tracking_disable=True, mail_create_nolog=True)
        Rule = self.env["aux.leave.approval.rule"]
        for leave in self.sudo():
            rule = Rule._rule_for(leave.holiday_status_id, leave.date_from)
            grace = rule.report_back_days if rule else 1
            holiday = Holiday.create({
                "name": leave.reason and leave.reason[:60] or leave.holiday_status_id.name,
                "employee_id": leave.employee_id.id, "type": "remove",
                "holiday_status_id": leave.holiday_status_id.id,
                "date_from": _utc(tz, leave.date_from, DAY_START),
                "date_to": _utc(tz, leave.date_to, DAY_END),
                "number_of_days_temp": leave.days,
            })
            holiday.action_validate()
            deadline = fields.Date.from_string(leave.date_to) + timedelta(days=grace)
            trust(leave).write({"holiday_id": holiday.id,
                                "report_back_deadline": fields.Date.to_string(deadline)})

    @api.multi
    def action_report_back(self, return_date=None):
        """Report back: the day the person was back at work (today unless
        given).  Back early: the booked leave is shortened."""
        return_date = return_date or local_today(self)
        for leave in self:
            if return_date <= leave.date_from:
                raise UserError(_("%(leave)s: the return date %(date)s must be after the "
                                  "first day of leave.") % {"leave": leave.display_name,
                                                            "date": return_date})
        self._aux_transition("report_back", {"return_date": return_date})
        tz = pytz.timezone(duty_timezone(self.env))
        for leave in self.sudo():
            last = fields.Date.to_string(fields.Date.from_string(return_date)
                                         - timedelta(days=1))
            if last < leave.date_to and leave.holiday_id:
                holiday = leave.holiday_id
                holiday._remove_resource_leave()
                days = leave.with_context(aux_until=last)._count_days_until(last)
                holiday.write({"date_to": _utc(tz, last, DAY_END),
                               "number_of_days_temp": days})
                holiday._create_resource_leave()
                trust(leave).write({"days": days})
        return True

    @api.multi
    def _count_days_until(self, last):
        self.ensure_one()
        probe = self.new({"employee_id": self.employee_id.id, "date_from": self.date_from,
                          "date_to": last, "holiday_status_id": self.holiday_status_id.id})
        return probe._count_days()

    # overdue -----------------------------------------------------------------

    @api.model
    def _cron_flag_overdue(self):
        """Daily: leaves not reported back by their deadline become overdue;
        the unit leader gets an alert and an absence is drafted for the first
        day the person should have been back."""
        today = local_today(self)
        late = self.search([("state", "=", "approved"),
                            ("report_back_deadline", "<", today)])
        late._aux_transition("flag_overdue")
        late._alert_overdue()
        return True

    @api.multi
    def _alert_overdue(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        Activity = self.env["mail.activity"].sudo()
        Exception_ = trust(self.env["aux.duty.exception"].sudo())
        Event = trust(self.env["aux.assessment.event"].sudo())
        absence = self.env.ref("aux_assessment.event_type_absence")
        for leave in self.sudo():
            day = fields.Date.to_string(fields.Date.from_string(leave.date_to)
                                        + timedelta(days=1))
            note = _("%(person)s has not reported back from leave (%(type)s, last day "
                     "%(last)s, report-back due by %(deadline)s): an absence on %(day)s "
                     "is drafted.") % {
                "person": leave.employee_id.name, "type": leave.holiday_status_id.name,
                "last": leave.date_to, "deadline": leave.report_back_deadline, "day": day}
            leader = leave._leader()
            if leader:
                Activity.create({
                    "res_model_id": model_id, "res_id": leave.id,
                    "activity_type_id": activity_type.id,
                    "summary": _("Leave not reported back"), "note": note,
                    "user_id": leader.id, "date_deadline": local_today(self),
                })
            leave.message_post(body=note, subtype="mail.mt_note")
            exception = Exception_.search([("employee_id", "=", leave.employee_id.id),
                                           ("date", "=", day), ("kind", "=", "absent")])
            if not exception:
                exception = Exception_.create({
                    "employee_id": leave.employee_id.id,
                    "department_id": leave.employee_id.department_id.id,
                    "company_id": leave.company_id.id,
                    "date": day, "kind": "absent", "origin": "leave"})
            values = {"leave_request_id": leave.id}
            if not exception.event_id and exception.state == "open":
                values["event_id"] = Event.create({
                    "employee_id": leave.employee_id.id, "date": day,
                    "type_id": absence.id,
                    "description": _("Not reported back from leave %s") % leave.display_name,
                }).id
            exception.write(values)
            trust(leave).write({"exception_id": exception.id})

    @api.multi
    def _leader(self):
        """The user who leads the person's unit (up the units to the first
        unit with a leader who is not the person)."""
        self.ensure_one()
        department = self.employee_id.department_id
        while department:
            manager = department.manager_id
            if manager.user_id and manager != self.employee_id:
                return manager.user_id
            department = department.parent_id
        return self.env["res.users"]


def _utc(tz, date, at):
    """The UTC datetime string of local ``date`` at ``at`` in ``tz``."""
    local = tz.localize(datetime.combine(fields.Date.from_string(date), at))
    return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))
