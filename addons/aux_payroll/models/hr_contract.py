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
    def _aux_default_structure(self, pay_band=None):
        """The structure of an auxiliary contract, or of a contract on the
        cadre pay band (the cadre structure: the auxiliary one with the
        contract's wage as base pay)."""
        if pay_band == "cadre":
            return self.env.ref("aux_payroll.aux_cadre_salary_structure",
                                raise_if_not_found=False)
        return self.env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False)

    @api.model
    def create(self, vals):
        if not vals.get("struct_id") and vals.get("employee_id"):
            employee = self.env["hr.employee"].browse(vals["employee_id"])
            cadre = vals.get("aux_pay_band") == "cadre"
            structure = (employee.is_auxiliary or employee.aux_is_cadre or cadre) \
                and self._aux_default_structure("cadre" if cadre else None)
            if structure:
                vals = dict(vals, struct_id=structure.id)
        return super(HrContract, self).create(vals)

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        res = super(HrContract, self)._onchange_employee_id()
        self._onchange_aux_pay_band()
        return res

    @api.onchange("aux_pay_band")
    def _onchange_aux_pay_band(self):
        """An auxiliary's or cadre's contract gets the structure of its pay
        band (unless another structure was chosen)."""
        if (self.employee_id.is_auxiliary or self.employee_id.aux_is_cadre
                or self.aux_pay_band == "cadre"):
            structure = self._aux_default_structure(self.aux_pay_band)
            family = self._aux_default_structure() | self._aux_default_structure("cadre")
            if not self.struct_id or self.struct_id in family:
                self.struct_id = structure

    @api.multi
    def _aux_renewal_values(self, date_start, term_months):
        """A renewed contract keeps the salary structure of the one it renews."""
        values = super(HrContract, self)._aux_renewal_values(date_start, term_months)
        values["struct_id"] = self.struct_id.id
        return values
