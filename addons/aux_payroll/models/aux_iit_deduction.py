# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Special additional deductions (专项附加扣除) of the individual income tax."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

DEDUCTION_TYPES = [
    ("children_education", "Children's education"),
    ("continuing_education", "Continuing education"),
    ("serious_illness", "Serious illness medical expenses"),
    ("housing_loan", "Housing loan interest"),
    ("housing_rent", "Housing rent"),
    ("elderly_support", "Elderly support"),
    ("infant_care", "Infant care"),
]


class AuxIitDeduction(models.Model):
    """A special additional deduction declared by a person: a monthly amount
    valid from a month to a month.  The cumulative income tax deducts, for
    every month counted in the tax year, the amounts valid in that month (a
    deduction declared late but valid from January is caught up)."""

    _name = "aux.iit.deduction"
    _description = "Special Additional Deduction (Income Tax)"
    _order = "employee_id, date_from desc, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True,
                                  ondelete="cascade")
    deduction_type = fields.Selection(DEDUCTION_TYPES, string="Type", required=True)
    amount = fields.Float(string="Monthly Amount", digits=(16, 2), required=True,
                          help="Amount deducted for each month of validity, as declared "
                               "by the person (e.g. per child, or the share agreed "
                               "with the spouse or siblings).")
    date_from = fields.Date(string="Valid From", required=True,
                            help="The deduction counts from the month of this date.")
    date_to = fields.Date(string="Valid To",
                          help="The deduction counts until the month of this date; "
                               "empty: until further notice.")
    note = fields.Char()
    company_id = fields.Many2one(related="employee_id.company_id", store=True,
                                 readonly=True)

    @api.constrains("amount", "date_from", "date_to")
    def _check_amount_dates(self):
        for deduction in self:
            if deduction.amount < 0:
                raise ValidationError(_(
                    "The special additional deduction of %s cannot be negative.")
                    % deduction.employee_id.name)
            if deduction.date_to and deduction.date_to < deduction.date_from:
                raise ValidationError(_(
                    "The special additional deduction of %(employee)s ends on %(end)s, "
                    "before it starts (%(start)s).") % {
                    "employee": deduction.employee_id.name, "end": deduction.date_to,
                    "start": deduction.date_from})
