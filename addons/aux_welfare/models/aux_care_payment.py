# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today


UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE = "aux_personnel.group_aux_personnel_user"
MANAGER = "aux_personnel.group_aux_personnel_manager"
# Steps nobody takes on a care payment for himself.
SELF_FORBIDDEN = ("approve_unit", "approve_office", "approve_leader", "approve_campaign", "pay")


class AuxCarePayment(models.Model):
    _name = "aux.care.payment"
    _description = "Care Payment"
    _inherit = ["mail.thread", "mail.activity.mixin", "aux.private.fields.mixin",
                "aux.workflow.mixin", "aux.employee.company.mixin"]
    _order = "id desc"
    _aux_transitions = {
        "approve_unit": {"from": ("draft",), "to": "unit", "groups": (UNIT_LEADER,),
                         "user_field": "unit_approver_id",
                         "date_field": "unit_approval_date"},
        "approve_office": {"from": ("unit",), "to": "office", "groups": (OFFICE,),
                           "user_field": "office_approver_id",
                           "date_field": "office_approval_date"},
        "approve_leader": {"from": ("office",), "to": "approved", "groups": (MANAGER,),
                           "user_field": "leader_approver_id",
                           "date_field": "leader_approval_date"},
        # the payments of a seasonal campaign, approved with the campaign
        "approve_campaign": {"from": ("draft",), "to": "approved", "groups": (MANAGER,),
                             "user_field": "leader_approver_id",
                             "date_field": "leader_approval_date"},
        "pay": {"from": ("approved",), "to": "paid", "groups": (OFFICE,)},
        "refuse": {"from": ("draft", "unit", "office", "approved"), "to": "refused",
                   "groups": (UNIT_LEADER,)},
        "reset": {"from": ("refused",), "to": "draft", "groups": (UNIT_LEADER,),
                  "rule": "read"},
    }
    _aux_locked_states = ("paid",)
    _aux_workflow_fields = ("name", "campaign_id", "paid_date", "analytic_line_id",
                            "standard_amount", "department_id")
    _aux_unlink_states = ("draft", "refused")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.care.payment"),
        readonly=True, states={"draft": [("readonly", False)]})
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True,
        track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    event_id = fields.Many2one(
        "aux.life.event", string="Life Event", index=True,
        readonly=True, states={"draft": [("readonly", False)]})
    campaign_id = fields.Many2one(
        "aux.care.campaign", index=True, ondelete="cascade",
        readonly=True, copy=False)
    payment_type = fields.Selection(
        [("condolence", "Condolence"),
         ("hardship", "Hardship"),
         ("seasonal", "Seasonal care"),
         ("birthday", "Birthday greeting")],
        string="Type", required=True, default="condolence",
        track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    amount = fields.Monetary(
        track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    standard_amount = fields.Monetary(
        compute="_compute_standard_amount", store=True,
        help="From the must-visit rule of the event, or the campaign's amount.")
    over_standard_reason = fields.Text(
        string="Reason for Exceeding the Standard",
        readonly=True, states={"draft": [("readonly", False)]},
        help="Required when the amount is higher than the standard amount.")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Care Budget Line",
        states={"paid": [("readonly", True)]},
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
    def _aux_server_values(self, vals):
        """The reference from the sequence; the care budget line of the
        person's unit unless one is given."""
        vals = dict(super(AuxCarePayment, self)._aux_server_values(vals))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code("aux.care.payment") or "/"
        if vals.get("employee_id") and "analytic_account_id" not in vals:
            department = self.env["hr.employee"].browse(vals["employee_id"]).department_id
            if department:
                vals["analytic_account_id"] = \
                    department._aux_care_analytic_accounts()[department.id].id
        return vals

    @api.multi
    def write(self, vals):
        res = super(AuxCarePayment, self).write(vals)
        if "employee_id" in vals:
            # the person chosen must be one the user may write a payment for
            self.check_access_rule("write")
        return res

    @api.multi
    def _aux_check_transition(self, name):
        """Nobody approves or pays a care payment for himself."""
        res = super(AuxCarePayment, self)._aux_check_transition(name)
        if name in SELF_FORBIDDEN and self.env.uid != SUPERUSER_ID:
            own = self.filtered(lambda p: p.sudo().employee_id.user_id == self.env.user)
            if own:
                raise AccessError(_(
                    "Care payment %s is for you: another person approves and pays it.")
                    % own[0].name)
        return res

    @api.multi
    def action_approve_unit(self):
        return self._aux_transition("approve_unit")

    @api.multi
    def action_approve_office(self):
        return self._aux_transition("approve_office")

    @api.multi
    def action_approve_leader(self):
        return self._aux_transition("approve_leader")

    @api.multi
    def action_pay(self):
        self._aux_pay()
        return True

    @api.multi
    def _aux_pay(self):
        """Pay approved payments (alone or with their campaign) and charge them
        to the care budget: the only way a payment gets paid and charged."""
        self._aux_check_transition("pay")
        self._aux_default_analytic_account()
        self._aux_transition("pay", values={"paid_date": local_today(self)})
        self._aux_charge_care_budget()
        return True

    @api.multi
    def action_charge_budget(self):
        """Charge paid payments that are not charged yet (after the care budget
        analytic account of the unit or the care expense account was set)."""
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(OFFICE):
            raise AccessError(_(
                "Only the auxiliary office charges care payments to the care budget."))
        self.check_access_rule("write")
        paid = self.filtered(lambda p: p.state == "paid")
        paid._aux_default_analytic_account()
        paid._aux_charge_care_budget()
        return True

    @api.multi
    def action_refuse(self):
        return self._aux_transition("refuse")

    @api.multi
    def action_draft(self):
        return self.filtered(lambda p: p.state == "refused")._aux_transition("reset")

    @api.multi
    def _aux_budget_missing(self):
        """Why this payment cannot be charged to the care budget (False if it can)."""
        self.ensure_one()
        if not self.analytic_account_id:
            return _("Not charged to the care budget: set the care budget analytic "
                     "account of the person's unit (or of a parent unit), then click "
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
        are created, a line that no longer matches its payment (e.g. a
        corrected payment date) is updated, and a payment that can no longer
        be charged loses its line. A payment that cannot be charged is still
        paid and shows ``budget_warning``.

        Called by the payment's own actions (``_aux_pay``,
        ``action_charge_budget``) only: a paid payment is locked, so the
        charge follows the payment and nothing else. The analytic lines are
        written as superuser here only: welfare users need no accounting
        rights.
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
                trust(payment.sudo()).write({"analytic_line_id": line.id})
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
        person's unit (or its nearest parent unit), one write per account;
        server code of the paying actions (a paid payment is locked)."""
        missing = self.filtered(lambda p: not p.analytic_account_id
                                and p.employee_id.department_id)
        if not missing:
            return
        defaults = missing.mapped("employee_id.department_id")._aux_care_analytic_accounts()
        for account in set(defaults.values()):
            if account:
                trust(missing.filtered(
                    lambda p, a=account: defaults[p.employee_id.department_id.id] == a
                )).write({"analytic_account_id": account.id})
