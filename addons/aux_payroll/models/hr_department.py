# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    aux_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Payroll Analytic Account",
        help="Analytic account of the unit: the payroll journal entries carry it on "
             "their expense lines and the per-head budget plans on it. Created "
             "automatically (named after the unit) when a run is posted or a "
             "budget is planned.")

    @api.multi
    def _aux_analytic_account(self):
        """Analytic accounts of the units, created when missing (one per unit)."""
        missing = self.filtered(lambda d: not d.aux_analytic_account_id)
        Analytic = self.env["account.analytic.account"].sudo().with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
        for unit in missing.sudo().with_context(tracking_disable=True):
            unit.aux_analytic_account_id = Analytic.create({
                "name": unit.display_name,
                "company_id": unit.company_id.id or self.env.user.company_id.id,
            })
        return self.sudo().mapped("aux_analytic_account_id")
