# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CADRE_PAY_TABLE = "CADRE_PAY"


class AuxCadreConvert(models.TransientModel):
    """The cadre's pay: the wage is proposed from the cadre pay band (pay
    table CADRE_PAY, by the person's grade, in force on the conversion date)
    and the new contract is on the cadre salary structure, which pays it."""

    _inherit = "aux.cadre.convert"

    @api.onchange("employee_id", "date")
    def _onchange_aux_cadre_wage(self):
        if self.employee_id and self.date:
            proposed = self._aux_cadre_band_pay()
            if proposed:
                self.wage = proposed

    @api.model
    def default_get(self, names):
        values = super(AuxCadreConvert, self).default_get(names)
        if "wage" in names and not values.get("wage") and values.get("employee_id"):
            wizard = self.new(dict(values, date=values.get("date")
                                   or fields.Date.context_today(self)))
            values["wage"] = wizard._aux_cadre_band_pay()
        return values

    @api.multi
    def _aux_cadre_band_pay(self):
        """The cadre band pay of the person's grade on the conversion date
        (0.0 without a version of the table in force)."""
        self.ensure_one()
        reader = self.env["aux.pay.table"]._aux_reader(self.date)
        if not reader.has(CADRE_PAY_TABLE):
            return 0.0
        return reader.rate(CADRE_PAY_TABLE, self.employee_id.sudo().aux_grade_id)

    @api.multi
    def _aux_cadre_contract_values(self, values):
        values = super(AuxCadreConvert, self)._aux_cadre_contract_values(values)
        structure = self.env["hr.contract"]._aux_default_structure("cadre")
        if structure:
            values = dict(values, struct_id=structure.id)
        return values
