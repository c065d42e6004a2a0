# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentRule(models.Model):
    """Date-versioned assessment rules: annual weights, top-band quota, lists
    and the thresholds of the consequence lists.

    One bureau-wide row (no unit) is the default; a row for a unit overrides
    it for that unit and its sub-units.
    """

    _name = "aux.assessment.rule"
    _description = "Assessment Rules"
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, translate=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit",
        help="Leave empty for the bureau-wide rules; set a unit to override "
             "them for that unit and its sub-units.")
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To")
    period_weight = fields.Float(
        string="Period Scores Weight (%)", required=True,
        help="Weight of the average of the monthly scores in the annual result.")
    evaluation_weight = fields.Float(
        string="Year-end Evaluation Weight (%)", required=True,
        help="Weight of the joint year-end evaluation score in the annual result.")
    top_band_id = fields.Many2one(
        "aux.assessment.band", string="Band Under Quota", required=True,
        help="The top band whose share per unit is limited.")
    top_share = fields.Float(
        string="Top Band Share (%)", required=True,
        help="Rounding rule: quota = floor(share x number of annual sheets of "
             "the unit in the period); when that gives 0 and the unit has at "
             "least the minimum head count, the quota is 1.")
    min_headcount = fields.Integer(
        string="Minimum Head Count for One", required=True,
        help="A unit with at least this many annual sheets may always have one "
             "person in the top band, even when the share rounds down to 0.")
    award_top_n = fields.Integer(
        string="Award List Size", required=True,
        help="Number of people on the bureau's annual award list (Top N).")
    bottom_n = fields.Integer(
        string="Bottom List Size per Unit", required=True,
        help="Number of people per unit on the bottom list for public notice.")
    promotion_band_id = fields.Many2one(
        "aux.assessment.band", string="Promotion: Minimum Band", required=True)
    promotion_years = fields.Integer(
        string="Promotion: Years", required=True,
        help="A person is a promotion candidate when each of the last this many "
             "confirmed annual results is at least the minimum band.")
    demotion_band_id = fields.Many2one(
        "aux.assessment.band", string="Demotion: Band or Worse", required=True)
    demotion_years = fields.Integer(
        string="Demotion: Years in a Row", required=True)
    nonrenewal_band_id = fields.Many2one(
        "aux.assessment.band", string="Non-renewal: Band or Worse", required=True)
    nonrenewal_years = fields.Integer(
        string="Non-renewal: Years in a Row", required=True)
    award_event_type_id = fields.Many2one(
        "aux.assessment.event.type", string="Award List Commendation",
        domain=[("is_commendation", "=", True)],
        help="Publishing the annual award list records one confirmed event of this "
             "type for each person on it; payroll pays it through the reward table "
             "by the type's commendation level.")

    @api.constrains("period_weight", "evaluation_weight", "top_share", "date_from",
                    "date_to", "promotion_years", "demotion_years", "nonrenewal_years")
    def _check_values(self):
        for rule in self:
            if abs(rule.period_weight + rule.evaluation_weight - 100.0) > 0.001:
                raise ValidationError(
                    _("Assessment rules %s: the two annual weights must add up to 100.")
                    % rule.name)
            if not 0 <= rule.top_share <= 100:
                raise ValidationError(
                    _("Assessment rules %s: the top band share must be between 0 and 100.")
                    % rule.name)
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(
                    _("Assessment rules %s: the end of validity is before its start.")
                    % rule.name)
            if min(rule.promotion_years, rule.demotion_years, rule.nonrenewal_years) < 1:
                raise ValidationError(
                    _("Assessment rules %s: the numbers of years must be at least 1.")
                    % rule.name)

    @api.model
    def create(self, vals):
        rule = super().create(vals)
        self.env["aux.assessment.sheet"]._aux_recompute_open(rule._aux_ranges())
        return rule

    @api.multi
    def write(self, vals):
        ranges = self._aux_ranges()
        res = super().write(vals)
        self.env["aux.assessment.sheet"]._aux_recompute_open(ranges + self._aux_ranges())
        return res

    @api.multi
    def unlink(self):
        ranges = self._aux_ranges()
        res = super().unlink()
        self.env["aux.assessment.sheet"]._aux_recompute_open(ranges)
        return res

    @api.multi
    def _aux_ranges(self):
        """[(date_from, date_to)] of validity: the open sheets ending in them
        read these rules (weights, band under quota)."""
        return [(rule.date_from, rule.date_to or None) for rule in self]

    @api.model
    def _rule_for(self, date, department=None):
        """The rules in force on ``date`` for ``department`` (nearest unit first)."""
        domain = [("date_from", "<=", date),
                  "|", ("date_to", "=", False), ("date_to", ">=", date)]
        rules = self.search(domain)
        dept = department
        while dept:
            match = rules.filtered(lambda r, d=dept: r.department_id == d)
            if match:
                return match[0]
            dept = dept.parent_id
        general = rules.filtered(lambda r: not r.department_id)
        if not general:
            raise ValidationError(
                _("No assessment rules are valid on %s: add one under "
                  "Configuration > Assessment Rules.") % date)
        return general[0]

    @api.multi
    def _top_quota(self, headcount):
        """Number of people of a unit allowed in the top band.

        floor(share x head count); at least 1 when the unit has at least the
        minimum head count.
        """
        self.ensure_one()
        quota = int(math.floor(self.top_share * headcount / 100.0 + 1e-9))
        if quota < 1 and headcount >= self.min_headcount:
            quota = 1
        return quota
