# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Eligibility criteria of the conversion to bureau-employed cadre (局聘干部),
as data with validity dates: the conversion wizard shows each criterion
with the person's value and converts only a person who meets all of them.
Other addons add criteria (aux_assessment: the last annual results) by
extending the model and ``_aux_checks``."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aux_service_rule import years_between
from .hr_employee import EDUCATION_LEVELS

EDUCATION_ORDER = [code for code, _label in EDUCATION_LEVELS]


class AuxCadreRule(models.Model):
    _name = "aux.cadre.rule"
    _description = "Cadre Conversion Criteria"
    _inherit = ["mail.thread"]
    _order = "company_id, date_from desc"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.cadre.rule"))
    date_from = fields.Date(string="Valid From", required=True, track_visibility="onchange")
    date_to = fields.Date(string="Valid To", track_visibility="onchange",
                          help="Empty: open-ended.")
    min_years_service = fields.Float(
        string="Minimum Years of Service", digits=(4, 1), track_visibility="onchange",
        help="Years of service on the conversion date (counted by the years of "
             "service rule in force); 0: no minimum.")
    min_grade_id = fields.Many2one(
        "aux.grade", string="Minimum Grade", ondelete="restrict",
        track_visibility="onchange",
        help="The person's grade on the conversion date must be this level or a "
             "higher one (a lower rank number); empty: any grade.")
    min_education = fields.Selection(
        EDUCATION_LEVELS, string="Minimum Education", track_visibility="onchange",
        help="Empty: any education.")
    max_age = fields.Integer(
        string="Maximum Age", track_visibility="onchange",
        help="Age on the conversion date at most this; 0: no limit.")
    note = fields.Text()

    @api.constrains("date_from", "date_to", "company_id", "min_years_service", "max_age")
    def _check_values(self):
        for rule in self:
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    "Cadre conversion criteria %s end before they start.") % rule.name)
            if rule.min_years_service < 0 or rule.max_age < 0:
                raise ValidationError(_(
                    "Cadre conversion criteria %s: years and ages cannot be negative.")
                    % rule.name)
            overlapping = self.search([
                ("id", "!=", rule.id), ("company_id", "=", rule.company_id.id),
                "|", ("date_to", "=", False), ("date_to", ">=", rule.date_from)])
            overlapping = overlapping.filtered(
                lambda other, r=rule: not r.date_to or other.date_from <= r.date_to)
            if overlapping:
                raise ValidationError(_(
                    "Cadre conversion criteria %(rule)s and %(other)s overlap: one set of "
                    "criteria is in force on a day.") % {
                    "rule": rule.name, "other": overlapping[0].name})

    @api.model
    def _rule_for(self, date, company=None):
        """The criteria in force on ``date`` (empty recordset: none)."""
        company = company or self.env.user.company_id
        return self.sudo().search([
            ("company_id", "=", company.id), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date)], limit=1)

    @api.multi
    def _aux_checks(self, employee, date):
        """[(criterion, required, the person's value, met)] of these criteria
        for ``employee`` on ``date`` (strings, translated).  Hook: other
        addons append their criteria (call super())."""
        self.ensure_one()
        employee = employee.sudo()
        checks = []
        day = fields.Date.from_string(date)
        if self.min_years_service:
            years = employee._aux_years_of_service(date)[employee.id]
            checks.append((_("Years of service"), _("at least %.1f") % self.min_years_service,
                           "%.1f" % years, years >= self.min_years_service))
        if self.min_grade_id:
            grade = employee.aux_grade_id
            history = employee.aux_grade_history_ids.filtered(
                lambda h: h.date_from <= date and (not h.date_to or h.date_to >= date))
            grade = history[:1].grade_id or grade
            met = bool(grade) and grade.sequence <= self.min_grade_id.sequence
            checks.append((_("Grade"), _("%s or higher") % self.min_grade_id.name,
                           grade.name or _("none"), met))
        if self.min_education:
            labels = dict(self._fields["min_education"]._description_selection(self.env))
            education = employee.education
            met = bool(education) and EDUCATION_ORDER.index(education) >= \
                EDUCATION_ORDER.index(self.min_education)
            checks.append((_("Education"), _("%s or higher") % labels[self.min_education],
                           labels.get(education) or _("not recorded"), met))
        if self.max_age:
            birthday = employee.birthday and fields.Date.from_string(employee.birthday)
            age = int(years_between(birthday, day)) if birthday else None
            checks.append((_("Age"), _("at most %d") % self.max_age,
                           "%d" % age if age is not None else _("birth date not recorded"),
                           age is not None and age <= self.max_age))
        return checks
