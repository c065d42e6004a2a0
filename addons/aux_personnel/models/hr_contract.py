# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Contract states from which a contract can be renewed.
RENEWABLE_STATES = ("open", "pending")


class HrContract(models.Model):
    _name = "hr.contract"
    _inherit = ["hr.contract", "aux.private.fields.mixin"]

    aux_term_months = fields.Integer(
        string="Term (months)", track_visibility="onchange",
        help="Length of the contract in months; the renewal wizard uses it for "
             "the end date of the next contract.")
    aux_probation_months = fields.Integer(
        string="Probation (months)",
        help="Probation at the start of the contract, in months.")
    aux_funding_partner_id = fields.Many2one(
        "res.partner", string="Funding Body",
        help="The body that pays for the post (e.g. the finance bureau or the "
             "bureau itself), as opposed to the using unit that employs the person.")
    is_auxiliary = fields.Boolean(
        string="Auxiliary", related="employee_id.is_auxiliary", store=True, readonly=True)
    aux_post_id = fields.Many2one(
        "aux.post", string="Post", help="Post named in the contract.")
    aux_grade_id = fields.Many2one(
        "aux.grade", string="Grade", help="Grade level named in the contract.")
    aux_pay_band = fields.Selection(
        [("auxiliary", "Auxiliary pay band"),
         ("cadre", "Bureau-employed cadre pay band")],
        string="Pay Band", track_visibility="onchange",
        help="Pay band the contract is paid on; bureau-employed cadres are paid "
             "on a separate band.")
    aux_previous_contract_id = fields.Many2one(
        "hr.contract", string="Renewal Of", copy=False, readonly=True)
    aux_renewed_contract_id = fields.Many2one(
        "hr.contract", string="Renewed By", copy=False, readonly=True,
        track_visibility="onchange")
    aux_is_expiring = fields.Boolean(
        string="Expiring", compute="_compute_aux_is_expiring",
        search="_search_aux_is_expiring",
        help="Running or to-renew contract ending within the company's notice period.")
    aux_renewal_advice = fields.Selection(
        [("unknown", "Unknown"),
         ("renew", "Renew"),
         ("review", "Review"),
         ("not_renew", "Do not renew")],
        string="Renewal Advice", compute="_compute_aux_renewal_advice",
        help="Advice on renewing this contract from the year-end grades and the "
             "discipline record (filled in when the assessment addon is installed).")

    @api.model
    def _aux_expiry_limit(self, company=None):
        """Last end date that counts as expiring today for ``company``."""
        company = company or self.env.user.company_id
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(
            today + timedelta(days=company.aux_contract_notice_days))

    def _aux_expiring_domain(self, company=None):
        return ["&", "&", ("state", "in", list(RENEWABLE_STATES)), ("date_end", "!=", False),
                ("date_end", "<=", self._aux_expiry_limit(company))]

    @api.multi
    def _compute_aux_is_expiring(self):
        expiring = self.search([("id", "in", self.ids)] + self._aux_expiring_domain())
        for contract in self:
            contract.aux_is_expiring = contract in expiring

    def _search_aux_is_expiring(self, operator, value):
        domain = self._aux_expiring_domain()
        if (operator == "=") == bool(value):
            return domain
        return [("id", "not in", self.search(domain).ids)]

    @api.multi
    def _compute_aux_renewal_advice(self):
        advice = self._aux_renewal_eligibility()
        for contract in self:
            contract.aux_renewal_advice = advice.get(contract.id, "unknown")

    @api.multi
    def _aux_renewal_eligibility(self):
        """Return ``{contract id: advice}`` for the contracts in ``self``.

        Hook: this addon knows nothing of year-end grades or discipline, so
        every contract is 'unknown'. aux_assessment overrides it (call
        ``super()`` and update the dict) with 'renew', 'review' or
        'not_renew' from the year-end grades and the discipline record. Work
        on the whole recordset at once (read_group), never per contract.
        """
        return {contract.id: "unknown" for contract in self}

    @api.constrains("aux_term_months", "aux_probation_months")
    def _check_aux_months(self):
        for contract in self:
            if contract.aux_term_months < 0 or contract.aux_probation_months < 0:
                raise ValidationError(_(
                    "Contract %s: the term and the probation cannot be negative.")
                    % contract.name)
            if (contract.aux_term_months
                    and contract.aux_probation_months > contract.aux_term_months):
                raise ValidationError(_(
                    "Contract %s: the probation is longer than the term.") % contract.name)

    @api.onchange("date_start", "aux_term_months")
    def _onchange_aux_term_months(self):
        if self.date_start and self.aux_term_months:
            self.date_end = self._aux_end_date(self.date_start, self.aux_term_months)

    @api.onchange("date_start", "aux_probation_months")
    def _onchange_aux_probation_months(self):
        if self.date_start and self.aux_probation_months:
            self.trial_date_end = self._aux_end_date(
                self.date_start, self.aux_probation_months)

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        res = super(HrContract, self)._onchange_employee_id()
        if self.employee_id:
            self.aux_post_id = self.employee_id.aux_post_id
            self.aux_grade_id = self.employee_id.aux_grade_id
        return res

    @api.model
    def _aux_end_date(self, date_start, months):
        """Last day of a term of ``months`` months starting on ``date_start``."""
        return fields.Date.to_string(
            fields.Date.from_string(date_start) + relativedelta(months=months, days=-1))

    @api.multi
    def _aux_renewal_values(self, date_start, term_months):
        """Values of the contract renewing ``self`` from ``date_start``.

        Hook: other addons add their own fields to carry over (call super()).
        """
        self.ensure_one()
        values = {
            "name": self.name,
            "employee_id": self.employee_id.id,
            "department_id": self.department_id.id,
            "job_id": self.job_id.id,
            "type_id": self.type_id.id,
            "wage": self.wage,
            "resource_calendar_id": self.resource_calendar_id.id,
            "company_id": self.company_id.id,
            "aux_term_months": term_months,
            "aux_funding_partner_id": self.aux_funding_partner_id.id,
            "aux_post_id": (self.employee_id.aux_post_id or self.aux_post_id).id,
            "aux_grade_id": (self.employee_id.aux_grade_id or self.aux_grade_id).id,
            "aux_pay_band": self.aux_pay_band,
            "aux_previous_contract_id": self.id,
            "date_start": date_start,
            "date_end": self._aux_end_date(date_start, term_months),
            "state": "open",
        }
        # Carry the salary structure when hr_payroll is installed.
        if "struct_id" in self._fields:
            values["struct_id"] = self.struct_id.id
        return values

    @api.model
    def _cron_aux_contract_expiry(self):
        """Daily: running contracts ending within the notice period go 'To Renew'."""
        groups = self.read_group([("state", "=", "open"), ("date_end", "!=", False)],
                                 ["company_id"], ["company_id"])
        companies = self.env["res.company"].browse(
            [group["company_id"][0] for group in groups if group["company_id"]])
        for company in companies:
            self.search([("company_id", "=", company.id), ("state", "=", "open"),
                         ("date_end", "!=", False),
                         ("date_end", "<=", self._aux_expiry_limit(company))]).write(
                {"state": "pending"})
        return True
