# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

from .aux_duty_roster import DAY_FIELDS, DAYS
from .aux_duty_shift import duty_timezone

UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE = "aux_personnel.group_aux_personnel_user"
KINDS = [("late", "Late arrival"), ("early", "Early departure"),
         ("absent", "Absence without leave")]
# the shipped assessment event type of each kind of exception
EVENT_TYPES = {"late": "aux_assessment.event_type_late",
               "early": "aux_assessment.event_type_late",
               "absent": "aux_assessment.event_type_absence"}
LOCKED = {"confirmed": [("readonly", True)], "excused": [("readonly", True)]}

# The exceptions of published rosters between two dates, from the punches
# (terminal files and hr_attendance check-ins and check-outs).  For each
# working shift of the roster: the punches within the shift's window, the
# arrival (first punch; none when the only punch is in the second half of the
# shift) and the departure (last punch; none when the only punch is in the
# first half).  Shifts not over yet and days of a validated leave are left
# out.  Times of the roster are local (time zone %(tz)s), punches UTC.
EXCEPTIONS_SQL = """
WITH duty AS (
    SELECT r.employee_id, e.department_id, ro.company_id,
           (ro.date_from + (v.day - 1))::date AS day, s.id AS shift_id,
           (((ro.date_from + (v.day - 1))::timestamp + s.start_hour * interval '1 hour')
               AT TIME ZONE %%(tz)s) AT TIME ZONE 'UTC' AS start_at,
           s.duration, s.late_grace, s.early_grace, s.punch_window
      FROM aux_duty_roster ro
      JOIN aux_duty_roster_row r ON r.roster_id = ro.id
      JOIN hr_employee e ON e.id = r.employee_id
      CROSS JOIN LATERAL (VALUES %(days)s) v(day, shift_id)
      JOIN aux_duty_shift s ON s.id = v.shift_id AND s.kind != 'rest'
     WHERE ro.state = 'published' AND ro.date_from <= %%(date_to)s
       AND ro.date_to >= %%(date_from)s
       AND (%%(all_units)s OR ro.department_id IN %%(unit_ids)s)
       AND (%%(all_people)s OR r.employee_id IN %%(employee_ids)s)
       AND v.day <= ro.date_to - ro.date_from + 1
       AND (ro.date_from + (v.day - 1))::date BETWEEN %%(date_from)s AND %%(date_to)s
), planned AS (
    SELECT d.*, d.start_at + d.duration * interval '1 hour' AS end_at
      FROM duty d
     WHERE NOT EXISTS (
        SELECT 1 FROM hr_holidays h
         WHERE h.employee_id = d.employee_id AND h.type = 'remove'
           AND h.state = 'validate'
           AND ((h.date_from AT TIME ZONE 'UTC') AT TIME ZONE %%(tz)s)::date <= d.day
           AND ((h.date_to AT TIME ZONE 'UTC') AT TIME ZONE %%(tz)s)::date >= d.day)
), seen AS (
    SELECT p.*, LEAST(t.first_at, a.first_at) AS first_at,
           GREATEST(t.last_at, a.last_at) AS last_at,
           COALESCE(t.n, 0) + COALESCE(a.n, 0) AS n
      FROM planned p
      LEFT JOIN LATERAL (
        SELECT min(x.punch_time) AS first_at, max(x.punch_time) AS last_at, count(*) AS n
          FROM aux_duty_punch x
         WHERE x.employee_id = p.employee_id
           AND x.punch_time BETWEEN p.start_at - p.punch_window * interval '1 hour'
                                AND p.end_at + p.punch_window * interval '1 hour'
      ) t ON true
      LEFT JOIN LATERAL (
        SELECT min(y.t) AS first_at, max(y.t) AS last_at, count(*) AS n
          FROM hr_attendance att
          CROSS JOIN LATERAL (VALUES (att.check_in), (att.check_out)) y(t)
         WHERE att.employee_id = p.employee_id AND y.t IS NOT NULL
           AND att.check_in BETWEEN p.start_at - interval '1 day'
                                AND p.end_at + interval '1 day'
           AND y.t BETWEEN p.start_at - p.punch_window * interval '1 hour'
                       AND p.end_at + p.punch_window * interval '1 hour'
      ) a ON true
     WHERE p.end_at + p.punch_window * interval '1 hour' < %%(now)s
), judged AS (
    SELECT s.*,
           CASE WHEN s.n >= 2 OR s.first_at < s.start_at + (s.end_at - s.start_at) / 2
                THEN s.first_at END AS arrival,
           CASE WHEN s.n >= 2 OR s.last_at >= s.start_at + (s.end_at - s.start_at) / 2
                THEN s.last_at END AS departure
      FROM seen s
)
SELECT employee_id, department_id, company_id, day, shift_id, 'absent', start_at,
       NULL::timestamp, 0
  FROM judged WHERE n = 0
UNION ALL
SELECT employee_id, department_id, company_id, day, shift_id, 'late', start_at, arrival,
       COALESCE(CEIL(EXTRACT(EPOCH FROM arrival - start_at) / 60), 0)::int
  FROM judged
 WHERE n > 0 AND (arrival IS NULL
                  OR arrival > start_at + late_grace * interval '1 minute')
UNION ALL
SELECT employee_id, department_id, company_id, day, shift_id, 'early', end_at, departure,
       COALESCE(CEIL(EXTRACT(EPOCH FROM end_at - departure) / 60), 0)::int
  FROM judged
 WHERE n > 0 AND (departure IS NULL
                  OR departure < end_at - early_grace * interval '1 minute')
"""


