# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scoring grid: a unit's sheets of a period in one editable list, one
row per person and one column per item of the scheme.

A unit leader scores 30-40 people on the items of the five sections every
month. The grid shows the month's sheets of his unit with the score given
to each item as a column (``grid_score_01`` ... in the order of the scheme's
items, labelled with the item's name by ``fields_view_get``), so that he
types a row with Tab, goes to the next person with Enter, and sees the
total and the band of the row as he types (an onchange previews them from
the typed scores and the points of the confirmed events). Saving a row
writes the scores given on the sheet lines, as the user: the record rules
(a leader writes only his unit's draft sheets and their lines) and the
workflow locks apply as on the sheet form.
"""
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv.orm import setup_modifiers

# The number of item columns the grid can show: the width of a list view,
# not a rule of the domain (a scheme with more items is scored on its form).
GRID_COLUMNS = 15
GRID_FIELDS = tuple("grid_score_%02d" % index for index in range(1, GRID_COLUMNS + 1))
GRID_CONTEXT_KEY = "aux_grid_scheme_id"
# The bulk steps of the Action menu and the groups of their transitions.
BULK_ACTIONS = {
    "aux_assessment.aux_assessment_sheet_action_server_submit": "submit",
    "aux_assessment.aux_assessment_sheet_action_server_check": "check",
    "aux_assessment.aux_assessment_sheet_action_server_confirm": "confirm",
}


def _grid_field(index):
    # each column computes alone: Odoo 11 inverses the columns of a row one
    # at a time, and a shared compute would reset the typed columns not yet
    # inversed when it fills another one
    @api.depends("scheme_id", "line_ids.base_score", "line_ids.item_id")
    def compute(records):
        records._compute_grid_score(index - 1)

    return fields.Float(
        string="Item %d" % index, compute=compute,
        inverse="_inverse_grid_scores", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Score given to the item of this column of the scheme (the scoring "
             "grid names it): the item's score on the sheet is this score plus "
             "the points of the confirmed events, between 0 and the item's maximum.")


class AuxAssessmentSheet(models.Model):
    _inherit = "aux.assessment.sheet"

    # plain text in the grid: a many2one cell would take the focus (a link)
    # and Tab and Enter would stop on it instead of on the scores
    grid_person = fields.Char(related="employee_id.name", readonly=True, string="Person")
    grid_unit = fields.Char(related="department_id.name", readonly=True, string="Unit")
    grid_band = fields.Char(related="band_id.name", readonly=True, string="Band")
    grid_score_01 = _grid_field(1)
    grid_score_02 = _grid_field(2)
    grid_score_03 = _grid_field(3)
    grid_score_04 = _grid_field(4)
    grid_score_05 = _grid_field(5)
    grid_score_06 = _grid_field(6)
    grid_score_07 = _grid_field(7)
    grid_score_08 = _grid_field(8)
    grid_score_09 = _grid_field(9)
    grid_score_10 = _grid_field(10)
    grid_score_11 = _grid_field(11)
    grid_score_12 = _grid_field(12)
    grid_score_13 = _grid_field(13)
    grid_score_14 = _grid_field(14)
    grid_score_15 = _grid_field(15)

    @api.multi
    def _compute_grid_score(self, index):
        """Column ``index`` (from 0): the score given to the scheme's item of
        that rank (0 when the scheme has fewer items)."""
        name = GRID_FIELDS[index]
        for sheet in self:
            items = sheet.scheme_id.item_ids
            item = items[index] if index < len(items) else None
            line = item and sheet.line_ids.filtered(lambda ln, i=item: ln.item_id == i)[:1]
            sheet[name] = line.base_score if line else 0.0

    @api.multi
    def _inverse_grid_scores(self):
        """Write the changed scores on the sheet lines, as the user (his
        record rules on sheets and lines, and the locks, apply)."""
        self.check_access_rule("write")
        changes = []
        for sheet in self:
            lines = {line.item_id.id: line for line in sheet.line_ids}
            for name, item in zip(GRID_FIELDS, sheet.scheme_id.item_ids, strict=False):
                line = lines.get(item.id)
                if line and line.base_score != sheet[name]:
                    if not 0 <= sheet[name] <= item.max_score:
                        raise ValidationError(
                            _("%(sheet)s, item %(item)s: the score must be between 0 and "
                              "%(max)s.") % {"sheet": sheet.name, "item": item.name,
                                             "max": item.max_score})
                    changes.append((line, sheet[name]))
        # checked first, written after: a bad score leaves the row as it was
        for line, score in changes:
            line.write({"base_score": score})

    @api.onchange(*GRID_FIELDS)
    def _onchange_grid_scores(self):
        """Preview the total and the band of a row of the grid as it is typed:
        the same rules as the sheet (item score = score given + confirmed
        event points, kept between 0 and the item maximum; section subtotal
        at most the section's weight; a veto gives the lowest band).

        Odoo calls it on a new record holding the row's values; the sheet
        itself (its scheme, events, period and veto) is ``_origin``."""
        if len(self) != 1 or isinstance(self.id, int):
            return None
        origin = getattr(self, "_origin", None)
        if not origin or origin.period_type == "annual":
            return None
        scheme = origin.scheme_id
        events = {line.item_id.id: line.event_points for line in origin.line_ids}
        subtotals = {}
        warnings = []
        for name, item in zip(GRID_FIELDS, scheme.item_ids, strict=False):
            given = self[name]
            if not 0 <= given <= item.max_score:
                warnings.append(_("%(item)s: the score must be between 0 and %(max)s.")
                                % {"item": item.name, "max": "%g" % item.max_score})
            score = max(0.0, min(item.max_score, given + events.get(item.id, 0.0)))
            subtotals[item.section_id.id] = subtotals.get(item.section_id.id, 0.0) + score
        total = sum(min(subtotals.get(section.id, 0.0), section.weight)
                    for section in scheme.section_ids)
        Band = self.env["aux.assessment.band"]
        bands = Band._valid_bands(origin.period_date_to)
        self.total_score = total
        self.band_id = bands[-1:] if origin.veto else Band._band_for_score(
            total, origin.period_date_to, bands)
        if warnings:
            return {"warning": {"title": _("Score out of range"),
                                "message": "\n".join(warnings)}}
        return None

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False, submenu=False):
        """In the scoring grid (a list opened with the scheme in the context),
        each item column is labelled with its item and maximum, and the
        columns the scheme does not use are hidden."""
        result = super().fields_view_get(view_id=view_id, view_type=view_type,
                                         toolbar=toolbar, submenu=submenu)
        if toolbar and result.get("toolbar", {}).get("action"):
            result["toolbar"]["action"] = self._grid_allowed_bindings(result["toolbar"]["action"])
        scheme_id = self.env.context.get(GRID_CONTEXT_KEY)
        if view_type != "tree" or GRID_FIELDS[0] not in result["fields"]:
            return result
        scheme = self.env["aux.assessment.scheme"].browse(
            scheme_id if isinstance(scheme_id, int) else []).exists()
        items = list(scheme.item_ids[:GRID_COLUMNS]) if scheme else []
        arch = etree.fromstring(result["arch"])
        for index, name in enumerate(GRID_FIELDS):
            for node in arch.xpath("//field[@name='%s']" % name):
                if index < len(items):
                    item = items[index]
                    label = _("%(item)s (max %(max)s)") % {
                        "item": item.name, "max": "%g" % item.max_score}
                    node.set("string", label)
                    result["fields"][name] = dict(result["fields"][name], string=label,
                                                  help=item.description or item.name)
                else:
                    node.set("invisible", "1")
                    setup_modifiers(node, result["fields"].get(name), context=self.env.context,
                                    in_tree_view=True)
        result["arch"] = etree.tostring(arch, encoding="unicode")
        return result

    @api.model
    def _grid_allowed_bindings(self, actions):
        """The Action menu without the bulk steps the user may not do."""
        hidden = set()
        for xmlid, step in BULK_ACTIONS.items():
            groups = self._aux_transitions[step].get("groups") or ()
            if groups and not any(self.env.user.has_group(group) for group in groups):
                action = self.env.ref(xmlid, raise_if_not_found=False)
                if action:
                    hidden.add(action.id)
        return [action for action in actions if action.get("id") not in hidden]

    # Opening the grid ---------------------------------------------------------

    @api.model
    def _grid_action(self, period, unit, scheme):
        """The grid of ``unit``'s sheets (with its sub-units) of ``period``
        scored with ``scheme``: its draft sheets first (filters the user may
        remove to see the others)."""
        if len(scheme.item_ids) > GRID_COLUMNS:
            raise UserError(_(
                "Scheme %(scheme)s has %(count)d items: the scoring grid shows at most "
                "%(max)d. Score its sheets on the sheet form.") % {
                "scheme": scheme.name, "count": len(scheme.item_ids), "max": GRID_COLUMNS})
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action_grid").read()[0]
        context = {GRID_CONTEXT_KEY: scheme.id, "search_default_draft": 1,
                   "search_default_period_id": period.id}
        if unit:
            context["search_default_department_id"] = unit.id
        action["context"] = context
        action["domain"] = [("scheme_id", "=", scheme.id), ("period_type", "!=", "annual")]
        action["name"] = _("Scoring: %(unit)s, %(period)s") % {
            "unit": unit.name if unit else _("all units"), "period": period.name}
        return action

    # Bulk approval from a list (server actions of the Action menu) -------------

    @api.multi
    def _selected_in_state(self, state, step):
        """The selected sheets in ``state``; an error naming ``step`` when none is."""
        sheets = self.filtered(lambda s: s.state == state)
        if not sheets:
            raise UserError(_("None of the %(count)d selected sheets is '%(state)s': "
                              "nothing to %(step)s.") % {
                "count": len(self), "state": self._aux_state_label(state), "step": step})
        return sheets

    @api.multi
    def action_submit_selected(self):
        """Submit the selected draft sheets (the others are left as they are)."""
        self._selected_in_state("draft", _("submit")).action_submit()

    @api.multi
    def action_check_selected(self):
        self._selected_in_state("unit_submitted", _("check")).action_check()

    @api.multi
    def action_confirm_selected(self):
        self._selected_in_state("office_checked", _("confirm")).action_confirm()
