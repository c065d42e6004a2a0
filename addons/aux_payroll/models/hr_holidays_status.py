# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrHolidaysStatus(models.Model):
    _inherit = "hr.holidays.status"

    aux_unpaid = fields.Boolean(
        string="Unpaid (payroll)",
        help="Validated leaves of this type fill the unpaid leave days of the "
             "auxiliaries' payslips, deducted from the fixed pay.")
