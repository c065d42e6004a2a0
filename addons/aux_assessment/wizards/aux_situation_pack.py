# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class AuxSituationPack(models.TransientModel):
    """Adds the month's assessment distribution to the team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_assessment())
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
