# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxMentorshipReview(models.Model):
    _name = "aux.mentorship.review"
    _description = "Mentorship Review"
    _order = "date desc, id desc"

    mentorship_id = fields.Many2one(
        "aux.mentorship", required=True, ondelete="cascade", index=True)
    apprentice_id = fields.Many2one(
        related="mentorship_id.apprentice_id", store=True, readonly=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    author_id = fields.Many2one(
        "res.users", string="Reviewer", default=lambda self: self.env.user)
    comment = fields.Text(required=True)
    rating = fields.Selection(
        [("1", "1 - Poor"), ("2", "2 - Fair"), ("3", "3 - Good"), ("4", "4 - Very good"),
         ("5", "5 - Excellent")])
