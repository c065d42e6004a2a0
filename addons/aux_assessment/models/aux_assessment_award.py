# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Consequences of the annual results outside the sheets.

- The award list ("二十佳", the bureau's Top N of the year) becomes
  commendation events once every annual sheet of the year is confirmed:
  one confirmed event per person on the list, of the event type named by
  the assessment rules, which payroll pays through its reward rule (the
  commendation level keys the reward table) in the month of the event.
- The annual results are a criterion of the conversion to bureau-employed
  cadre (the last N confirmed results at least a band).
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

from .aux_assessment_event import AuxAssessmentEvent as _Event

MANAGER_GROUP = "aux_personnel.group_aux_personnel_manager"


class AuxAssessmentRule(models.Model):
    _inherit = "aux.assessment.rule"

    award_event_type_id = fields.Many2one(
        "aux.assessment.event.type", string="Award List Commendation",
        domain=[("is_commendation", "=", True)],
        help="Publishing the annual award list records one confirmed event of this "
             "type for each person on it; payroll pays it through the reward table "
             "by the type's commendation level.")


class AuxAssessmentEvent(models.Model):
    _inherit = "aux.assessment.event"

    _aux_workflow_fields = _Event._aux_workflow_fields + ("award_sheet_id",)

    award_sheet_id = fields.Many2one(
        "aux.assessment.sheet", string="Award List Result", readonly=True, index=True,
        copy=False, ondelete="restrict",
        help="The annual result whose place on the award list this commendation "
             "records (set by publishing the award list).")


class AuxAssessmentPeriod(models.Model):
    _inherit = "aux.assessment.period"

    award_event_count = fields.Integer(
        string="Award Commendations", compute="_compute_award_event_count")

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

    @api.multi
    def action_publish_awards(self):
        """Record the commendations of the award list of this annual period,
        dated today (see ``_aux_publish_awards``)."""
        self.ensure_one()
        events = self._aux_publish_awards(local_today(self))
        return self.action_view_award_events() if events else True

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

    @api.multi
    def action_view_award_events(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_event_action").read()[0]
        action["domain"] = [("award_sheet_id.period_id", "=", self.id)]
        action["context"] = {}
        return action


class AuxCadreRule(models.Model):
    _inherit = "aux.cadre.rule"

    min_band_id = fields.Many2one(
        "aux.assessment.band", string="Annual Results: Minimum Band", ondelete="restrict",
        track_visibility="onchange",
        help="Each of the last confirmed annual results (their number below) must "
             "be this band or better; empty: results are not a criterion.")
    band_years = fields.Integer(
        string="Annual Results: Years", default=3, track_visibility="onchange",
        help="How many of the last confirmed annual results must reach the band.")

    @api.constrains("band_years", "min_band_id")
    def _check_band_years(self):
        for rule in self:
            if rule.min_band_id and rule.band_years < 1:
                raise ValidationError(_(
                    "Cadre conversion criteria %s: the number of annual results must be "
                    "at least 1.") % rule.name)

    @api.multi
    def _aux_checks(self, employee, date):
        checks = super()._aux_checks(employee, date)
        if self.min_band_id:
            sheets = self.env["aux.assessment.sheet"].sudo().search([
                ("employee_id", "=", employee.id), ("period_type", "=", "annual"),
                ("state", "=", "confirmed"), ("period_date_to", "<", date)],
                order="period_date_from desc")
            last = sheets[:self.band_years]
            met = len(last) == self.band_years and all(
                sheet.band_id.min_score >= self.min_band_id.min_score for sheet in last)
            value = ", ".join("%s %s" % (sheet.year, sheet.band_id.name) for sheet in last) \
                or _("no confirmed annual result")
            checks.append((
                _("Annual results"),
                _("the last %(years)d at least %(band)s") % {
                    "years": self.band_years, "band": self.min_band_id.name},
                value, met))
        return checks
