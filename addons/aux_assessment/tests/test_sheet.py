# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AssessmentCase


class TestSheet(AssessmentCase):

    def test_generate_for_unit_includes_sub_units_once(self):
        wizard = self.env["aux.assessment.generate"].create({
            "period_id": self.jan.id, "department_id": self.unit_a.id})
        wizard.action_generate()
        sheets = self.Sheet.search([("period_id", "=", self.jan.id)])
        self.assertEqual(sheets.mapped("employee_id"),
                         self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4
                         | self.emp_a5 | self.emp_a1)
        self.assertNotIn(self.sworn_a, sheets.mapped("employee_id"))
        self.assertEqual(len(sheets[0].line_ids), len(self.scheme.item_ids))
        # a second run (here for the whole bureau) adds only the missing person
        wizard = self.env["aux.assessment.generate"].create({"period_id": self.jan.id})
        wizard.action_generate()
        people = self.emp_a | self.emp_a2 | self.emp_a3 | self.emp_a4 | self.emp_a5 \
            | self.emp_a1 | self.emp_b | self.sworn_a
        sheets = self.Sheet.search([("period_id", "=", self.jan.id),
                                    ("employee_id", "in", people.ids)])  # not demo people
        self.assertEqual(len(sheets), 7)
        self.assertEqual(sheets.filtered(lambda s: s.employee_id == self.emp_a1).department_id,
                         self.unit_a1)

    def test_no_second_sheet_for_same_person_period_scheme(self):
        self.generate(self.jan, self.emp_b)
        with self.assertRaisesRegex(ValidationError, "already has a sheet"):
            self.Sheet.create({"employee_id": self.emp_b.id, "period_id": self.jan.id,
                               "scheme_id": self.scheme.id})

    @mute_logger("odoo.sql_db")
    def test_sql_constraint_backs_the_check(self):
        sheet = self.generate(self.jan, self.emp_b)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env.cr.execute(
                "INSERT INTO aux_assessment_sheet (employee_id, period_id, scheme_id, state)"
                " VALUES (%s, %s, %s, 'draft')",
                (sheet.employee_id.id, sheet.period_id.id, sheet.scheme_id.id))

    def test_total_and_bands(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.assertEqual(sheet.total_score, 95)
        self.assertEqual(sheet.band_id, self.band_excellent)
        for total, band in ((90, self.band_excellent), (89.5, self.band_competent),
                            (75, self.band_competent), (74, self.band_basic),
                            (60, self.band_basic), (59, self.band_incompetent)):
            self.set_total(sheet, total)
            self.assertAlmostEqual(sheet.total_score, total)
            self.assertEqual(sheet.band_id, band, "total %s" % total)

    def test_band_table_is_data(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.set_total(sheet, 88)
        self.assertEqual(sheet.band_id, self.band_competent)
        self.band_excellent.min_score = 85
        trust(sheet)._compute_band_id()  # server-side recomputation
        self.assertEqual(sheet.band_id, self.band_excellent)

    def test_performance_coefficient_hook(self):
        sheet = self.generate(self.jan, self.emp_b)
        self.set_total(sheet, 80)
        self.assertEqual(sheet._aux_performance_coefficient(), self.band_competent.coefficient)
        self.confirm(sheet)
        coefficients = self.Sheet._aux_performance_coefficients(
            self.emp_b | self.emp_a, self.jan.date_to)
        self.assertEqual(coefficients, {self.emp_b.id: self.band_competent.coefficient})

    def test_line_score_stays_within_item_maximum(self):
        sheet = self.generate(self.jan, self.emp_b)
        line = sheet.line_ids.filtered(lambda ln: ln.item_id.code == "QIN1")
        with self.assertRaises(ValidationError):
            line.base_score = line.max_score + 1

    def test_xlsx_results_of_a_period(self):
        sheets = self.generate(self.jan, self.emp_a | self.emp_b)
        self.set_total(sheets[0], 80)
        report = self.env.ref("aux_assessment.aux_assessment_results_xlsx_report")
        content, extension = report.render_xlsx(self.jan.ids, {})
        self.assertEqual(extension, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an XLSX file is a zip archive")
