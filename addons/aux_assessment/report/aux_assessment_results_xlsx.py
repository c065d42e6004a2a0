# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class AssessmentResultsXlsx(models.AbstractModel):
    """Results of a period: one worksheet per period, one row per sheet, by
    unit and rank, with the section subtotals of monthly and quarterly sheets."""

    _name = "report.aux_assessment.results_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        number = workbook.add_format({"num_format": "0.00"})
        Sheet = self.env["aux.assessment.sheet"]
        for period in objs:
            sheets = Sheet.search([("period_id", "=", period.id)],
                                  order="department_id, unit_rank, employee_id")
            sections = sheets.mapped("scheme_id.section_ids")
            section_names = []
            for section in sections:
                if section.name not in section_names:
                    section_names.append(section.name)
            worksheet = workbook.add_worksheet(period.name[:31])
            worksheet.write(0, 0, _("Assessment results: %s") % period.name, bold)
            titles = ([_("Unit"), _("Rank in Unit"), _("Employee")] + section_names
                      + [_("Total"), _("Band"), _("Veto"), _("Penalty Points"),
                         _("Commendation Points"), _("Coefficient"), _("Status")])
            for col, title in enumerate(titles):
                worksheet.write(2, col, title, header)
            worksheet.set_column(0, 0, 24)
            worksheet.set_column(2, 2, 20)
            worksheet.set_column(3, len(titles), 12)
            states = dict(Sheet._fields["state"]._description_selection(self.env))
            for row, sheet in enumerate(sheets, 3):
                subtotals = {}
                for line in sheet.line_ids:
                    name = line.section_id.name
                    subtotals[name] = subtotals.get(name, 0.0) + line.score
                values = ([sheet.department_id.name or "", sheet.unit_rank,
                           sheet.employee_id.name]
                          + [subtotals.get(name, "") for name in section_names]
                          + [sheet.total_score, sheet.band_id.name or "",
                             _("Yes") if sheet.veto else "", sheet.penalty_points,
                             sheet.commendation_points, sheet.coefficient,
                             states.get(sheet.state, sheet.state)])
                for col, value in enumerate(values):
                    if isinstance(value, float):
                        worksheet.write(row, col, value, number)
                    else:
                        worksheet.write(row, col, value)
