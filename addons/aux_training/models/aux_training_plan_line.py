# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_day_start


class AuxTrainingPlanLine(models.Model):
    """A planned course of a unit's annual plan, with the actual figures.

    Actual hours: hours credited to people of the unit (and its sub-units) in
    done sessions of the course during the plan year.  Actual cost: cost of the
    done sessions of the course organised by the unit (or a sub-unit) that
    year."""

    _name = "aux.training.plan.line"
    _description = "Annual Training Plan Line"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "plan_id, sequence, id"
    _aux_lock_parent = "plan_id"
    _aux_workflow_fields = ("department_id", "year")

    plan_id = fields.Many2one(
        "aux.training.plan", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one(
        related="plan_id.department_id", store=True, readonly=True, string="Unit")
    year = fields.Integer(related="plan_id.year", store=True, readonly=True)
    sequence = fields.Integer(default=10)
    course_id = fields.Many2one("aux.training.course", required=True, ondelete="restrict")
    planned_participants = fields.Integer()
    planned_hours = fields.Float(help="Total person-hours planned.")
    planned_budget = fields.Float()
    actual_participants = fields.Integer(compute="_compute_actual")
    actual_hours = fields.Float(compute="_compute_actual")
    actual_cost = fields.Float(compute="_compute_actual")

    @api.multi
    def _compute_actual(self):
        Enrolment = self.env["aux.training.enrolment"].sudo()
        Session = self.env["aux.training.session"].sudo()
        for plan in self.mapped("plan_id"):
            lines = self.filtered(lambda line, plan=plan: line.plan_id == plan)
            year_from = "%04d-01-01" % plan.year
            year_to = "%04d-12-31" % plan.year
            courses = lines.mapped("course_id").ids
            attended = {
                g["course_id"][0]: g for g in Enrolment.read_group(
                    [("course_id", "in", courses), ("session_state", "=", "done"),
                     ("attendance", "=", "present"),
                     ("department_id", "child_of", plan.department_id.id),
                     ("date", ">=", year_from), ("date", "<=", year_to)],
                    ["course_id", "hours_credited"], ["course_id"])
            }
            costs = {
                g["course_id"][0]: g["cost"] for g in Session.read_group(
                    [("course_id", "in", courses), ("state", "=", "done"),
                     ("department_id", "child_of", plan.department_id.id),
                     # sessions starting in the plan year, local time
                     ("date_start", ">=", local_day_start(self, year_from)),
                     ("date_start", "<", local_day_start(self, "%04d-01-01" % (plan.year + 1)))],
                    ["course_id", "cost"], ["course_id"])
            }
            for line in lines:
                group = attended.get(line.course_id.id, {})
                line.actual_participants = group.get("course_id_count", 0)
                line.actual_hours = group.get("hours_credited") or 0.0
                line.actual_cost = costs.get(line.course_id.id) or 0.0
