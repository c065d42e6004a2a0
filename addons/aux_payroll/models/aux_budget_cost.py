# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_grade import AUX_CATEGORIES

COST_TYPES = [
    ("pay", "Pay"),
    ("employer", "Employer contributions"),
    ("insurance", "Insurance"),
    ("uniform", "Uniforms"),
    ("equipment", "Equipment"),
    ("training", "Training"),
    ("care", "Care"),
    ("other", "Other"),
]


class AuxBudgetCost(models.Model):
    """Standard per-head cost used by the per-head budget: a fixed amount per
    head per year, a pay-table rate times a number of months, or a
    percentage of the person's planned pay.  Date-versioned: a change is a
    new line with a new start date."""

    _name = "aux.budget.cost"
    _description = "Standard Per-Head Cost"
    _order = "cost_type, sequence, date_from desc, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    cost_type = fields.Selection(
        COST_TYPES, string="Cost Category", required=True, index=True,
        help="The budget line (budgetary position) this cost goes to.")
    basis = fields.Selection([
        ("fixed", "Fixed amount per head per year"),
        ("table", "Pay table rate x months"),
        ("percent", "Percentage of the planned pay"),
        ("employer_share", "Employer share of a contribution table x months"),
        ("wage", "Contract wage x months"),
    ], required=True, default="fixed",
        help="Employer share: the employer rate of the contribution table (e.g. "
             "SI_PENSION), with its floor and ceiling, applied to the person's planned "
             "monthly pay (the pay-table lines of the Pay category). Contract wage: "
             "the monthly wage of the person's running contract (the cadre band pay "
             "that the cadre structure pays).")
    amount = fields.Float(
        string="Amount per Head per Year", digits=(16, 2),
        help="Fixed basis: the yearly cost of one person.")
    table_code = fields.Char(
        string="Pay Table", help="Table basis: code of the pay table (e.g. GRADE_PAY).")
    table_key = fields.Selection([
        ("none", "No key"),
        ("grade", "Grade of the person"),
        ("post", "Main post of the person"),
        ("years", "Years of service of the person"),
        ("seniority", "Seniority pay for the person's years of service"),
        ("category", "Auxiliary category of the person"),
    ], default="none",
        help="Seniority: the table's amount per year of service times the years "
             "(with the table's cap).")
    months = fields.Float(
        digits=(6, 2), help="Table basis: how many monthly amounts a year costs.")
    percent = fields.Float(
        digits=(6, 3), help="Percent basis: percentage of the person's planned pay "
                            "(the pay-table lines of the Pay category).")
    aux_category = fields.Selection(
        AUX_CATEGORIES, string="Auxiliary Category",
        help="Empty: the cost applies to every auxiliary.")
    pay_band = fields.Selection(
        [("auxiliary", "Auxiliaries"), ("cadre", "Bureau-employed cadres")],
        string="Applies To",
        help="Empty: auxiliaries and bureau-employed cadres. E.g. the auxiliary base "
             "pay applies to auxiliaries; cadres are paid their contract wage "
             "instead.")
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To", help="Empty: open-ended.")
    account_id = fields.Many2one(
        "account.account", string="Expense Account",
        help="Account where the actual cost is booked; the budgetary position of "
             "the cost category lists it so that budget vs actual works.")
    budget_post_id = fields.Many2one(
        "account.budget.post", string="Budgetary Position",
        help="Empty: the planning wizard uses (or creates) the position of the cost "
             "category.")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.budget.cost"))
    active = fields.Boolean(default=True)

    @api.constrains("basis", "amount", "table_code", "months", "percent", "date_from",
                    "date_to")
    def _check_values(self):
        for cost in self:
            if cost.date_to and cost.date_to < cost.date_from:
                raise ValidationError(_("Standard cost %s ends before it starts.") % cost.name)
            if cost.basis == "wage" and cost.months <= 0:
                raise ValidationError(_(
                    "Standard cost %s reads the contract wage: give a positive number "
                    "of months.") % cost.name)
            if cost.basis in ("table", "employer_share") \
                    and (not cost.table_code or cost.months <= 0):
                raise ValidationError(_(
                    "Standard cost %s reads a pay table: give the table code and a "
                    "positive number of months.") % cost.name)
            if min(cost.amount, cost.percent, cost.months) < 0:
                raise ValidationError(_(
                    "Standard cost %s: amounts, months and percentages cannot be "
                    "negative.") % cost.name)

    @api.model
    def _in_force(self, date, company=None):
        company = company or self.env.user.company_id
        return self.search([
            ("company_id", "=", company.id), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date)])
