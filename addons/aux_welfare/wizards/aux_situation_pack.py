# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

TIMINGS = ["on_time", "late", "missing", "pending"]


class AuxSituationPack(models.TransientModel):
    """Adds must-visit compliance and the month's talks to the
    team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_welfare())
        return sections

    @api.multi
    def _aux_section_welfare(self):
        """Per unit: must-visits due in the month by timing, and talks held."""
        date_from, date_to = self._aux_month_bounds()
        units = {}
        counts = self._aux_counts(self._aux_groups_by_unit(
            self.env["aux.care.visit"], [("deadline", ">=", date_from),
                                         ("deadline", "<=", date_to),
                                         ("state", "!=", "cancelled")],
            ["department_id", "timing"], units))
        held = self._aux_counts(self._aux_groups_by_unit(
            self.env["aux.talk"], [("state", "in", ("held", "closed")),
                                   ("date", ">=", date_from), ("date", "<=", date_to)],
            ["department_id"], units))
        rows = []
        for unit_id in self._aux_units_sorted(units):
            figures = [counts.get((unit_id, timing), 0) for timing in TIMINGS]
            rows.append([units[unit_id], sum(figures)] + figures + [held.get((unit_id,), 0)])
        return {
            "title": _("Care"),
            "headers": [_("Unit"), _("Visits due"), _("On time"), _("Late"), _("Missing"),
                        _("Pending"), _("Talks held")],
            "rows": rows,
            "note": _("Must-visits whose deadline falls in the month (cancelled ones left "
                      "out): made by the deadline, after it, not made although the deadline "
                      "has passed, or still open; talks held in the month."),
        }
