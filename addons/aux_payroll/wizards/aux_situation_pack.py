# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

COST_FIELDS = ["headcount", "gross", "employer", "net", "cost"]


class AuxSituationPack(models.TransientModel):
    """Adds the month's payroll cost per unit to the team-situation pack."""

    _inherit = "aux.situation.pack"

    @api.multi
    def _aux_situation_sections(self):
        sections = super(AuxSituationPack, self)._aux_situation_sections()
        sections.append(self._aux_section_payroll())
        return sections

    @api.multi
    def _aux_section_payroll(self):
        """Payslips of the month's auxiliary runs per unit (aux.payroll.cost)."""
        date_from, date_to = self._aux_month_bounds()
        groups = self.env["aux.payroll.cost"].read_group(
            self._aux_scope_domain() + [("date", ">=", date_from), ("date", "<=", date_to)],
            ["department_id"] + COST_FIELDS, ["department_id"], lazy=False)
        rows = sorted(([self._aux_label(g["department_id"])]
                       + [round(g[name] or 0, 2) for name in COST_FIELDS] for g in groups),
                      key=lambda row: row[0])
        if rows:
            rows.append([_("Total")] + [round(sum(row[col] for row in rows), 2)
                                        for col in range(1, len(COST_FIELDS) + 1)])
        return {
            "title": _("Payroll cost"),
            "headers": [_("Unit"), _("Head count paid"), _("Gross"),
                        _("Employer contributions"), _("Net"), _("Total cost")],
            "rows": rows,
            "note": _("Payslips of the auxiliary payroll runs starting in the month (credit "
                      "notes and cancelled payslips left out), by the unit on the payslip; "
                      "total cost = gross + employer contributions."),
        }
