# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class AuxSituationPack(models.TransientModel):
    """Adds training compliance and the month's exam results to the
    team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_training())
        return sections

    @api.multi
    def _aux_section_training(self):
        """Per unit: people meeting every requirement or not (compliance
        snapshot), and exam sittings of the month with their pass rate."""
        date_from, date_to = self._aux_month_bounds()
        units = {}
        # one group per (unit, person): out_of_compliance sums the unmet requirements
        compliance = self._aux_groups_by_unit(
            self.env["aux.training.compliance"], [], ["department_id", "employee_id"], units,
            aggregates=["out_of_compliance"])
        people = {}
        for (unit_id, _person), group in compliance.items():
            entry = people.setdefault(unit_id, [0, 0])
            entry[1 if group["out_of_compliance"] else 0] += 1
        exams = self._aux_counts(self._aux_groups_by_unit(
            self.env["aux.training.exam.result"],
            [("date", ">=", date_from), ("date", "<=", date_to)],
            ["department_id", "result"], units))
        sittings = {}
        for (unit_id, result), count in exams.items():
            entry = sittings.setdefault(unit_id, [0, 0])
            entry[0] += count
            if result == "passed":
                entry[1] += count
        rows = []
        for unit_id in self._aux_units_sorted(units):
            met, unmet = people.get(unit_id, (0, 0))
            count, passed = sittings.get(unit_id, (0, 0))
            rows.append([units[unit_id], met, unmet, count, passed,
                         round(100.0 * passed / count, 1) if count else ""])
        return {
            "title": _("Training"),
            "headers": [_("Unit"), _("People in compliance"), _("People out of compliance"),
                        _("Exam sittings"), _("Passed"), _("Pass rate (%)")],
            "rows": rows,
            "note": _("Compliance as of the last refresh of Training > Compliance (a person "
                      "is out of compliance when one requirement is not met); exam sittings "
                      "dated in the month, absences counted as not passed."),
        }
