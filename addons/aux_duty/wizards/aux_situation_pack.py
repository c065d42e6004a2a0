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
        figures = {key: [group[name] or 0 for name in FIGURES]
                   for key, group in self._aux_groups_by_unit(
                       self.env["aux.duty.attendance.report"], [("month", "=", date_from)],
                       ["department_id"], units, aggregates=FIGURES).items()}
        overdue = self._aux_counts(self._aux_groups_by_unit(
            self.env["aux.leave.request"], [("state", "=", "overdue"),
                                            ("report_back_deadline", "<=", date_to)],
            ["department_id"], units))
        rows = []
        for unit_id in self._aux_units_sorted(units):
            rows.append([units[unit_id]] + figures.get((unit_id,), [0] * len(FIGURES))
                        + [overdue.get((unit_id,), 0)])
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


