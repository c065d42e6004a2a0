# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust


OFFICE = "aux_personnel.group_aux_personnel_user"
MANAGER = "aux_personnel.group_aux_personnel_manager"


class AuxCareCampaign(models.Model):
    _name = "aux.care.campaign"
    _description = "Seasonal Care Campaign"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date_from desc, id desc"
    _aux_transitions = {
        "generate": {"from": ("draft", "generated"), "to": "generated", "groups": (OFFICE,)},
        "approve": {"from": ("generated",), "to": "approved", "groups": (MANAGER,)},
        "pay": {"from": ("approved",), "to": "paid", "groups": (OFFICE,)},
    }
    _aux_locked_states = ("approved", "paid")
    # a generated campaign may be deleted with its payments while they are drafts
    _aux_unlink_states = ("draft", "generated")

    name = fields.Char(required=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.care.campaign"),
        readonly=True, states={"draft": [("readonly", False)]})
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    campaign_type = fields.Selection(
        [("summer", "Summer cooling"),
         ("winter", "Winter warmth"),
         ("birthday", "Birthday greetings"),
         ("other", "Other seasonal care")],
        string="Type", required=True, default="summer",
        readonly=True, states={"draft": [("readonly", False)]})
    date_from = fields.Date(
        string="From", required=True,
        readonly=True, states={"draft": [("readonly", False)]})
    date_to = fields.Date(
        string="To", required=True,
        readonly=True, states={"draft": [("readonly", False)]})
    amount = fields.Monetary(
        string="Amount per Person", required=True, track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    department_ids = fields.Many2many(
        "hr.department", string="Units",
        readonly=True, states={"draft": [("readonly", False)],
                               "generated": [("readonly", False)]},
        help="Only the people of these units and their sub-units; empty: everyone.")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Care Budget Line",
        states={"approved": [("readonly", True)], "paid": [("readonly", True)]})
    payment_ids = fields.One2many("aux.care.payment", "campaign_id", string="Payments")
    payment_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(string="Total", compute="_compute_totals")
    state = fields.Selection(
        [("draft", "Draft"),
         ("generated", "Generated"),
         ("approved", "Approved"),
         ("paid", "Paid")],
        default="draft", required=True, track_visibility="onchange", copy=False)

    @api.multi
    @api.depends("payment_ids.amount")
    def _compute_totals(self):
        for campaign in self:
            campaign.payment_count = len(campaign.payment_ids)
            campaign.amount_total = sum(campaign.payment_ids.mapped("amount"))

    @api.constrains("date_from", "date_to", "amount")
    def _check_values(self):
        for campaign in self:
            if campaign.date_from > campaign.date_to:
                raise ValidationError(_(
                    "Campaign %s: the period ends before it starts.") % campaign.name)
            if campaign.amount <= 0:
                raise ValidationError(_(
                    "Campaign %s: the amount per person must be positive.")
                    % campaign.name)

    @api.multi
    def unlink(self):
        """The payments go first, each under its own rule (only drafts and
        refused ones may be deleted)."""
        self.mapped("payment_ids").unlink()
        return super(AuxCareCampaign, self).unlink()

    @api.multi
    def _eligible_domain(self):
        self.ensure_one()
        domain = [("is_auxiliary", "=", True), ("active", "=", True),
                  ("company_id", "in", [self.company_id.id, False])]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.campaign_type == "birthday":
            domain.append(("birthday", "!=", False))
        return domain

    @api.multi
    def _get_eligible_employees(self):
        """Active auxiliaries concerned by the campaign (one search)."""
        self.ensure_one()
        employees = self.env["hr.employee"].search(self._eligible_domain())
        if self.campaign_type == "birthday":
            employees = employees.filtered(self._has_birthday_in_period)
        return employees

    @api.multi
    def _has_birthday_in_period(self, employee):
        """Whether the birthday (month and day) falls in the campaign period."""
        start = fields.Date.from_string(self.date_from)
        end = fields.Date.from_string(self.date_to)
        birthday = fields.Date.from_string(employee.birthday)
        if (end - start).days >= 365:
            return True
        for year in range(start.year, end.year + 1):
            try:
                anniversary = birthday.replace(year=year)
            except ValueError:  # 29 February in a common year
                anniversary = birthday.replace(year=year, month=3, day=1)
            if start <= anniversary <= end:
                return True
        return False

    @api.multi
    def action_generate(self):
        """Create one payment per eligible person who has none in the campaign."""
        self.ensure_one()
        self._aux_check_transition("generate")
        payment_type = "birthday" if self.campaign_type == "birthday" else "seasonal"
        already = self.payment_ids.mapped("employee_id")
        # the campaign of a payment is set here only
        Payment = trust(self.env["aux.care.payment"]).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
        for employee in self._get_eligible_employees() - already:
            Payment.create({
                "campaign_id": self.id,
                "company_id": self.company_id.id,
                "employee_id": employee.id,
                "payment_type": payment_type,
                "amount": self.amount,
                "analytic_account_id": self.analytic_account_id.id,
            })
        return self._aux_transition("generate")

    @api.multi
    def action_approve(self):
        """Leader approval of the whole campaign (every draft payment at once)."""
        self.ensure_one()
        self._aux_check_transition("approve")
        self.payment_ids.filtered(lambda p: p.state == "draft")._aux_transition(
            "approve_campaign")
        return self._aux_transition("approve")

    @api.multi
    def action_pay(self):
        self.ensure_one()
        self._aux_check_transition("pay")
        # without a campaign budget line, each person's unit care budget line
        self.payment_ids.filtered(lambda p: p.state == "approved")._aux_pay()
        return self._aux_transition("pay")

    @api.multi
    def action_view_payments(self):
        self.ensure_one()
        action = self.env.ref("aux_welfare.aux_care_payment_action").read()[0]
        action["domain"] = [("campaign_id", "=", self.id)]
        return action
