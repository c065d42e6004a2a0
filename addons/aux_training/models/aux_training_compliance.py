# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.aux_personnel.tools.local_time import local_today

from .aux_training_requirement import STATUSES


class AuxTrainingCompliance(models.Model):
    """Snapshot of each auxiliary's compliance with each requirement in force.

    Rows are rebuilt by :meth:`_aux_refresh` (daily cron and the *Refresh*
    button); pivot and graph views give the compliance per unit and the
    filter *Out of compliance* gives the list of people to train."""

    _name = "aux.training.compliance"
    _description = "Training Compliance"
    _order = "department_id, employee_id, requirement_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True,
        readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", readonly=True, index=True)
    requirement_id = fields.Many2one(
        "aux.training.requirement", required=True,
        ondelete="cascade", readonly=True)
    kind = fields.Selection(related="requirement_id.kind", store=True, readonly=True)
    hours_done = fields.Float(readonly=True)
    days_done = fields.Float(readonly=True)
    missing_hours = fields.Float(readonly=True)
    missing_days = fields.Float(readonly=True)
    target_hours = fields.Float(
        string="Target Hours to Date", readonly=True,
        help="Hours expected by the computation date: the minimum, or for annual "
             "hours judged pro rata the part of it due so far.")
    target_days = fields.Float(string="Target Days to Date", readonly=True)
    exams_passed = fields.Integer(readonly=True)
    target_exams = fields.Integer(
        string="Exams to Pass", readonly=True,
        help="Exams the requirement asks to pass in its window (0: none).")
    missing_exams = fields.Integer(readonly=True)
    met = fields.Boolean(readonly=True)
    status = fields.Selection(STATUSES, readonly=True, index=True)
    due_date = fields.Date(
        string="Due On", readonly=True,
        help="Not yet due: the day the requirement becomes due (end of the grace "
             "period after the entry date, or 31 December for annual hours judged "
             "at year end).")
    out_of_compliance = fields.Integer(
        readonly=True, group_operator="sum",
        help="1 when the requirement is due and not met.")
    lapse_date = fields.Date(string="Lapses On", readonly=True)
    date_computed = fields.Date(string="Computed On", readonly=True)

    @api.model
    def _aux_refresh(self, employees=None, on_date=None):
        """Rebuild the rows of ``employees`` (default: every active auxiliary);
        drop the rows of people archived or no longer auxiliaries."""
        on_date = on_date or local_today(self)
        if employees is None:
            employees = self.env["hr.employee"].sudo().search([("is_auxiliary", "=", True)])
        records = self.sudo()
        # rows of people who left or are no longer auxiliaries go as well
        records.search([
            "|", ("employee_id", "in", employees.ids),
            "|", ("employee_id.active", "=", False), ("employee_id.is_auxiliary", "=", False),
        ]).unlink()
        requirements = self.env["aux.training.requirement"].sudo().search(
            [("active", "=", True)])
        compliance = requirements._aux_compliance(employees, on_date=on_date)
        departments = {emp.id: emp.department_id.id for emp in employees}
        for (employee_id, req_id), values in compliance.items():
            records.create({
                "employee_id": employee_id,
                "department_id": departments[employee_id],
                "requirement_id": req_id,
                "hours_done": values["hours"],
                "days_done": values["days"],
                "missing_hours": values["missing_hours"],
                "missing_days": values["missing_days"],
                "target_hours": values["target_hours"],
                "target_days": values["target_days"],
                "exams_passed": values["exams_passed"],
                "target_exams": values["target_exams"],
                "missing_exams": values["missing_exams"],
                "met": values["met"],
                "status": values["status"],
                "due_date": values["due_date"],
                "out_of_compliance": 1 if values["status"] == "out_of_compliance" else 0,
                "lapse_date": values["lapse_date"],
                "date_computed": on_date,
            })
        return True

    @api.model
    def action_refresh(self):
        if not self.env.user.has_group("aux_training.group_aux_training_officer"):
            raise AccessError(_("Only training officers can refresh the compliance list."))
        self._aux_refresh()
        return self.env.ref("aux_training.aux_training_compliance_action").read()[0]

    @api.model
    def _cron_refresh(self):
        return self._aux_refresh()

    @api.model
    def _aux_out_of_compliance(self, department, on_date=None):
        """Employees of ``department`` (and sub-units) out of compliance with a
        requirement in force and due on ``on_date``, computed live:
        ``{employee: [requirement texts]}``; requirements not yet due are left out."""
        employees = self.env["hr.employee"].sudo().search(
            [("is_auxiliary", "=", True), ("department_id", "child_of", department.ids)])
        requirements = self.env["aux.training.requirement"].sudo().search(
            [("active", "=", True)])
        compliance = requirements._aux_compliance(employees, on_date=on_date)
        result = {}
        for (employee_id, req_id), values in sorted(compliance.items()):
            if values["status"] == "out_of_compliance":
                employee = employees.browse(employee_id)
                result.setdefault(employee, []).append(
                    requirements.browse(req_id)._aux_shortfall_text(values))
        return result
