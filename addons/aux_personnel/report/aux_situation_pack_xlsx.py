# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, models

# Characters Excel refuses in sheet names.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class SituationPackXlsx(models.AbstractModel):
    """Monthly team-situation workbook: one sheet per section of the pack.

    ``objs`` are aux.situation.pack wizards; their sections come from
    ``_aux_situation_sections`` (extended by the other addons).
    """

    _name = "report.aux_personnel.situation_pack_xlsx"
    _inherit = "report.report_xlsx.abstract"

    @staticmethod
    def _sheet_name(title, used):
        base = _SHEET_FORBIDDEN.sub(" ", title)[:31] or "Sheet"
        name, number = base, 2
        while name.lower() in used:
            suffix = " (%d)" % number
            name = base[:31 - len(suffix)] + suffix
            number += 1
        used.add(name.lower())
        return name

    def generate_xlsx_report(self, workbook, data, objs):
        """``data`` (a dict) receives the number of sheets and data rows
        written, as ``aux_counts``, for the caller to report."""
        counts = {"sheets": 0, "rows": 0}
        if isinstance(data, dict):
            data["aux_counts"] = counts
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1,
                                      "text_wrap": True})
        number = workbook.add_format({"num_format": "#,##0.##"})
        used = set()
        for wizard in objs:
            scope = wizard._aux_scope_label()
            month = wizard._aux_month_bounds()[0][:7]
            for section in wizard._aux_situation_sections():
                sheet = workbook.add_worksheet(self._sheet_name(section["title"], used))
                counts["sheets"] += 1
                counts["rows"] += len(section["rows"])
                sheet.set_column(0, 0, 28)
                sheet.set_column(1, max(len(section["headers"]) - 1, 1), 16)
                sheet.write(0, 0, _("%(title)s: %(scope)s, %(month)s") % {
                    "title": section["title"], "scope": scope, "month": month}, bold)
                if section.get("note"):
                    sheet.write(1, 0, section["note"])
                for col, title in enumerate(section["headers"]):
                    sheet.write(3, col, title, header)
                row = 4
                for line in section["rows"]:
                    for col, value in enumerate(line):
                        if isinstance(value, (int, float)) and not isinstance(value, bool):
                            sheet.write_number(row, col, value, number)
                        else:
                            sheet.write(row, col, value if value is not None else "")
                    row += 1
                if not section["rows"]:
                    sheet.write(row, 0, _("Nothing to report for this month."))
