# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class AuxInspectionFinding(models.Model):
    """An inspection (督察) finding to rectify by a deadline.

    open -> fixed (by the responsible side) -> closed (checked by another
    user of the auxiliary office). ``on_time_rate`` is 100 for a finding fixed
    on or before its deadline and 0 otherwise; its average per unit in the
    pivot is the rate of findings fixed on time.
    """

    _name = "aux.inspection.finding"
    _description = "Inspection Finding"
    _inherit = ["mail.thread"]
    _order = "deadline, id desc"

    name = fields.Char(string="Finding", required=True, track_visibility="onchange")
    department_id = fields.Many2one("hr.department", string="Unit", required=True,
                                    index=True, track_visibility="onchange")
    responsible_id = fields.Many2one("hr.employee", string="Responsible Person",
                                     required=True, track_visibility="onchange")
    description = fields.Text()
    date = fields.Date(string="Found on", required=True, default=fields.Date.context_today)
    deadline = fields.Date(required=True, track_visibility="onchange")
    state = fields.Selection(
        [("open", "Open"), ("fixed", "Fixed"), ("closed", "Checked and Closed")],
        required=True, default="open", readonly=True, track_visibility="onchange")
    fix_note = fields.Text(string="Rectification")
    fixed_user_id = fields.Many2one("res.users", string="Fixed by", readonly=True)
    fixed_date = fields.Date(string="Fixed on", readonly=True)
    checked_user_id = fields.Many2one("res.users", string="Checked by", readonly=True)
    checked_date = fields.Date(string="Checked on", readonly=True)
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
        today = fields.Date.context_today(self)
        for finding in self:
            finding.overdue = finding.state == "open" and finding.deadline < today

    @api.model
    def _search_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = ["&", ("state", "=", "open"), ("deadline", "<", today)]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["|", ("state", "!=", "open"), ("deadline", ">=", today)]

    @api.multi
    def action_fix(self):
        for finding in self:
            if finding.state != "open":
                raise UserError(_("Finding %s is not open.") % finding.name)
        self.write({"state": "fixed", "fixed_user_id": self.env.uid,
                    "fixed_date": fields.Date.context_today(self)})

    @api.multi
    def action_check(self):
        """Close a fixed finding: checked by the office, by another user than the fixer."""
        if not self.env.user.has_group("aux_personnel.group_aux_personnel_user"):
            raise AccessError(_("Only the auxiliary office can check a rectification."))
        for finding in self:
            if finding.state != "fixed":
                raise UserError(
                    _("Finding %s can only be closed once it is fixed.") % finding.name)
            if finding.fixed_user_id == self.env.user:
                raise UserError(
                    _("Finding %(finding)s was fixed by %(user)s: another user must "
                      "check it.") % {"finding": finding.name, "user": self.env.user.name})
        self.write({"state": "closed", "checked_user_id": self.env.uid,
                    "checked_date": fields.Date.context_today(self)})

    @api.multi
    def action_reopen(self):
        self.write({"state": "open", "fixed_user_id": False, "fixed_date": False,
                    "checked_user_id": False, "checked_date": False})
