# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

# Changes of these fields on a paid payment change its charge to the care budget.
BUDGET_FIELDS = {"analytic_account_id", "amount", "paid_date", "employee_id"}


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
        help="Analytic account of the care budget line the payment is charged to "
             "once paid; by default the one of the person's unit (or its nearest "
             "parent unit).")
    analytic_line_id = fields.Many2one(
        "account.analytic.line", string="Budget Charge", readonly=True, copy=False,
        ondelete="set null",
        help="The analytic line (a cost on the care expense account) that charges "
             "this paid payment to its care budget line.")
    budget_warning = fields.Char(
        compute="_compute_budget_warning",
        help="Why this paid payment is not charged to the care budget.")
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

    @api.multi
    @api.depends("state", "analytic_line_id", "analytic_account_id",
                 "company_id.aux_care_expense_account_id")
    def _compute_budget_warning(self):
        for payment in self:
            if payment.state != "paid" or payment.analytic_line_id:
                payment.budget_warning = False
            else:
                payment.budget_warning = payment._aux_budget_missing()

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

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id.department_id and not self.analytic_account_id:
            department = self.employee_id.department_id
            self.analytic_account_id = department._aux_care_analytic_accounts()[department.id]

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
        if vals.get("employee_id") and "analytic_account_id" not in vals:
            department = self.env["hr.employee"].browse(vals["employee_id"]).department_id
            if department:
                vals["analytic_account_id"] = \
                    department._aux_care_analytic_accounts()[department.id].id
        return super(AuxCarePayment, self).create(vals)

    @api.multi
    def write(self, vals):
        res = super(AuxCarePayment, self).write(vals)
        if BUDGET_FIELDS & set(vals) and not self.env.context.get("aux_care_charging"):
            self.filtered(lambda p: p.state == "paid")._aux_charge_care_budget()
        return res

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
        self.with_context(aux_care_charging=True).write(
            {"state": "paid", "paid_date": fields.Date.context_today(self)})
        self._aux_default_analytic_account()
        self._aux_charge_care_budget()
        return True

    @api.multi
    def action_charge_budget(self):
        """Charge paid payments that are not charged yet (after the care budget
        analytic account or the care expense account was set)."""
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
    def _aux_budget_missing(self):
        """Why this payment cannot be charged to the care budget (False if it can)."""
        self.ensure_one()
        if not self.analytic_account_id:
            return _("Not charged to the care budget: choose the care budget analytic "
                     "account of the payment (or of the person's unit), then click "
                     "'Charge to Budget'.")
        if not self.company_id.aux_care_expense_account_id:
            return _("Not charged to the care budget: set the care expense account of "
                     "company %s (Settings > Auxiliary Personnel), then click "
                     "'Charge to Budget'.") % self.company_id.name
        return False

    @api.multi
    def _aux_care_budget_line_values(self):
        """Values of the analytic line charging this paid payment: a cost
        (negative amount) on its analytic account and the care expense account,
        dated on the payment date."""
        self.ensure_one()
        return {
            "name": _("Care payment %(payment)s: %(person)s") % {
                "payment": self.name, "person": self.employee_id.name},
            "ref": self.name,
            "account_id": self.analytic_account_id.id,
            "general_account_id": self.company_id.aux_care_expense_account_id.id,
            "amount": -self.currency_id.round(self.amount),
            "date": self.paid_date,
        }

    @api.multi
    def _aux_charge_care_budget(self):
        """Charge paid payments to their care budget line (batch, idempotent).

        Each paid payment has one analytic line on its analytic account with
        the care expense account of its company: budgets (account_budget)
        count it in the practical amount of the budget lines on that analytic
        account whose budgetary position holds that account. Missing lines
        are created, changed payments update theirs, and a payment whose
        analytic account was removed loses its line. A payment that cannot be
        charged is still paid and shows ``budget_warning``.

        The analytic lines are written as superuser here only: welfare users
        need no accounting rights.
        """
        payments = self.filtered(lambda p: p.state == "paid")
        Line = self.env["account.analytic.line"].sudo().with_context(
            user_id=self.env.uid)
        obsolete = Line.browse()
        general = {}
        for payment in payments:
            line = payment.analytic_line_id.sudo()
            if payment._aux_budget_missing():
                obsolete |= line
                continue
            vals = payment._aux_care_budget_line_values()
            account = self.env["account.account"].browse(vals.pop("general_account_id"))
            if not line:
                line = Line.create(vals)
                payment.with_context(aux_care_charging=True).write(
                    {"analytic_line_id": line.id})
            elif any(line[f].id != v if isinstance(line[f], models.BaseModel)
                     else line[f] != v for f, v in vals.items()):
                line.write(vals)
            if line.general_account_id != account:
                general.setdefault(account.id, []).append(line.id)
        for account_id, line_ids in general.items():
            # general_account_id is a read-only field related to the journal item
            # (move_id.account_id) in Odoo 11: the ORM ignores it on lines without
            # a journal item, while budgets select analytic lines by it. One
            # parameterised UPDATE per account for the whole batch.
            self.env.cr.execute(
                "UPDATE account_analytic_line SET general_account_id = %s "
                "WHERE id IN %s", (account_id, tuple(line_ids)))
            Line.browse(line_ids).invalidate_cache(["general_account_id"], line_ids)
        obsolete.unlink()
        return True

    @api.multi
    def _aux_default_analytic_account(self):
        """Payments without a care budget analytic account take the one of the
        person's unit (or its nearest parent unit), one write per account."""
        missing = self.filtered(lambda p: not p.analytic_account_id
                                and p.employee_id.department_id)
        if not missing:
            return
        defaults = missing.mapped("employee_id.department_id")._aux_care_analytic_accounts()
        for account in set(defaults.values()):
            if account:
                missing.filtered(
                    lambda p, a=account: defaults[p.employee_id.department_id.id] == a
                ).with_context(aux_care_charging=True).write({"analytic_account_id": account.id})
