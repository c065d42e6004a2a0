# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.aux_workflow_mixin import trust


class AuxCadreConvert(models.TransientModel):
    """Convert an outstanding auxiliary to bureau-employed cadre (局聘干部).

    Records the conversion (an exit from auxiliary status kept in the exit
    history), closes the auxiliary contract the day before and opens a
    contract on the cadre pay band. The person stays in the register.
    """

    _name = "aux.cadre.convert"
    _description = "Convert to Bureau-Employed Cadre"

    @api.model
    def _default_employee_id(self):
        if self.env.context.get("active_model") == "hr.employee":
            return self.env.context.get("active_id")
        return False

    employee_id = fields.Many2one(
        "hr.employee", required=True, default=lambda self: self._default_employee_id())
    date = fields.Date(
        string="Conversion Date", required=True, default=fields.Date.context_today,
        help="First day as bureau-employed cadre; the auxiliary contract ends the day before.")
    decision = fields.Char(
        string="Decision Reference", required=True,
        help="Reference of the decision approving the conversion.")
    wage = fields.Float(
        string="New Wage", required=True, digits=(16, 2),
        help="Monthly wage on the cadre pay band.")
    term_months = fields.Integer(string="Term (months)", required=True)
    note = fields.Text()

    @api.multi
    def action_convert(self):
        self.ensure_one()
        employee = self.employee_id
        if not employee.is_auxiliary or employee.aux_is_cadre:
            raise UserError(_("%s is not an auxiliary: only an auxiliary can be "
                              "converted to bureau-employed cadre.") % employee.name)
        if self.term_months <= 0:
            raise UserError(_("Conversion of %s: set the term of the cadre contract.")
                            % employee.name)
        reason = self.env["aux.exit.reason"].search(
            [("is_cadre_conversion", "=", True)], limit=1)
        if not reason:
            raise UserError(_("No exit reason is marked 'Conversion to Cadre'."))
        Contract = self.env["hr.contract"]
        running = Contract.search([("employee_id", "=", employee.id),
                                   ("state", "in", ("open", "pending"))],
                                  order="date_start desc")
        if running.filtered(lambda c: c.date_start >= self.date):
            raise UserError(_("Conversion of %s: a running contract starts on or after "
                              "the conversion date.") % employee.name)
        day_before = employee._aux_day_before(self.date)
        template = running[:1]
        running.filtered(lambda c: not c.date_end or c.date_end > day_before).write(
            {"date_end": day_before})
        running.write({"state": "close"})
        values = {
            "name": _("%s - cadre") % employee.name,
            "employee_id": employee.id,
            "department_id": (template.department_id or employee.department_id).id,
            "job_id": (template.job_id or employee.job_id).id,
            "wage": self.wage,
            "date_start": self.date,
            "date_end": Contract._aux_end_date(self.date, self.term_months),
            "aux_term_months": self.term_months,
            "aux_pay_band": "cadre",
            "aux_funding_partner_id": template.aux_funding_partner_id.id,
            "aux_post_id": (employee.aux_post_id or template.aux_post_id).id,
            "aux_grade_id": (employee.aux_grade_id or template.aux_grade_id).id,
            "aux_previous_contract_id": template.id,
            "state": "open",
        }
        if template.type_id:
            values["type_id"] = template.type_id.id
        new_contract = Contract.create(values)
        if template:
            template.aux_renewed_contract_id = new_contract
        # the conversion is recorded as a confirmed exit by this wizard only
        trust(self.env["aux.employee.exit"]).create({
            "employee_id": employee.id,
            "exit_type": "conversion",
            "reason_id": reason.id,
            "last_day": day_before,
            "decision": self.decision,
            "note": self.note,
            "state": "done",
            "confirmed_by_id": self.env.uid,
            "confirmed_date": fields.Datetime.now(),
        })
        employee.write({"is_auxiliary": False, "aux_is_cadre": True,
                        "aux_cadre_date": self.date, "aux_cadre_decision": self.decision})
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.contract",
            "res_id": new_contract.id,
            "view_mode": "form",
        }
