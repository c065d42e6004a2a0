# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

# Changes of these fields move an event to another sheet or change its effect.
POSTING_FIELDS = {"employee_id", "date", "item_id", "state", "points", "type_id"}


class AuxAssessmentEvent(models.Model):
    """A reward or penalty recorded during a period.

    A confirmed event is posted automatically to the sheet line of the
    employee's sheet whose period contains the event date and whose item has
    the code of the event's item, now or when the sheet is generated later.
    """

    _name = "aux.assessment.event"
    _description = "Assessment Event"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    employee_id = fields.Many2one("hr.employee", required=True,
                                  index=True, track_visibility="onchange")
    department_id = fields.Many2one(related="employee_id.department_id", store=True,
                                    readonly=True, string="Unit")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True,
                       track_visibility="onchange")
    type_id = fields.Many2one("aux.assessment.event.type", string="Event Type",
                              required=True, track_visibility="onchange")
    item_id = fields.Many2one("aux.assessment.item",
                              track_visibility="onchange")
    points = fields.Float(track_visibility="onchange")
    is_veto = fields.Boolean(related="type_id.is_veto", store=True, readonly=True)
    is_commendation = fields.Boolean(related="type_id.is_commendation", store=True,
                                     readonly=True)
    commendation_level = fields.Selection(related="type_id.commendation_level",
                                          readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    author_id = fields.Many2one("res.users", required=True,
                                default=lambda self: self.env.user)
    description = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True, default="draft", track_visibility="onchange")
    sheet_line_id = fields.Many2one("aux.assessment.sheet.line",
                                    readonly=True, copy=False, index=True,
                                    ondelete="set null")
    sheet_id = fields.Many2one(related="sheet_line_id.sheet_id", store=True,
                               readonly=True, string="Sheet")

    @api.onchange("type_id")
    def _onchange_type_id(self):
        if self.type_id:
            self.points = self.type_id.default_points
            self.item_id = self.type_id.item_id

    @api.model
    def create(self, vals):
        if vals.get("type_id"):
            etype = self.env["aux.assessment.event.type"].browse(vals["type_id"])
            vals.setdefault("item_id", etype.item_id.id)
            vals.setdefault("points", etype.default_points)
        event = super().create(vals)
        event._check_veto_rights()
        event._post_to_sheets()
        return event

    @api.multi
    def write(self, vals):
        if self.env.context.get("aux_event_posting"):
            return super().write(vals)
        touched = self.mapped("sheet_id") if POSTING_FIELDS & set(vals) else None
        res = super().write(vals)
        if touched is not None:
            self._check_veto_rights()
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
    def _check_veto_rights(self):
        """Only the auxiliary office confirms a veto event."""
        if self.env.user.has_group("aux_personnel.group_aux_personnel_user"):
            return
        for event in self.filtered(lambda e: e.is_veto and e.state == "confirmed"):
            raise AccessError(
                _("Event %(type)s of %(employee)s is a veto item: only the auxiliary "
                  "office can confirm it.")
                % {"type": event.type_id.name, "employee": event.employee_id.name})

    @api.multi
    def action_confirm(self):
        self.write({"state": "confirmed"})

    @api.multi
    def action_cancel(self):
        self.write({"state": "cancelled"})

    @api.multi
    def action_draft(self):
        self.write({"state": "draft"})

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
            lambda s: s.period_type != "annual" and s.state != "confirmed")
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
            linked.sudo().with_context(aux_event_posting=True).write(
                {"sheet_line_id": line_id or False})
        (all_sheets | events.sudo().mapped("sheet_id"))._refresh_event_figures()
