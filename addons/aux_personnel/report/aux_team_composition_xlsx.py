# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class TeamCompositionXlsx(models.AbstractModel):
    """Team composition workbook: a summary sheet and one sheet per dimension.

    ``objs`` are aux.team.composition.export wizards; each gives the unit.
    """

    _name = "report.aux_personnel.team_composition_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        pct = workbook.add_format({"num_format": "0.0"})
        Report = self.env["aux.team.composition.report"]
        for wizard in objs:
            department = wizard.department_id
            result = Report._composition(department or None)
            scope = department.display_name if department else _("All units")
            summary = workbook.add_worksheet(_("Summary")[:31])
            summary.set_column(0, 0, 36)
            summary.set_column(1, 1, 14)
            summary.write(0, 0, _("Team composition: %s") % scope, bold)
            summary.write(2, 0, _("All staff"))
            summary.write(2, 1, result["total"])
            summary.write(3, 0, _("Auxiliaries"))
            summary.write(3, 1, result["auxiliaries"])
            summary.write(4, 0, _("Auxiliaries' share of all staff (%)"))
            summary.write(4, 1, result["share"], pct)
            summary.write(6, 0, _("Age and years of service are whole years on the day "
                                  "of the export; a band covers from <= years < below "
                                  "(e.g. 1-3 means 1 <= years < 3)."))
            titles = [_("Value"), _("All staff"), _("Share of all staff"),
                      _("Auxiliaries"), _("Share of auxiliaries")]
            for dimension in result["dimensions"]:
                sheet = workbook.add_worksheet(dimension["title"][:31])
                sheet.set_column(0, 0, 30)
                sheet.set_column(1, 4, 16)
                sheet.write(0, 0, "%s: %s" % (dimension["title"], scope), bold)
                for col, title in enumerate(titles):
                    sheet.write(2, col, title, header)
                row = 3
                for line in dimension["rows"]:
                    sheet.write(row, 0, line["label"])
                    sheet.write(row, 1, line["count"])
                    sheet.write(row, 2, line["percent"], pct)
                    sheet.write(row, 3, line["aux_count"])
                    sheet.write(row, 4, line["aux_percent"], pct)
                    row += 1
                sheet.write(row, 0, _("Total"), bold)
                sheet.write(row, 1, result["total"], bold)
                sheet.write(row, 3, result["auxiliaries"], bold)
