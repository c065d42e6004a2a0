# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today


UNIT_LEADER = "aux_personnel.group_aux_personnel_unit_leader"


class AuxLifeEvent(models.Model):
    _name = "aux.life.event"
    _description = "Life Event of an Auxiliary or Family Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "aux.private.fields.mixin",
                "aux.workflow.mixin", "aux.employee.company.mixin"]
    _order = "event_date desc, id desc"
    # The person (or a colleague, or the unit) reports; the unit leader or a
    # welfare officer (or the office) confirms, closes, cancels.
    _aux_transitions = {
        "confirm": {"from": ("draft",), "to": "confirmed", "groups": (UNIT_LEADER,)},
        "close": {"from": ("confirmed",), "to": "closed", "groups": (UNIT_LEADER,)},
        "cancel": {"from": ("draft", "confirmed"), "to": "cancelled",
                   "groups": (UNIT_LEADER,)},
        "reset": {"from": ("cancelled",), "to": "draft", "groups": (UNIT_LEADER,)},
    }
    _aux_locked_states = ("closed", "cancelled")
    _aux_workflow_fields = ("name", "reporter_id", "department_id")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True,
        default="/")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.life.event"),
        readonly=True, states={"draft": [("readonly", False)]})
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True,
        track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]})
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True,
        string="Unit")
    family_member_id = fields.Many2one(
        "aux.family.member",
        readonly=True, states={"draft": [("readonly", False)]},
        help="Leave empty when the event concerns the person.")
    event_type_id = fields.Many2one(
        "aux.life.event.type", required=True,
        track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]})
    event_date = fields.Date(
        string="Date", required=True, default=local_today,
        track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]})
    description = fields.Text()
    medical_detail = fields.Text(
        groups="aux_welfare.group_aux_welfare_officer",
        help="Diagnosis, treatment and other sensitive detail; only welfare "
             "officers can read it.")
    reported_by = fields.Selection(
        [("self", "The person"),
         ("colleague", "A colleague"),
         ("unit", "The unit")],
        required=True, default="unit")
    reporter_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user,
        readonly=True)
    state = fields.Selection(
        [("draft", "Reported"),
         ("confirmed", "Confirmed"),
         ("closed", "Closed"),
         ("cancelled", "Cancelled")],
        default="draft", required=True, track_visibility="onchange", copy=False)
    visit_ids = fields.One2many("aux.care.visit", "event_id", string="Visits",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    talk_ids = fields.One2many("aux.talk", "event_id", string="Talks",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    payment_ids = fields.One2many("aux.care.payment", "event_id", string="Care Payments")
    visit_count = fields.Integer(
        compute="_compute_care_counts",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    talk_count = fields.Integer(
        compute="_compute_care_counts",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    payment_count = fields.Integer(compute="_compute_payment_count")

    @api.multi
    @api.depends("visit_ids", "talk_ids")
    def _compute_care_counts(self):
        for event in self:
            event.visit_count = len(event.visit_ids)
            event.talk_count = len(event.talk_ids)

    @api.multi
    @api.depends("payment_ids")
    def _compute_payment_count(self):
        for event in self:
            event.payment_count = len(event.payment_ids)

    @api.constrains("employee_id", "family_member_id")
    def _check_family_member(self):
        for event in self:
            member = event.sudo().family_member_id
            if member and member.employee_id != event.employee_id:
                raise ValidationError(_(
                    "Life event %(event)s: %(member)s is not a family member of "
                    "%(person)s.") % {"event": event.name, "member": member.name,
                                      "person": event.employee_id.name})

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.family_member_id and self.family_member_id.employee_id != self.employee_id:
            self.family_member_id = False

    @api.model
    def _aux_server_values(self, vals):
        vals = dict(super(AuxLifeEvent, self)._aux_server_values(vals))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code("aux.life.event") or "/"
        return vals

    @api.multi
    def write(self, vals):
        res = super(AuxLifeEvent, self).write(vals)
        if "employee_id" in vals:
            # the person chosen must be one the user may write an event for
            self.check_access_rule("write")
        return res

    @api.multi
    def _aux_check_transition(self, name):
        """Nobody confirms his own life event; an event closes once its visits
        are made."""
        res = super(AuxLifeEvent, self)._aux_check_transition(name)
        if name == "confirm" and self.env.uid != SUPERUSER_ID:
            own = self.filtered(lambda e: e.sudo().employee_id.user_id == self.env.user)
            if own:
                raise AccessError(_(
                    "Life event %s concerns you: your unit leader or a welfare officer "
                    "confirms it.") % own[0].name)
        if name == "close":
            for event in self:
                open_visits = event.sudo().visit_ids.filtered(
                    lambda v: v.state in ("todo", "overdue"))
                if open_visits:
                    raise UserError(_(
                        "Life event %(event)s cannot be closed: %(count)s visit(s) still "
                        "to be made.") % {"event": event.name, "count": len(open_visits)})
        return res

    @api.multi
    def action_confirm(self):
        """Confirm the events and create what the must-visit rules ask for.
        A confirmed life event is also a signal for the must-talk rules."""
        self._aux_transition("confirm")
        self._create_care_tasks()
        events = self.sudo()
        self.env["hr.employee"]._aux_signal("life_event", [{
            "employee": event.employee_id, "date": event.event_date,
            "origin": "%s,%d" % (self._name, event.id), "key": "life-event-%d" % event.id,
            "codes": [event.event_type_id.code], "life_event_id": event.id,
            "reason": _("Life event %(ref)s: %(type)s on %(date)s") % {
                "ref": event.name, "type": event.event_type_id.name,
                "date": event.event_date},
        } for event in events])
        return True

    @api.multi
    def action_close(self):
        return self._aux_transition("close")

    @api.multi
    def action_cancel(self):
        """Cancel the events and their visits still to be made."""
        self._aux_check_transition("cancel")
        self.sudo().mapped("visit_ids").filtered(
            lambda v: v.state in ("todo", "overdue")).with_env(self.env)._aux_transition(
            "event_cancel")
        return self._aux_transition("cancel")

    @api.multi
    def action_draft(self):
        return self.filtered(lambda e: e.state == "cancelled")._aux_transition("reset")

    @api.multi
    def _create_care_tasks(self):
        """Create the visit tasks (and condolence payment drafts) of the rules."""
        Rule = self.env["aux.visit.rule"]
        # the task, its person, rule and deadline are set here only
        Visit = trust(self.env["aux.care.visit"])
        Payment = self.env["aux.care.payment"]
        for event in self:
            rules = Rule._get_applicable(
                event.event_type_id, event.event_date, event.company_id)
            existing = event.visit_ids.mapped("rule_id")
            for rule in rules - existing:
                Visit.create(event._prepare_visit_values(rule))
            paying = rules.filtered("payment_applies")
            if paying and not event.payment_ids:
                rule = max(paying, key=lambda r: r.standard_amount)
                Payment.create(event._prepare_payment_values(rule))

    @api.multi
    def _get_visitor(self, rule):
        """Who must visit for ``rule``: a hook other modules can extend."""
        self.ensure_one()
        if rule.visitor_role == "unit_leader":
            # the manager of the person's unit, else of the nearest parent unit
            department = self.sudo().employee_id.department_id
            while department and not department.manager_id.user_id:
                department = department.parent_id
            return department.manager_id.user_id
        return rule.visitor_user_id or self.company_id.aux_welfare_bureau_leader_id

    @api.multi
    def _prepare_visit_values(self, rule):
        self.ensure_one()
        deadline = fields.Date.from_string(self.event_date) + timedelta(days=rule.days)
        return {
            "event_id": self.id,
            "employee_id": self.employee_id.id,
            "rule_id": rule.id,
            "visitor_role": rule.visitor_role,
            "visitor_id": self._get_visitor(rule).id,
            "deadline": fields.Date.to_string(deadline),
        }

    @api.multi
    def _prepare_payment_values(self, rule):
        self.ensure_one()
        return {
            "employee_id": self.employee_id.id,
            "event_id": self.id,
            "payment_type": rule.payment_type,
            "amount": rule.standard_amount,
        }

    @api.multi
    def action_view_visits(self):
        self.ensure_one()
        action = self.env.ref("aux_welfare.aux_care_visit_action").read()[0]
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action

    @api.multi
    def action_view_talks(self):
        self.ensure_one()
        action = self.env.ref("aux_welfare.aux_talk_action").read()[0]
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id, "default_employee_id": self.employee_id.id,
            "default_trigger": "event"}
        return action

    @api.multi
    def action_view_payments(self):
        self.ensure_one()
        action = self.env.ref("aux_welfare.aux_care_payment_action").read()[0]
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id, "default_employee_id": self.employee_id.id}
        return action
