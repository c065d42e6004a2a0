# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted, trust
from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_GROUP = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE_GROUP = "aux_personnel.group_aux_personnel_user"
MANAGER_GROUP = "aux_personnel.group_aux_personnel_manager"
# what the unit states about the violation: the unit's until it submits
UNIT_FIELD = {"draft": [("readonly", False)]}
# the decision: the office completes it until it confirms
DECISION_FIELD = {"draft": [("readonly", False)], "submitted": [("readonly", False)]}
OPEN_STATES = ("draft", "submitted")


class AuxDisciplineCase(models.Model):
    """A discipline case (纪律处分): the violation of one person, the sanction
    decided, its decision and its period of effect.

    The unit records the case and submits it; the auxiliary office completes
    the decision and confirms it. A confirmed veto event (一票否决) opens a
    mandatory case, which nobody cancels while the veto stands. A confirmed
    sanction in force blocks promotions (when its type says so), and a case
    whose violation falls in a contract's term gives the contract the renewal
    advice of its type.
    """

    _name = "aux.discipline.case"
    _description = "Discipline Case"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "violation_date desc, id desc"
    _aux_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "groups": (UNIT_GROUP,),
                   "user_field": "submit_user_id", "date_field": "submit_date"},
        "return": {"from": ("submitted",), "to": "draft", "groups": (OFFICE_GROUP,)},
        "confirm": {"from": ("submitted",), "to": "confirmed", "groups": (OFFICE_GROUP,),
                    "user_field": "confirm_user_id", "date_field": "confirm_date"},
        "cancel": {"from": OPEN_STATES, "to": "cancelled", "groups": (UNIT_GROUP,)},
        # with its veto event, by whoever revokes the event (the office)
        "veto_cancel": {"from": OPEN_STATES, "to": "cancelled", "groups": (OFFICE_GROUP,)},
        "draft": {"from": ("cancelled",), "to": "draft", "groups": (UNIT_GROUP,)},
        "revoke": {"from": ("confirmed",), "to": "revoked", "groups": (MANAGER_GROUP,),
                   "user_field": "revoke_user_id", "date_field": "revoke_date"},
    }
    _aux_locked_states = ("confirmed", "cancelled", "revoked")
    _aux_unlink_states = ("draft",)
    # the server's: the reference, the veto behind it, the reason of a
    # revocation, and the stored related fields (written through, they would
    # move the person or change the sanction type)
    _aux_workflow_fields = ("name", "event_id", "mandatory", "revoke_reason",
                            "department_id", "renewal_effect")

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False,
                       default="/")
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, states=UNIT_FIELD,
        track_visibility="onchange")
    department_id = fields.Many2one(related="employee_id.department_id", store=True,
                                    readonly=True, string="Unit")
    violation_date = fields.Date(
        string="Date of the Violation", required=True, index=True, readonly=True,
        states=UNIT_FIELD, default=local_today, track_visibility="onchange")
    facts = fields.Text(readonly=True, states=UNIT_FIELD,
                        help="What the person did, as established by the unit.")
    event_id = fields.Many2one(
        "aux.assessment.event", string="Veto Event", readonly=True, index=True,
        ondelete="set null", copy=False,
        help="The confirmed veto event (一票否决) that opened this case.")
    mandatory = fields.Boolean(
        readonly=True, copy=False,
        help="Opened by a confirmed veto event: it cannot be cancelled while the "
             "veto stands.")
    sanction_type_id = fields.Many2one(
        "aux.sanction.type", string="Sanction", index=True, readonly=True,
        states=DECISION_FIELD, ondelete="restrict", track_visibility="onchange")
    blocks_promotion = fields.Boolean(related="sanction_type_id.blocks_promotion",
                                      readonly=True)
    renewal_effect = fields.Selection(related="sanction_type_id.renewal_effect",
                                      readonly=True, store=True)
    decision_ref = fields.Char(
        string="Decision", readonly=True, states=DECISION_FIELD,
        track_visibility="onchange", help="Number of the sanction decision document.")
    decision_date = fields.Date(readonly=True, states=DECISION_FIELD,
                                track_visibility="onchange")
    date_from = fields.Date(
        string="In Force From", readonly=True, states=DECISION_FIELD,
        track_visibility="onchange",
        help="Start of the period of effect; empty: the decision date.")
    date_to = fields.Date(
        string="In Force Until", readonly=True, states=DECISION_FIELD,
        track_visibility="onchange",
        help="End of the period of effect; empty: from the sanction type's months "
             "in force (no end when the type has none).")
    attachment_ids = fields.Many2many(
        "ir.attachment", "aux_discipline_case_attachment_rel", "case_id", "attachment_id",
        string="Attachments", readonly=True, states=DECISION_FIELD)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted by Unit"),
         ("confirmed", "Confirmed"), ("cancelled", "Cancelled"), ("revoked", "Revoked")],
        required=True, default="draft", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    submit_user_id = fields.Many2one("res.users", string="Submitted by", readonly=True,
                                     copy=False)
    submit_date = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    confirm_user_id = fields.Many2one("res.users", string="Confirmed by", readonly=True,
                                      copy=False)
    confirm_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)
    revoke_user_id = fields.Many2one("res.users", string="Revoked by", readonly=True,
                                     copy=False)
    revoke_date = fields.Datetime(string="Revoked on", readonly=True, copy=False)
    revoke_reason = fields.Text(readonly=True, copy=False, track_visibility="onchange")
    in_force = fields.Boolean(
        compute="_compute_in_force", search="_search_in_force",
        help="Confirmed and within its period of effect today.")

    # Computes ---------------------------------------------------------------

    @api.model
    def _in_force_domain(self, date):
        """Confirmed cases in force on ``date``."""
        return [("state", "=", "confirmed"), ("date_from", "<=", date),
                "|", ("date_to", "=", False), ("date_to", ">=", date)]

    @api.multi
    def _compute_in_force(self):
        today = local_today(self)
        for case in self:
            case.in_force = case.state == "confirmed" and case.date_from \
                and case.date_from <= today and (not case.date_to or case.date_to >= today)

    @api.model
    def _search_in_force(self, operator, value):
        domain = self._in_force_domain(local_today(self))
        if (operator in ("=", "==")) == bool(value):
            return domain
        return [("id", "not in", self.sudo().search(domain).ids)]

    # Constraints --------------------------------------------------------------

    @api.constrains("violation_date", "decision_date", "date_from", "date_to")
    def _check_dates(self):
        today = local_today(self)
        for case in self.sudo():  # the checks read the person, who may be out of sight
            # a case opened by a confirmed veto event takes the event's date,
            # which the assessment's own rules accepted (a test bureau dates
            # its months ahead); a case typed by hand cannot be in the future
            if case.violation_date > today and not case.event_id:
                raise ValidationError(_(
                    "Discipline case %(case)s of %(person)s: the violation date %(date)s "
                    "is in the future.") % {"case": case.name,
                                            "person": case.employee_id.name,
                                            "date": case.violation_date})
            if case.decision_date and case.decision_date < case.violation_date:
                raise ValidationError(_(
                    "Discipline case %(case)s of %(person)s: the decision (%(decision)s) "
                    "comes before the violation (%(date)s).") % {
                    "case": case.name, "person": case.employee_id.name,
                    "decision": case.decision_date, "date": case.violation_date})
            if case.date_from and case.date_to and case.date_to < case.date_from:
                raise ValidationError(_(
                    "Discipline case %(case)s of %(person)s: the sanction ends (%(end)s) "
                    "before it starts (%(start)s).") % {
                    "case": case.name, "person": case.employee_id.name,
                    "end": case.date_to, "start": case.date_from})

    # CRUD ---------------------------------------------------------------------

    @api.model
    def _aux_server_values(self, vals):
        vals = dict(super()._aux_server_values(vals))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].sudo().next_by_code(
                "aux.discipline.case") or "/"
        return vals

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "employee_id" in vals and not is_trusted(self):
            self.check_access_rule("write")  # nobody moves a case out of his reach
        return res

    @api.multi
    def unlink(self):
        if not is_trusted(self):
            for case in self.filtered("mandatory"):
                raise UserError(_(
                    "Discipline case %(case)s was opened by the veto event %(event)s: "
                    "it is mandatory and cannot be deleted.")
                    % {"case": case.name, "event": case.event_id.display_name})
        return super().unlink()

    # Workflow -----------------------------------------------------------------

    @api.multi
    def _aux_check_transition(self, name):
        res = super()._aux_check_transition(name)
        if self.env.uid != SUPERUSER_ID and name in ("submit", "confirm"):
            own = self.filtered(lambda c: c.sudo().employee_id.user_id == self.env.user)
            if own:
                raise AccessError(_(
                    "Discipline case %s concerns you: a colleague submits and confirms "
                    "it.") % own[0].name)
        if name == "submit":
            for case in self.filtered(lambda c: not c.sanction_type_id):
                raise UserError(_(
                    "Discipline case %(case)s of %(person)s: propose a sanction before "
                    "submitting it.") % {"case": case.name, "person": case.employee_id.name})
        if name == "confirm":
            for case in self:
                missing = [case._fields[f]._description_string(self.env)
                           for f in ("sanction_type_id", "decision_ref", "decision_date")
                           if not case[f]]
                if missing:
                    raise UserError(_(
                        "Discipline case %(case)s of %(person)s cannot be confirmed "
                        "without: %(fields)s.") % {
                        "case": case.name, "person": case.employee_id.name,
                        "fields": ", ".join(missing)})
                stype = case.sanction_type_id
                if case.decision_date < stype.date_from or (
                        stype.date_to and case.decision_date > stype.date_to):
                    raise UserError(_(
                        "Discipline case %(case)s: the sanction %(type)s is not valid on "
                        "the decision date %(date)s.") % {
                        "case": case.name, "type": stype.name, "date": case.decision_date})
        if name == "cancel":
            for case in self.filtered(
                    lambda c: c.mandatory and c.sudo().event_id.state == "confirmed"):
                raise UserError(_(
                    "Discipline case %(case)s was opened by the confirmed veto event "
                    "%(event)s: it cannot be cancelled while the veto stands (the office "
                    "revokes the event first).") % {
                    "case": case.name, "event": case.sudo().event_id.display_name})
        return res

    @api.multi
    def _aux_log_transition(self, name, before, note=None):
        res = super()._aux_log_transition(name, before, note)
        self.env["hr.contract"]._aux_refresh_renewal_advice(self.sudo().mapped("employee_id"))
        return res

    @api.multi
    def action_submit(self):
        return self._aux_transition("submit")

    @api.multi
    def action_return(self):
        return self._aux_transition("return")

    @api.multi
    def action_confirm(self):
        """Confirm the decision; the period of effect starts on the decision
        date and lasts the sanction type's months unless given."""
        self._aux_check_transition("confirm")
        for case in self:
            start = case.date_from or case.decision_date
            values = {"date_from": start,
                      "date_to": case.date_to or case.sanction_type_id._end_of_effect(start)}
            case._aux_transition("confirm", values=values)
        return True

    @api.multi
    def action_cancel(self):
        return self._aux_transition("cancel")

    @api.multi
    def action_draft(self):
        return self._aux_transition("draft")

    @api.multi
    def action_revoke(self):
        self.ensure_one()
        self._aux_check_transition("revoke")
        return {
            "type": "ir.actions.act_window",
            "name": _("Revoke Sanction"),
            "res_model": "aux.discipline.case.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    @api.multi
    def _revoke(self, reason):
        """Revoke confirmed sanctions (e.g. after an appeal): managers only,
        with the reason kept on the case and in its chatter."""
        self._aux_check_transition("revoke")
        if not (reason or "").strip():
            raise UserError(_("Give the reason for revoking the sanction."))
        return self._aux_transition("revoke", values={"revoke_reason": reason}, note=reason)

    # Veto events --------------------------------------------------------------

    @api.model
    def _aux_open_for_vetoes(self, events):
        """Open the mandatory case of each confirmed veto event that has none
        (one search); the proposed sanction is the event type's."""
        events = events.sudo().filtered(lambda e: e.is_veto and e.state == "confirmed")
        if not events:
            return self.browse()
        taken = set(self.sudo().search([("event_id", "in", events.ids),
                                        ("state", "!=", "cancelled")]).mapped("event_id").ids)
        creator = trust(self.sudo())
        cases = self.browse()
        for event in events.filtered(lambda e: e.id not in taken):
            facts = event.type_id.name
            if event.description:
                facts = "%s: %s" % (facts, event.description)
            case = creator.create({
                "employee_id": event.employee_id.id,
                "violation_date": event.date,
                "facts": facts,
                "event_id": event.id,
                "mandatory": True,
                "sanction_type_id": event.type_id.sanction_type_id.id,
                "attachment_ids": [(6, 0, event.attachment_ids.ids)],
            })
            case.message_post(
                body=_("Opened by the confirmed veto event %s: the case is mandatory.")
                % event.display_name, subtype="mail.mt_note")
            cases |= case
        return cases.with_env(self.env)

    @api.model
    def _aux_close_for_revoked(self, events):
        """The veto events were revoked: their open mandatory cases are
        cancelled; a confirmed one is left to a manager (a note says so)."""
        cases = self.sudo().search([("event_id", "in", events.ids), ("mandatory", "=", True),
                                    ("state", "in", ("draft", "submitted", "confirmed"))])
        open_cases = cases.filtered(lambda c: c.state in OPEN_STATES)
        if open_cases:
            open_cases.with_env(self.env)._aux_transition(
                "veto_cancel", note=_("the veto event was revoked"))
        for case in cases - open_cases:
            case.message_post(
                body=_("The veto event %s was revoked: a manager decides whether the "
                       "sanction is revoked too.") % case.event_id.display_name,
                subtype="mail.mt_note")
        return cases

    # Reading for the consequences ------------------------------------------

    @api.model
    def _aux_promotion_blockers(self, employees, date):
        """{employee id: [reason]} of the sanctions that block a promotion on
        ``date``: confirmed sanctions in force whose type blocks promotions,
        and pending cases of such a type (or mandatory ones not yet typed)."""
        pending = [("state", "in", OPEN_STATES), ("violation_date", "<=", date)]
        in_force = [("sanction_type_id.blocks_promotion", "=", True)] \
            + self._in_force_domain(date)
        cases = self.sudo().search(expression.AND([
            [("employee_id", "in", employees.ids)],
            expression.OR([expression.normalize_domain(pending),
                           expression.normalize_domain(in_force)])]),
            order="violation_date, id")
        blockers = {}
        for case in cases:
            if case.sanction_type_id and not case.sanction_type_id.blocks_promotion:
                continue
            if case.state == "confirmed":
                reason = _("Sanction %(type)s (%(ref)s of %(date)s) in force until "
                           "%(until)s") % {
                    "type": case.sanction_type_id.name, "ref": case.decision_ref,
                    "date": case.decision_date, "until": case.date_to or _("further notice")}
            elif case.state == "draft" and not case.mandatory:
                # a draft the unit has not submitted is not yet a case
                continue
            else:
                reason = _("Discipline case %(case)s pending (violation of %(date)s)") % {
                    "case": case.name, "date": case.violation_date}
            blockers.setdefault(case.employee_id.id, []).append(reason)
        return blockers
