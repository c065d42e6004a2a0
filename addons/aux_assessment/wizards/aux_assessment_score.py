# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AuxAssessmentScore(models.TransientModel):
    """Open the scoring grid of a unit for a period and scheme.

    The menu *Scoring* opens the grid straight away with the user's unit,
    the latest period in which it has draft sheets, and the scheme of those
    sheets; this dialog is shown when there is a choice to make (several
    schemes) or nothing to score, and lets the user pick another unit or
    period.
    """

    _name = "aux.assessment.score"
    _description = "Open the Scoring Grid"

    period_id = fields.Many2one(
        "aux.assessment.period", required=True,
        domain=[("period_type", "!=", "annual")])
    department_id = fields.Many2one(
        "hr.department", string="Unit",
        help="The unit (with its sub-units); leave empty for every unit you may see.")
    scheme_id = fields.Many2one(
        "aux.assessment.scheme", required=True,
        help="The grid has a column per item of this scheme.")
    scheme_ids = fields.Many2many("aux.assessment.scheme", compute="_compute_sheets",
                                  string="Schemes in Use")
    draft_count = fields.Integer(string="Draft Sheets", compute="_compute_sheets")

    @api.model
    def _user_unit(self):
        return self.env.user.employee_ids[:1].department_id

    @api.model
    def _sheet_domain(self, period, unit, scheme=None):
        domain = [("period_id", "=", period.id)]
        if unit:
            domain.append(("department_id", "child_of", unit.id))
        if scheme:
            domain.append(("scheme_id", "=", scheme.id))
        return domain

    @api.model
    def _schemes_by_use(self, period, unit):
        """The schemes of the period's sheets of the unit, most used first."""
        Sheet = self.env["aux.assessment.sheet"]
        if not period:
            return self.env["aux.assessment.scheme"]
        rows = Sheet.read_group(self._sheet_domain(period, unit), ["scheme_id"], ["scheme_id"])
        rows.sort(key=lambda row: -row["scheme_id_count"])
        return self.env["aux.assessment.scheme"].browse(
            [row["scheme_id"][0] for row in rows if row["scheme_id"]])

    @api.model
    def _default_period(self, unit):
        """The latest monthly or quarterly period in which the unit has draft
        sheets (else any sheets) that the user may read."""
        Sheet = self.env["aux.assessment.sheet"]
        base = [("period_type", "!=", "annual")]
        if unit:
            base.append(("department_id", "child_of", unit.id))
        sheet = Sheet.search(base + [("state", "=", "draft")],
                             order="period_date_from desc", limit=1) \
            or Sheet.search(base, order="period_date_from desc", limit=1)
        return sheet.period_id

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        unit = self._user_unit()
        period = self._default_period(unit)
        values.setdefault("department_id", unit.id)
        values.setdefault("period_id", period.id)
        if period:
            values.setdefault("scheme_id", self._schemes_by_use(period, unit)[:1].id)
        return values

    @api.depends("period_id", "department_id", "scheme_id")
    def _compute_sheets(self):
        Sheet = self.env["aux.assessment.sheet"]
        for wizard in self:
            wizard.scheme_ids = self._schemes_by_use(wizard.period_id, wizard.department_id)
            wizard.draft_count = Sheet.search_count(
                self._sheet_domain(wizard.period_id, wizard.department_id, wizard.scheme_id)
                + [("state", "=", "draft")]) if wizard.period_id and wizard.scheme_id else 0

    @api.onchange("period_id", "department_id")
    def _onchange_period_unit(self):
        schemes = self._schemes_by_use(self.period_id, self.department_id)
        if self.scheme_id not in schemes:
            self.scheme_id = schemes[:1]

    @api.multi
    def action_open(self):
        self.ensure_one()
        return self.env["aux.assessment.sheet"]._grid_action(
            self.period_id, self.department_id, self.scheme_id)

    @api.model
    def action_open_default(self):
        """The menu's action: the grid straight away when the defaults leave
        no choice (one scheme), else this dialog."""
        values = self.default_get(["period_id", "department_id", "scheme_id"])
        period = self.env["aux.assessment.period"].browse(values.get("period_id"))
        unit = self.env["hr.department"].browse(values.get("department_id"))
        if period and len(self._schemes_by_use(period, unit)) == 1:
            scheme = self.env["aux.assessment.scheme"].browse(values["scheme_id"])
            return self.env["aux.assessment.sheet"]._grid_action(period, unit, scheme)
        action = self.env.ref("aux_assessment.aux_assessment_score_action").read()[0]
        return action
