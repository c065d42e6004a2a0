# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class AuxSituationPack(models.TransientModel):
    """Adds the month's assessment distribution and discipline to the
    team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_assessment())
        sections.append(self._aux_section_discipline())
        return sections

    @api.multi
    def _aux_section_assessment(self):
        """Confirmed monthly sheets of the month per unit and band, against
        the top-band quota the unit's rule gives for that many sheets."""
        date_from, date_to = self._aux_month_bounds()
        units = {}
        counts = self._aux_counts(self._aux_groups_by_unit(self.env["aux.assessment.sheet"], [
            ("period_type", "=", "monthly"), ("state", "=", "confirmed"),
            ("period_date_from", ">=", date_from), ("period_date_from", "<=", date_to)],
            ["department_id", "band_id"], units))
        Band = self.env["aux.assessment.band"]
        bands = Band.browse(sorted({key[1] for key in counts if key[1]})).sorted(
            lambda b: -b.min_score)
        Rule = self.env["aux.assessment.rule"]
        Department = self.env["hr.department"]
        rows = []
        for unit_id in self._aux_units_sorted(units):
            total = sum(v for k, v in counts.items() if k[0] == unit_id)
            rule = Rule._rule_for(date_to, Department.browse(unit_id) if unit_id else None)
            top = counts.get((unit_id, rule.top_band_id.id), 0)
            quota = rule._top_quota(total)
            rows.append([units[unit_id], total]
                        + [counts.get((unit_id, band.id), 0) for band in bands]
                        + [rule.top_band_id.name or "", top, quota,
                           _("Yes") if top <= quota else _("No")])
        return {
            "title": _("Assessment"),
            "headers": [_("Unit"), _("Sheets")] + bands.mapped("name")
            + [_("Top band"), _("In top band"), _("Top band quota"), _("Within quota")],
            "rows": rows,
            "note": _("Confirmed monthly assessment sheets of the month, by the unit recorded "
                      "on the sheet; the quota is the unit rule's top-band share of its "
                      "sheets (monthly sheets are not held to it, this shows the gap)."),
        }

    @api.multi
    def _aux_section_discipline(self):
        """Per unit: veto items confirmed in the month, discipline cases
        decided in the month per sanction type, sanctions in force and cases
        pending on the last day (read with the user's rights; one read_group
        each)."""
        date_from, date_to = self._aux_month_bounds()
        Case = self.env["aux.discipline.case"]
        Event = self.env["aux.assessment.event"]
        units = {}

        def count(model, domain, groupby):
            return self._aux_counts(self._aux_groups_by_unit(model, domain, groupby, units))

        vetoes = count(Event, [("is_veto", "=", True), ("state", "=", "confirmed"),
                               ("date", ">=", date_from), ("date", "<=", date_to)],
                       ["department_id"])
        decided = count(Case, [("state", "=", "confirmed"), ("decision_date", ">=", date_from),
                               ("decision_date", "<=", date_to)],
                        ["department_id", "sanction_type_id"])
        in_force = count(Case, Case._in_force_domain(date_to), ["department_id"])
        pending = count(Case, [("state", "in", ("draft", "submitted")),
                               ("violation_date", "<=", date_to)], ["department_id"])
        types = self.env["aux.sanction.type"].with_context(active_test=False).browse(
            sorted({key[1] for key in decided if key[1]})).sorted("sequence")
        rows = []
        for unit_id in self._aux_units_sorted(units):
            rows.append([units[unit_id], vetoes.get((unit_id,), 0)]
                        + [decided.get((unit_id, stype.id), 0) for stype in types]
                        + [in_force.get((unit_id,), 0), pending.get((unit_id,), 0)])
        return {
            "title": _("Discipline"),
            "headers": [_("Unit"), _("Veto items")] + types.mapped("name")
            + [_("Sanctions in force"), _("Cases pending")],
            "rows": rows,
            "note": _("Veto items confirmed in the month; discipline cases decided in the "
                      "month by sanction; sanctions in force and cases not yet decided on "
                      "the last day of the month, by the person's unit."),
        }
