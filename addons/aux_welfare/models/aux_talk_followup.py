# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxTalkFollowup(models.Model):
    _name = "aux.talk.followup"
    _description = "Follow-up Action of a Talk"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "done, due_date, id"
    # the actions of a closed (or cancelled) talk are part of its record
    _aux_lock_parent = "talk_id"

    talk_id = fields.Many2one(
        "aux.talk", required=True, index=True, ondelete="cascade")
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user)
    due_date = fields.Date()
    done = fields.Boolean()
    done_date = fields.Date()

    @api.onchange("done")
    def _onchange_done(self):
        if self.done and not self.done_date:
            self.done_date = local_today(self)
        elif not self.done:
            self.done_date = False
