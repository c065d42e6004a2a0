# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

from ..models.aux_grade import AUX_CATEGORIES

# Who counts as an auxiliary in the attrition figures, and when they left.
# ``x`` is the person's latest confirmed exit record (exit or conversion to
# cadre), ``e`` the person. A person still active as an auxiliary has not
# left (a re-hired person's earlier exit stays an exit of its year); a sworn
# officer's exit is not an auxiliary's; a conversion to cadre is one.
_PEOPLE_QUERY = """
    SELECT e.id AS employee_id,
           e.company_id,
           e.aux_category AS category,
           e.entry_date,
           CASE WHEN e.active AND e.is_auxiliary THEN NULL ELSE x.last_day END AS left_on,
           CASE WHEN e.active AND e.is_auxiliary THEN e.department_id
                ELSE COALESCE(x.department_id, e.department_id) END AS department_id
      FROM hr_employee e
      LEFT JOIN LATERAL (
        SELECT x.last_day, x.department_id, x.exit_type
          FROM aux_employee_exit x
         WHERE x.employee_id = e.id AND x.state = 'done'
         ORDER BY x.last_day DESC, x.id DESC LIMIT 1) x ON TRUE
     WHERE (e.active AND e.is_auxiliary)
        OR (x.last_day IS NOT NULL AND (e.is_auxiliary OR x.exit_type = 'conversion'))
"""


