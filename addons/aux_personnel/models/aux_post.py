# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxPost(models.Model):
    """A post of the catalogue (window service, road duty, dispatch, ...).

    The holder type says who may hold it: sworn staff only, an auxiliary
    post, or a mixed post where sworn staff and auxiliaries work side by side.
    """

    _name = "aux.post"
    _description = "Post"
    _inherit = ["mail.thread"]
    _order = "department_id, sequence, name"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    code = fields.Char(track_visibility="onchange")
    sequence = fields.Integer(default=10)
    duties = fields.Text()
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.post"))
    capacity = fields.Integer(
        track_visibility="onchange",
        help="How many people may hold this post at the same date (main and "
             "secondary assignments together). 0 means no limit.")
    holder_type = fields.Selection(
        [("sworn", "Sworn staff only"),
         ("auxiliary", "Auxiliary post"),
         ("mixed", "Mixed post")],
        required=True, default="mixed", track_visibility="onchange",
        help="Sworn staff only: an auxiliary can never be assigned. "
             "Auxiliary post: a post designed for auxiliaries. "
             "Mixed post: sworn staff and auxiliaries side by side.")
    is_risk_post = fields.Boolean(
        string="Risk Post", track_visibility="onchange",
        help="Posts exposed to integrity risks: holders must rotate after the "
             "maximum tenure.")
    max_tenure_months = fields.Integer(
        string="Maximum Tenure (months)", track_visibility="onchange",
        help="On a risk post, a holder whose tenure exceeds this number of "
             "months is due for rotation.")
    is_team_lead_post = fields.Boolean(
        string="Team-Lead Role",
        help="The post includes a team-lead role. Team leads are chosen on "
             "ability, not status: auxiliaries may lead a team.")
    active = fields.Boolean(default=True)
    assignment_ids = fields.One2many("aux.post.assignment", "post_id", string="Assignments")
    current_count = fields.Integer(
        string="Current Holders", compute="_compute_current_count")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)",
         "The post code must be unique per company."),
        ("capacity_positive", "CHECK(capacity >= 0)", "The capacity cannot be negative."),
    ]

    @api.multi
    def _compute_current_count(self):
        groups = self.env["aux.post.assignment"].read_group(
            [("post_id", "in", self.ids), ("is_current", "=", True)],
            ["post_id"], ["post_id"])
        counts = {g["post_id"][0]: g["post_id_count"] for g in groups}
        for post in self:
            post.current_count = counts.get(post.id, 0)

    @api.constrains("is_risk_post", "max_tenure_months")
    def _check_max_tenure(self):
        for post in self.filtered("is_risk_post"):
            if post.max_tenure_months <= 0:
                raise ValidationError(_(
                    "Post %s is a risk post: set its maximum tenure in months.")
                    % post.display_name)

    @api.multi
    def name_get(self):
        return [(post.id, "[%s] %s" % (post.code, post.name) if post.code else post.name)
                for post in self]

    @api.multi
    def action_view_assignments(self):
        self.ensure_one()
        action = self.env.ref("aux_personnel.aux_post_assignment_action").read()[0]
        action["domain"] = [("post_id", "=", self.id)]
        action["context"] = {"default_post_id": self.id, "search_default_current": 1}
        return action
