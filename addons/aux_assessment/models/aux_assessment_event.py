# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted, trust
from odoo.addons.aux_personnel.tools.local_time import local_today

UNIT_GROUP = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE_GROUP = "aux_personnel.group_aux_personnel_user"
# Changes of these fields move an event to another sheet or change its effect.
POSTING_FIELDS = {"employee_id", "date", "item_id", "state", "points", "type_id"}
# A confirmed event is locked (read-only in the form).
LOCKED = {"confirmed": [("readonly", True)]}


class AuxAssessmentEvent(models.Model):
    """A reward or penalty recorded during a period.

    A confirmed event is posted automatically to the sheet line of the
    employee's monthly sheet whose period contains the event date and whose item has
    the code of the event's item, now or when the sheet is generated later.

    The unit records and confirms the events of its people (a veto item is
    confirmed by the auxiliary office); a confirmed event is locked: only the
    office cancels it, and not while the sheet it counts on is confirmed.
    """

    _name = "aux.assessment.event"
    _description = "Assessment Event"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date desc, id desc"
    _aux_transitions = {
        "confirm": {"from": ("draft",), "to": "confirmed", "groups": (UNIT_GROUP,)},
        "cancel": {"from": ("draft",), "to": "cancelled", "groups": (UNIT_GROUP,)},
        "revoke": {"from": ("confirmed",), "to": "cancelled", "groups": (OFFICE_GROUP,)},
        "draft": {"from": ("cancelled",), "to": "draft", "groups": (UNIT_GROUP,)},
    }
    _aux_locked_states = ("confirmed",)
    _aux_unlink_states = ("draft", "cancelled")
    # who recorded it, the posting, the stored fields the server computes, and
    # the award list result it records
    _aux_workflow_fields = ("author_id", "sheet_line_id", "sheet_id", "department_id",
                            "is_veto", "is_commendation", "award_sheet_id", "training_month")

    employee_id = fields.Many2one("hr.employee", required=True,
                                  index=True, track_visibility="onchange", states=LOCKED)
    department_id = fields.Many2one(related="employee_id.department_id", store=True,
                                    readonly=True, string="Unit")
    date = fields.Date(required=True, default=local_today, index=True,
                       track_visibility="onchange", states=LOCKED)
    type_id = fields.Many2one("aux.assessment.event.type", string="Event Type",
                              required=True, track_visibility="onchange", states=LOCKED)
    item_id = fields.Many2one("aux.assessment.item",
                              track_visibility="onchange", states=LOCKED)
    points = fields.Float(track_visibility="onchange", states=LOCKED)
    is_veto = fields.Boolean(related="type_id.is_veto", store=True, readonly=True)
    is_commendation = fields.Boolean(related="type_id.is_commendation", store=True,
                                     readonly=True)
    commendation_level = fields.Selection(related="type_id.commendation_level",
                                          readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence", states=LOCKED)
    author_id = fields.Many2one("res.users", required=True, readonly=True, copy=False,
                                default=lambda self: self.env.uid)
    description = fields.Text(states=LOCKED)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True, default="draft", readonly=True, copy=False,
        track_visibility="onchange")
    sheet_line_id = fields.Many2one("aux.assessment.sheet.line",
                                    readonly=True, copy=False, index=True,
                                    ondelete="set null")
    sheet_id = fields.Many2one(related="sheet_line_id.sheet_id", store=True,
                               readonly=True, string="Sheet")
    training_month = fields.Char(
        readonly=True, copy=False, index=True,
        help="Month (YYYY-MM) of the training results this event records; set by "
             "the server when training results are handed over.")
    award_sheet_id = fields.Many2one(
        "aux.assessment.sheet", string="Award List Result", readonly=True, index=True,
        copy=False, ondelete="restrict",
        help="The annual result whose place on the award list this commendation "
             "records (set by publishing the award list).")

    @api.multi
    def name_get(self):
        return [(event.id, "%s: %s (%s)" % (event.employee_id.name, event.type_id.name,
                                            event.date)) for event in self]

    @api.onchange("type_id")
    def _onchange_type_id(self):
        if self.type_id:
            self.points = self.type_id.default_points
            self.item_id = self.type_id.item_id

    @api.model
    def create(self, vals):
        if vals.get("type_id"):
            etype = self.env["aux.assessment.event.type"].browse(vals["type_id"])
            vals = dict(vals)
            vals.setdefault("item_id", etype.item_id.id)
            vals.setdefault("points", etype.default_points)
        event = super().create(vals)
        event._post_to_sheets()
        if event.state == "confirmed":  # recorded confirmed by server code (imports, demo)
            event._aux_after_confirm()
        return event

    @api.multi
    def write(self, vals):
        touched = self.mapped("sheet_id") if POSTING_FIELDS & set(vals) else None
        res = super().write(vals)
        if "employee_id" in vals and not is_trusted(self):
            self.check_access_rule("write")  # nobody moves an event out of his reach
        if touched is not None:
            self._post_to_sheets()
            (touched | self.mapped("sheet_id"))._refresh_event_figures()
        return res

    @api.multi
    def unlink(self):
        sheets = self.mapped("sheet_id")
        employees = self.mapped("employee_id")
        dates = self.mapped("date")
        res = super().unlink()
        if employees:
            self.env["aux.assessment.sheet"]._sheets_for_dates(
                employees, min(dates), max(dates))._refresh_event_figures()
        sheets.exists()._refresh_event_figures()
        return res

    @api.multi
    def _aux_check_transition(self, name):
        res = super()._aux_check_transition(name)
        if name == "confirm":
            self._check_veto_rights()
        elif name == "revoke":
            for event in self.sudo().filtered(lambda e: e.sheet_id.state == "confirmed"):
                raise UserError(
                    _("Event %(type)s of %(employee)s counts on the confirmed sheet "
                      "%(sheet)s: a manager must reopen the sheet before the event is "
                      "cancelled.")
                    % {"type": event.type_id.name, "employee": event.employee_id.name,
                       "sheet": event.sheet_id.name})
        return res

    @api.multi
    def _aux_transition(self, name, values=None, note=None):
        res = super()._aux_transition(name, values=values, note=note)
        if name == "confirm":
            self._aux_after_confirm()
        elif name == "revoke":
            self._aux_after_revoke()
        return res

    @api.multi
    def _aux_after_confirm(self):
        """What a confirmed event sets off: a veto opens its mandatory
        discipline case and changes the renewal advice; vetoes and penalty
        points are signalled to the must-talk rules (aux_welfare)."""
        events = self.sudo()
        vetoes = events.filtered("is_veto")
        Employee = self.env["hr.employee"]
        if vetoes:
            self.env["aux.discipline.case"]._aux_open_for_vetoes(vetoes)
            Employee._aux_signal("veto", [{
                "employee": event.employee_id, "date": event.date,
                "reason": _("Veto item %(type)s on %(date)s") % {
                    "type": event.type_id.name, "date": event.date},
                "origin": "%s,%d" % (self._name, event.id), "key": "event-%d" % event.id,
                "codes": [event.type_id.code or ""],
            } for event in vetoes])
            self.env["hr.contract"]._aux_refresh_renewal_advice(vetoes.mapped("employee_id"))
        penalties = events.filtered(lambda e: e.points < 0)
        if penalties:
            Employee._aux_signal("penalty_points", penalties._aux_penalty_signals())

    @api.multi
    def _aux_penalty_signals(self):
        """One signal per person and month (and per person and year) of the
        events: the penalty points confirmed in that month (year) so far
        (one search)."""
        years = sorted({event.date[:4] for event in self})
        rows = self.sudo().search_read([
            ("employee_id", "in", self.mapped("employee_id").ids), ("state", "=", "confirmed"),
            ("points", "<", 0), ("date", ">=", "%s-01-01" % years[0]),
            ("date", "<=", "%s-12-31" % years[-1])], ["employee_id", "date", "points"])
        months = {}
        for row in rows:
            key = (row["employee_id"][0], row["date"][:7])
            months[key] = months.get(key, 0.0) - row["points"]
        signals = []
        seen = set()
        for event in self.sorted(lambda e: (e.date, e.id)):
            emp_id, month, year = event.employee_id.id, event.date[:7], event.date[:4]
            if (emp_id, month) in seen:
                continue
            seen.add((emp_id, month))
            month_points = months.get((emp_id, month), 0.0)
            year_points = sum(points for (emp, key), points in months.items()
                              if emp == emp_id and key[:4] == year)
            origin = "%s,%d" % (self._name, event.id)
            for period_type, key, points in (("monthly", month, month_points),
                                             ("annual", year, year_points)):
                signals.append({
                    "employee": event.employee_id, "date": event.date, "origin": origin,
                    "period_type": period_type, "key": key, "value": points,
                    "reason": _("%(points)g penalty points in %(period)s (last: %(type)s "
                                "on %(date)s)") % {
                        "points": points, "period": key, "type": event.type_id.name,
                        "date": event.date}})
        return signals

    @api.multi
    def _aux_after_revoke(self):
        """A revoked veto cancels its open mandatory case and the advice changes."""
        vetoes = self.sudo().filtered("is_veto")
        if vetoes:
            self.env["aux.discipline.case"]._aux_close_for_revoked(vetoes)
            self.env["hr.contract"]._aux_refresh_renewal_advice(vetoes.mapped("employee_id"))

    @api.multi
    def _check_veto_rights(self):
        """Only the auxiliary office confirms a veto event."""
        if self.env.user.has_group(OFFICE_GROUP):
            return
        for event in self.filtered("is_veto"):
            raise AccessError(
                _("Event %(type)s of %(employee)s is a veto item: only the auxiliary "
                  "office can confirm it.")
                % {"type": event.type_id.name, "employee": event.employee_id.name})

    @api.multi
    def action_confirm(self):
        self._aux_transition("confirm")

    @api.multi
    def action_cancel(self):
        """Cancel draft events (the unit) or confirmed ones (the office)."""
        drafts = self.filtered(lambda e: e.state == "draft")
        others = self - drafts
        if drafts:
            drafts._aux_check_transition("cancel")
        if others:
            others._aux_check_transition("revoke")
        drafts._aux_transition("cancel")
        others._aux_transition("revoke")

    @api.multi
    def action_draft(self):
        self._aux_transition("draft")

    @api.multi
    def _post_to_sheets(self, sheets=None):
        """Link each event to the line of the open sheet it belongs to.

        Set-based: one search of candidate sheets for all events. Confirmed
        sheets are left alone (their events wait for a reopening).
        """
        events = self.exists()
        if not events:
            return
        Sheet = self.env["aux.assessment.sheet"].sudo()
        if sheets is None:
            sheets = Sheet._sheets_for_dates(
                events.mapped("employee_id"), min(events.mapped("date")),
                max(events.mapped("date")))
        all_sheets = sheets.sudo()
        sheets = all_sheets.filtered(
            lambda s: s.period_type == "monthly" and s.state != "confirmed")
        by_employee = {}
        for sheet in sheets.sorted(lambda s: (s.period_id.date_to, s.period_id.date_from)):
            by_employee.setdefault(sheet.employee_id.id, []).append(sheet)
        to_link = {}
        for event in events.sudo():
            if event.sheet_id.state == "confirmed":
                continue
            target = self.env["aux.assessment.sheet.line"]
            if event.state == "confirmed" and event.item_id:
                # the shortest period containing the date wins (month before quarter)
                candidates = [
                    s for s in by_employee.get(event.employee_id.id, [])
                    if s.period_id.date_from <= event.date <= s.period_id.date_to]
                candidates.sort(key=lambda s: (
                    fields.Date.from_string(s.period_id.date_to)
                    - fields.Date.from_string(s.period_id.date_from)))
                for sheet in candidates:
                    line = sheet.line_ids.filtered(
                        lambda ln, code=event.item_id.code: ln.item_id.code == code)
                    if line:
                        target = line[0]
                        break
            if event.sheet_line_id != target:
                to_link.setdefault(target.id, self.browse())
                to_link[target.id] |= event
        for line_id, linked in to_link.items():
            # the posting alone (not in POSTING_FIELDS) does not post again
            trust(linked.sudo()).write({"sheet_line_id": line_id or False})
        (all_sheets | events.sudo().mapped("sheet_id"))._refresh_event_figures()
