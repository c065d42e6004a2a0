# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..models.aux_workflow_mixin import trust
from ..tools.local_time import local_today


class AuxCadreConvert(models.TransientModel):
    """Convert an outstanding auxiliary to bureau-employed cadre (局聘干部).

    Shows the eligibility criteria in force on the conversion date
    (``aux.cadre.rule``, data) with the person's value for each, and converts
    only a person who meets them all.  Records the conversion (an exit from
    auxiliary status kept in the exit history), closes the auxiliary
    contract the day before and opens a contract on the cadre pay band. The
    person stays in the register, no longer sworn-eligible for the posts
    reserved to sworn staff.
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
        string="Conversion Date", required=True, default=local_today,
        help="First day as bureau-employed cadre; the auxiliary contract ends the day before.")
    decision = fields.Char(
        string="Decision Reference", required=True,
        help="Reference of the decision approving the conversion.")
    wage = fields.Float(
        string="New Wage", digits=(16, 2),
        help="Monthly wage on the cadre pay band.")
    term_months = fields.Integer(string="Term (months)", required=True)
    note = fields.Text()
    rule_id = fields.Many2one(
        "aux.cadre.rule", string="Criteria in Force", compute="_compute_eligibility",
        help="The cadre conversion criteria in force on the conversion date "
             "(Configuration > Cadre Conversion Criteria).")
    eligibility = fields.Html(
        compute="_compute_eligibility", sanitize=False,
        help="Each criterion in force with the person's value.")
    eligible = fields.Boolean(compute="_compute_eligibility")

    @api.depends("employee_id", "date")
    def _compute_eligibility(self):
        for wizard in self:
            rule = wizard.env["aux.cadre.rule"]._rule_for(
                wizard.date or local_today(wizard), wizard.employee_id.company_id)
            wizard.rule_id = rule
            checks = wizard._aux_checks()
            wizard.eligible = bool(rule) and bool(wizard.employee_id) \
                and all(check[3] for check in checks)
            if not rule:
                wizard.eligibility = "<p>%s</p>" % html_escape(_(
                    "No cadre conversion criteria are in force on this date."))
                continue
            rows = "".join(
                "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                    html_escape(name), html_escape(required), html_escape(value),
                    html_escape(_("met") if met else _("NOT MET")))
                for name, required, value, met in checks)
            wizard.eligibility = (
                "<table class='table table-condensed'><thead><tr><th>%s</th><th>%s</th>"
                "<th>%s</th><th></th></tr></thead><tbody>%s</tbody></table>" % (
                    html_escape(_("Criterion")), html_escape(_("Required")),
                    html_escape(_("The person")), rows or "<tr><td colspan='4'>%s</td></tr>"
                    % html_escape(_("No criterion set.")))) if wizard.employee_id else ""

    @api.multi
    def _aux_checks(self):
        """[(criterion, required, value, met)] for the person on the date."""
        self.ensure_one()
        rule = self.env["aux.cadre.rule"]._rule_for(
            self.date or local_today(self), self.employee_id.company_id)
        if not rule or not self.employee_id:
            return []
        return rule._aux_checks(self.employee_id, self.date)

    @api.multi
    def _aux_cadre_wage(self):
        """The monthly wage of the cadre contract (hook: aux_payroll takes it
        from the cadre pay table)."""
        self.ensure_one()
        return self.wage

    @api.multi
    def _aux_cadre_contract_values(self, values):
        """Values of the cadre contract (hook: aux_payroll adds the cadre
        salary structure)."""
        self.ensure_one()
        return values

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
        rule = self.env["aux.cadre.rule"]._rule_for(self.date, employee.company_id)
        if not rule:
            raise UserError(_(
                "No cadre conversion criteria are in force on %s: the office manager "
                "records them under Configuration > Cadre Conversion Criteria.") % self.date)
        failed = [check for check in self._aux_checks() if not check[3]]
        if failed:
            raise UserError(_(
                "%(name)s does not meet the cadre conversion criteria %(rule)s: "
                "%(failed)s.") % {
                "name": employee.name, "rule": rule.name,
                "failed": "; ".join(_("%(criterion)s %(value)s, required %(required)s") % {
                    "criterion": name, "value": value, "required": required}
                    for name, required, value, _met in failed)})
        wage = self._aux_cadre_wage()
        if wage <= 0:
            raise UserError(_("Conversion of %s: set the wage of the cadre contract.")
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
            "wage": wage,
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
        new_contract = Contract.create(self._aux_cadre_contract_values(values))
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
