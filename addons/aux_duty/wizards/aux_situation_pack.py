# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

FIGURES = ["duty_days", "night_duties", "late_count", "early_count", "absence_count",
           "leave_days"]


class AuxSituationPack(models.TransientModel):
    """Adds the month's attendance per unit to the team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_attendance())
        return sections

    @api.multi
    def _aux_section_attendance(self):
        """Per unit: duty days and night duties of the published rosters, late
        arrivals, early departures and absences not excused, days of leave,
        and the leaves not reported back at the month's end."""
        date_from, date_to = self._aux_month_bounds()
        units = {}
        figures = {}
        for group in self.env["aux.duty.attendance.report"].read_group(
                self._aux_scope_domain() + [("month", "=", date_from)],
                ["department_id"] + FIGURES, ["department_id"], lazy=False):
            unit = group["department_id"]
            unit_id = unit and unit[0]
            units[unit_id] = self._aux_label(unit)
            figures[unit_id] = [group[name] or 0 for name in FIGURES]
        overdue = {}
        for group in self.env["aux.leave.request"].read_group(
                self._aux_scope_domain() + [("state", "=", "overdue"),
                                            ("report_back_deadline", "<=", date_to)],
                ["department_id"], ["department_id"], lazy=False):
            unit = group["department_id"]
            unit_id = unit and unit[0]
            units[unit_id] = self._aux_label(unit)
            overdue[unit_id] = group["__count"]
        rows = []
        for unit_id in sorted(units, key=lambda u: units[u]):
            rows.append([units[unit_id]] + figures.get(unit_id, [0] * len(FIGURES))
                        + [overdue.get(unit_id, 0)])
        return {
            "title": _("Attendance"),
            "headers": [_("Unit"), _("Duty days"), _("Night duties"), _("Late arrivals"),
                        _("Early departures"), _("Absences"), _("Leave days"),
                        _("Not reported back")],
            "rows": rows,
            "note": _("Duty days and night duties of the month's published rosters; "
                      "exceptions not excused; days of approved leave starting in the "
                      "month; leaves still not reported back."),
        }


