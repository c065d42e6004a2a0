# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AuxEmployeeCompanyMixin(models.AbstractModel):
    """A record of a person (``employee_id``) belongs to the person's company.

    ``company_id`` defaults to the user's company (``_company_default_get``);
    this mixin replaces that default by the company of the person when a record
    is created or its person changed, so a bureau officer's record for a
    district branch's auxiliary belongs to the branch (and its users see it).
    A company chosen on purpose (other than the default) is kept. List it last
    in ``_inherit``: it runs after the other mixins' checks of ``create``."""

    _name = "aux.employee.company.mixin"
    _description = "Record Belonging to the Person's Company"

    @api.model
    def _aux_with_employee_company(self, vals):
        employee_id = vals.get("employee_id")
        if not employee_id:
            return vals
        field = self._fields["company_id"]
        given = vals.get("company_id")
        default = field.default(self) if field.default else None
        if given and given != (default.id if default else False):
            return vals
        company = self.env["hr.employee"].sudo().browse(employee_id).company_id
        return dict(vals, company_id=company.id) if company else vals

    @api.onchange("employee_id")
    def _onchange_employee_id_company(self):
        if self.employee_id.company_id:
            self.company_id = self.employee_id.company_id

    @api.model
    def create(self, vals):
        return super(AuxEmployeeCompanyMixin, self).create(
            self._aux_with_employee_company(vals))

    @api.multi
    def write(self, vals):
        if vals.get("employee_id") and "company_id" not in vals:
            company = self.env["hr.employee"].sudo().browse(vals["employee_id"]).company_id
            if company:
                vals = dict(vals, company_id=company.id)
        return super(AuxEmployeeCompanyMixin, self).write(vals)
