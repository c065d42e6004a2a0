# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools

from ..models.hr_employee import EDUCATION_LEVELS
from ..tools.local_time import sql_company_today

# Dimensions of the team composition, in report order.
COMPOSITION_DIMENSIONS = [
    "staff_type", "age_band_id", "education", "service_band_id", "post_id", "grade_id"]
# Band fields and the band type they show.
BAND_FIELDS = {"age_band_id": "age", "service_band_id": "service"}


class AuxTeamCompositionReport(models.Model):
    """One row per active person, with the bands of the team composition.

    Age and years of service are counted in whole years on the day the
    report is read (years of service by the years of service rule in force,
    as the register and payroll count them); a band covers from <= years <
    below (see aux.report.band).
    """

    _name = "aux.team.composition.report"
    _description = "Team Composition Report"
    _auto = False
    _rec_name = "employee_id"
    _order = "department_id, employee_id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    is_auxiliary = fields.Boolean(string="Auxiliary", readonly=True)
    staff_type = fields.Selection(
        [("sworn", "Sworn staff"), ("auxiliary", "Auxiliary"),
         ("cadre", "Bureau-employed cadre")], readonly=True,
        help="Auxiliary; bureau-employed cadre (a converted auxiliary); or sworn "
             "staff (everyone else in the register).")
    aux_category = fields.Selection(
        related="employee_id.aux_category", string="Auxiliary Category", readonly=True)
    age_band_id = fields.Many2one("aux.report.band", readonly=True)
    service_band_id = fields.Many2one(
        "aux.report.band", readonly=True,
        help="Years of service (counted by the years of service rule in force): "
             "a band covers from <= years < below, e.g. 1-3 means 1 <= years < 3.")
    post_id = fields.Many2one("aux.post", string="Main Post", readonly=True)
    grade_id = fields.Many2one("aux.grade", readonly=True)
    education = fields.Selection(EDUCATION_LEVELS, readonly=True)
    employee_count = fields.Integer(string="People", readonly=True, group_operator="sum")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # "Today" is the day in the time zone of the person's company.
        # A band matches when start + from years <= today < start + below years.
        band_join = """
            LEFT JOIN LATERAL (
                SELECT b.id FROM aux_report_band b
                 WHERE b.band_type = '{band_type}' AND b.active
                   AND {start} + make_interval(years => b.min_years) <= today.day
                   AND (COALESCE(b.max_years, 0) = 0
                        OR today.day < {start} + make_interval(years => b.max_years))
                 ORDER BY b.min_years LIMIT 1) {alias} ON TRUE"""
        # Years of service start as the years of service rule in force today
        # says (aux.service.rule, the definition the register and payroll use):
        # the entry date, or the end of the company's probation after it.
        service_start = """
            LEFT JOIN LATERAL (
                SELECT CASE WHEN r.probation_counts THEN 0
                            ELSE COALESCE(c.aux_probation_months, 0) END AS months
                  FROM aux_service_rule r JOIN res_company c ON c.id = r.company_id
                 WHERE r.company_id = e.company_id AND r.date_from <= today.day
                   AND (r.date_to IS NULL OR r.date_to >= today.day)
                 ORDER BY r.date_from DESC LIMIT 1) service_rule ON TRUE"""
        query = """
            CREATE OR REPLACE VIEW {table} AS (
            SELECT e.id AS id,
                   e.id AS employee_id,
                   e.department_id,
                   e.company_id,
                   COALESCE(e.is_auxiliary, FALSE) AS is_auxiliary,
                   CASE WHEN e.is_auxiliary THEN 'auxiliary'
                        WHEN e.aux_is_cadre THEN 'cadre'
                        ELSE 'sworn' END AS staff_type,
                   age.id AS age_band_id,
                   service.id AS service_band_id,
                   post.post_id,
                   e.aux_grade_id AS grade_id,
                   e.education AS education,
                   1 AS employee_count
              FROM hr_employee e
              CROSS JOIN LATERAL (SELECT {company_today} AS day) today
              {age_join}
              {service_start}
              {service_join}
              LEFT JOIN LATERAL (
                SELECT a.post_id FROM aux_post_assignment a
                 WHERE a.employee_id = e.id AND a.assignment_type = 'main'
                   AND a.date_from <= today.day
                   AND (a.date_to IS NULL OR a.date_to >= today.day)
                 ORDER BY a.date_from DESC LIMIT 1) post ON TRUE
             WHERE e.active
            )""".format(
            table=self._table,
            company_today=sql_company_today("e.company_id"),
            age_join=band_join.format(band_type="age", start="e.birthday", alias="age"),
            service_start=service_start,
            service_join=band_join.format(
                band_type="service", alias="service",
                start="(e.entry_date + make_interval("
                      "months => COALESCE(service_rule.months, 0)))::date"))
        # Only constants and the model's own table name are formatted in.
        self.env.cr.execute(query)  # pylint: disable=sql-injection

    @api.model
    def _composition(self, department=None):
        """Counts and percentages of the team, per dimension.

        ``department``: a unit (its sub-units included) or None for every
        unit the user may read. Returns a dict with ``total``,
        ``auxiliaries``, ``share`` (auxiliaries' share of all staff, in %)
        and ``dimensions``: a list of ``{"field", "title", "rows"}`` where
        each row is ``{"label", "count", "percent", "aux_count",
        "aux_percent"}``; percentages are of all staff and of auxiliaries.
        Set-based: one read_group per dimension.
        """
        domain = []
        if department:
            domain = [("department_id", "child_of", department.ids)]
        total = self.search_count(domain)
        auxiliaries = self.search_count(domain + [("is_auxiliary", "=", True)])

        def percent(count, whole):
            return round(100.0 * count / whole, 1) if whole else 0.0

        dimensions = []
        for field_name in COMPOSITION_DIMENSIONS:
            field = self._fields[field_name]
            groups = self.read_group(domain, [field_name, "is_auxiliary"],
                                     [field_name, "is_auxiliary"], lazy=False)
            counts = {}
            for group in groups:
                value = group[field_name]
                key = value[0] if isinstance(value, (list, tuple)) else value
                entry = counts.setdefault(key or False, [0, 0])
                entry[0] += group["__count"]
                if group["is_auxiliary"]:
                    entry[1] += group["__count"]
            if field_name in BAND_FIELDS:
                bands = self.env["aux.report.band"].search(
                    [("band_type", "=", BAND_FIELDS[field_name])], order="min_years")
                labels = [(band.id, band.name) for band in bands]
            elif field.type == "many2one":
                records = self.env[field.comodel_name].browse([key for key in counts if key])
                labels = sorted(records.name_get(), key=lambda pair: pair[1])
            else:
                labels = [(key, label) for key, label in field._description_selection(
                    self.env) if key in counts or field_name == "staff_type"]
            if counts.get(False):
                labels.append((False, _("Not set")))
            rows = []
            for key, label in labels:
                count, aux_count = counts.get(key, (0, 0))
                rows.append({"label": label, "count": count,
                             "percent": percent(count, total),
                             "aux_count": aux_count,
                             "aux_percent": percent(aux_count, auxiliaries)})
            dimensions.append({"field": field_name,
                               "title": field.get_description(self.env)["string"],
                               "rows": rows})
        return {"total": total, "auxiliaries": auxiliaries,
                "share": percent(auxiliaries, total), "dimensions": dimensions}
