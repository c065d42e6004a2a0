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
        visits = self.env["aux.care.visit"].read_group(
            self._aux_scope_domain() + [("deadline", ">=", date_from),
                                        ("deadline", "<=", date_to),
                                        ("state", "!=", "cancelled")],
            ["department_id", "timing"], ["department_id", "timing"], lazy=False)
        counts = {}
        for group in visits:
            unit = group["department_id"]
            unit_id = unit and unit[0]
            units[unit_id] = self._aux_label(unit)
            counts[(unit_id, group["timing"])] = group["__count"]
        talks = self.env["aux.talk"].read_group(
            self._aux_scope_domain() + [("state", "in", ("held", "closed")),
                                        ("date", ">=", date_from), ("date", "<=", date_to)],
            ["department_id"], ["department_id"], lazy=False)
        held = {}
        for group in talks:
            unit = group["department_id"]
            unit_id = unit and unit[0]
            units[unit_id] = self._aux_label(unit)
            held[unit_id] = group["__count"]
        rows = []
        for unit_id in sorted(units, key=lambda u: units[u]):
            figures = [counts.get((unit_id, timing), 0) for timing in TIMINGS]
            rows.append([units[unit_id], sum(figures)] + figures + [held.get(unit_id, 0)])
        return {
            "title": _("Care"),
            "headers": [_("Unit"), _("Visits due"), _("On time"), _("Late"), _("Missing"),
                        _("Pending"), _("Talks held")],
            "rows": rows,
            "note": _("Must-visits whose deadline falls in the month (cancelled ones left "
                      "out): made by the deadline, after it, not made although the deadline "
                      "has passed, or still open; talks held in the month."),
        }
