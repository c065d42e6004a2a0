# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrContract(models.Model):
    _inherit = "hr.contract"

    aux_contribution_base = fields.Float(
        string="Declared Contribution Base", digits=(16, 2), track_visibility="onchange",
        help="Monthly base declared for the social insurances and the housing fund "
             "(usually last year's average monthly pay). Empty: the gross pay of the "
             "month. The pay tables' floor and ceiling apply in both cases.")

    @api.model
    def _aux_default_structure(self):
        return self.env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False)

    @api.model
    def create(self, vals):
        if not vals.get("struct_id") and vals.get("employee_id"):
            employee = self.env["hr.employee"].browse(vals["employee_id"])
            structure = employee.is_auxiliary and self._aux_default_structure()
            if structure:
                vals = dict(vals, struct_id=structure.id)
        return super(HrContract, self).create(vals)

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        res = super(HrContract, self)._onchange_employee_id()
        if self.employee_id.is_auxiliary and not self.struct_id:
            self.struct_id = self._aux_default_structure()
        return res
