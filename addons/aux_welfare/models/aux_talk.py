# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"


class AuxTalk(models.Model):
    _name = "aux.talk"
    _description = "Heart-to-heart Talk"
    _inherit = ["mail.thread", "mail.activity.mixin", "aux.private.fields.mixin",
                "aux.workflow.mixin", "aux.employee.company.mixin"]
    _order = "date_planned desc, id desc"
    # A talk starts planned (or suggested by another module through
    # _aux_suggest_talk); the leader holds it and closes it.
    _aux_transitions = {
        "plan": {"from": ("suggested",), "to": "planned", "groups": (UNIT_LEADER,)},
        "hold": {"from": ("suggested", "planned"), "to": "held", "groups": (UNIT_LEADER,)},
        "close": {"from": ("held",), "to": "closed", "groups": (UNIT_LEADER,)},
        "cancel": {"from": ("suggested", "planned"), "to": "cancelled",
                   "groups": (UNIT_LEADER,)},
    }
    _aux_locked_states = ("closed", "cancelled")
    # what suggested or planned the talk is the server's
    _aux_workflow_fields = ("origin", "department_id", "rule_id", "trigger_key")

    name = fields.Char(string="Subject", required=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.talk"))
    trigger = fields.Selection(
        [("event", "Life event"),
         ("warning", "Warning sign"),
         ("routine", "Routine pairing"),
         ("mentoring", "Mentoring"),
         ("exit", "Planned exit")],
        required=True, default="routine", track_visibility="onchange")
    reason = fields.Text(help="Why the talk is needed (e.g. what the warning sign was).")
    origin = fields.Char(
        help="The record that suggested the talk, as model,id "
             "(e.g. an assessment sheet).", readonly=True)
    event_id = fields.Many2one("aux.life.event", string="Life Event", index=True)
    rule_id = fields.Many2one(
        "aux.talk.rule", string="Must-talk Rule", readonly=True, index=True,
        ondelete="set null", help="The rule that planned this talk.")
    trigger_key = fields.Char(
        readonly=True, copy=False,
        help="The occurrence the rule answered (a rule answers each occurrence once).")
    employee_id = fields.Many2one(
        "hr.employee", string="Talked With", required=True, index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    talker_id = fields.Many2one(
        "res.users", string="Talked By", index=True, track_visibility="onchange",
        default=lambda self: self.env.user)
    date_planned = fields.Date(
        string="Planned For", default=local_today,
        track_visibility="onchange")
    date = fields.Date(string="Held On", track_visibility="onchange")
    topics = fields.Text()
    summary = fields.Text(string="What Was Said")
    followup_ids = fields.One2many(
        "aux.talk.followup", "talk_id", string="Follow-up Actions", copy=False)
    followup_open_count = fields.Integer(
        string="Open Follow-ups", compute="_compute_followup_open_count")
    state = fields.Selection(
        [("suggested", "Suggested"),
         ("planned", "Planned"),
         ("held", "Held"),
         ("closed", "Closed"),
         ("cancelled", "Cancelled")],
        default="planned", required=True, track_visibility="onchange", index=True)

    @api.multi
    @api.depends("followup_ids.done")
    def _compute_followup_open_count(self):
        for talk in self:
            talk.followup_open_count = len(talk.followup_ids.filtered(lambda f: not f.done))

    @api.constrains("state")
    def _check_followups_done(self):
        for talk in self:
            if talk.state == "closed" and talk.followup_ids.filtered(lambda f: not f.done):
                raise ValidationError(_(
                    "Talk %s cannot be closed while follow-up actions are open.")
                    % talk.name)

    @api.constrains("event_id", "employee_id")
    def _check_event_employee(self):
        for talk in self:
            if talk.event_id and talk.event_id.employee_id != talk.employee_id:
                raise ValidationError(_(
                    "Talk %(talk)s: the life event %(event)s concerns %(concerned)s, "
                    "not %(person)s.") % {
                    "talk": talk.name, "event": talk.event_id.name,
                    "concerned": talk.event_id.employee_id.name,
                    "person": talk.employee_id.name})

    @api.onchange("event_id")
    def _onchange_event_id(self):
        if self.event_id:
            self.employee_id = self.event_id.employee_id
            self.trigger = "event"

    @api.multi
    def write(self, vals):
        res = super(AuxTalk, self).write(vals)
        if "employee_id" in vals:
            # the person chosen must be one the user may write a talk for
            self.check_access_rule("write")
        return res

    @api.multi
    def _aux_check_transition(self, name):
        """A talk is held once its topics are recorded, closed once its
        follow-up actions are done."""
        res = super(AuxTalk, self)._aux_check_transition(name)
        for talk in self:
            if name == "hold" and not talk.topics:
                raise UserError(_(
                    "Talk %s: record the topics before marking the talk as held.")
                    % talk.name)
            if name == "close" and talk.followup_open_count:
                raise UserError(_(
                    "Talk %(talk)s cannot be closed: %(count)s follow-up action(s) are "
                    "not done.") % {"talk": talk.name, "count": talk.followup_open_count})
        return res

    @api.multi
    def action_plan(self):
        return self.filtered(lambda t: t.state == "suggested")._aux_transition("plan")

    @api.multi
    def action_held(self):
        self._aux_check_transition("hold")
        for talk in self.filtered(lambda t: not t.date):
            talk.date = local_today(talk)
        return self._aux_transition("hold")

    @api.multi
    def action_close(self):
        return self._aux_transition("close")

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")

    @api.model
    def _aux_suggest_talk(self, employee, trigger, reason, origin=False):
        """Suggest a heart-to-heart talk with ``employee``; for other modules.

        :param employee: ``hr.employee`` record (one person)
        :param trigger: one of ``event``, ``warning``, ``routine``, ``mentoring``
        :param reason: text shown to the leader (why the talk is needed)
        :param origin: optional ``"model,id"`` of the record behind the suggestion;
            a second call with the same employee, trigger and origin returns the
            open talk already suggested instead of creating another one
        :return: the ``aux.talk`` record (state ``suggested``), in the caller's
            environment. The talk is created with superuser rights, so a module
            acting for a user without welfare rights (e.g. an assessment
            approval) can call it. The talker is the manager of the person's
            unit (or of the nearest parent unit that has one); the planned
            date is today plus the company's "Days to Hold a Suggested Talk".
        """
        employee.ensure_one()
        if trigger not in dict(self._fields["trigger"].selection):
            raise UserError(_("Unknown talk trigger %s.") % trigger)
        Talk = self.sudo()
        if origin:
            existing = Talk.search([
                ("employee_id", "=", employee.id), ("trigger", "=", trigger),
                ("origin", "=", origin), ("state", "in", ("suggested", "planned"))],
                limit=1)
            if existing:
                return self.browse(existing.id)
        employee = employee.sudo()
        company = employee.company_id or self.env.user.company_id
        # the manager of the person's unit, else of the nearest parent unit
        department = employee.department_id
        while department and not department.manager_id.user_id:
            department = department.parent_id
        planned = fields.Date.from_string(local_today(self)) + timedelta(
            days=company.aux_talk_suggestion_days)
        # a suggested talk and its origin are created here only
        talk = trust(Talk).create({
            "name": _("Talk with %s") % employee.name,
            "company_id": company.id,
            "employee_id": employee.id,
            "trigger": trigger,
            "reason": reason,
            "origin": origin or False,
            "talker_id": department.manager_id.user_id.id or False,
            "date_planned": fields.Date.to_string(planned),
            "state": "suggested",
        })
        return self.browse(talk.id)
