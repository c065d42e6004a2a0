# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxTalkFollowup(models.Model):
    _name = "aux.talk.followup"
    _description = "Follow-up Action of a Talk"
    _order = "done, due_date, id"

    talk_id = fields.Many2one(
        "aux.talk", required=True, index=True, ondelete="cascade")
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user)
    due_date = fields.Date()
    done = fields.Boolean()
    done_date = fields.Date()

    @api.constrains("done")
    def _check_closed_talk(self):
        for line in self:
            if not line.done and line.talk_id.state == "closed":
                raise ValidationError(_(
                    "Talk %(talk)s is closed: its follow-up action %(action)s cannot be "
                    "reopened.") % {"talk": line.talk_id.name, "action": line.name})

    @api.onchange("done")
    def _onchange_done(self):
        if self.done and not self.done_date:
            self.done_date = fields.Date.context_today(self)
        elif not self.done:
            self.done_date = False