class AuxAttritionReport(models.Model):
    """One row per confirmed exit or conversion to cadre (read-only SQL view).

    The unit is the one recorded on the exit; the grade is the one in force
    on the last day (grade history); years of service run from the entry
    date to the last day, and the service band is the one of that day (see
    aux.report.band, a band covers from <= years < below).
    """

    _name = "aux.attrition.report"
    _description = "Attrition Report"
    _auto = False
    _rec_name = "employee_id"
    _order = "date desc, id desc"

    exit_id = fields.Many2one("aux.employee.exit", string="Exit Record", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    date = fields.Date(string="Last Day", readonly=True)
    year = fields.Char(readonly=True)
    month = fields.Char(readonly=True, help="Year and month of the last day (YYYY-MM).")
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    category = fields.Selection(AUX_CATEGORIES, string="Auxiliary Category", readonly=True)
    is_auxiliary = fields.Boolean(
        string="Auxiliary", readonly=True,
        help="An auxiliary when leaving (conversions to cadre included).")
    exit_type = fields.Selection(
        [("exit", "Exit"), ("conversion", "Conversion to cadre")],
        string="Type", readonly=True)
    reason_id = fields.Many2one("aux.exit.reason", readonly=True)
    reason_code = fields.Char(readonly=True)
    grade_id = fields.Many2one("aux.grade", string="Grade at Exit", readonly=True)
    service_years = fields.Float(
        string="Years of Service", readonly=True, digits=(4, 1), group_operator="avg",
        help="From the entry date to the last day; the average when grouped.")
    service_band_id = fields.Many2one(
        "aux.report.band", string="Service Band at Exit", readonly=True)
    exit_count = fields.Integer(string="Exits", readonly=True, group_operator="sum")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        query = """
            CREATE OR REPLACE VIEW {table} AS (
            SELECT x.id AS id,
                   x.id AS exit_id,
                   x.employee_id,
                   x.last_day AS date,
                   to_char(x.last_day, 'YYYY') AS year,
                   to_char(x.last_day, 'YYYY-MM') AS month,
                   COALESCE(x.department_id, e.department_id) AS department_id,
                   x.company_id,
                   e.aux_category AS category,
                   (COALESCE(e.is_auxiliary, FALSE) OR x.exit_type = 'conversion')
                       AS is_auxiliary,
                   x.exit_type,
                   x.reason_id,
                   r.code AS reason_code,
                   grade.grade_id,
                   CASE WHEN e.entry_date <= x.last_day
                        THEN round(((x.last_day - e.entry_date) / 365.25)::numeric, 1)
                   END AS service_years,
                   service.id AS service_band_id,
                   1 AS exit_count
              FROM aux_employee_exit x
              JOIN hr_employee e ON e.id = x.employee_id
              JOIN aux_exit_reason r ON r.id = x.reason_id
              LEFT JOIN LATERAL (
                SELECT h.grade_id FROM aux_grade_history h
                 WHERE h.employee_id = x.employee_id AND h.date_from <= x.last_day
                 ORDER BY h.date_from DESC, h.id DESC LIMIT 1) grade ON TRUE
              LEFT JOIN LATERAL (
                SELECT b.id FROM aux_report_band b
                 WHERE b.band_type = 'service' AND b.active
                   AND e.entry_date + make_interval(years => b.min_years) <= x.last_day
                   AND (COALESCE(b.max_years, 0) = 0
                        OR x.last_day < e.entry_date + make_interval(years => b.max_years))
                 ORDER BY b.min_years LIMIT 1) service ON TRUE
             WHERE x.state = 'done'
            )""".format(table=self._table)
        # Only the model's own table name is formatted in.
        self.env.cr.execute(query)  # pylint: disable=sql-injection


class AuxAttritionRateReport(models.Model):
    """Attrition rate per year, unit and category of auxiliaries (SQL view).

    For each year from the first recorded exit to this year: the head count
    on 1 January and on 31 December, the exits of the year and the rate,
    exits / average head count (start + end) / 2, in %. The unit is the
    person's current unit, or the one recorded on the exit for those who
    left: earlier transfers are not kept in the register. Grouped rows
    recompute the rate from their sums (see read_group), so that the rate
    of several units or years is exits per average person.
    """

    _name = "aux.attrition.rate.report"
    _description = "Attrition Rate Report"
    _auto = False
    _order = "year desc, department_id"

    year = fields.Char(readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    category = fields.Selection(AUX_CATEGORIES, string="Auxiliary Category", readonly=True)
    headcount_start = fields.Integer(
        string="Head Count on 1 January", readonly=True, group_operator="sum")
    headcount_end = fields.Integer(
        string="Head Count on 31 December", readonly=True, group_operator="sum")
    headcount_avg = fields.Float(
        string="Average Head Count", readonly=True, digits=(16, 1), group_operator="sum")
    exit_count = fields.Integer(string="Exits", readonly=True, group_operator="sum")
    attrition_rate = fields.Float(
        string="Attrition Rate (%)", readonly=True, digits=(16, 1), group_operator="sum",
        help="Exits / average head count of the year, in %.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        query = """
            CREATE OR REPLACE VIEW {table} AS (
            WITH people AS ({people}),
            bounds AS (
                SELECT COALESCE(MIN(EXTRACT(YEAR FROM last_day))::int,
                                EXTRACT(YEAR FROM CURRENT_DATE)::int) AS first_year,
                       GREATEST(COALESCE(MAX(EXTRACT(YEAR FROM last_day))::int, 0),
                                EXTRACT(YEAR FROM CURRENT_DATE)::int) AS last_year
                  FROM aux_employee_exit WHERE state = 'done'),
            years AS (
                SELECT y, make_date(y, 1, 1) AS day_first, make_date(y, 12, 31) AS day_last
                  FROM bounds, generate_series(bounds.first_year, bounds.last_year) y),
            counts AS (
                SELECT years.y,
                       p.department_id,
                       p.company_id,
                       p.category,
                       COUNT(*) FILTER (
                           WHERE (p.entry_date IS NULL OR p.entry_date <= years.day_first)
                             AND (p.left_on IS NULL OR p.left_on >= years.day_first))
                           AS headcount_start,
                       COUNT(*) FILTER (
                           WHERE p.left_on IS NULL OR p.left_on > years.day_last)
                           AS headcount_end,
                       COUNT(*) FILTER (
                           WHERE p.left_on BETWEEN years.day_first AND years.day_last)
                           AS exit_count
                  FROM years
                  JOIN people p
                    ON (p.entry_date IS NULL OR p.entry_date <= years.day_last)
                   AND (p.left_on IS NULL OR p.left_on >= years.day_first)
              GROUP BY years.y, p.department_id, p.company_id, p.category)
            SELECT row_number() OVER (ORDER BY y, department_id, company_id, category) AS id,
                   y::varchar AS year,
                   department_id,
                   company_id,
                   category,
                   headcount_start,
                   headcount_end,
                   (headcount_start + headcount_end) / 2.0 AS headcount_avg,
                   exit_count,
                   CASE WHEN headcount_start + headcount_end > 0
                        THEN round(200.0 * exit_count / (headcount_start + headcount_end), 1)
                        ELSE 0 END AS attrition_rate
              FROM counts
            )""".format(table=self._table, people=_PEOPLE_QUERY)
        # Only constants and the model's own table name are formatted in.
        self.env.cr.execute(query)  # pylint: disable=sql-injection

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """A group's rate is its exits over its average head count, not the
        sum of its rows' rates."""
        wants_rate = any(name.split(":")[0] == "attrition_rate" for name in fields or [])
        if wants_rate:
            asked = {name.split(":")[0] for name in fields}
            fields = list(fields) + [
                name for name in ("headcount_avg", "exit_count") if name not in asked]
        groups = super(AuxAttritionRateReport, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if wants_rate:
            for group in groups:
                average = group.get("headcount_avg")
                exits = group.get("exit_count")
                if average is None or exits is None:
                    continue
                group["attrition_rate"] = round(100.0 * exits / average, 1) if average \
                    else 0.0
        return groups
