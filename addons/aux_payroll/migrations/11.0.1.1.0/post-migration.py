# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: the income tax rule withholds by the cumulative method.

The salary structure is noupdate data (the Salary Rule Editor owns the rule
code once installed), so an upgrade does not reload the IIT rule: it is
switched here, only when its code is still the monthly code shipped by
11.0.1.0.0.  A rule the editor has changed is left alone (and logged)."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

SHIPPED_MONTHLY_CODE = "result = -tables.income_tax(categories.GROSS + categories.DED)"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("aux_payroll.aux_rule_iit", raise_if_not_found=False)
    if not rule:
        return
    if SHIPPED_MONTHLY_CODE not in (rule.amount_python_compute or ""):
        _logger.warning("aux_payroll: salary rule %s (IIT) was edited: not switched to "
                        "the cumulative income tax; see the shipped rule in "
                        "data/aux_salary_structure_data.xml.", rule.id)
        return
    # the values of the shipped rule (data/aux_salary_structure_data.xml)
    from lxml import etree
    from odoo.modules.module import get_resource_path
    path = get_resource_path("aux_payroll", "data", "aux_salary_structure_data.xml")
    record = etree.parse(path).find(".//record[@id='aux_rule_iit']")
    values = {field.get("name"): field.text for field in record.findall("field")
              if field.get("name") in ("name", "condition_select", "condition_python",
                                       "amount_python_compute", "note")}
    values["category_id"] = env.ref("aux_payroll.TAX").id
    rule.write(values)
    _logger.info("aux_payroll: salary rule IIT switched to the cumulative income tax.")
