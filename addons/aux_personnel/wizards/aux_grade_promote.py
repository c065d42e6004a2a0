# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.local_time import local_today


class AuxGradePromote(models.TransientModel):
    _name = "aux.grade.promote"
    _description = "Promote a Batch of People"

    date = fields.Date(string="Effective Date", required=True,
                       default=local_today)
    reason = fields.Selection([
        ("seniority", "Seniority promotion"),
        ("selection", "Competitive selection"),
        ("commendation", "Early promotion after commendation"),
        ("demotion", "Demotion"),
    ], required=True, default="seniority")
    decision_ref = fields.Char(string="Decision", required=True,
                               help="Reference of the approving decision.")
    line_ids = fields.One2many("aux.grade.promote.line", "wizard_id", string="People")

    @api.model
    def default_get(self, fields_list):
        res = super(AuxGradePromote, self).default_get(fields_list)
        if self.env.context.get("active_model") == "hr.employee" and \
                self.env.context.get("active_ids"):
            employees = self.env["hr.employee"].browse(self.env.context["active_ids"])
            due = self.env["hr.employee"]._aux_promotion_due_map()
            lines = []
            for employee in employees:
                target = due.get(employee.id) or (
                    employee.aux_grade_id and employee.aux_grade_id._next_grade())
                lines.append((0, 0, {
                    "employee_id": employee.id,
                    "new_grade_id": target and target.id or False,
                }))
            res["line_ids"] = lines
        return res

    @api.multi
    def action_apply(self):
        self.ensure_one()
        # the promotion gate: a promotion (not a demotion) of a person whose
        # results or discipline record stop it is refused, with the reasons
        # (hr.employee._aux_promotion_blockers, filled in by aux_assessment)
        if self.reason != "demotion" and self.line_ids:
            employees = self.line_ids.mapped("employee_id")
            blockers = self.env["hr.employee"]._aux_promotion_blockers(employees, self.date)
            errors = [_("%(name)s is not promoted: %(reasons)s") % {
                "name": employee.name, "reasons": "; ".join(blockers[employee.id])}
                for employee in employees if employee.id in blockers]
            if errors:
                raise UserError(_("Nothing was promoted:\n%s") % "\n".join(errors))
        if not self.line_ids:
            raise UserError(_("Add the people to promote."))
        History = self.env["aux.grade.history"]
        errors = []
        seen = set()
        for line in self.line_ids:
            employee = line.employee_id
            if employee.id in seen:
                errors.append(_("%s appears twice in the batch.") % employee.name)
            seen.add(employee.id)
            if not line.new_grade_id:
                errors.append(_("%s: choose the new grade.") % employee.name)
            elif line.new_grade_id == employee.aux_grade_id:
                errors.append(_("%(name)s already holds grade %(grade)s.") % {
                    "name": employee.name, "grade": line.new_grade_id.name})
        current = History.search([
            ("employee_id", "in", self.line_ids.mapped("employee_id").ids),
            "|", ("date_to", "=", False), ("date_to", ">=", self.date)])
        for line in current:
            if line.date_from >= self.date:
                errors.append(_(
                    "%(name)s: grade %(grade)s starts on %(start)s, not before the "
                    "effective date %(date)s.") % {
                    "name": line.employee_id.name, "grade": line.grade_id.name,
                    "start": line.date_from, "date": self.date})
        if errors:
            raise UserError(_("Nothing was promoted:\n%s") % "\n".join(errors))
        day_before = fields.Date.to_string(
            fields.Date.from_string(self.date) - relativedelta(days=1))
        Rule = self.env["aux.grade.quota.rule"]
        try:
            # the quota rules of every path, checked once for the whole batch
            # on the effective date and after it
            with Rule._aux_quota_guard() as guard:
                guard.watch(self.line_ids.mapped("employee_id").sudo()._aux_quota_units(),
                            self.date)
                current.write({"date_to": day_before})
                for line in self.line_ids:
                    History.create({
                        "employee_id": line.employee_id.id,
                        "grade_id": line.new_grade_id.id,
                        "date_from": self.date,
                        "reason": self.reason,
                        "decision_ref": self.decision_ref,
                    })
        except ValidationError as error:
            raise UserError(_("Nothing was promoted:\n%s") % error.name)
        return {"type": "ir.actions.act_window_close"}


class AuxGradePromoteLine(models.TransientModel):
    _name = "aux.grade.promote.line"
    _description = "Person to Promote"

    wizard_id = fields.Many2one("aux.grade.promote", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True)
    department_id = fields.Many2one(related="employee_id.department_id", readonly=True,
                                    string="Unit")
    current_grade_id = fields.Many2one(related="employee_id.aux_grade_id", readonly=True,
                                       string="Current Grade")
    new_grade_id = fields.Many2one("aux.grade")
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
