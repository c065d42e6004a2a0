# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE = "aux_personnel.group_aux_personnel_user"


class AuxCareVisit(models.Model):
    _name = "aux.care.visit"
    _description = "Care Visit (must-visit task)"
    _inherit = ["mail.thread", "mail.activity.mixin", "aux.private.fields.mixin",
                "aux.workflow.mixin"]
    _order = "deadline, id"
    _rec_name = "event_id"
    # The visitor or the unit's leader records the visit and marks it done;
    # the office cancels and reopens; the daily job flags it overdue.
    _aux_transitions = {
        "done": {"from": ("todo", "overdue"), "to": "done", "groups": (UNIT_LEADER,)},
        "cancel": {"from": ("todo", "overdue"), "to": "cancelled", "groups": (OFFICE,)},
        # with its life event, by whoever cancels the event (who reads the visit)
        "event_cancel": {"from": ("todo", "overdue"), "to": "cancelled",
                         "groups": (UNIT_LEADER,), "rule": "read"},
        "reopen": {"from": ("done", "cancelled"), "to": "todo", "groups": (OFFICE,)},
        "reopen_overdue": {"from": ("done", "cancelled"), "to": "overdue",
                           "groups": (OFFICE,)},
        "flag_overdue": {"from": ("todo",), "to": "overdue", "groups": (OFFICE,)},
    }
    _aux_locked_states = ("done", "cancelled")
    _aux_lock_exempt_fields = ("follow_up",)
    # the task as the must-visit rule made it, and what the server computes
    _aux_workflow_fields = ("event_id", "employee_id", "rule_id", "visitor_role", "deadline",
                            "escalated", "timing", "delay_days", "department_id",
                            "event_type_id", "company_id")

    event_id = fields.Many2one(
        "aux.life.event", string="Life Event", required=True, index=True,
        ondelete="cascade", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, readonly=True, index=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True,
        string="Unit")
    event_type_id = fields.Many2one(
        related="event_id.event_type_id", store=True, readonly=True)
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, readonly=True)
    rule_id = fields.Many2one("aux.visit.rule", string="Must-visit Rule", readonly=True)
    visitor_role = fields.Selection(
        [("unit_leader", "Unit leader"),
         ("bureau_leader", "Bureau leader")],
        required=True, default="unit_leader", readonly=True)
    visitor_id = fields.Many2one(
        "res.users", index=True, track_visibility="onchange",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]},
        help="The leader who must make the visit.")
    deadline = fields.Date(required=True, track_visibility="onchange", readonly=True)
    state = fields.Selection(
        [("todo", "To do"),
         ("overdue", "Overdue"),
         ("done", "Done"),
         ("cancelled", "Cancelled")],
        default="todo", required=True, track_visibility="onchange", index=True)
    visit_date = fields.Date(
        string="Visited On", track_visibility="onchange",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]})
    participants = fields.Char(
        string="Visited By", help="Everyone who took part in the visit.",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]})
    location = fields.Char(
        string="Where",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]})
    summary = fields.Text(
        string="What Was Said",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]})
    follow_up = fields.Text(string="Follow-up")
    timing = fields.Selection(
        [("pending", "Pending"),
         ("on_time", "On time"),
         ("late", "Late"),
         ("missing", "Missing"),
         ("cancelled", "Cancelled")],
        compute="_compute_timing", store=True, index=True,
        help="On time: made by the deadline. Late: made after it. Missing: the "
             "deadline has passed and the visit was not made.")
    delay_days = fields.Integer(
        compute="_compute_timing", store=True, group_operator="avg",
        help="Days after the deadline the visit was made.")
    escalated = fields.Boolean(readonly=True, copy=False)

    @api.multi
    @api.depends("state", "visit_date", "deadline")
    def _compute_timing(self):
        for visit in self:
            delay = 0
            if visit.state == "cancelled":
                timing = "cancelled"
            elif visit.state == "done" and visit.visit_date:
                delay = (fields.Date.from_string(visit.visit_date)
                         - fields.Date.from_string(visit.deadline)).days
                timing = "late" if delay > 0 else "on_time"
            elif visit.state == "overdue":
                timing = "missing"
            else:
                timing = "pending"
            visit.timing = timing
            visit.delay_days = max(delay, 0)

    @api.multi
    def _aux_check_transition(self, name):
        """A visit is done once its date and what was said are recorded."""
        res = super(AuxCareVisit, self)._aux_check_transition(name)
        if name == "done":
            for visit in self:
                if not visit.visit_date or not visit.summary:
                    raise UserError(_(
                        "Visit for %s: record when the visit took place and what was "
                        "said before marking it done.") % visit.event_id.name)
        return res

    @api.multi
    def action_done(self):
        return self._aux_transition("done")

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")

    @api.multi
    def action_reopen(self):
        """Back to do, or overdue when the deadline has passed."""
        today = local_today(self)
        overdue = self.filtered(lambda v: v.deadline < today)
        (self - overdue)._aux_transition("reopen")
        overdue._aux_transition("reopen_overdue")
        return True

    @api.multi
    def _get_escalation_user(self):
        """Whom to escalate an overdue visit to: the visitor's manager (else
        the leader of the nearest unit above the visitor), else the company's
        bureau leader for care visits."""
        self.ensure_one()
        visitor = self.sudo().visitor_id
        employee = visitor.employee_ids[:1]
        manager = employee.parent_id.user_id
        # no manager on the visitor's file: up the visitor's units (or, for a
        # visitor without a file, the person's units) to the first leader who
        # is not the visitor
        department = employee.department_id if employee else self.sudo().department_id
        while not manager and department:
            if department.manager_id.user_id != visitor:
                manager = department.manager_id.user_id
            department = department.parent_id
        if not manager or manager == visitor:
            manager = self.company_id.aux_welfare_bureau_leader_id
        return manager

    @api.model
    def _cron_flag_overdue(self):
        """Daily: flag open visits past their deadline and escalate them once."""
        today = local_today(self)
        late = self.search([("state", "=", "todo"), ("deadline", "<", today)])
        late._aux_transition("flag_overdue")
        to_escalate = self.search([("state", "=", "overdue"), ("escalated", "=", False)])
        to_escalate._escalate()
        return True

    @api.multi
    def _escalate(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        Activity = self.env["mail.activity"]
        today = local_today(self)
        for visit in self:
            manager = visit._get_escalation_user()
            note = _("The visit to %(person)s for %(event)s (%(type)s) was due on "
                     "%(deadline)s and has not been made. Visitor: %(visitor)s.") % {
                "person": visit.employee_id.name, "event": visit.event_id.name,
                "type": visit.event_type_id.name, "deadline": visit.deadline,
                "visitor": visit.visitor_id.name or _("nobody assigned")}
            if manager:
                Activity.create({
                    "res_model_id": model_id,
                    "res_id": visit.id,
                    "activity_type_id": activity_type.id,
                    "summary": _("Overdue care visit"),
                    "note": note,
                    "user_id": manager.id,
                    "date_deadline": today,
                })
            visit.message_post(body=note, subtype="mail.mt_note")
        trust(self).write({"escalated": True})
        return True
