# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    aux_care_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Care Budget Analytic Account",
        help="Default care budget line of the care payments of the people of this "
             "unit and of its sub-units that have none of their own.")

    @api.multi
    def _aux_care_analytic_accounts(self):
        """{department id: analytic account} from the unit or its nearest parent."""
        result = {}
        for unit in self:
            dept = unit
            while dept and not dept.aux_care_analytic_account_id:
                dept = dept.parent_id
            result[unit.id] = dept.aux_care_analytic_account_id
        return result
