# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentPeriod(models.Model):
    """An assessment period: a month, a quarter or a year."""

    _name = "aux.assessment.period"
    _description = "Assessment Period"
    _order = "date_from desc, period_type"

    name = fields.Char(required=True, translate=True)
    period_type = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annual")],
        string="Type", required=True, default="monthly")
    date_from = fields.Date(string="Start", required=True)
    date_to = fields.Date(string="End", required=True)
    year = fields.Integer(compute="_compute_year", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        required=True, default="draft")
    sheet_ids = fields.One2many("aux.assessment.sheet", "period_id", string="Sheets")
    sheet_count = fields.Integer(compute="_compute_sheet_count")

    _sql_constraints = [
        ("period_unique", "unique(period_type, date_from)",
         "There is already a period of this type starting on this date."),
    ]

    @api.depends("date_from")
    def _compute_year(self):
        for period in self:
            period.year = (fields.Date.from_string(period.date_from).year
                           if period.date_from else 0)

    @api.multi
    def _compute_sheet_count(self):
        data = self.env["aux.assessment.sheet"].read_group(
            [("period_id", "in", self.ids)], ["period_id"], ["period_id"])
        counts = {d["period_id"][0]: d["period_id_count"] for d in data}
        for period in self:
            period.sheet_count = counts.get(period.id, 0)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    _("Period %s: the end is before the start.") % period.name)

    @api.multi
    def action_open(self):
        self.write({"state": "open"})

    @api.multi
    def action_close(self):
        self.write({"state": "closed"})

    @api.multi
    def action_view_sheets(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action").read()[0]
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action

    @api.multi
    def action_generate_sheets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Generate Sheets"),
            "res_model": "aux.assessment.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }

    @api.multi
    def action_rank(self):
        self.mapped("sheet_ids")._recompute_ranks()

    @api.model
    def _create_year(self, year):
        """Create (or return) the annual, quarterly and monthly periods of ``year``."""
        existing = self.search([("year", "=", year)])
        known = {(p.period_type, p.date_from) for p in existing}
        vals_list = [("annual", date(year, 1, 1), date(year, 12, 31), str(year))]
        for quarter in range(4):
            first = quarter * 3 + 1
            last_day = calendar.monthrange(year, first + 2)[1]
            vals_list.append(("quarterly", date(year, first, 1),
                              date(year, first + 2, last_day), "%s Q%s" % (year, quarter + 1)))
        for month in range(1, 13):
            last_day = calendar.monthrange(year, month)[1]
            vals_list.append(("monthly", date(year, month, 1), date(year, month, last_day),
                              "%s-%02d" % (year, month)))
        periods = existing
        for ptype, start, end, name in vals_list:
            start_s = fields.Date.to_string(start)
            if (ptype, start_s) in known:
                continue
            periods |= self.create({
                "name": name, "period_type": ptype, "date_from": start_s,
                "date_to": fields.Date.to_string(end), "state": "open",
            })
        return periods
