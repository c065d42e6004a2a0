# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

MANAGER_GROUP = "aux_personnel.group_aux_personnel_manager"


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
    award_event_count = fields.Integer(
        string="Award Commendations", compute="_compute_award_event_count")

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

    @api.multi
    def _compute_award_event_count(self):
        groups = self.env["aux.assessment.event"].sudo().read_group(
            [("award_sheet_id.period_id", "in", self.ids)],
            ["award_sheet_id"], ["award_sheet_id"])
        sheets = self.env["aux.assessment.sheet"].sudo().browse(
            [g["award_sheet_id"][0] for g in groups])
        counts = {}
        for sheet in sheets:
            counts[sheet.period_id.id] = counts.get(sheet.period_id.id, 0) + 1
        for period in self:
            period.award_event_count = counts.get(period.id, 0)

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

    @api.multi
    def action_publish_awards(self):
        """Record the commendations of the award list of this annual period,
        dated today (see ``_aux_publish_awards``)."""
        self.ensure_one()
        events = self._aux_publish_awards(local_today(self))
        return self.action_view_award_events() if events else True

    @api.multi
    def action_view_award_events(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_event_action").read()[0]
        action["domain"] = [("award_sheet_id.period_id", "=", self.id)]
        action["context"] = {}
        return action

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

    # The award list ("二十佳", the bureau's Top N of the year) becomes
    # commendation events once every annual sheet of the year is confirmed:
    # one confirmed event per person on the list, of the event type named by
    # the assessment rules, which payroll pays through its reward rule (the
    # commendation level keys the reward table) in the month of the event.

    @api.multi
    def _aux_publish_awards(self, date):
        """Record one confirmed commendation on ``date`` for each person on
        the award list of the annual period ``self`` who has none yet; return
        the new events.  The office manager publishes, once every annual
        sheet of the period is confirmed (the list is final then)."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP) and not self.env.user._is_superuser():
            raise AccessError(_("Only the auxiliary office manager publishes the award list."))
        if self.period_type != "annual":
            raise UserError(_("%s is not an annual period: the award list is annual.")
                            % self.name)
        rule = self.env["aux.assessment.rule"]._rule_for(self.date_to)
        event_type = rule.award_event_type_id
        if not event_type:
            raise UserError(_(
                "The assessment rules %s name no award list commendation: set it under "
                "Configuration > Assessment Rules.") % rule.name)
        sheets = self.env["aux.assessment.sheet"].sudo().search([("period_id", "=", self.id)])
        if not sheets:
            raise UserError(_("Period %s has no annual sheet: nothing to publish.") % self.name)
        open_sheets = sheets.filtered(lambda s: s.state != "confirmed")
        if open_sheets:
            raise UserError(_(
                "%(count)d annual sheets of %(period)s are not confirmed yet (e.g. "
                "%(sheet)s): the award list is final once every sheet is confirmed.") % {
                "count": len(open_sheets), "period": self.name,
                "sheet": open_sheets[0].name})
        awarded = sheets.filtered(lambda s: s.is_award and not s.veto)
        Event = self.env["aux.assessment.event"].sudo()
        done = Event.search([("award_sheet_id", "in", awarded.ids),
                             ("state", "!=", "cancelled")]).mapped("award_sheet_id")
        creator = trust(Event)
        events = Event.browse()
        for sheet in (awarded - done).sorted("bureau_rank"):
            events |= creator.create({
                "employee_id": sheet.employee_id.id, "date": date,
                "type_id": event_type.id, "state": "confirmed",
                "points": event_type.default_points, "item_id": event_type.item_id.id,
                "award_sheet_id": sheet.id,
                "description": _("Award list %(period)s: rank %(rank)d in the bureau, "
                                 "%(score)g points") % {
                    "period": self.name, "rank": sheet.bureau_rank,
                    "score": sheet.total_score}})
        return events.with_env(self.env)
