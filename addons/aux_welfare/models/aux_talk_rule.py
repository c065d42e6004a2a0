# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

TALK_TRIGGERS = [
    ("life_event", "Life event"),
    ("penalty_points", "Penalty points"),
    ("low_band", "Low assessment band"),
    ("veto", "Veto item"),
    ("planned_exit", "Planned exit"),
]
# the kind of talk (aux.talk.trigger) each rule trigger plans
TALK_KIND = {"life_event": "event", "penalty_points": "warning", "low_band": "warning",
             "veto": "warning", "planned_exit": "exit"}
PERIOD_TYPES = [("monthly", "Month"), ("quarterly", "Quarter"), ("annual", "Year")]


class AuxTalkRule(models.Model):
    """A must-talk rule (必谈): when something happens to a person (a life
    event, penalty points over a threshold, a low band, a veto, a planned
    exit), a heart-to-heart talk is planned with the person's leader within
    a number of days.

    The occurrences come from the register and the assessment through
    ``hr.employee._aux_signal`` (aux_personnel), so that this addon does not
    depend on the assessment; each occurrence is answered once per rule.
    """

    _name = "aux.talk.rule"
    _description = "Must-talk Rule"
    _order = "trigger, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.talk.rule"))
    trigger = fields.Selection(TALK_TRIGGERS, required=True, index=True)
    event_type_ids = fields.Many2many(
        "aux.life.event.type", string="Life Event Types",
        help="Life events: the types that call for a talk; empty: every type.")
    period_type = fields.Selection(
        PERIOD_TYPES, string="Period",
        help="Penalty points: the period over which the points are added up. Low "
             "band: the period of the result (monthly, quarterly or annual sheet).")
    min_penalty_points = fields.Float(
        string="Penalty Points From",
        help="Penalty points: a talk once the points lost in the period reach this.")
    band_codes = fields.Char(
        help="Low band: codes of the assessment bands that call for a talk, separated "
             "by commas (e.g. basic, incompetent).")
    exit_reason_ids = fields.Many2many(
        "aux.exit.reason", string="Exit Reasons",
        help="Planned exit: the reasons that call for a talk; empty: every reason.")
    days = fields.Integer(
        string="Talk Within (days)", required=True, default=7,
        help="The talk is planned this many days after the rule fires.")
    talker_role = fields.Selection(
        [("unit_leader", "Unit leader"), ("named", "Named person")],
        string="Who Talks", required=True, default="unit_leader",
        help="Unit leader: the manager of the person's unit (or of the nearest unit "
             "above that has one). Named person: the user named on the rule.")
    talker_user_id = fields.Many2one("res.users", string="Named Talker")
    date_from = fields.Date(string="Valid From", required=True,
                            default=lambda self: "2000-01-01")
    date_to = fields.Date(string="Valid To")
    description = fields.Text(translate=True)

    @api.constrains("trigger", "days", "min_penalty_points", "band_codes", "period_type",
                    "talker_role", "talker_user_id", "date_from", "date_to")
    def _check_values(self):
        for rule in self:
            if rule.days < 0:
                raise ValidationError(_(
                    "Must-talk rule %s: the number of days cannot be negative.") % rule.name)
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    "Must-talk rule %s: the validity ends before it starts.") % rule.name)
            if rule.trigger == "penalty_points" and (
                    rule.min_penalty_points <= 0 or not rule.period_type):
                raise ValidationError(_(
                    "Must-talk rule %s: a penalty-points rule needs a period and a number "
                    "of points above 0.") % rule.name)
            if rule.trigger == "low_band" and not (rule._band_codes() and rule.period_type):
                raise ValidationError(_(
                    "Must-talk rule %s: a low-band rule needs a period and at least one "
                    "band code.") % rule.name)
            if rule.talker_role == "named" and not rule.talker_user_id:
                raise ValidationError(_(
                    "Must-talk rule %s: name the person who talks.") % rule.name)

    @api.multi
    def _band_codes(self):
        self.ensure_one()
        return {code.strip() for code in (self.band_codes or "").split(",") if code.strip()}

    @api.multi
    def _matches(self, signal):
        """Whether this rule answers ``signal`` (see hr.employee._aux_signal)."""
        self.ensure_one()
        date = signal["date"]
        if date < self.date_from or (self.date_to and date > self.date_to):
            return False
        codes = set(signal.get("codes") or ())
        if self.trigger == "life_event":
            types = set(self.event_type_ids.mapped("code"))
            return not types or bool(codes & types)
        if self.trigger == "penalty_points":
            return signal.get("period_type") == self.period_type \
                and signal.get("value", 0.0) >= self.min_penalty_points
        if self.trigger == "low_band":
            return signal.get("period_type") == self.period_type \
                and bool(codes & self._band_codes())
        if self.trigger == "planned_exit":
            reasons = set(self.exit_reason_ids.mapped("code"))
            return not reasons or bool(codes & reasons)
        return True

    @api.multi
    def _talker(self, employee):
        self.ensure_one()
        if self.talker_role == "named":
            return self.talker_user_id
        department = employee.sudo().department_id
        while department and not department.manager_id.user_id:
            department = department.parent_id
        return department.manager_id.user_id

    @api.model
    def _aux_answer(self, trigger, signals):
        """Plan the talks the rules of ``trigger`` ask for ``signals``, once
        per rule, person and occurrence (``key``). Set-based: one search of
        the rules and one of the talks already planned. Returns the talks."""
        Talk = self.env["aux.talk"]
        if not signals:
            return Talk
        rules = self.sudo().search([("trigger", "=", trigger)])
        if not rules:
            return Talk
        matches = []
        for signal in signals:
            employee = signal["employee"].sudo()
            company = employee.company_id or self.env.user.company_id
            for rule in rules.filtered(lambda r, c=company: r.company_id == c):
                if rule._matches(signal):
                    matches.append((rule, signal))
        if not matches:
            return Talk
        existing = Talk.sudo().search([
            ("rule_id", "in", rules.ids),
            ("employee_id", "in", list({s["employee"].id for _r, s in matches})),
            ("trigger_key", "in", list({s["key"] for _r, s in matches})),
            ("state", "!=", "cancelled")])
        taken = {(t.rule_id.id, t.employee_id.id, t.trigger_key) for t in existing}
        today = fields.Date.from_string(local_today(self))
        creator = trust(Talk.sudo())
        talks = Talk.sudo()
        for rule, signal in matches:
            employee = signal["employee"].sudo()
            key = (rule.id, employee.id, signal["key"])
            if key in taken:
                continue
            taken.add(key)
            talk = creator.create({
                "name": _("%(rule)s: %(person)s") % {"rule": rule.name,
                                                       "person": employee.name},
                "company_id": rule.company_id.id,
                "employee_id": employee.id,
                "trigger": TALK_KIND[rule.trigger],
                "reason": signal.get("reason"),
                "origin": signal.get("origin") or False,
                "rule_id": rule.id,
                "trigger_key": signal["key"],
                "talker_id": rule._talker(employee).id or False,
                "date_planned": fields.Date.to_string(today + timedelta(days=rule.days)),
                "event_id": signal.get("life_event_id") or False,
            })
            talk.message_post(body=_("Planned by the must-talk rule %(rule)s: %(reason)s") % {
                "rule": rule.name, "reason": signal.get("reason") or ""},
                subtype="mail.mt_note")
            talks |= talk
        return talks.with_env(self.env)
