# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.2.0: year-end performance pay and the cadres' pay.

The salary structure and the standard costs are noupdate data, so an
upgrade creates the new records (the YEAR_END rule, the cadre structure,
the cadre pay cost, the new pay tables) but does not link them to the
existing ones.  Done here once:

- the YEAR_END rule joins the auxiliary structure (unless the Salary Rule
  Editor removed it since, which an upgrade cannot tell: it is only added
  when the structure never had it);
- the shipped auxiliary base-pay cost applies to auxiliaries only (cadres
  are budgeted on their contract wage), when nobody set it;
- running contracts on the cadre pay band move to the cadre structure when
  they still have the auxiliary one."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    structure = env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False)
    year_end = env.ref("aux_payroll.aux_rule_year_end", raise_if_not_found=False)
    if structure and year_end and year_end not in structure.rule_ids:
        structure.write({"rule_ids": [(4, year_end.id)]})
        _logger.info("aux_payroll: year-end performance pay rule added to the structure.")
    cost = env.ref("aux_payroll.aux_budget_cost_base_pay", raise_if_not_found=False)
    if cost and not cost.pay_band:
        cost.pay_band = "auxiliary"
    cadre = env.ref("aux_payroll.aux_cadre_salary_structure", raise_if_not_found=False)
    if structure and cadre:
        contracts = env["hr.contract"].search([
            ("aux_pay_band", "=", "cadre"), ("struct_id", "=", structure.id),
            ("state", "in", ("draft", "open", "pending"))])
        contracts.write({"struct_id": cadre.id})
        if contracts:
            _logger.info("aux_payroll: %d cadre contracts moved to the cadre structure.",
                         len(contracts))
