# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    training_enrolment_ids = fields.One2many(
        "aux.training.enrolment", "employee_id", string="Training Record")
    training_certificate_ids = fields.One2many(
        "aux.training.certificate", "employee_id", string="Training Certificates")
    training_hours_year = fields.Float(
        string="Training Hours This Year", compute="_compute_training_hours_year")

    @api.multi
    def _compute_training_hours_year(self):
        today = local_today(self)
        groups = self.env["aux.training.enrolment"].sudo().read_group(
            [("employee_id", "in", self.ids), ("session_state", "=", "done"),
             ("date", ">=", today[:4] + "-01-01"), ("date", "<=", today)],
            ["employee_id", "hours_credited"], ["employee_id"])
        hours = {g["employee_id"][0]: g["hours_credited"] for g in groups}
        for rec in self:
            rec.training_hours_year = hours.get(rec.id, 0.0)

    @api.multi
    def action_open_training_record(self):
        self.ensure_one()
        action = self.env.ref("aux_training.aux_training_enrolment_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
