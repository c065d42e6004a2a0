# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aux_grade import AUX_CATEGORIES
from ..tools.local_time import local_today


class AuxEstablishmentQuota(models.Model):
    _name = "aux.establishment.quota"
    _description = "Establishment Quota"
    _order = "department_id, category, cohort, year_from desc"
    _rec_name = "department_id"

    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, ondelete="cascade")
    category = fields.Selection(
        AUX_CATEGORIES, help="Empty: the quota covers every category of auxiliary.")
    cohort = fields.Char(help="Empty: the quota covers every cohort.")
    quota = fields.Integer(string="Head-Count Quota", required=True)
    year_from = fields.Integer(string="From Year", required=True)
    year_to = fields.Integer(string="To Year", help="Empty: open-ended.")
    active = fields.Boolean(default=True)
    headcount = fields.Integer(compute="_compute_headcount", string="Head Count")
    note = fields.Char()

    @api.multi
    def _compute_headcount(self):
        for quota in self:
            quota.headcount = self.env["hr.employee"].sudo().search_count(
                quota._employee_domain())

    @api.constrains("quota", "year_from", "year_to")
    def _check_values(self):
        for quota in self:
            if quota.quota < 0:
                raise ValidationError(_("The quota of %s cannot be negative.")
                                      % quota.department_id.display_name)
            if quota.year_to and quota.year_to < quota.year_from:
                raise ValidationError(_("The quota of %s ends before it starts.")
                                      % quota.department_id.display_name)

    @api.multi
    def _employee_domain(self):
        self.ensure_one()
        domain = [("is_auxiliary", "=", True), ("active", "=", True),
                  ("department_id", "=", self.department_id.id)]
        if self.category:
            domain.append(("aux_category", "=", self.category))
        if self.cohort:
            domain.append(("cohort", "=", self.cohort))
        return domain

    @api.model
    def _quotas_on(self, departments, date):
        year = fields.Date.from_string(date).year
        return self.search([
            ("department_id", "in", departments.ids),
            ("year_from", "<=", year),
            "|", ("year_to", "=", False), ("year_to", ">=", year),
        ])

    @api.model
    def _unit_quota(self, departments, date):
        """{department_id: total head-count quota in force on date}; only
        units with an establishment plan appear."""
        result = {}
        for quota in self._quotas_on(departments, date):
            result[quota.department_id.id] = result.get(quota.department_id.id, 0) + quota.quota
        return result

    @api.model
    def _check_headcount(self, employees):
        """Refuse when a quota in force today is exceeded by the people of
        ``employees`` that have no manager override.  Counts by read_group."""
        if not employees:
            return
        departments = employees.mapped("department_id")
        quotas = self._quotas_on(departments, local_today(self))
        if not quotas:
            return
        data = self.env["hr.employee"].sudo().read_group(
            [("is_auxiliary", "=", True), ("department_id", "in", departments.ids)],
            ["department_id", "aux_category", "cohort"],
            ["department_id", "aux_category", "cohort"], lazy=False)
        for quota in quotas:
            count = sum(
                d["__count"] for d in data
                if d["department_id"][0] == quota.department_id.id
                and (not quota.category or d["aux_category"] == quota.category)
                and (not quota.cohort or d["cohort"] == quota.cohort))
            if count <= quota.quota:
                continue
            concerned = employees.filtered(
                lambda e, q=quota: e.department_id == q.department_id
                and (not q.category or e.aux_category == q.category)
                and (not q.cohort or e.cohort == q.cohort)
                and not e.quota_override_reason)
            if concerned:
                labels = dict(self.fields_get(["category"])["category"]["selection"])
                category = labels.get(quota.category) or _("all categories")
                raise ValidationError(_(
                    "Unit %(unit)s is full: its establishment quota for %(category)s"
                    "%(cohort)s is %(quota)s and %(names)s would make %(count)s people. "
                    "An auxiliary office manager may admit them with a recorded quota "
                    "override.") % {
                    "unit": quota.department_id.display_name, "category": category,
                    "cohort": quota.cohort and _(", cohort %s") % quota.cohort or "",
                    "quota": quota.quota, "names": ", ".join(concerned.mapped("name")),
                    "count": count})
