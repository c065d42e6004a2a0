# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aux_assessment_sheet_ids = fields.One2many("aux.assessment.sheet", "employee_id",
                                               string="Assessment Sheets")
    aux_assessment_count = fields.Integer(compute="_compute_aux_assessment_count",
                                          string="Assessments")
    aux_promotion_candidate = fields.Boolean(
        string="Promotion Candidate", compute="_compute_aux_candidates",
        search="_search_aux_promotion_candidate",
        help="Each of the last confirmed annual results reaches the promotion band "
             "(years and band from the assessment rules).")
    aux_demotion_candidate = fields.Boolean(
        string="Demotion Candidate", compute="_compute_aux_candidates",
        search="_search_aux_demotion_candidate")
    aux_nonrenewal_candidate = fields.Boolean(
        string="Contract Non-renewal Candidate", compute="_compute_aux_candidates",
        search="_search_aux_nonrenewal_candidate")

    @api.multi
    def _compute_aux_assessment_count(self):
        data = self.env["aux.assessment.sheet"].read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
        counts = {d["employee_id"][0]: d["employee_id_count"] for d in data}
        for employee in self:
            employee.aux_assessment_count = counts.get(employee.id, 0)

    @api.multi
    def _compute_aux_candidates(self):
        candidates = self.env["aux.assessment.sheet"]._aux_consequence_candidates()
        for employee in self:
            employee.aux_promotion_candidate = employee.id in candidates["promotion"]
            employee.aux_demotion_candidate = employee.id in candidates["demotion"]
            employee.aux_nonrenewal_candidate = employee.id in candidates["nonrenewal"]

    @api.model
    def _search_aux_candidate(self, kind, operator, value):
        ids = list(self.env["aux.assessment.sheet"]._aux_consequence_candidates()[kind])
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _search_aux_promotion_candidate(self, operator, value):
        return self._search_aux_candidate("promotion", operator, value)

    @api.model
    def _search_aux_demotion_candidate(self, operator, value):
        return self._search_aux_candidate("demotion", operator, value)

    @api.model
    def _search_aux_nonrenewal_candidate(self, operator, value):
        return self._search_aux_candidate("nonrenewal", operator, value)

    @api.multi
    def action_view_aux_assessments(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"search_default_group_period_type": 1}
        return action
