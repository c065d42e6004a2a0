# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare


class AuxCarePayment(models.Model):
    _name = "aux.care.payment"
    _description = "Care Payment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    event_id = fields.Many2one("aux.life.event", string="Life Event", index=True)
    campaign_id = fields.Many2one(
        "aux.care.campaign", index=True, ondelete="cascade",
        readonly=True)
    payment_type = fields.Selection(
        [("condolence", "Condolence"),
         ("hardship", "Hardship"),
         ("seasonal", "Seasonal care"),
         ("birthday", "Birthday greeting")],
        string="Type", required=True, default="condolence",
        track_visibility="onchange")
    amount = fields.Monetary(track_visibility="onchange")
    standard_amount = fields.Monetary(
        compute="_compute_standard_amount", store=True,
        help="From the must-visit rule of the event, or the campaign's amount.")
    over_standard_reason = fields.Text(
        string="Reason for Exceeding the Standard",
        help="Required when the amount is higher than the standard amount.")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Care Budget Line",
        help="Budget line the payment is charged to.")
    state = fields.Selection(
        [("draft", "Draft"),
         ("unit", "Approved by Unit"),
         ("office", "Approved by Office"),
         ("approved", "Approved by Leader"),
         ("paid", "Paid"),
         ("refused", "Refused")],
        default="draft", required=True, track_visibility="onchange", index=True,
        copy=False)
    unit_approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    unit_approval_date = fields.Datetime(readonly=True, copy=False)
    office_approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    office_approval_date = fields.Datetime(readonly=True, copy=False)
    leader_approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    leader_approval_date = fields.Datetime(readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False, track_visibility="onchange")

    _sql_constraints = [
        ("campaign_employee_uniq", "unique(campaign_id, employee_id)",
         "A campaign pays each person once."),
    ]

    @api.multi
    @api.depends("event_id", "event_id.event_type_id", "event_id.event_date",
                 "payment_type", "campaign_id.amount")
    def _compute_standard_amount(self):
        Rule = self.env["aux.visit.rule"].sudo()
        for payment in self:
            payment.standard_amount = payment._get_standard_amount(Rule)

    @api.multi
    def _get_standard_amount(self, rule_model):
        self.ensure_one()
        if self.campaign_id:
            return self.campaign_id.amount
        event = self.event_id
        if not event:
            return 0.0
        rules = rule_model._get_applicable(
            event.event_type_id, event.event_date, event.company_id).filtered(
            lambda r: r.payment_applies and r.payment_type == self.payment_type)
        return max(rules.mapped("standard_amount") or [0.0])

    @api.constrains("amount", "standard_amount", "over_standard_reason")
    def _check_amount(self):
        for payment in self:
            digits = payment.currency_id.decimal_places
            if float_compare(payment.amount, 0.0, precision_digits=digits) <= 0:
                raise ValidationError(_(
                    "Care payment %(payment)s for %(person)s: the amount must be "
                    "positive.") % {"payment": payment.name,
                                    "person": payment.employee_id.name})
            if (payment.standard_amount
                    and float_compare(payment.amount, payment.standard_amount,
                                      precision_digits=digits) > 0
                    and not (payment.over_standard_reason or "").strip()):
                raise ValidationError(_(
                    "Care payment %(payment)s for %(person)s: %(amount)s is above the "
                    "standard amount %(standard)s; give the reason.") % {
                    "payment": payment.name, "person": payment.employee_id.name,
                    "amount": payment.amount, "standard": payment.standard_amount})

    @api.onchange("event_id", "payment_type")
    def _onchange_standard(self):
        if self.event_id:
            self.employee_id = self.event_id.employee_id
        standard = self._get_standard_amount(self.env["aux.visit.rule"].sudo())
        if standard:
            self.amount = standard

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code("aux.care.payment") or "/"
        return super(AuxCarePayment, self).create(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda p: p.state == "paid"):
            raise UserError(_("A paid care payment cannot be deleted."))
        return super(AuxCarePayment, self).unlink()

    @api.multi
    def _check_step(self, state, group_xmlid, label):
        if not self.env.user.has_group(group_xmlid):
            raise AccessError(_(
                "Only a user of the group %(group)s can give the %(step)s approval of "
                "care payments.") % {"group": self.env.ref(group_xmlid).name,
                                     "step": label})
        for payment in self:
            if payment.state != state:
                raise UserError(_(
                    "Care payment %(payment)s is not waiting for the %(step)s "
                    "approval.") % {"payment": payment.name, "step": label})

    @api.multi
    def action_approve_unit(self):
        self._check_step("draft", "aux_personnel.group_aux_personnel_unit_leader",
                         _("unit"))
        self.write({"state": "unit", "unit_approver_id": self.env.uid,
                    "unit_approval_date": fields.Datetime.now()})
        return True

    @api.multi
    def action_approve_office(self):
        self._check_step("unit", "aux_personnel.group_aux_personnel_user", _("office"))
        self.write({"state": "office", "office_approver_id": self.env.uid,
                    "office_approval_date": fields.Datetime.now()})
        return True

    @api.multi
    def action_approve_leader(self):
        self._check_step("office", "aux_personnel.group_aux_personnel_manager",
                         _("leader"))
        self.write({"state": "approved", "leader_approver_id": self.env.uid,
                    "leader_approval_date": fields.Datetime.now()})
        return True

    @api.multi
    def action_pay(self):
        self._check_step("approved", "aux_personnel.group_aux_personnel_user",
                         _("payment"))
        self.write({"state": "paid", "paid_date": fields.Date.context_today(self)})
        self._aux_charge_care_budget()
        return True

    @api.multi
    def action_refuse(self):
        for payment in self:
            if payment.state == "paid":
                raise UserError(_("Care payment %s is already paid.") % payment.name)
        self.write({"state": "refused"})
        return True

    @api.multi
    def action_draft(self):
        self.filtered(lambda p: p.state == "refused").write({"state": "draft"})
        return True

    @api.multi
    def _aux_charge_care_budget(self):
        """Hook called once payments are paid (batch): charge them to the care
        budget line. Does nothing here; aux_payroll (or any budget module)
        overrides it to book ``amount`` on ``analytic_account_id``."""
        return True