class AuxDutyException(models.Model):
    """A late arrival, early departure or absence without leave found by
    comparing the punches with the published roster.  The unit leader
    confirms it (it becomes exactly one assessment event of the shipped
    type) or excuses it with a reason."""

    _name = "aux.duty.exception"
    _description = "Attendance Exception"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date desc, employee_id, kind"
    _rec_name = "employee_id"
    _aux_transitions = {
        "confirm": {"from": ("open",), "to": "confirmed", "groups": (UNIT_LEADER,),
                    "user_field": "decided_by", "date_field": "decided_on"},
        "excuse": {"from": ("open",), "to": "excused", "groups": (UNIT_LEADER,),
                   "user_field": "decided_by", "date_field": "decided_on"},
        "reopen": {"from": ("excused",), "to": "open", "groups": (UNIT_LEADER,)},
    }
    _aux_locked_states = ("confirmed",)
    _aux_unlink_states = ()
    _aux_workflow_fields = ("employee_id", "department_id", "date", "kind", "shift_id",
                            "planned", "actual", "minutes", "event_id", "origin",
                            "leave_request_id", "company_id")

    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", index=True,
                                    readonly=True)
    date = fields.Date(required=True, index=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True, index=True)
    shift_id = fields.Many2one("aux.duty.shift", readonly=True)
    planned = fields.Datetime(readonly=True, help="When the shift started (late arrival, "
                                                  "absence) or ended (early departure).")
    actual = fields.Datetime(readonly=True, help="The punch: empty when there was none.")
    minutes = fields.Integer(readonly=True, group_operator="sum")
    origin = fields.Selection([("punch", "Punches vs roster"),
                               ("leave", "Leave not reported back")],
                              required=True, default="punch", readonly=True)
    leave_request_id = fields.Many2one("aux.leave.request", readonly=True)
    state = fields.Selection([("open", "To decide"), ("confirmed", "Confirmed"),
                              ("excused", "Excused")],
                             default="open", required=True, readonly=True, index=True,
                             track_visibility="onchange")
    reason = fields.Text(states=LOCKED, track_visibility="onchange",
                         help="Why the exception is excused (required to excuse).")
    event_id = fields.Many2one("aux.assessment.event", string="Assessment Event",
                               readonly=True, copy=False)
    decided_by = fields.Many2one("res.users", readonly=True, copy=False)
    decided_on = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", readonly=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.duty.exception"))

    _sql_constraints = [
        ("employee_date_kind_uniq", "unique (employee_id, date, kind)",
         "One exception of a kind per person and day."),
        ("event_uniq", "unique (event_id)", "An assessment event counts one exception."),
    ]

    @api.multi
    def name_get(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return [(ex.id, "%s: %s (%s)" % (ex.employee_id.name, kinds.get(ex.kind), ex.date))
                for ex in self]

    # computation ----------------------------------------------------------------

    @api.model
    def _aux_compute(self, date_from, date_to, units=None, employees=None):
        """Find the exceptions of the published rosters between two dates
        (all units, or ``units``; all people, or ``employees``) in one set
        query; add the new ones, drop open ones the punches no longer show
        (e.g. a punch imported later).  Decided exceptions stay.  Returns the
        number of exceptions added."""
        cr = self.env.cr
        params = {
            "tz": duty_timezone(self.env), "date_from": date_from, "date_to": date_to,
            "now": fields.Datetime.now(),
            "all_units": units is None, "unit_ids": tuple(units.ids) if units else (0,),
            "all_people": employees is None,
            "employee_ids": tuple(employees.ids) if employees else (0,),
        }
        days = ", ".join("(%d, r.%s)" % (day, name)
                         for day, name in zip(DAYS, DAY_FIELDS, strict=True))
        query = EXCEPTIONS_SQL % {"days": days, "tz": "tz"}
        cr.execute("CREATE TEMP TABLE IF NOT EXISTS aux_duty_found (employee_id int, "
                   "department_id int, company_id int, date date, shift_id int, kind varchar,"
                   " planned timestamp, actual timestamp, minutes int) ON COMMIT DROP")
        cr.execute("TRUNCATE aux_duty_found")
        cr.execute("INSERT INTO aux_duty_found (employee_id, department_id, company_id, date,"
                   " shift_id, kind, planned, actual, minutes) " + query, params)
        # open exceptions of the punches that the punches no longer show
        cr.execute("""
            DELETE FROM aux_duty_exception x
             WHERE x.state = 'open' AND x.origin = 'punch' AND x.event_id IS NULL
               AND x.date BETWEEN %(date_from)s AND %(date_to)s
               AND (%(all_units)s OR x.department_id IN %(unit_ids)s)
               AND (%(all_people)s OR x.employee_id IN %(employee_ids)s)
               AND NOT EXISTS (SELECT 1 FROM aux_duty_found f
                                WHERE f.employee_id = x.employee_id AND f.date = x.date
                                  AND f.kind = x.kind)""", params)
        cr.execute("""
            INSERT INTO aux_duty_exception (employee_id, department_id, company_id, date,
                shift_id, kind, planned, actual, minutes, state, origin,
                create_uid, create_date, write_uid, write_date)
            SELECT employee_id, department_id, company_id, date, shift_id, kind, planned,
                   actual, minutes, 'open', 'punch', %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM aux_duty_found
            ON CONFLICT (employee_id, date, kind) DO NOTHING""",
                   dict(params, uid=self.env.uid))
        added = cr.rowcount
        self.invalidate_cache()
        return added

    @api.model
    def _cron_compute(self):
        """Daily: the exceptions of the last few days (punches may come late)."""
        today = fields.Date.from_string(local_today(self))
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "aux_duty.recheck_days") or 3)
        date_from = fields.Date.to_string(today - timedelta(days=days))
        self._aux_compute(date_from, fields.Date.to_string(today))
        return True

    # decisions ------------------------------------------------------------------

    @api.multi
    def _aux_check_transition(self, name):
        res = super()._aux_check_transition(name)
        if name == "excuse":
            for exception in self:
                if not (exception.reason or "").strip():
                    raise UserError(_(
                        "%s: give the reason before excusing it.") % exception.display_name)
        if name in ("confirm", "excuse"):
            me = self.env.user.employee_ids
            for exception in self:
                if exception.employee_id in me:
                    raise UserError(_(
                        "%s is about yourself: another leader decides it.")
                        % exception.display_name)
        return res

    @api.multi
    def action_confirm(self):
        """Confirm: each exception becomes exactly one confirmed assessment
        event of the shipped type (late / absence), recorded by the leader."""
        self._aux_transition("confirm")
        Event = self.env["aux.assessment.event"]
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for exception in self:
            event = exception.event_id
            if not event:
                event_type = self.env.ref(EVENT_TYPES[exception.kind])
                event = Event.create({
                    "employee_id": exception.employee_id.id,
                    "date": exception.date,
                    "type_id": event_type.id,
                    "description": _("%(kind)s on %(date)s (attendance exception)") % {
                        "kind": kinds[exception.kind], "date": exception.date},
                })
                trust(exception.sudo()).write({"event_id": event.id})
            if event.state == "draft":
                event.action_confirm()
        return True

    @api.multi
    def action_excuse(self):
        """Excuse: no event; a draft event (from a leave not reported back) is
        cancelled."""
        self._aux_transition("excuse")
        drafts = self.mapped("event_id").filtered(lambda e: e.state == "draft")
        if drafts:
            drafts.action_cancel()
        return True

    @api.multi
    def action_reopen(self):
        return self._aux_transition("reopen")
