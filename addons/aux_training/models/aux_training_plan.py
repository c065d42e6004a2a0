# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxTrainingPlan(models.Model):
    """A unit's annual training plan; approved by a training officer, then
    locked with its lines until reset to draft."""

    _name = "aux.training.plan"
    _description = "Annual Training Plan"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "year desc, department_id"
    _aux_transitions = {
        "approve": {"from": ("draft",), "to": "approved",
                    "groups": ("aux_training.group_aux_training_officer",)},
        "draft": {"from": ("approved",), "to": "draft",
                  "groups": ("aux_training.group_aux_training_officer",)},
    }
    _aux_locked_states = ("approved",)
    _aux_lock_exempt_fields = ("note",)
    _aux_workflow_fields = ("name",)

    def _default_year(self):
        return fields.Date.from_string(local_today(self)).year

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, ondelete="restrict",
        track_visibility="onchange")
    year = fields.Integer(
        required=True, default=lambda self: self._default_year(), track_visibility="onchange")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")], default="draft", required=True,
        readonly=True, track_visibility="onchange")
    line_ids = fields.One2many("aux.training.plan.line", "plan_id", string="Planned Courses")
    planned_hours = fields.Float(compute="_compute_totals")
    planned_budget = fields.Float(compute="_compute_totals")
    actual_hours = fields.Float(compute="_compute_totals")
    actual_cost = fields.Float(compute="_compute_totals")
    note = fields.Text()

    _sql_constraints = [
        ("department_year_uniq", "unique(department_id, year)",
         "A unit has one training plan per year."),
    ]

    @api.depends("department_id.name", "year")
    def _compute_name(self):
        for rec in self:
            rec.name = "%s %s" % (rec.department_id.name or "", rec.year or "")

    @api.multi
    def _compute_totals(self):
        for rec in self:
            lines = rec.line_ids
            rec.planned_hours = sum(lines.mapped("planned_hours"))
            rec.planned_budget = sum(lines.mapped("planned_budget"))
            rec.actual_hours = sum(lines.mapped("actual_hours"))
            rec.actual_cost = sum(lines.mapped("actual_cost"))

    @api.constrains("year")
    def _check_year(self):
        for rec in self:
            if rec.year <= 0:
                raise ValidationError(_("Training plan %s needs a year.") % rec.name)

    @api.multi
    def action_approve(self):
        return self._aux_transition("approve")

    @api.multi
    def action_draft(self):
        return self._aux_transition("draft")
