# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class AuxCareCampaign(models.Model):
    _name = "aux.care.campaign"
    _description = "Seasonal Care Campaign"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    campaign_type = fields.Selection(
        [("summer", "Summer cooling"),
         ("winter", "Winter warmth"),
         ("birthday", "Birthday greetings"),
         ("other", "Other seasonal care")],
        string="Type", required=True, default="summer")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    amount = fields.Monetary(
        string="Amount per Person", required=True, track_visibility="onchange")
    department_ids = fields.Many2many(
        "hr.department", string="Units",
        help="Only the people of these units and their sub-units; empty: everyone.")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Care Budget Line")
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
        if self.state not in ("draft", "generated"):
            raise UserError(_(
                "Campaign %s is already approved: no more payments can be generated.")
                % self.name)
        payment_type = "birthday" if self.campaign_type == "birthday" else "seasonal"
        already = self.payment_ids.mapped("employee_id")
        Payment = self.env["aux.care.payment"].with_context(
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
        self.state = "generated"
        return True

    @api.multi
    def action_approve(self):
        """Leader approval of the whole campaign (every draft payment at once)."""
        self.ensure_one()
        if not self.env.user.has_group("aux_personnel.group_aux_personnel_manager"):
            raise UserError(_(
                "Campaign %s: only the auxiliary office manager can approve it.")
                % self.name)
        if self.state != "generated":
            raise UserError(_("Campaign %s: generate the payments first.") % self.name)
        now = fields.Datetime.now()
        self.payment_ids.filtered(lambda p: p.state == "draft").write({
            "state": "approved", "leader_approver_id": self.env.uid,
            "leader_approval_date": now})
        self.state = "approved"
        return True

    @api.multi
    def action_pay(self):
        self.ensure_one()
        if self.state != "approved":
            raise UserError(_("Campaign %s: approve it before paying.") % self.name)
        payments = self.payment_ids.filtered(lambda p: p.state == "approved")
        payments.write({"state": "paid", "paid_date": fields.Date.context_today(self)})
        # without a campaign budget line, each person's unit care budget line
        payments._aux_default_analytic_account()
        payments._aux_charge_care_budget()
        self.state = "paid"
        return True

    @api.multi
    def action_view_payments(self):
        self.ensure_one()
        action = self.env.ref("aux_welfare.aux_care_payment_action").read()[0]
        action["domain"] = [("campaign_id", "=", self.id)]
        return action
