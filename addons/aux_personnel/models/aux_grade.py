# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

AUX_CATEGORIES = [
    ("duty", "Duty auxiliary"),
    ("civilian", "Civilian-support auxiliary"),
    ("coordinator", "Coordinator"),
    ("temporary", "Temporary"),
]


class AuxGrade(models.Model):
    _name = "aux.grade"
    _description = "Auxiliary Grade Level"
    _order = "category, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(
        string="Rank", default=10,
        help="Rank order: 1 is the highest level; a promotion goes to a lower rank number.")
    category = fields.Selection(
        AUX_CATEGORIES + [("all", "All categories")],
        required=True, default="all",
        help="The auxiliary category this level belongs to, or all categories.")
    active = fields.Boolean(default=True)
    min_years = fields.Float(
        string="Years-of-Service Band",
        help="Years in the level below needed to be promoted into this level by "
             "seniority (in the entry grade, the probation counts as the years of "
             "service rule says).")
    promotion_mode = fields.Selection(
        [("seniority", "Seniority"), ("selection", "Competitive selection")],
        default="seniority", required=True,
        help="How people are promoted into this level.")
    pay_reference = fields.Float(
        string="Grade Pay Reference",
        help="Reference amount of the monthly grade pay, for display only; "
             "the pay tables of payroll are authoritative.")
    note = fields.Text()
    employee_count = fields.Integer(compute="_compute_employee_count", string="People")

    _sql_constraints = [
        ("code_category_uniq", "unique(code, category)",
         "A grade code must be unique per category."),
    ]

    @api.multi
    def _compute_employee_count(self):
        data = self.env["hr.employee"].read_group(
            [("aux_grade_id", "in", self.ids)], ["aux_grade_id"], ["aux_grade_id"])
        counts = {d["aux_grade_id"][0]: d["aux_grade_id_count"] for d in data}
        for grade in self:
            grade.employee_count = counts.get(grade.id, 0)

    @api.multi
    def name_get(self):
        return [(g.id, g.code and "%s" % g.name or g.name) for g in self]

    @api.multi
    def _next_grade(self):
        """Return the level directly above this one (rank - 1) in the same category."""
        self.ensure_one()
        return self.search([
            ("category", "=", self.category),
            ("sequence", "<", self.sequence),
        ], order="sequence desc", limit=1)
