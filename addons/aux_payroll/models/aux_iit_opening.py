# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Year-to-date opening balances of the cumulative income tax."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

AMOUNT_FIELDS = ("income", "contributions", "special_deductions", "tax_withheld")


class AuxIitOpening(models.Model):
    """What a person's earlier months of the tax year with this employer
    amounted to before the bureau started paying them in the system (e.g.
    January to June when payroll starts in July), as the withholding
    software of the tax office shows it.

    The cumulative income tax adds these figures to the year-to-date
    figures of every payslip of that tax year and company (see
    ``engine/tax.py``): ``income`` to ``aux.ytd_income``,
    ``contributions`` to ``aux.ytd_deductions``, ``tax_withheld`` to
    ``aux.ytd_tax`` and ``months`` to ``aux.tax_months`` (the months with a
    payslip in the system are counted besides).  ``special_deductions`` is
    the total of the special additional deductions already deducted in those
    months: ``tables.income_tax_cumulative`` takes the special deductions of
    all the months counted, so the engine adds this amount to the declared
    monthly deductions (``aux.iit.deduction``) of the months with a payslip
    only, and the opening months are never deducted twice."""

    _name = "aux.iit.opening"
    _description = "Income Tax Opening Balance"
    _order = "year desc, employee_id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True,
                                  ondelete="cascade")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.iit.opening"),
        help="The employer (withholding agent) the earlier months were paid by.")
    year = fields.Integer(string="Tax Year", required=True, index=True,
                          default=lambda self: fields.Date.from_string(
                              fields.Date.context_today(self)).year)
    months = fields.Integer(string="Months Counted", required=True,
                            help="Months of the tax year already counted with this "
                                 "employer before the first payslip in the system.")
    income = fields.Float(string="Cumulative Income", digits=(16, 2),
                          help="Gross pay of the months counted.")
    contributions = fields.Float(string="Cumulative Contributions", digits=(16, 2),
                                 help="Tax-exempt employee contributions (insurances, "
                                      "housing fund) of the months counted, positive.")
    special_deductions = fields.Float(
        string="Cumulative Special Deductions", digits=(16, 2),
        help="Special additional deductions already deducted in the months counted.")
    tax_withheld = fields.Float(string="Cumulative Tax Withheld", digits=(16, 2),
                                help="Income tax already withheld in the months counted.")
    note = fields.Char()

    _sql_constraints = [
        ("employee_company_year_uniq", "unique(employee_id, company_id, year)",
         "A person has only one income tax opening balance per company and tax year."),
    ]

    @api.model
    def _check_values(self, vals, employee, year):
        """Refuse ``vals`` for ``employee``'s opening balance of ``year``
        before anything is written (creation, import or change)."""
        values = {"employee": employee.name, "year": year}
        if "months" in vals and not 0 <= (vals["months"] or 0) <= 12:
            values["months"] = vals["months"]
            raise ValidationError(_(
                "The income tax opening balance of %(employee)s for %(year)s counts "
                "%(months)s months: between 0 and 12.") % values)
        if any((vals.get(name) or 0.0) < 0 for name in AMOUNT_FIELDS):
            raise ValidationError(_(
                "The amounts of the income tax opening balance of %(employee)s for "
                "%(year)s cannot be negative.") % values)

    @api.model
    def create(self, vals):
        self._check_values(vals, self.env["hr.employee"].browse(vals.get("employee_id")),
                           vals.get("year") or self._fields["year"].default(self))
        return super(AuxIitOpening, self).create(vals)

    @api.multi
    def write(self, vals):
        for opening in self:
            self._check_values(vals, opening.employee_id, vals.get("year") or opening.year)
        return super(AuxIitOpening, self).write(vals)
