# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class AuxDutyAttendanceReport(models.Model):
    """Attendance per person and month (read-only SQL view): duty days and
    night duties of the published rosters, late arrivals, early departures
    and absences (not excused), and days of approved leave (by the month of
    their first day)."""

    _name = "aux.duty.attendance.report"
    _description = "Attendance Analysis"
    _auto = False
    _order = "month desc, department_id, employee_id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    duty_days = fields.Integer(readonly=True)
    night_duties = fields.Float(readonly=True)
    late_count = fields.Integer(string="Late Arrivals", readonly=True)
    early_count = fields.Integer(string="Early Departures", readonly=True)
    absence_count = fields.Integer(string="Absences", readonly=True)
    leave_days = fields.Float(readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
            SELECT row_number() OVER (ORDER BY employee_id, month) AS id, employee_id,
                   max(department_id) AS department_id, max(company_id) AS company_id,
                   month, sum(duty_days)::int AS duty_days,
                   sum(night_duties) AS night_duties, sum(late_count)::int AS late_count,
                   sum(early_count)::int AS early_count,
                   sum(absence_count)::int AS absence_count, sum(leave_days) AS leave_days
              FROM (
                SELECT r.employee_id, ro.department_id, ro.company_id, ro.date_from AS month,
                       r.day_count AS duty_days, r.night_count AS night_duties,
                       0 AS late_count, 0 AS early_count, 0 AS absence_count,
                       0.0 AS leave_days
                  FROM aux_duty_roster_row r
                  JOIN aux_duty_roster ro ON ro.id = r.roster_id AND ro.state = 'published'
                UNION ALL
                SELECT x.employee_id, x.department_id, x.company_id,
                       date_trunc('month', x.date)::date, 0, 0,
                       (x.kind = 'late')::int, (x.kind = 'early')::int,
                       (x.kind = 'absent')::int, 0.0
                  FROM aux_duty_exception x WHERE x.state != 'excused'
                UNION ALL
                SELECT l.employee_id, l.department_id, l.company_id,
                       date_trunc('month', l.date_from)::date, 0, 0, 0, 0, 0, l.days
                  FROM aux_leave_request l
                 WHERE l.state IN ('approved', 'overdue', 'returned')
              ) facts
             GROUP BY employee_id, month
            )""" % self._table)
