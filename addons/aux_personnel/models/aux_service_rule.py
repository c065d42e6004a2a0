# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Years of service (工龄): one definition, as data.

Every figure that counts years of service reads it through this model: the
register (``hr.employee.years_of_service``), the team composition report,
payroll's seniority pay and the per-head budget.  A rule says whether the
probation months after the entry date (the company's setting) count; the
rule in force on the day the years are counted applies.  Years are counted
in calendar terms (``relativedelta``) from the service start: the whole
years are what seniority pay and the budget use, the register shows the
same figure with the months and days as a fraction.
"""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


def years_between(start, day):
    """Years from ``start`` to ``day`` (date objects) as a float: whole
    calendar years plus the rest as a fraction (0.0 when ``day`` is before
    ``start``).  ``int()`` of it is the number of completed years."""
    if not start or not day or day < start:
        return 0.0
    delta = relativedelta(day, start)
    return delta.years + delta.months / 12.0 + delta.days / 366.0


class AuxServiceRule(models.Model):
    _name = "aux.service.rule"
    _description = "Years of Service Rule"
    _inherit = ["mail.thread"]
    _order = "company_id, date_from desc"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.service.rule"))
    date_from = fields.Date(string="Valid From", required=True, track_visibility="onchange")
    date_to = fields.Date(string="Valid To", track_visibility="onchange",
                          help="Empty: open-ended.")
    probation_counts = fields.Boolean(
        default=True, track_visibility="onchange",
        help="Checked: years of service run from the entry date. Unchecked: they "
             "run from the end of the probation (the company's probation months "
             "after the entry date).")
    note = fields.Text()

    @api.constrains("date_from", "date_to", "company_id")
    def _check_dates(self):
        for rule in self:
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    "Years of service rule %s ends before it starts.") % rule.name)
            overlapping = self.search([
                ("id", "!=", rule.id), ("company_id", "=", rule.company_id.id),
                "|", ("date_to", "=", False), ("date_to", ">=", rule.date_from)])
            overlapping = overlapping.filtered(
                lambda other, r=rule: not r.date_to or other.date_from <= r.date_to)
            if overlapping:
                raise ValidationError(_(
                    "Years of service rules %(rule)s and %(other)s overlap: one rule is "
                    "in force on a day. End the older one first.") % {
                    "rule": rule.name, "other": overlapping[0].name})

    @api.model
    def _aux_excluded_months_loader(self):
        """A function (company id, date string) -> months after the entry
        date that are not counted, memoised: the rules are read once (a
        payroll batch or a budget asks it for thousands of people)."""
        # a handful of rules (one per company and period): all of them
        rules = self.sudo().search_read(
            [("company_id", "!=", False)],
            ["company_id", "date_from", "date_to", "probation_counts"], order="date_from")
        companies = {c["id"]: c["aux_probation_months"] or 0
                     for c in self.env["res.company"].sudo().browse(
                         list({r["company_id"][0] for r in rules})).read(
                         ["aux_probation_months"])}
        cache = {}

        def excluded(company_id, date):
            key = (company_id, date)
            if key not in cache:
                months = 0
                for rule in rules:
                    if rule["company_id"][0] == company_id and rule["date_from"] <= date \
                            and (not rule["date_to"] or rule["date_to"] >= date):
                        months = 0 if rule["probation_counts"] \
                            else companies.get(company_id, 0)
                cache[key] = months
            return cache[key]
        return excluded

    @api.model
    def _aux_service_start(self, entry_date, excluded_months):
        """The date (object) from which service is counted."""
        if not entry_date:
            return None
        start = fields.Date.from_string(entry_date)
        return start + relativedelta(months=excluded_months) if excluded_months else start
