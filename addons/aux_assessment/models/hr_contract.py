# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class HrContract(models.Model):
    _inherit = "hr.contract"

    @api.multi
    def _aux_renewal_eligibility(self):
        """Renewal advice from the confirmed annual results (hook of aux_personnel).

        'not_renew' for a non-renewal candidate, 'review' for a demotion
        candidate, 'renew' for anyone else with a confirmed annual result;
        people without one keep the advice of the addons below.
        """
        parent = getattr(super(), "_aux_renewal_eligibility", None)
        advice = parent() if parent else {contract.id: "unknown" for contract in self}
        candidates = self.env["aux.assessment.sheet"]._aux_consequence_candidates()
        assessed = set(self.env["aux.assessment.sheet"].sudo().search([
            ("employee_id", "in", self.mapped("employee_id").ids),
            ("period_type", "=", "annual"), ("state", "=", "confirmed")]).mapped(
                "employee_id").ids)
        for contract in self:
            emp_id = contract.employee_id.id
            if emp_id in candidates["nonrenewal"]:
                advice[contract.id] = "not_renew"
            elif emp_id in candidates["demotion"]:
                advice[contract.id] = "review"
            elif emp_id in assessed:
                advice[contract.id] = "renew"
        return advice
