# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"
DAYS = range(1, 32)
DAY_FIELDS = ["d%02d" % day for day in DAYS]
# the roster of a month is copied from the shift of the same weekday four
# weeks earlier: weekly patterns and 2-, 4-, 7-, 14-day rotations go on
COPY_OFFSET_DAYS = 28


def month_start(date):
    """The first day of the month of ``date`` (a string or a date)."""
    if isinstance(date, str):
        date = fields.Date.from_string(date)
    return date.replace(day=1)


def month_end(date):
    start = month_start(date)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


class AuxDutyRoster(models.Model):
    """The duty roster of a unit for a month: a grid of people x days, one
    shift a cell.  The unit leader fills it (or copies the previous month),
    then publishes it: exceptions and the payroll read published rosters
    only."""

    _name = "aux.duty.roster"
    _description = "Duty Roster"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date_from desc, department_id"
    _aux_transitions = {
        "publish": {"from": ("draft",), "to": "published", "groups": (UNIT_LEADER,),
                    "user_field": "published_by", "date_field": "published_on"},
        "reopen": {"from": ("published",), "to": "draft", "groups": (UNIT_LEADER,)},
    }
    _aux_locked_states = ("published",)
    _aux_lock_exempt_fields = ("duty_phone",)
    # computed by the server from the unit and the month
    _aux_workflow_fields = ("name", "date_to", "company_id")

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True,
        readonly=True, states={"draft": [("readonly", False)]}, track_visibility="onchange")
    date_from = fields.Date(
        string="Month", required=True, index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        default=lambda self: fields.Date.to_string(month_start(local_today(self))),
        help="Any day of the month: the roster covers the whole month.")
    date_to = fields.Date(compute="_compute_date_to", store=True, string="Until")
    state = fields.Selection([("draft", "Draft"), ("published", "Published")],
                             default="draft", required=True, readonly=True,
                             track_visibility="onchange", index=True)
    duty_phone = fields.Char(help="The unit's duty phone number.", track_visibility="onchange")
    row_ids = fields.One2many("aux.duty.roster.row", "roster_id", string="Rows",
                              readonly=True, states={"draft": [("readonly", False)]})
    published_by = fields.Many2one("res.users", readonly=True, copy=False)
    published_on = fields.Datetime(readonly=True, copy=False)
    today_duty = fields.Char(compute="_compute_today_duty", string="On Duty Today")
    company_id = fields.Many2one(related="department_id.company_id", store=True, readonly=True)

    _sql_constraints = [
        ("unit_month_uniq", "unique (department_id, date_from)",
         "A unit has one roster a month."),
    ]

    @api.multi
    @api.depends("department_id", "date_from")
    def _compute_name(self):
        for roster in self:
            roster.name = "%s %s" % (roster.department_id.name or "",
                                     (roster.date_from or "")[:7])

    @api.multi
    @api.depends("date_from")
    def _compute_date_to(self):
        for roster in self:
            roster.date_to = roster.date_from and fields.Date.to_string(
                month_end(roster.date_from))

    @api.multi
    def _compute_today_duty(self):
        today = fields.Date.from_string(local_today(self))
        for roster in self:
            text = ""
            if roster.date_from and month_start(roster.date_from) == today.replace(day=1):
                column = "d%02d" % today.day
                holders = roster.row_ids.filtered(
                    lambda row, day=column: row[day].holds_duty_phone)
                if holders:
                    text = _("%(phone)s: %(names)s") % {
                        "phone": roster.duty_phone or _("duty phone"),
                        "names": ", ".join(holders.mapped("employee_id.name"))}
            roster.today_duty = text

    @api.model
    def create(self, vals):
        if vals.get("date_from"):
            vals = dict(vals, date_from=fields.Date.to_string(month_start(vals["date_from"])))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("date_from"):
            vals = dict(vals, date_from=fields.Date.to_string(month_start(vals["date_from"])))
        return super().write(vals)

    # actions ------------------------------------------------------------------

    @api.multi
    def action_publish(self):
        for roster in self:
            if not roster.row_ids:
                raise UserError(_("Roster %s has nobody on it: add the unit's people "
                                  "before publishing it.") % roster.name)
        return self._aux_transition("publish")

    @api.multi
    def action_reopen(self):
        return self._aux_transition("reopen")

    @api.multi
    def action_check_punches(self):
        """Compare the punches with this published roster, up to today."""
        self.ensure_one()
        self.check_access_rule("read")
        today = local_today(self)
        until = min(self.date_to, today)
        added = self.env["aux.duty.exception"].sudo()._aux_compute(
            self.date_from, until, units=self.department_id)
        self.message_post(body=_("Punches checked up to %(day)s: %(count)s new exceptions.")
                          % {"day": until, "count": added})
        return True

    @api.multi
    def _check_draft(self):
        for roster in self:
            if roster.state != "draft":
                raise UserError(_("Roster %s is published: reopen it before changing it.")
                                % roster.name)
        self.check_access_rule("write")

    @api.multi
    def action_fill_people(self):
        """Add a row for each active person of the unit not yet on the roster."""
        self.ensure_one()
        self._check_draft()
        people = self.env["hr.employee"].search([("department_id", "=", self.department_id.id)])
        present = set(self.row_ids.mapped("employee_id").ids)
        Row = self.env["aux.duty.roster.row"]
        for employee in people.filtered(lambda e: e.id not in present):
            Row.create({"roster_id": self.id, "employee_id": employee.id})
        return True

    @api.multi
    def action_copy_previous(self):
        """Fill the grid from the previous month's roster of the unit: each
        day takes the shift of the same weekday four weeks earlier; people
        not on the previous roster get a row left empty.  Replaces what the
        grid holds."""
        self.ensure_one()
        self._check_draft()
        start = month_start(self.date_from)
        previous_start = month_start(start - timedelta(days=1))
        previous = self.search([("department_id", "=", self.department_id.id),
                                ("date_from", "=", fields.Date.to_string(previous_start))],
                               limit=1)
        if not previous:
            raise UserError(_("Unit %(unit)s has no roster for %(month)s to copy from.") % {
                "unit": self.department_id.name,
                "month": fields.Date.to_string(previous_start)[:7]})
        last = month_end(start).day
        Row = self.env["aux.duty.roster.row"]
        rows = {row.employee_id.id: row for row in self.row_ids}
        for old in previous.row_ids:
            source = {(previous_start + timedelta(days=d - 1)): old[DAY_FIELDS[d - 1]].id
                      for d in range(1, month_end(previous_start).day + 1)}
            values = {}
            for day in DAYS:
                if day > last:
                    values[DAY_FIELDS[day - 1]] = False
                    continue
                date = start + timedelta(days=day - 1)
                shift = source.get(date - timedelta(days=COPY_OFFSET_DAYS), False)
                source[date] = shift
                values[DAY_FIELDS[day - 1]] = shift
            if old.employee_id.id in rows:
                rows[old.employee_id.id].write(values)
            else:
                values.update(roster_id=self.id, employee_id=old.employee_id.id)
                Row.create(values)
        self.message_post(body=_("Copied from the roster of %s.") % previous.name)
        return True

    @api.model
    def _published_duties(self, employee_ids, date_from, date_to):
        """{(employee id, date string): shift id} of the published rosters
        between two dates (one query: the grid's columns unpivoted)."""
        if not employee_ids:
            return {}
        self.env.cr.execute("""
            SELECT r.employee_id, (ro.date_from + (v.day - 1))::date, v.shift_id
              FROM aux_duty_roster_row r
              JOIN aux_duty_roster ro ON ro.id = r.roster_id AND ro.state = 'published'
              CROSS JOIN LATERAL (VALUES %s) v(day, shift_id)
             WHERE r.employee_id IN %%s AND v.shift_id IS NOT NULL
               AND ro.date_from <= %%s AND ro.date_to >= %%s
               AND (ro.date_from + (v.day - 1))::date BETWEEN %%s AND %%s
               AND v.day <= ro.date_to - ro.date_from + 1
        """ % ", ".join("(%d, r.%s)" % (day, name)
                        for day, name in zip(DAYS, DAY_FIELDS, strict=True)),
            (tuple(employee_ids), date_to, date_from, date_from, date_to))
        return {(emp, str(date)): shift for emp, date, shift in self.env.cr.fetchall()}
