# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted, trust
from odoo.addons.aux_personnel.tools.local_time import local_today

CHECKED_FIELDS = ("employee_id", "post_id", "date_from")


class AuxPostAssignment(models.Model):
    _inherit = "aux.post.assignment"

    @api.model
    def create(self, vals):
        # Refuse before the row is written (the constraint checks again after).
        if vals.get("employee_id") and not is_trusted(self, "aux_training_skip_pre_job"):
            employee = self.env["hr.employee"].browse(vals["employee_id"])
            self._aux_check_pre_job(
                employee, vals.get("date_from") or local_today(self),
                self.env["aux.post"].browse(vals.get("post_id")))
        return super(AuxPostAssignment, self).create(vals)

    @api.multi
    def write(self, vals):
        # Ending or annotating an assignment never needs the training check:
        # only a new person, post or start date does.
        records = self
        if not any(name in vals for name in CHECKED_FIELDS):
            records = trust(self, "aux_training_skip_pre_job")
        return super(AuxPostAssignment, records).write(vals)

    @api.multi
    def _check_assignment_allowed(self):
        """No post for an auxiliary whose pre-job training is not complete on
        the first day of the assignment; the message names what is missing."""
        res = super(AuxPostAssignment, self)._check_assignment_allowed()
        if is_trusted(self, "aux_training_skip_pre_job"):
            return res
        for date_from in set(self.mapped("date_from")):
            assignments = self.filtered(lambda a, day=date_from: a.date_from == day)
            self._aux_check_pre_job(
                assignments.mapped("employee_id"), date_from, assignments.mapped("post_id"))
        return res

    @api.model
    def _aux_check_pre_job(self, employees, date_from, posts):
        Requirement = self.env["aux.training.requirement"].sudo()
        requirements = Requirement.search(
            [("kind", "=", "pre_job"), ("blocks_post_assignment", "=", True)])
        if not requirements:
            return
        missing = Requirement._aux_missing_pre_job_training(
            employees, on_date=date_from, requirements=requirements)
        for employee in employees:
            if employee.id in missing:
                raise ValidationError(
                    _("%(employee)s cannot be assigned to post %(post)s from %(date)s: "
                      "pre-job training is missing: %(missing)s.")
                    % {"employee": employee.name,
                       "post": ", ".join(posts.mapped("display_name")),
                       "date": date_from, "missing": "; ".join(missing[employee.id])})
