# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted
from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_GROUP = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE_GROUP = "aux_personnel.group_aux_personnel_user"
# What the unit writes on a finding of its own; the rest is the office's.
UNIT_FIELDS = {"fix_note"}


class AuxInspectionFinding(models.Model):
    """An inspection (督察) finding to rectify by a deadline.

    open -> fixed (by the responsible side) -> closed (checked by another
    user of the auxiliary office). ``on_time_rate`` is 100 for a finding fixed
    on or before its deadline and 0 otherwise; its average per unit in the
    pivot is the rate of findings fixed on time. The unit writes only the
    rectification; a fixed finding is locked until the office reopens it.
    """

    _name = "aux.inspection.finding"
    _description = "Inspection Finding"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "deadline, id desc"
    _aux_transitions = {
        "fix": {"from": ("open",), "to": "fixed", "groups": (UNIT_GROUP,),
                "user_field": "fixed_user_id"},
        "check": {"from": ("fixed",), "to": "closed", "groups": (OFFICE_GROUP,),
                  "user_field": "checked_user_id"},
        "reopen": {"from": ("fixed", "closed"), "to": "open", "groups": (OFFICE_GROUP,)},
    }
    _aux_locked_states = ("fixed", "closed")
    # the days (in the user's time zone) and the stored fields the server computes
    _aux_workflow_fields = ("fixed_date", "checked_date", "on_time", "on_time_rate")

    name = fields.Char(string="Finding", required=True, track_visibility="onchange",
                       readonly=True, states={"open": [("readonly", False)]})
    department_id = fields.Many2one("hr.department", string="Unit", required=True,
                                    index=True, track_visibility="onchange",
                                    readonly=True, states={"open": [("readonly", False)]})
    responsible_id = fields.Many2one("hr.employee", string="Responsible Person",
                                     required=True, track_visibility="onchange",
                                     readonly=True, states={"open": [("readonly", False)]})
    description = fields.Text(readonly=True, states={"open": [("readonly", False)]})
    date = fields.Date(string="Found on", required=True, default=local_today,
                       readonly=True, states={"open": [("readonly", False)]})
    deadline = fields.Date(required=True, track_visibility="onchange",
                           readonly=True, states={"open": [("readonly", False)]})
    state = fields.Selection(
        [("open", "Open"), ("fixed", "Fixed"), ("closed", "Checked and Closed")],
        required=True, default="open", readonly=True, copy=False,
        track_visibility="onchange")
    fix_note = fields.Text(string="Rectification", readonly=True,
                           states={"open": [("readonly", False)]})
    fixed_user_id = fields.Many2one("res.users", string="Fixed by", readonly=True,
                                    copy=False)
    fixed_date = fields.Date(string="Fixed on", readonly=True, copy=False)
    checked_user_id = fields.Many2one("res.users", string="Checked by", readonly=True,
                                      copy=False)
    checked_date = fields.Date(string="Checked on", readonly=True, copy=False)
    on_time = fields.Boolean(string="Fixed on Time", compute="_compute_on_time",
                             store=True)
    on_time_rate = fields.Float(string="Fixed on Time (%)", compute="_compute_on_time",
                                store=True, group_operator="avg")
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")

    @api.depends("fixed_date", "deadline")
    def _compute_on_time(self):
        for finding in self:
            finding.on_time = bool(finding.fixed_date and finding.fixed_date <= finding.deadline)
            finding.on_time_rate = 100.0 if finding.on_time else 0.0

    @api.multi
    def _compute_overdue(self):
        today = local_today(self)
        for finding in self:
            finding.overdue = finding.state == "open" and finding.deadline < today

    @api.model
    def _search_overdue(self, operator, value):
        today = local_today(self)
        domain = ["&", ("state", "=", "open"), ("deadline", "<", today)]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["|", ("state", "!=", "open"), ("deadline", ">=", today)]

    @api.multi
    def write(self, vals):
        if self and not is_trusted(self) and self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group(OFFICE_GROUP):
            self.check_access_rights("write")
            kept = (set(vals) - UNIT_FIELDS - self._aux_lock_free(vals)
                    - self._aux_protected_fields())
            if kept:
                raise AccessError(
                    _("Finding %(finding)s: the unit records the rectification only; "
                      "the auxiliary office keeps the other fields (%(fields)s).")
                    % {"finding": self[0].name, "fields": ", ".join(sorted(
                        self._fields[n].string for n in kept if n in self._fields))})
        return super().write(vals)

    @api.multi
    def _aux_check_transition(self, name):
        res = super()._aux_check_transition(name)
        if name == "check":
            for finding in self.filtered(lambda f: f.fixed_user_id == self.env.user):
                raise UserError(
                    _("Finding %(finding)s was fixed by %(user)s: another user must "
                      "check it.") % {"finding": finding.name, "user": self.env.user.name})
        return res

    @api.multi
    def action_fix(self):
        self._aux_transition("fix", values={"fixed_date": local_today(self)})

    @api.multi
    def action_check(self):
        """Close a fixed finding: checked by the office, by another user than the fixer."""
        self._aux_transition("check", values={"checked_date": local_today(self)})

    @api.multi
    def action_reopen(self):
        self._aux_transition("reopen", values={
            "fixed_user_id": False, "fixed_date": False,
            "checked_user_id": False, "checked_date": False})
