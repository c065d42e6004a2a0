# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.aux_personnel.tools.local_time import local_today


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
    def _aux_health_check_cutoffs(self):
        """{company id: the date after which a check is recent} by the interval
        of each company (people without a company: the user's); companies
        without an interval are left out: nobody of them is due."""
        cutoffs = {}
        today = fields.Date.from_string(local_today(self))
        companies = self.env["res.company"].sudo().search(
            [("aux_health_check_interval", ">", 0)])
        for company_id, company in [(c.id, c) for c in companies] + [
                (False, self.env.user.company_id)]:
            months = company.aux_health_check_interval
            if months:
                cutoffs[company_id] = fields.Date.to_string(
                    today - relativedelta(months=months))
        return cutoffs

    @api.model
    def _aux_due_domain(self, cutoffs):
        """Auxiliaries of a company with an interval and no check after its cutoff."""
        Check = self.env["aux.health.check"].sudo()
        recent = {}  # cutoff -> ids of the people checked after it

        def checked(cutoff):
            if cutoff not in recent:
                recent[cutoff] = [group["employee_id"][0] for group in Check.read_group(
                    [("check_date", ">", cutoff)], ["employee_id"], ["employee_id"])]
            return recent[cutoff]
        return expression.OR([
            ["&", "&", ("company_id", "=", company_id), ("is_auxiliary", "=", True),
             ("id", "not in", checked(cutoff))]
            for company_id, cutoff in cutoffs.items()] or [[("id", "=", 0)]])

    @api.multi
    def _compute_aux_health_check_due(self):
        due = self.with_context(active_test=False).search(
            [("id", "in", self.ids)] + self._aux_due_domain(self._aux_health_check_cutoffs()))
        for employee in self:
            employee.aux_health_check_due = employee in due

    @api.model
    def _search_aux_health_check_due(self, operator, value):
        domain = self._aux_due_domain(self._aux_health_check_cutoffs())
        if (operator == "=") == bool(value):
            return domain
        return ["!"] + domain

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

    @api.model
    def _aux_signal(self, trigger, signals):
        """The must-talk rules answer the signals (hook of aux_personnel)."""
        res = super(HrEmployee, self)._aux_signal(trigger, signals)
        self.env["aux.talk.rule"]._aux_answer(trigger, signals)
        return res
