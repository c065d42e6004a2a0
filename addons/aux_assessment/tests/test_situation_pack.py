# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xlrd

from .common import YEAR, AssessmentCase


class TestSituationPack(AssessmentCase):
    """January: unit A's five people confirmed, two in the top band (monthly
    sheets are not held to the quota of 1), the squadron's one sheet in
    draft and therefore not counted."""

    def test_assessment_section_in_pack(self):
        people = self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5
        sheets = self.generate(self.jan, people)
        scores = {self.emp_a: 95, self.emp_a2: 95, self.emp_a3: 80, self.emp_a4: 80,
                  self.emp_a5: 70}
        for sheet in sheets:
            self.set_total(sheet, scores[sheet.employee_id])
        self.confirm(sheets)
        self.generate(self.jan, self.emp_a1)
        wizard = self.env["aux.situation.pack"].create(
            {"month": "%s-01-20" % YEAR, "department_id": self.unit_a.id})
        content, _file_type = self.env.ref(
            "aux_personnel.aux_situation_pack_xlsx_report").render_xlsx(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_name("Assessment")
        headers = sheet.row_values(3)
        rows = {sheet.cell_value(r, 0): dict(zip(headers, sheet.row_values(r), strict=True))
                for r in range(4, sheet.nrows)}
        self.assertEqual(set(rows), {"Brigade A"})
        unit = rows["Brigade A"]
        self.assertEqual(unit["Sheets"], 5)
        top = self.rule.top_band_id.name
        self.assertEqual((unit["Top band"], unit["In top band"], unit["Top band quota"],
                          unit["Within quota"]), (top, 2, 1, "No"))
        self.assertEqual(sum(unit[band.name] for band in sheets.mapped("band_id")), 5)
