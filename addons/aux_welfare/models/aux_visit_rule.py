# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxVisitRule(models.Model):
    _name = "aux.visit.rule"
    _description = "Must-visit Rule"
    _order = "event_type_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.visit.rule"))
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    event_type_id = fields.Many2one(
        "aux.life.event.type", required=True, index=True,
        ondelete="cascade")
    visitor_role = fields.Selection(
        [("unit_leader", "Unit leader"),
         ("bureau_leader", "Bureau leader")],
        required=True, default="unit_leader",
        help="Unit leader: the manager of the person's unit. Bureau leader: the "
             "visitor named on this rule, else the bureau leader of the company.")
    visitor_user_id = fields.Many2one(
        "res.users", string="Named Visitor",
        help="For the bureau leader role: who visits. Empty: the company's bureau "
             "leader for care visits.")
    days = fields.Integer(
        string="Visit Within (days)", required=True,
        help="Deadline of the visit task: event date plus this many days.")
    payment_applies = fields.Boolean(
        string="Condolence Payment",
        help="Confirming the event prepares a condolence payment draft.")
    payment_type = fields.Selection(
        [("condolence", "Condolence"), ("hardship", "Hardship")],
        default="condolence")
    standard_amount = fields.Monetary(
        help="Standard amount of the condolence payment; a higher amount needs a reason.")
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")

    @api.constrains("days", "standard_amount", "date_from", "date_to")
    def _check_values(self):
        for rule in self:
            if rule.days < 0:
                raise ValidationError(_(
                    "Must-visit rule %s: the number of days cannot be negative.")
                    % rule.name)
            if rule.standard_amount < 0:
                raise ValidationError(_(
                    "Must-visit rule %s: the standard amount cannot be negative.")
                    % rule.name)
            if rule.date_from and rule.date_to and rule.date_from > rule.date_to:
                raise ValidationError(_(
                    "Must-visit rule %s: the validity ends before it starts.")
                    % rule.name)

    @api.model
    def _applicable_domain(self, event_type, date, company):
        return [
            ("event_type_id", "=", event_type.id),
            ("company_id", "=", company.id),
            "|", ("date_from", "=", False), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date),
        ]

    @api.model
    def _get_applicable(self, event_type, date, company):
        """Rules in force for an event of ``event_type`` happening on ``date``."""
        return self.search(self._applicable_domain(event_type, date, company))
