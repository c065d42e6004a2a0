# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aux_family_member_ids = fields.One2many(
        "aux.family.member", "employee_id", string="Family Members")
    aux_health_check_ids = fields.One2many(
        "aux.health.check", "employee_id", string="Health Checks")
    aux_life_event_count = fields.Integer(
        string="Life Events", compute="_compute_aux_care_counts")
    aux_care_visit_count = fields.Integer(
        string="Care Visits", compute="_compute_aux_care_counts")
    aux_talk_count = fields.Integer(
        string="Talks", compute="_compute_aux_care_counts")
    aux_care_payment_count = fields.Integer(
        string="Care Payments", compute="_compute_aux_care_counts")
    aux_health_check_due = fields.Boolean(
        string="Due for Health Check", compute="_compute_aux_health_check_due",
        search="_search_aux_health_check_due",
        help="No health check within the company's health check interval.")

    @api.multi
    def _compute_aux_care_counts(self):
        counted = {
            "aux_life_event_count": "aux.life.event",
            "aux_care_visit_count": "aux.care.visit",
            "aux_talk_count": "aux.talk",
            "aux_care_payment_count": "aux.care.payment",
        }
        for field_name, model in counted.items():
            Model = self.env[model]
            if not Model.check_access_rights("read", raise_exception=False):
                for employee in self:
                    employee[field_name] = 0
                continue
            groups = Model.read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
            counts = {g["employee_id"][0]: g["employee_id_count"] for g in groups}
            for employee in self:
                employee[field_name] = counts.get(employee.id, 0)

    @api.model
    def _aux_health_check_cutoff(self):
        months = self.env.user.company_id.aux_health_check_interval
        if not months:
            return False
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(today - relativedelta(months=months))

    @api.model
    def _aux_recently_checked_ids(self, cutoff):
        checks = self.env["aux.health.check"].sudo().read_group(
            [("check_date", ">", cutoff)], ["employee_id"], ["employee_id"])
        return [g["employee_id"][0] for g in checks]

    @api.multi
    def _compute_aux_health_check_due(self):
        cutoff = self._aux_health_check_cutoff()
        checked = set(self._aux_recently_checked_ids(cutoff)) if cutoff else set()
        for employee in self:
            employee.aux_health_check_due = bool(
                cutoff and employee.is_auxiliary and employee.id not in checked)

    @api.model
    def _search_aux_health_check_due(self, operator, value):
        cutoff = self._aux_health_check_cutoff()
        due = (operator == "=") == bool(value)
        if not cutoff:
            return [("id", "=", 0)] if due else []
        checked = self._aux_recently_checked_ids(cutoff)
        if due:
            return ["&", ("is_auxiliary", "=", True), ("id", "not in", checked)]
        return ["|", ("is_auxiliary", "=", False), ("id", "in", checked)]

    @api.multi
    def _aux_open_care_action(self, xmlid):
        self.ensure_one()
        action = self.env.ref(xmlid).read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    @api.multi
    def action_aux_view_life_events(self):
        return self._aux_open_care_action("aux_welfare.aux_life_event_action")

    @api.multi
    def action_aux_view_care_visits(self):
        return self._aux_open_care_action("aux_welfare.aux_care_visit_action")

    @api.multi
    def action_aux_view_talks(self):
        return self._aux_open_care_action("aux_welfare.aux_talk_action")

    @api.multi
    def action_aux_view_care_payments(self):
        return self._aux_open_care_action("aux_welfare.aux_care_payment_action")
