# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted, trust
from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxMentorshipReview(models.Model):
    """A periodic review of a mentorship, locked with it once it is done or
    cancelled.  The reviewer is the user who writes the review."""

    _name = "aux.mentorship.review"
    _description = "Mentorship Review"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "date desc, id desc"
    _aux_lock_parent = "mentorship_id"
    _aux_workflow_fields = ("author_id", "apprentice_id")

    mentorship_id = fields.Many2one(
        "aux.mentorship", required=True, ondelete="cascade", index=True)
    apprentice_id = fields.Many2one(
        related="mentorship_id.apprentice_id", store=True, readonly=True)
    date = fields.Date(required=True, default=local_today)
    author_id = fields.Many2one(
        "res.users", string="Reviewer", readonly=True, default=lambda self: self.env.user)
    comment = fields.Text(required=True)
    rating = fields.Selection(
        [("1", "1 - Poor"), ("2", "2 - Fair"), ("3", "3 - Good"), ("4", "4 - Very good"),
         ("5", "5 - Excellent")])

    @api.model
    def create(self, vals):
        # server code (demo data) may name another reviewer
        if not (self._aux_unguarded() or is_trusted(self, "aux_stamp")):
            if vals.get("author_id") == self.env.uid:
                vals = {k: v for k, v in vals.items() if k != "author_id"}
            self._aux_check_stamps(vals)
            vals = dict(vals, author_id=self.env.uid)
        return super(AuxMentorshipReview, trust(self, "aux_stamp")).create(
            vals).with_env(self.env)
