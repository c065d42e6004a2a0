# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aux_workflow_mixin import trust


class AuxExitEquipment(models.Model):
    """One line of the returned-equipment checklist of an exit."""

    _name = "aux.exit.equipment"
    _description = "Exit Equipment Checklist Line"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "exit_id, id"
    _aux_lock_parent = "exit_id"
    _aux_workflow_fields = ("waived_by_id",)

    exit_id = fields.Many2one(
        "aux.employee.exit", required=True, ondelete="cascade", index=True)
    item = fields.Char(required=True, help="Uniform, warrant card, radio, keys, ...")
    returned = fields.Boolean()
    waived = fields.Boolean(
        help="A manager of the auxiliary office waives the return of this item; "
             "a note is required.")
    waiver_note = fields.Char()
    waived_by_id = fields.Many2one("res.users", readonly=True)

    @api.constrains("waived", "waiver_note")
    def _check_waiver(self):
        for line in self.filtered("waived"):
            if not self.env.user.has_group("aux_personnel.group_aux_personnel_manager"):
                raise ValidationError(_(
                    "Only a manager of the auxiliary office can waive the return of %s.")
                    % line.item)
            if not (line.waiver_note or "").strip():
                raise ValidationError(_(
                    "Waiving the return of %s needs a note.") % line.item)

    @api.model
    def create(self, vals):
        self._aux_check_stamps(vals)
        if vals.get("waived"):
            vals = dict(vals, waived_by_id=self.env.uid)
        return super(AuxExitEquipment, trust(self, "aux_stamp")).create(vals).with_env(self.env)

    @api.multi
    def write(self, vals):
        self._aux_check_stamps(vals)
        if vals.get("waived"):
            vals = dict(vals, waived_by_id=self.env.uid)
        return super(AuxExitEquipment, trust(self, "aux_stamp")).write(vals)
