# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The promotion gate of the promote wizard: a promotion (not a demotion) of
a person whose results or discipline record stop it is refused, with the
reasons (hr.employee._aux_promotion_blockers, filled in by aux_assessment)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AuxGradePromote(models.TransientModel):
    _inherit = "aux.grade.promote"  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_apply(self):
        self.ensure_one()
        if self.reason != "demotion" and self.line_ids:
            employees = self.line_ids.mapped("employee_id")
            blockers = self.env["hr.employee"]._aux_promotion_blockers(employees, self.date)
            errors = [_("%(name)s is not promoted: %(reasons)s") % {
                "name": employee.name, "reasons": "; ".join(blockers[employee.id])}
                for employee in employees if employee.id in blockers]
            if errors:
                raise UserError(_("Nothing was promoted:\n%s") % "\n".join(errors))
        return super().action_apply()


class AuxGradePromoteLine(models.TransientModel):
    _inherit = "aux.grade.promote.line"  # pylint: disable=consider-merging-classes-inherited

    block_reason = fields.Text(
        string="Why Not Promoted", compute="_compute_block_reason",
        help="The results, vetoes and sanctions that stop this promotion on the "
             "effective date.")

    @api.depends("employee_id", "wizard_id.date", "wizard_id.reason")
    def _compute_block_reason(self):
        lines = self.filtered(lambda line: line.employee_id and line.wizard_id.date
                              and line.wizard_id.reason != "demotion")
        for line in self - lines:
            line.block_reason = False
        for date in set(lines.mapped("wizard_id.date")):
            batch = lines.filtered(lambda line, d=date: line.wizard_id.date == d)
            blockers = self.env["hr.employee"]._aux_promotion_blockers(
                batch.mapped("employee_id"), date)
            for line in batch:
                reasons = blockers.get(line.employee_id.id)
                line.block_reason = "\n".join(reasons) if reasons else False
