# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxLeaveApprovalRule(models.Model):
    """Who approves a leave and when the person must report back: up to
    ``unit_max_days`` the unit leader alone, beyond it the auxiliary office
    too; the report-back is due ``report_back_days`` after the last day of
    leave.  A rule applies to one leave type, or to every type when empty
    (a rule of the type wins), for requests starting within its dates."""

    _name = "aux.leave.approval.rule"
    _description = "Leave Approval Rule"
    _order = "date_from desc, holiday_status_id"

    name = fields.Char(required=True, translate=True)
    holiday_status_id = fields.Many2one(
        "hr.holidays.status", string="Leave Type",
        help="Empty: every leave type without a rule of its own.")
    unit_max_days = fields.Float(
        string="Unit Leader Approves Up To (days)", required=True, default=3.0,
        help="Longer leave also needs the auxiliary office's approval.")
    report_back_days = fields.Integer(
        string="Report Back Within (days)", required=True, default=1,
        help="Days after the last day of leave by which the person reports back; "
             "the next day the leave is flagged overdue and an absence is drafted.")
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid Until")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get(
            "aux.leave.approval.rule"))

    @api.constrains("unit_max_days", "report_back_days", "date_from", "date_to")
    def _check_values(self):
        for rule in self:
            if rule.unit_max_days < 0 or rule.report_back_days < 0:
                raise ValidationError(_(
                    "Leave approval rule %s: days cannot be negative.") % rule.name)
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    "Leave approval rule %s ends before it starts.") % rule.name)

    @api.model
    def _rule_for(self, status, date):
        """The rule in force on ``date`` for leave type ``status``."""
        rules = self.sudo().search([
            ("date_from", "<=", date), "|", ("date_to", "=", False), ("date_to", ">=", date),
            ("holiday_status_id", "in", [status.id, False])], order="date_from desc")
        return rules.filtered(lambda r: r.holiday_status_id == status)[:1] or rules[:1]
