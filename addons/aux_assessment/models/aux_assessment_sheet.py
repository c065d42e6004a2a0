# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv.orm import setup_modifiers

from odoo.addons.aux_personnel.models.aux_workflow_mixin import is_trusted, trust
from odoo.addons.aux_personnel.tools.local_time import local_date, local_today

UNIT_GROUP = "aux_personnel.group_aux_personnel_unit_leader"
OFFICE_GROUP = "aux_personnel.group_aux_personnel_user"
MANAGER_GROUP = "aux_personnel.group_aux_personnel_manager"
# Sheets derived from the confirmed monthly sheets of their period (no lines).
DERIVED_TYPES = ("quarterly", "annual")

# The scoring grid: a unit's sheets of a period in one editable list, one row
# per person and one column per item of the scheme.
#
# A unit leader scores 30-40 people on the items of the five sections every
# month. The grid shows the month's sheets of his unit with the score given
# to each item as a column (``grid_score_01`` ... in the order of the scheme's
# items, labelled with the item's name by ``fields_view_get``), so that he
# types a row with Tab, goes to the next person with Enter, and sees the
# total and the band of the row as he types (an onchange previews them from
# the typed scores and the points of the confirmed events). Saving a row
# writes the scores given on the sheet lines, as the user: the record rules
# (a leader writes only his unit's draft sheets and their lines) and the
# workflow locks apply as on the sheet form.

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
    """The assessment of one person for one period with one scheme.

    A monthly sheet has one line per scheme item and receives the events.
    Quarterly and annual sheets are derived from the person's confirmed
    monthly sheets of their period (季评定 / 年度考核): a quarterly total is
    the average of the confirmed months; an annual total combines that
    average with a joint year-end evaluation score by the weights of the
    assessment rules.  The average follows the months: it is recomputed
    when a month is confirmed or reopened (a month cannot be reopened while
    a confirmed quarterly or annual sheet counts it).
    """

    _name = "aux.assessment.sheet"
    _description = "Assessment Sheet"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "period_date_from desc, department_id, unit_rank, employee_id"
    _aux_transitions = {
        "submit": {"from": ("draft",), "to": "unit_submitted", "groups": (UNIT_GROUP,),
                   "user_field": "submit_user_id", "date_field": "submit_date"},
        "check": {"from": ("unit_submitted",), "to": "office_checked",
                  "groups": (OFFICE_GROUP,),
                  "user_field": "check_user_id", "date_field": "check_date"},
        "confirm": {"from": ("office_checked",), "to": "confirmed", "groups": (OFFICE_GROUP,),
                    "user_field": "confirm_user_id", "date_field": "confirm_date"},
        "return": {"from": ("unit_submitted", "office_checked"), "to": "draft",
                   "groups": (OFFICE_GROUP,)},
        "reopen": {"from": ("confirmed",), "to": "draft", "groups": (MANAGER_GROUP,)},
    }
    # The lines are locked from submission on (aux.assessment.sheet.line).
    _aux_locked_states = ("confirmed",)
    # Written by the server only: the unit copied from the person, the figures
    # of the confirmed events, the monthly average, ranks, quotas and lists,
    # the reason of the last reopening, and every stored computed field.
    _aux_workflow_fields = (
        "department_id", "veto", "veto_reason", "penalty_points", "commendation_points",
        "period_score", "period_months", "unit_rank", "bureau_rank", "unit_quota",
        "quota_share",
        "is_award", "is_bottom", "reopen_reason",
        "name", "period_type", "period_date_from", "period_date_to", "year",
        "line_total", "total_score", "band_id", "is_top_band",
    )

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True,
                                  index=True, readonly=True,
                                  states={"draft": [("readonly", False)]})
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, readonly=True,
        help="The person's unit when the sheet was generated.")
    period_id = fields.Many2one("aux.assessment.period", required=True,
                                index=True, readonly=True, ondelete="restrict",
                                states={"draft": [("readonly", False)]})
    period_type = fields.Selection(related="period_id.period_type", store=True,
                                   readonly=True)
    period_date_from = fields.Date(related="period_id.date_from", store=True,
                                   readonly=True, string="Period Start")
    period_date_to = fields.Date(related="period_id.date_to", store=True,
                                 readonly=True, string="Period End")
    year = fields.Integer(related="period_id.year", store=True, readonly=True)
    scheme_id = fields.Many2one("aux.assessment.scheme", required=True,
                                readonly=True, ondelete="restrict",
                                states={"draft": [("readonly", False)]})
    line_ids = fields.One2many("aux.assessment.sheet.line", "sheet_id", string="Lines",
                               readonly=True, states={"draft": [("readonly", False)]})
    event_ids = fields.One2many("aux.assessment.event", "sheet_id", string="Events",
                                readonly=True)
    line_total = fields.Float(string="Items Total", compute="_compute_line_total",
                              store=True)
    period_score = fields.Float(
        string="Average of Monthly Scores", readonly=True,
        help="Quarterly and annual sheets: average total of the person's confirmed "
             "monthly sheets of the period.")
    period_months = fields.Integer(
        string="Months Counted", readonly=True,
        help="Quarterly and annual sheets: the confirmed monthly sheets averaged.")
    evaluation_score = fields.Float(
        string="Year-end Evaluation", track_visibility="onchange",
        states={"confirmed": [("readonly", True)]},
        help="Annual sheets: score of the joint year-end evaluation (0-100).")
    total_score = fields.Float(string="Total", compute="_compute_total_score",
                               store=True, track_visibility="onchange")
    band_id = fields.Many2one("aux.assessment.band",
                              compute="_compute_band_id", store=True, index=True,
                              track_visibility="onchange")
    coefficient = fields.Float(related="band_id.coefficient", readonly=True,
                               string="Performance-pay Coefficient")
    veto = fields.Boolean(
        readonly=True, track_visibility="onchange",
        help="A confirmed veto event in the period: the band is the lowest, "
             "whatever the score.")
    veto_reason = fields.Text(readonly=True)
    penalty_points = fields.Float(readonly=True,
                                  help="Points lost through confirmed events of the period.")
    commendation_points = fields.Float(
        readonly=True, help="Points earned through confirmed commendations of the period.")
    state = fields.Selection(
        [("draft", "Draft"), ("unit_submitted", "Submitted by Unit"),
         ("office_checked", "Checked by Office"), ("confirmed", "Confirmed")],
        required=True, default="draft", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    submit_user_id = fields.Many2one("res.users", string="Submitted by", readonly=True,
                                     copy=False)
    submit_date = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    check_user_id = fields.Many2one("res.users", string="Checked by", readonly=True,
                                    copy=False)
    check_date = fields.Datetime(string="Checked on", readonly=True, copy=False)
    confirm_user_id = fields.Many2one("res.users", string="Confirmed by", readonly=True,
                                      copy=False)
    confirm_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)
    reopen_reason = fields.Text(readonly=True, copy=False, track_visibility="onchange")
    unit_rank = fields.Integer(
        string="Rank in Unit", readonly=True,
        help="Tie-break: higher total, then fewer penalty points, then more "
             "commendation points, then earlier entry date, then name.")
    bureau_rank = fields.Integer(string="Rank in Bureau", readonly=True)
    unit_quota = fields.Integer(string="Unit Top Band Quota", readonly=True)
    quota_share = fields.Float(
        string="Top Band Quota (share)", readonly=True, group_operator="sum",
        help="The unit's top band quota divided by its head count: summed over "
             "a unit it gives the unit's quota (for the pivot).")
    is_top_band = fields.Integer(string="In Top Band", compute="_compute_is_top_band",
                                 store=True, group_operator="sum")
    is_award = fields.Boolean(string="On Award List", readonly=True)
    is_bottom = fields.Boolean(string="On Bottom List", readonly=True)

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

    _sql_constraints = [
        ("sheet_unique", "unique(employee_id, period_id, scheme_id)",
         "A person has only one sheet per period and scheme."),
    ]

    @api.depends("employee_id", "period_id")
    def _compute_name(self):
        for sheet in self:
            sheet.name = "%s - %s" % (sheet.employee_id.name or "", sheet.period_id.name or "")

    @api.depends("line_ids.score", "scheme_id.section_ids.weight")
    def _compute_line_total(self):
        for sheet in self:
            subtotals = {}
            for line in sheet.line_ids:
                subtotals[line.section_id.id] = subtotals.get(line.section_id.id, 0.0) \
                    + line.score
            sheet.line_total = sum(min(subtotals.get(section.id, 0.0), section.weight)
                                   for section in sheet.scheme_id.section_ids)

    # The weights are read from the assessment rules in force for the unit on
    # the period end: a change of the rules recomputes the open sheets (see
    # aux.assessment.rule), as a change of the bands does for the bands.
    @api.depends("line_total", "period_score", "evaluation_score", "period_type",
                 "department_id", "period_date_to")
    def _compute_total_score(self):
        rule_for = self._rule_cache()
        for sheet in self:
            if sheet.period_type == "annual":
                rule = rule_for(sheet.period_date_to, sheet.department_id)
                sheet.total_score = (rule.period_weight * sheet.period_score
                                     + rule.evaluation_weight * sheet.evaluation_score) / 100.0
            elif sheet.period_type == "quarterly":
                sheet.total_score = sheet.period_score
            else:
                sheet.total_score = sheet.line_total

    @api.depends("total_score", "veto", "period_date_to")
    def _compute_band_id(self):
        Band = self.env["aux.assessment.band"]
        valid = {}
        for sheet in self:
            if not sheet.period_date_to:
                sheet.band_id = False
                continue
            if sheet.period_date_to not in valid:
                valid[sheet.period_date_to] = Band._valid_bands(sheet.period_date_to)
            bands = valid[sheet.period_date_to]
            if sheet.veto:
                sheet.band_id = bands[-1:]
            else:
                sheet.band_id = Band._band_for_score(sheet.total_score, sheet.period_date_to,
                                                     bands)

    @api.depends("band_id", "department_id", "period_date_to")
    def _compute_is_top_band(self):
        rule_for = self._rule_cache()
        for sheet in self:
            if not sheet.band_id:
                sheet.is_top_band = 0
                continue
            rule = rule_for(sheet.period_date_to, sheet.department_id)
            sheet.is_top_band = 1 if sheet.band_id == rule.top_band_id else 0

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

    @api.model
    def _aux_recompute_open(self, ranges, names=("total_score", "band_id", "is_top_band")):
        """The assessment rules or bands valid in ``ranges`` ([(date_from,
        date_to or None)]) changed: recompute the stored figures that read
        them on the sheets still open whose period ends in one of the ranges
        (confirmed sheets are locked: they keep their result until reopened),
        and the ranks of their periods."""
        ranges = [r for r in ranges if r[0]]
        if not ranges:
            return
        start = min(r[0] for r in ranges)
        ends = [r[1] for r in ranges]
        domain = [("state", "!=", "confirmed"), ("period_date_to", ">=", start)]
        if all(ends):
            domain.append(("period_date_to", "<=", max(ends)))
        sheets = self.sudo().search(domain)
        if not sheets:
            return
        # as modified() does: drop the cached values, then mark them to compute
        sheets.invalidate_cache(list(names), sheets.ids)
        for name in names:
            self.env.add_todo(self._fields[name], sheets)
        self.recompute()
        sheets._recompute_ranks()

    @api.model
    def _rule_cache(self):
        """aux.assessment.rule._rule_for memoised by (date, unit) for one batch."""
        Rule = self.env["aux.assessment.rule"]
        cache = {}

        def rule_for(date, department):
            key = (date, department.id)
            if key not in cache:
                cache[key] = Rule._rule_for(date, department)
            return cache[key]
        return rule_for

    @api.constrains("employee_id", "period_id", "scheme_id")
    def _check_unique(self):
        if is_trusted(self, "aux_assessment_generating"):
            return  # _generate skips the people who have a sheet; the SQL constraint remains
        for sheet in self.sudo():  # a duplicate may be out of the user's sight
            other = sheet.search_count([
                ("employee_id", "=", sheet.employee_id.id),
                ("period_id", "=", sheet.period_id.id),
                ("scheme_id", "=", sheet.scheme_id.id),
                ("id", "!=", sheet.id)])
            if other:
                raise ValidationError(
                    _("%(employee)s already has a sheet for period %(period)s with "
                      "scheme %(scheme)s.")
                    % {"employee": sheet.employee_id.name, "period": sheet.period_id.name,
                       "scheme": sheet.scheme_id.name})

    @api.constrains("evaluation_score")
    def _check_evaluation_score(self):
        for sheet in self:
            if not 0 <= sheet.evaluation_score <= 100:
                raise ValidationError(
                    _("Sheet %s: the year-end evaluation score must be between 0 and 100.")
                    % sheet.name)

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
    def create(self, vals):
        if (not is_trusted(self, "aux_assessment_generating")
                and vals.get("employee_id") and vals.get("period_id") and vals.get("scheme_id")
                and self.sudo().search_count([
                    ("employee_id", "=", vals["employee_id"]),
                    ("period_id", "=", vals["period_id"]),
                    ("scheme_id", "=", vals["scheme_id"])])):
            employee = self.env["hr.employee"].browse(vals["employee_id"])
            period = self.env["aux.assessment.period"].browse(vals["period_id"])
            raise ValidationError(
                _("%(employee)s already has a sheet for period %(period)s with this scheme.")
                % {"employee": employee.name, "period": period.name})
        return super().create(vals)

    @api.model
    def _aux_server_values(self, vals):
        """The unit is the person's when the sheet is created, never chosen."""
        employee = self.env["hr.employee"].sudo().browse(vals.get("employee_id"))
        return dict(super()._aux_server_values(vals), department_id=employee.department_id.id)

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "employee_id" in vals and not is_trusted(self):
            # a sheet given to another person follows the person's unit, and
            # nobody moves a sheet out of his own reach
            self.check_access_rule("write")
            for sheet in self:
                trust(sheet).write({"department_id": sheet.employee_id.sudo().department_id.id})
        return res

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

    @api.multi
    def _aux_lines_locked(self):
        """The unit's scores are locked once it submits the sheet."""
        self.ensure_one()
        return self.state != "draft" or self._aux_is_locked()

    # Approval -------------------------------------------------------------

    @api.multi
    def _aux_log_transition(self, name, before, note=None):
        """One record at a time, each in a prefetch set of its own: posting a
        message clears the cache, and the mixin's loop would otherwise read
        the whole batch again for every sheet (a month of the bureau's sheets
        is confirmed at once)."""
        for sheet in self:
            super(AuxAssessmentSheet, sheet.with_prefetch())._aux_log_transition(
                name, before, note)
        return True

    @api.multi
    def action_submit(self):
        self._aux_transition("submit")

    @api.multi
    def action_check(self):
        self._aux_transition("check")

    @api.multi
    def action_confirm(self):
        self._aux_check_transition("confirm")
        self.filtered(lambda s: s.period_type == "annual")._check_top_quota()
        self._aux_transition("confirm")
        self._recompute_ranks()
        self._aux_refresh_derived()
        self._aux_after_confirm()

    @api.multi
    def action_return(self):
        """Send a submitted or checked sheet back to the unit."""
        self._aux_transition("return")

    @api.multi
    def action_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen Sheet"),
            "res_model": "aux.assessment.sheet.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    @api.multi
    def _reopen(self, reason):
        """Reopen confirmed sheets: managers only, with a reason kept on the
        sheet and in the chatter; the events that waited are posted."""
        self._aux_check_transition("reopen")
        if not (reason or "").strip():
            raise UserError(_("Give the reason for reopening the sheet."))
        for derived in self._aux_derived_sheets().filtered(lambda s: s.state == "confirmed"):
            raise UserError(_(
                "The confirmed %(type)s sheet %(sheet)s counts this month: reopen it "
                "first, then the month (its average follows the confirmed months).") % {
                "type": dict(derived._fields["period_type"]._description_selection(
                    self.env))[derived.period_type].lower(),
                "sheet": derived.name})
        self._aux_transition("reopen", values={"reopen_reason": reason}, note=reason)
        self._post_pending_events()
        self._aux_refresh_derived()
        annual = self.sudo().filtered(lambda s: s.period_type == "annual")
        if annual:
            self.env["hr.contract"]._aux_refresh_renewal_advice(annual.mapped("employee_id"))

    @api.multi
    def _aux_after_confirm(self):
        """A confirmed result is signalled to the must-talk rules (low band,
        aux_welfare) and an annual one changes the renewal advice."""
        sheets = self.sudo().filtered("band_id")
        self.env["hr.employee"]._aux_signal("low_band", [{
            "employee": sheet.employee_id, "date": sheet.period_date_to,
            "origin": "%s,%d" % (self._name, sheet.id), "key": "sheet-%d" % sheet.id,
            "period_type": sheet.period_type, "codes": [sheet.band_id.code],
            "reason": _("Result of %(period)s: %(band)s (%(score)g points)") % {
                "period": sheet.period_id.name, "band": sheet.band_id.name,
                "score": sheet.total_score},
        } for sheet in sheets])
        annual = sheets.filtered(lambda s: s.period_type == "annual")
        if annual:
            self.env["hr.contract"]._aux_refresh_renewal_advice(annual.mapped("employee_id"))

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

    # Quota, ranking -------------------------------------------------------

    @api.multi
    def _unit_groups(self):
        """All sheets of the (period, unit) pairs of ``self``, grouped (one search)."""
        pairs = {(s.period_id.id, s.department_id.id) for s in self}
        sheets = self.sudo().search([("period_id", "in", list({p for p, _u in pairs}))])
        groups = {}
        for sheet in sheets:
            key = (sheet.period_id.id, sheet.department_id.id)
            if key in pairs:
                groups.setdefault(key, self.browse())
                groups[key] |= sheet
        return groups

    @api.multi
    def _check_top_quota(self):
        """Refuse while a unit has more people in the top band than its quota.

        The head count is the number of annual sheets of the unit for the
        period; see aux.assessment.rule._top_quota for the rounding rule.
        """
        Rule = self.env["aux.assessment.rule"]
        for (_period_id, _unit_id), sheets in self._unit_groups().items():
            first = sheets[0]
            rule = Rule._rule_for(first.period_date_to, first.department_id)
            top = sheets.filtered(lambda s, r=rule: s.band_id == r.top_band_id)
            quota = rule._top_quota(len(sheets))
            if len(top) > quota:
                raise UserError(
                    _("Unit %(unit)s has %(count)d people in band %(band)s for %(period)s, "
                      "more than its quota of %(quota)d (%(share)s%% of %(heads)d sheets): "
                      "lower some results before confirming.")
                    % {"unit": first.department_id.name or _("(no unit)"),
                       "count": len(top), "band": rule.top_band_id.name,
                       "period": first.period_id.name, "quota": quota,
                       "share": rule.top_share, "heads": len(sheets)})

    @api.model
    def _entry_dates(self, employees):
        """Entry date per employee id: the register's entry date, else the
        start of the first contract, else the creation date."""
        people = employees.sudo()
        dates = {row["id"]: row["entry_date"] for row in people.read(["entry_date"])
                 if row["entry_date"]}
        missing = employees.filtered(lambda e: e.id not in dates)
        if missing:
            data = self.env["hr.contract"].sudo().search_read(
                [("employee_id", "in", missing.ids), ("date_start", "!=", False)],
                ["employee_id", "date_start"], order="date_start desc")
            for row in data:  # the earliest start is read last and wins
                dates[row["employee_id"][0]] = row["date_start"]
        for emp in people.filtered(lambda e: e.id not in dates):
            dates[emp.id] = local_date(self, emp.create_date) or "9999"
        return dates

    @api.model
    def _rank_key(self, entry_dates):
        """Sort key of the documented tie-break (best first)."""
        return lambda s: (-round(s.total_score, 4), round(s.penalty_points, 4),
                          -round(s.commendation_points, 4),
                          entry_dates.get(s.employee_id.id, "9999"),
                          s.employee_id.name or "", s.id)

    @api.multi
    def _recompute_ranks(self):
        """Rank every sheet of the periods of ``self`` in its unit and in the bureau,
        and store the unit quotas and the award and bottom lists."""
        Rule = self.env["aux.assessment.rule"]
        periods = self.mapped("period_id")
        if not periods:
            return
        all_sheets = self.sudo().search([("period_id", "in", periods.ids)])
        entry_dates = self._entry_dates(all_sheets.mapped("employee_id"))
        key = self._rank_key(entry_dates)
        values = {}
        for period in periods:
            period_sheets = all_sheets.filtered(lambda s, p=period: s.period_id == p)
            general = Rule._rule_for(period.date_to)
            # the award list takes the best N without a veto item
            awarded = 0
            for rank, sheet in enumerate(period_sheets.sorted(key), 1):
                award = period.period_type == "annual" and not sheet.veto \
                    and awarded < general.award_top_n
                awarded += award
                values[sheet.id] = {"bureau_rank": rank, "is_award": award}
            for unit in period_sheets.mapped("department_id") | self.env["hr.department"]:
                unit_sheets = period_sheets.filtered(lambda s, u=unit: s.department_id == u)
                if not unit_sheets:
                    continue
                rule = Rule._rule_for(period.date_to, unit)
                quota = rule._top_quota(len(unit_sheets))
                count = len(unit_sheets)
                for rank, sheet in enumerate(unit_sheets.sorted(key), 1):
                    values[sheet.id].update({
                        "unit_rank": rank, "unit_quota": quota,
                        "quota_share": float(quota) / count,
                        "is_bottom": rank > count - rule.bottom_n,
                    })
        for sheet in all_sheets:
            vals = values[sheet.id]
            if any(sheet[f] != v for f, v in vals.items()):
                # ranks and lists are kept up to date on confirmed sheets too
                trust(sheet).write(vals)

    # Events ---------------------------------------------------------------

    @api.model
    def _sheets_for_dates(self, employees, date_from, date_to):
        return self.sudo().search([
            ("employee_id", "in", employees.ids),
            ("period_date_from", "<=", date_to),
            ("period_date_to", ">=", date_from)])

    @api.multi
    def _post_pending_events(self):
        """Post the confirmed events of the sheets' people and periods."""
        sheets = self.sudo()
        if not sheets:
            return
        events = self.env["aux.assessment.event"].sudo().search([
            ("employee_id", "in", sheets.mapped("employee_id").ids),
            ("date", ">=", min(sheets.mapped("period_date_from"))),
            ("date", "<=", max(sheets.mapped("period_date_to")))])
        if events:
            events._post_to_sheets()
        else:
            sheets._refresh_event_figures()

    @api.multi
    def _refresh_event_figures(self):
        """Recompute veto, veto reason, penalty and commendation points of the
        open sheets from the confirmed events of their periods (one search)."""
        sheets = self.sudo().exists().filtered(lambda s: s.state != "confirmed")
        if not sheets:
            return
        events = self.env["aux.assessment.event"].sudo().search([
            ("employee_id", "in", sheets.mapped("employee_id").ids),
            ("state", "=", "confirmed"),
            ("date", ">=", min(sheets.mapped("period_date_from"))),
            ("date", "<=", max(sheets.mapped("period_date_to")))], order="date, id")
        by_employee = {}
        for event in events:
            by_employee.setdefault(event.employee_id.id, []).append(event)
        batches = {}
        for sheet in sheets:
            mine = [e for e in by_employee.get(sheet.employee_id.id, [])
                    if sheet.period_date_from <= e.date <= sheet.period_date_to]
            vetoes = [e for e in mine if e.is_veto]
            vals = (
                ("veto", bool(vetoes)),
                ("veto_reason", "\n".join(
                    _("Veto item %(type)s on %(date)s%(note)s") % {
                        "type": e.type_id.name, "date": e.date,
                        "note": (": %s" % e.description) if e.description else ""}
                    for e in vetoes) or False),
                ("penalty_points", -sum(e.points for e in mine if e.points < 0)),
                ("commendation_points",
                 sum(e.points for e in mine if e.is_commendation and e.points > 0)),
            )
            if any(sheet[f] != v for f, v in vals):
                batches.setdefault(vals, self.browse())
                batches[vals] |= sheet
        for vals, batch in batches.items():
            trust(batch).write(dict(vals))

    # Generation -----------------------------------------------------------

    @api.model
    def _pick_scheme(self, schemes, employee, date):
        """The most specific applicable scheme: unit-specific, then
        category-specific, then general; newest version first."""
        ordered = schemes.sorted(lambda s: (not s.department_ids, not s.category_ids,
                                            -s.version, s.id))
        for scheme in ordered:
            if scheme._applies_to(employee, date):
                return scheme
        return schemes.browse()

    @api.model
    def _generate(self, period, employees, scheme=None, base_scores=None):
        """Create the missing sheets of ``employees`` for ``period``.

        Set-based: one search of the existing sheets, the new sheets created
        in one pass, then one posting of the pending events. Returns the new
        sheets. ``base_scores`` ({(employee id, item code): score}) gives
        scores to start from instead of the items' default scores (imports,
        demo data).
        """
        base_scores = base_scores or {}
        date = period.date_from
        schemes = scheme or self.env["aux.assessment.scheme"].search([
            ("date_from", "<=", date), "|", ("date_to", "=", False), ("date_to", ">=", date)])
        existing = self.sudo().search([("period_id", "=", period.id),
                                       ("employee_id", "in", employees.ids)])
        taken = {(s.employee_id.id, s.scheme_id.id) for s in existing}
        # quarterly and annual sheets are derived from the months: no lines
        annual = period.period_type in DERIVED_TYPES
        new = self.browse()
        # recompute=False: the stored computed fields of all the new sheets and
        # lines are computed once, in batch, by the recompute() below.
        creator = trust(self.with_context(tracking_disable=True, mail_create_nolog=True,
                                          mail_notrack=True, recompute=False),
                        "aux_assessment_generating")
        for employee in employees:
            chosen = self._pick_scheme(schemes, employee, date)
            if not chosen or (employee.id, chosen.id) in taken:
                continue
            vals = {"employee_id": employee.id, "period_id": period.id, "scheme_id": chosen.id}
            if not annual:
                vals["line_ids"] = [(0, 0, {"item_id": item.id,
                                            "base_score": base_scores.get(
                                                (employee.id, item.code), item.default_score)})
                                    for item in chosen.item_ids]
            new |= creator.create(vals).with_env(self.env)
            taken.add((employee.id, chosen.id))
        self.recompute()
        new = self.browse(new.ids)
        if annual:
            new._compute_period_scores()
        new._post_pending_events()
        new._recompute_ranks()
        return new

    @api.multi
    def _compute_period_scores(self):
        """Quarterly and annual sheets: average total of the person's
        confirmed monthly sheets of the period, and how many were counted
        (confirmed sheets keep theirs until they are reopened).  Set-based:
        one read_group per distinct period."""
        derived = self.sudo().filtered(
            lambda s: s.period_type in DERIVED_TYPES and s.state != "confirmed")
        if not derived:
            return
        batches = {}
        by_range = {}
        for sheet in derived:
            key = (sheet.period_date_from, sheet.period_date_to)
            by_range[key] = by_range.get(key, self.browse()) | sheet
        for (date_from, date_to), sheets in by_range.items():
            data = self.sudo().read_group([
                ("employee_id", "in", sheets.mapped("employee_id").ids),
                ("period_type", "=", "monthly"), ("state", "=", "confirmed"),
                ("period_date_from", ">=", date_from), ("period_date_to", "<=", date_to)],
                ["employee_id", "total_score"], ["employee_id"], lazy=False)
            averages = {row["employee_id"][0]: (row["total_score"] / row["__count"],
                                                row["__count"])
                        for row in data if row["__count"]}
            for sheet in sheets:
                score, months = averages.get(sheet.employee_id.id, (0.0, 0))
                if (sheet.period_score, sheet.period_months) != (score, months):
                    batches.setdefault((score, months), self.browse())
                    batches[(score, months)] |= sheet
        for (score, months), sheets in batches.items():
            trust(sheets).write({"period_score": score, "period_months": months})

    @api.multi
    def _aux_derived_sheets(self):
        """The quarterly and annual sheets of the people of the monthly
        sheets ``self`` whose period contains one of those months (one
        search)."""
        months = self.sudo().filtered(lambda s: s.period_type == "monthly")
        if not months:
            return self.browse()
        candidates = self.sudo().search([
            ("employee_id", "in", months.mapped("employee_id").ids),
            ("period_type", "in", list(DERIVED_TYPES)),
            ("period_date_from", "<=", max(months.mapped("period_date_to"))),
            ("period_date_to", ">=", min(months.mapped("period_date_from")))])
        keys = {(m.employee_id.id, m.period_date_from) for m in months}
        return candidates.filtered(lambda d: any(
            employee == d.employee_id.id and d.period_date_from <= start <= d.period_date_to
            for employee, start in keys))

    @api.multi
    def _aux_refresh_derived(self):
        """The months ``self`` were confirmed or reopened: recompute the
        averages of the open quarterly and annual sheets counting them, and
        their ranks."""
        derived = self._aux_derived_sheets().filtered(lambda s: s.state != "confirmed")
        if derived:
            derived._compute_period_scores()
            derived._recompute_ranks()

    @api.multi
    def action_compute_period_scores(self):
        self.check_access_rights("write")
        self.check_access_rule("write")
        for sheet in self.filtered(lambda s: s.state == "confirmed"):
            raise UserError(
                _("Sheet %s is confirmed and locked: a manager must reopen it "
                  "with a reason first.") % sheet.name)
        self._compute_period_scores()
        self._recompute_ranks()

    # Hooks for other addons -------------------------------------------------

    @api.multi
    def _aux_performance_coefficient(self):
        """Performance-pay coefficient of this sheet (hook read by aux_payroll).

        The coefficient of the sheet's band (0.0 when the sheet has no band).
        Payroll should only use confirmed sheets; see
        _aux_performance_coefficients() for a set-based lookup.
        """
        self.ensure_one()
        return self.band_id.coefficient if self.band_id else 0.0

    @api.model
    def _aux_performance_coefficients(self, employees, date, period_type="monthly"):
        """{employee id: coefficient} from the confirmed sheets of ``period_type``
        whose period contains ``date`` (one search); people without such a sheet
        are absent from the result."""
        sheets = self.sudo().search([
            ("employee_id", "in", employees.ids), ("state", "=", "confirmed"),
            ("period_type", "=", period_type),
            ("period_date_from", "<=", date), ("period_date_to", ">=", date)])
        return {s.employee_id.id: s._aux_performance_coefficient() for s in sheets}

    # Consequences of the results (management loop): the candidate lists by
    # the rules of the person's unit, the results that stop a promotion, and
    # what a confirmed or reopened result sets off (must-talk rules, renewal
    # advice: _aux_after_confirm, _reopen).

    @api.model
    def _aux_consequence_candidates(self, date=None, employees=None):
        """Candidate employee ids per consequence, from the confirmed annual results.

        Returns {"promotion": set, "demotion": set, "nonrenewal": set}; see
        _aux_consequence_details() for the rules.
        """
        details = self._aux_consequence_details(date, employees)
        return {kind: set(found) for kind, found in details.items()}

    @api.model
    def _aux_consequence_details(self, date=None, employees=None):
        """{consequence: {employee id: reason}} from the confirmed annual results
        (of ``employees``, or everyone), for "promotion", "demotion" and
        "nonrenewal".

        The thresholds are those of the assessment rules in force on ``date``
        for the person's unit (a unit's own rules, else the nearest parent
        unit's, else the bureau's): promotion when each of the last N results
        is at least the promotion band and no sanction blocks it; demotion
        (non-renewal) when each of the last N results is at or below the
        demotion (non-renewal) band. Set-based: one search of the results.
        """
        date = date or local_today(self)
        domain = [("period_type", "=", "annual"), ("state", "=", "confirmed"),
                  ("period_date_to", "<=", date)]
        if employees is not None:
            domain.append(("employee_id", "in", employees.ids))
        sheets = self.sudo().search(domain, order="period_date_from desc, id desc")
        results = {}
        for sheet in sheets:
            results.setdefault(sheet.employee_id, []).append(sheet)
        rule_for = self._rule_cache()
        details = {"promotion": {}, "demotion": {}, "nonrenewal": {}}
        for employee, mine in results.items():
            rule = rule_for(date, employee.department_id)
            for kind, band, years in (
                    ("promotion", rule.promotion_band_id, rule.promotion_years),
                    ("demotion", rule.demotion_band_id, rule.demotion_years),
                    ("nonrenewal", rule.nonrenewal_band_id, rule.nonrenewal_years)):
                last = mine[:years]
                if len(last) < years:
                    continue
                if kind == "promotion":
                    if not all(s.band_id.min_score >= band.min_score for s in last):
                        continue
                    text = _("Annual results %(results)s: the last %(years)d at least "
                             "%(band)s (%(rule)s)")
                elif all(s.band_id.min_score <= band.min_score for s in last):
                    text = _("Annual results %(results)s: %(years)d in a row at or below "
                             "%(band)s (%(rule)s)")
                else:
                    continue
                details[kind][employee.id] = text % {
                    "results": ", ".join("%s %s" % (s.year, s.band_id.name)
                                         for s in reversed(last)),
                    "years": years, "band": band.name, "rule": rule.name}
        promoted = details["promotion"]
        if promoted:
            blocked = self.env["aux.discipline.case"]._aux_promotion_blockers(
                self.env["hr.employee"].browse(list(promoted)), date)
            for emp_id in blocked:
                del promoted[emp_id]
        return details

    @api.model
    def _aux_promotion_result_blockers(self, employees, date):
        """{employee id: [reason]}: what in the annual results stops a
        promotion on ``date``.

        The years checked are the person's years in the current grade whose
        annual period has ended by ``date``, the last N of them (N and the
        band from the assessment rules of the person's unit): each result
        must reach the promotion band; a full year in grade without a
        confirmed result blocks when the person's unit was assessed that
        year; a confirmed veto in a year without a result (the current year)
        blocks. Set-based: a few searches for all the people.
        """
        if not employees:
            return {}
        year = int(date[:4])
        last_year = year if date[5:] == "12-31" else year - 1
        lines = self.env["aux.grade.history"].sudo().search([
            ("employee_id", "in", employees.ids), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date)])
        starts = {line.employee_id.id: line.date_from for line in lines}
        sheets = self.sudo().search([
            ("employee_id", "in", employees.ids), ("period_type", "=", "annual"),
            ("state", "=", "confirmed"), ("year", "<=", last_year)])
        results = {(s.employee_id.id, s.year): s for s in sheets}
        assessed = {(row["year"], row["department_id"] and row["department_id"][0])
                    for row in self.sudo().read_group(
                        [("period_type", "=", "annual"), ("state", "=", "confirmed"),
                         ("year", "<=", last_year)],
                        ["year", "department_id"], ["year", "department_id"], lazy=False)}
        rule_for = self._rule_cache()
        blockers = {}
        first_years = {}
        for employee in employees.sudo():
            rule = rule_for(date, employee.department_id)
            band = rule.promotion_band_id
            start = starts.get(employee.id)
            first = int(start[:4]) if start else last_year - rule.promotion_years + 1
            counted = list(range(max(first, last_year - rule.promotion_years + 1),
                                 last_year + 1))
            first_years[employee.id] = counted[0] if counted else year
            reasons = []
            for counted_year in counted:
                sheet = results.get((employee.id, counted_year))
                full_year = counted_year > first or (start and start[5:] == "01-01")
                if sheet and sheet.band_id.min_score < band.min_score:
                    reasons.append(_("Annual result %(year)s: %(band)s, below %(min)s "
                                     "(%(rule)s)") % {
                        "year": counted_year, "band": sheet.band_id.name, "min": band.name,
                        "rule": rule.name})
                elif not sheet and full_year and (
                        counted_year, employee.department_id.id) in assessed:
                    reasons.append(_("No confirmed annual result for %(year)s (%(rule)s)")
                                   % {"year": counted_year, "rule": rule.name})
            if reasons:
                blockers[employee.id] = reasons
        vetoes = self.env["aux.assessment.event"].sudo().search([
            ("employee_id", "in", employees.ids), ("is_veto", "=", True),
            ("state", "=", "confirmed"), ("date", "<=", date),
            ("date", ">=", "%d-01-01" % min(first_years.values()))], order="date")
        for event in vetoes:
            emp_id = event.employee_id.id
            if int(event.date[:4]) < first_years[emp_id] \
                    or (emp_id, int(event.date[:4])) in results:
                continue  # before the years checked, or counted in that year's result
            blockers.setdefault(emp_id, []).append(
                _("Veto item %(type)s on %(date)s") % {"type": event.type_id.name,
                                                        "date": event.date})
        return blockers

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
