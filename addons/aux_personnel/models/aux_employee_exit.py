# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

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


class HrEmployee(models.Model):
    """The person's exit and cadre fields, kept beside the model they belong to."""

    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    aux_exit_ids = fields.One2many(
        "aux.employee.exit", "employee_id", string="Exits",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    aux_exit_count = fields.Integer(
        string="Exit Records", compute="_compute_aux_exit_count",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    aux_is_cadre = fields.Boolean(
        string="Bureau-Employed Cadre", index=True, track_visibility="onchange",
        help="Former auxiliary converted to bureau-employed cadre (paid on the "
             "cadre pay band).")
    aux_cadre_date = fields.Date(string="Cadre Since", readonly=True)
    aux_cadre_decision = fields.Char(string="Cadre Decision", readonly=True)
    aux_is_sworn = fields.Boolean(
        string="Sworn Staff", compute="_compute_aux_is_sworn", store=True, index=True,
        help="Sworn staff (police officers, civil servants) in the register: neither "
             "an auxiliary nor a bureau-employed cadre. Only sworn staff hold the "
             "posts reserved to them.")

    @api.depends("is_auxiliary", "aux_is_cadre")
    def _compute_aux_is_sworn(self):
        for employee in self:
            employee.aux_is_sworn = not employee.is_auxiliary and not employee.aux_is_cadre

    @api.multi
    def _compute_aux_exit_count(self):
        groups = self.env["aux.employee.exit"].read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
        counts = {g["employee_id"][0]: g["employee_id_count"] for g in groups}
        for employee in self:
            employee.aux_exit_count = counts.get(employee.id, 0)

    @api.multi
    def _aux_close_employment(self, last_day):
        """Close running contracts and open post assignments at ``last_day``.

        Contracts not started by then are cancelled and assignments starting
        after it are removed.
        """
        contracts = self.env["hr.contract"].search(
            [("employee_id", "in", self.ids), ("state", "in", ("draft", "open", "pending"))])
        future = contracts.filtered(lambda c: c.date_start > last_day)
        future.write({"state": "cancel"})
        running = contracts - future
        running.filtered(lambda c: not c.date_end or c.date_end > last_day).write(
            {"date_end": last_day})
        running.write({"state": "close"})
        assignments = self.env["aux.post.assignment"].search(
            [("employee_id", "in", self.ids),
             "|", ("date_to", "=", False), ("date_to", ">", last_day)])
        assignments.filtered(lambda a: a.date_from > last_day).unlink()
        assignments.exists().write({"date_to": last_day})

    @api.multi
    def action_aux_exit(self):
        """Open the exit form for this person."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Exit"),
            "res_model": "aux.employee.exit",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }

    @api.multi
    def action_aux_view_exits(self):
        self.ensure_one()
        action = self.env.ref("aux_personnel.aux_employee_exit_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    @api.model
    def _aux_day_before(self, day):
        return fields.Date.to_string(fields.Date.from_string(day) - timedelta(days=1))
