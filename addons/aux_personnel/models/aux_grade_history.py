# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.local_time import local_today

HISTORY_REASONS = [
    ("entry", "Entry"),
    ("seniority", "Seniority promotion"),
    ("selection", "Competitive selection"),
    ("commendation", "Early promotion after commendation"),
    ("demotion", "Demotion"),
    ("cancellation", "Cancellation"),
]


class AuxGradeHistory(models.Model):
    _name = "aux.grade.history"
    _description = "Grade History"
    _order = "employee_id, date_from desc"
    _rec_name = "grade_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    grade_id = fields.Many2one("aux.grade", required=True,
                               ondelete="restrict", index=True)
    date_from = fields.Date(string="From", required=True, index=True)
    date_to = fields.Date(string="To", index=True, help="Empty while the grade is in force.")
    reason = fields.Selection(HISTORY_REASONS, required=True, default="seniority")
    decision_ref = fields.Char(
        string="Decision", help="Reference of the approving decision (document number).")
    note = fields.Text()
    is_current = fields.Boolean(compute="_compute_is_current", string="In Force")

    @api.model
    def create(self, vals):
        employee = self.env["hr.employee"].browse(vals.get("employee_id"))
        with self.env["aux.grade.quota.rule"]._aux_quota_guard() as guard:
            if vals.get("date_from"):
                guard.watch(employee.sudo()._aux_quota_units(), vals["date_from"])
            line = super(AuxGradeHistory, self).create(vals)
        line._post_on_employee()
        return line

    @api.multi
    def write(self, vals):
        if not {"employee_id", "grade_id", "date_from", "date_to"} & set(vals):
            return super(AuxGradeHistory, self).write(vals)
        employees = self.sudo().mapped("employee_id") | self.env["hr.employee"].browse(
            vals.get("employee_id")).sudo()
        dates = self.sudo().mapped("date_from") + [vals.get("date_from")]
        with self.env["aux.grade.quota.rule"]._aux_quota_guard() as guard:
            guard.watch(employees._aux_quota_units(), min(filter(None, dates)))
            return super(AuxGradeHistory, self).write(vals)

    @api.multi
    def unlink(self):
        lines = self.sudo()
        with self.env["aux.grade.quota.rule"]._aux_quota_guard() as guard:
            if lines:
                guard.watch(lines.mapped("employee_id")._aux_quota_units(),
                            min(lines.mapped("date_from")))
            return super(AuxGradeHistory, self).unlink()

    @api.multi
    def _post_on_employee(self):
        """Grade changes come from history lines, not from a write on the
        employee, so mail tracking does not see them: post them instead."""
        if self.env.context.get("tracking_disable"):
            return
        labels = dict(self.fields_get(["reason"])["reason"]["selection"])
        for line in self:
            body = _("Grade %(grade)s from %(date)s (%(reason)s%(decision)s)") % {
                "grade": line.grade_id.name, "date": line.date_from,
                "reason": labels.get(line.reason),
                "decision": line.decision_ref and ", %s" % line.decision_ref or ""}
            line.employee_id.sudo().message_post(body=body, subtype="mail.mt_note")

    @api.multi
    def _compute_is_current(self):
        today = local_today(self)
        for line in self:
            line.is_current = line.date_from <= today and (
                not line.date_to or line.date_to >= today)

    @api.constrains("employee_id", "date_from", "date_to")
    def _check_no_overlap(self):
        for line in self:
            if line.date_to and line.date_to < line.date_from:
                raise ValidationError(_(
                    "The grade %(grade)s of %(name)s ends (%(end)s) before it starts "
                    "(%(start)s).") % {
                    "grade": line.grade_id.name, "name": line.employee_id.name,
                    "end": line.date_to, "start": line.date_from})
        others = self.search([("employee_id", "in", self.mapped("employee_id").ids)])
        for line in self:
            for other in others:
                if other == line or other.employee_id != line.employee_id:
                    continue
                if (not other.date_to or other.date_to >= line.date_from) and (
                        not line.date_to or line.date_to >= other.date_from):
                    raise ValidationError(_(
                        "The grade history of %(name)s overlaps: %(grade1)s from "
                        "%(from1)s to %(to1)s and %(grade2)s from %(from2)s to %(to2)s. "
                        "Close the earlier line the day before the next one starts.") % {
                        "name": line.employee_id.name, "grade1": other.grade_id.name,
                        "from1": other.date_from, "to1": other.date_to or _("open"),
                        "grade2": line.grade_id.name, "from2": line.date_from,
                        "to2": line.date_to or _("open")})
