# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

# Fields holding code evaluated by safe_eval when a payslip is computed.
RULE_CODE_FIELDS = {"amount_python_compute", "condition_python", "condition_range",
                    "amount_percentage_base", "quantity", "amount_select",
                    "condition_select"}
RULE_EDITOR_GROUP = "aux_payroll.group_aux_payroll_rule_editor"


class HrSalaryRule(models.Model):
    _inherit = "hr.salary.rule"

    @api.model
    def _aux_check_rule_editor(self, vals):
        """Only the Salary Rule Editor group changes the code of salary rules
        (payslip lines, which copy the rule fields, are not concerned)."""
        if self._name != "hr.salary.rule" or not RULE_CODE_FIELDS & set(vals):
            return
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(RULE_EDITOR_GROUP):
            return
        raise AccessError(_(
            "Only the Salary Rule Editor group may create or change the code of salary "
            "rules (%s).") % ", ".join(sorted(RULE_CODE_FIELDS & set(vals))))

    @api.model
    def create(self, vals):
        self._aux_check_rule_editor(vals)
        return super(HrSalaryRule, self).create(vals)

    @api.multi
    def write(self, vals):
        self._aux_check_rule_editor(vals)
        return super(HrSalaryRule, self).write(vals)
