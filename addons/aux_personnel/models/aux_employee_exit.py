# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.local_time import local_today


class AuxEmployeeExit(models.Model):
    """An exit (or a conversion to bureau-employed cadre) kept on the person.

    Created in draft through the exit form opened from the employee; on
    confirmation the person's contracts and post assignments are closed and
    the person is archived, keeping the full history.
    """

    _name = "aux.employee.exit"
    _description = "Employee Exit"
    _inherit = ["mail.thread", "aux.workflow.mixin", "aux.employee.company.mixin"]
    _order = "last_day desc, id desc"
    _rec_name = "employee_id"
    _aux_transitions = {
        "confirm": {"from": ("draft",), "to": "done",
                    "groups": ("aux_personnel.group_aux_personnel_user",),
                    "user_field": "confirmed_by_id", "date_field": "confirmed_date"},
    }
    _aux_locked_states = ("done",)
    _aux_workflow_fields = ("department_id", "exit_type")

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]},
        domain="['|', ('active', '=', True), ('active', '=', False)]")
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, readonly=True,
        help="Unit of the person when the exit was recorded.")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.employee.exit"))
    exit_type = fields.Selection(
        [("exit", "Exit"), ("conversion", "Conversion to cadre")],
        string="Type", required=True, default="exit", readonly=True)
    reason_id = fields.Many2one(
        "aux.exit.reason", required=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]},
        track_visibility="onchange")
    last_day = fields.Date(
        required=True, default=local_today, readonly=True,
        states={"draft": [("readonly", False)]}, track_visibility="onchange")
    decision = fields.Char(
        string="Decision Reference", readonly=True, states={"draft": [("readonly", False)]},
        help="Reference of the approving decision, if any.")
    note = fields.Text(readonly=True, states={"draft": [("readonly", False)]})
    equipment_line_ids = fields.One2many(
        "aux.exit.equipment", "exit_id", string="Returned Equipment",
        readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Confirmed")],
        required=True, default="draft", readonly=True, track_visibility="onchange")
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True)

    @api.model
    def _aux_server_values(self, vals):
        """The unit is the person's when the exit is recorded, never chosen."""
        employee = self.env["hr.employee"].browse(vals.get("employee_id"))
        return dict(super(AuxEmployeeExit, self)._aux_server_values(vals),
                    department_id=employee.department_id.id)

    @api.model
    def create(self, vals):
        """An exit recorded ahead of its last day is a planned exit: signalled."""
        record = super().create(vals)
        if record.exit_type == "exit" and record.state == "draft":
            record._aux_signal_planned_exit()
        return record

    @api.multi
    def action_confirm(self):
        """Check everything, then close contracts and posts and archive people."""
        for rec in self:
            name = rec.employee_id.name
            if rec.state != "draft":
                raise UserError(_("The exit of %s is already confirmed.") % name)
            if not rec.employee_id.active:
                raise UserError(_("%s has already left (archived).") % name)
            if rec.reason_id.is_cadre_conversion:
                raise UserError(_(
                    "%s: a conversion to bureau-employed cadre is not an exit; use "
                    "'Convert to Cadre' on the employee.") % name)
            missing = rec.equipment_line_ids.filtered(
                lambda line: not line.returned and not line.waived)
            if missing:
                raise UserError(_(
                    "Exit of %(name)s refused: equipment not returned: %(items)s. Mark it "
                    "returned or have a manager waive it with a note.")
                    % {"name": name, "items": ", ".join(missing.mapped("item"))})
        self._aux_check_transition("confirm")
        for rec in self:
            rec.employee_id._aux_close_employment(rec.last_day)
        self._aux_transition("confirm")
        self.mapped("employee_id").write({"active": False})
        return {"type": "ir.actions.act_window_close"}

    @api.multi
    def _aux_signal_planned_exit(self):
        exits = self.sudo()
        self.env["hr.employee"]._aux_signal("planned_exit", [{
            "employee": rec.employee_id, "date": rec.last_day,
            "origin": "%s,%d" % (self._name, rec.id), "key": "exit-%d" % rec.id,
            "codes": [rec.reason_id.code],
            "reason": _("Planned exit on %(date)s: %(reason)s") % {
                "date": rec.last_day, "reason": rec.reason_id.name},
        } for rec in exits])
