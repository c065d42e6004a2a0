# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..tools.local_time import local_today

# Contract states from which a contract can be renewed.
RENEWABLE_STATES = ("open", "pending")
# Renewal advice, from the mildest to the strongest (a stronger finding wins).
RENEWAL_ADVICE = [
    ("unknown", "Unknown"),
    ("renew", "Renew"),
    ("review", "Review"),
    ("not_renew", "Do not renew"),
]


class HrContract(models.Model):
    _name = "hr.contract"
    _inherit = ["hr.contract", "aux.private.fields.mixin", "aux.employee.company.mixin"]

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
        RENEWAL_ADVICE, string="Renewal Advice", compute="_compute_aux_renewal_advice",
        store=True, index=True,
        help="Advice on renewing this contract from the year-end grades and the "
             "discipline record (filled in when the assessment addon is installed): "
             "kept up to date when a result, a veto or a discipline case changes.")
    aux_renewal_reason = fields.Text(
        string="Why", compute="_compute_aux_renewal_advice", store=True,
        help="The results, vetoes and sanctions behind the renewal advice.")

    @api.model
    def _aux_expiry_limit(self, company=None):
        """Last end date that counts as expiring today for ``company``."""
        company = company or self.env.user.company_id
        today = fields.Date.from_string(local_today(self))
        return fields.Date.to_string(
            today + timedelta(days=company.aux_contract_notice_days))

    @api.model
    def _aux_expiring_domain(self):
        """Contracts to renew ending within the notice period of their own
        company (contracts without a company: the user's)."""
        groups = self.sudo().read_group(
            [("state", "in", list(RENEWABLE_STATES)), ("date_end", "!=", False),
             ("company_id", "!=", False)], ["company_id"], ["company_id"])
        companies = self.env["res.company"].sudo().browse(
            [group["company_id"][0] for group in groups])
        by_company = [["&", ("company_id", "=", company.id),
                       ("date_end", "<=", self._aux_expiry_limit(company))]
                      for company in companies]
        by_company.append(["&", ("company_id", "=", False),
                           ("date_end", "<=", self._aux_expiry_limit())])
        return expression.AND([
            ["&", ("state", "in", list(RENEWABLE_STATES)), ("date_end", "!=", False)],
            expression.OR(by_company)])

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

    @api.depends("employee_id", "date_start", "date_end", "state")
    def _compute_aux_renewal_advice(self):
        findings = self._aux_renewal_findings()
        labels = dict(self._fields["aux_renewal_advice"]._description_selection(self.env))
        for contract in self:
            found = findings.get(contract.id, [])
            contract.aux_renewal_advice = self._aux_strongest_advice(found)
            contract.aux_renewal_reason = "\n".join(
                "%s: %s" % (labels[advice], reason) for advice, reason in found
                if advice != "renew" or len(found) == 1) or False

    @api.model
    def _aux_strongest_advice(self, findings):
        order = [key for key, _label in RENEWAL_ADVICE]
        return max((advice for advice, _reason in findings), key=order.index,
                   default="unknown")

    @api.multi
    def _aux_renewal_eligibility(self):
        """Return ``{contract id: advice}`` for the contracts in ``self``: the
        strongest of their findings (see _aux_renewal_findings)."""
        findings = self._aux_renewal_findings()
        return {contract.id: self._aux_strongest_advice(findings.get(contract.id, []))
                for contract in self}

    @api.multi
    def _aux_renewal_findings(self):
        """Return ``{contract id: [(advice, reason)]}`` for the contracts in ``self``.

        Hook: this addon knows nothing of year-end grades or discipline, so
        it finds nothing (advice 'unknown'). aux_assessment overrides it
        (call ``super()`` and add to the lists) with 'renew', 'review' or
        'not_renew' findings from the year-end grades, the vetoes and the
        discipline record, each with its reason. Work on the whole
        recordset at once, never per contract.
        """
        return {}

    @api.model
    def _aux_refresh_renewal_advice(self, employees=None):
        """Recompute the stored renewal advice of the contracts of
        ``employees`` (or of every running contract): called when a result,
        a veto or a discipline case of theirs changes, and daily."""
        domain = [("employee_id", "in", employees.ids)] if employees is not None \
            else [("state", "in", list(RENEWABLE_STATES))]
        contracts = self.sudo().with_context(active_test=False).search(domain)
        if contracts:
            contracts.invalidate_cache(["aux_renewal_advice", "aux_renewal_reason"],
                                       contracts.ids)
            self.env.add_todo(self._fields["aux_renewal_advice"], contracts)
            self.recompute()
        return contracts

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
        # the advice reads the rules in force today
        self._aux_refresh_renewal_advice()
        return True
