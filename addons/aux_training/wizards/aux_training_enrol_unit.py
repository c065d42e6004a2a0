# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust


class AuxTrainingEnrolUnit(models.TransientModel):
    """Enrol every active auxiliary of a unit (and optionally its sub-units) in
    a session; people already enrolled are skipped; beyond capacity nothing is
    written."""

    _name = "aux.training.enrol.unit"
    _description = "Enrol a Unit in a Training Session"

    session_id = fields.Many2one("aux.training.session", required=True, ondelete="cascade")
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, ondelete="cascade")
    include_sub_units = fields.Boolean(default=True)
    aux_only = fields.Boolean(string="Auxiliaries Only", default=True)

    @api.multi
    def _aux_employees(self):
        self.ensure_one()
        operator = "child_of" if self.include_sub_units else "="
        domain = [("department_id", operator, self.department_id.id)]
        if self.aux_only:
            domain.append(("is_auxiliary", "=", True))
        employees = self.env["hr.employee"].search(domain)
        enrolled = self.env["aux.training.enrolment"].sudo().search(
            [("session_id", "=", self.session_id.id)]).mapped("employee_id")
        return employees - enrolled

    @api.multi
    def action_enrol(self):
        self.ensure_one()
        employees = self._aux_employees()
        if not employees:
            raise UserError(
                _("Nobody of unit %(unit)s is left to enrol in session %(session)s.")
                % {"unit": self.department_id.name, "session": self.session_id.display_name})
        self.env["aux.training.session"]._aux_check_capacity(
            {self.session_id.id: len(employees)})
        # capacity already checked for the whole set above
        Enrolment = trust(self.env["aux.training.enrolment"], "aux_capacity_checked")
        for employee in employees:
            Enrolment.create({"session_id": self.session_id.id, "employee_id": employee.id})
        return {"type": "ir.actions.act_window_close"}
