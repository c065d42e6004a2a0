# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class AuxTrainingSessionXlsx(models.AbstractModel):
    """Results of training sessions: one sheet per session, one row a person."""

    _name = "report.aux_training.session_results_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        attendance = dict(
            self.env["aux.training.enrolment"]._fields["attendance"]._description_selection(
                self.env))
        results = dict(
            self.env["aux.training.enrolment"]._fields["exam_result"]._description_selection(
                self.env))
        headers = [_("Employee"), _("Unit"), _("Attendance"), _("Hours Credited"),
                   _("Best Score"), _("Attempts"), _("Result")]
        for index, session in enumerate(objs):
            sheet = workbook.add_worksheet(
                "%s %s" % (index + 1, (session.course_id.name or "")[:25]))
            sheet.write(0, 0, session.display_name, bold)
            sheet.write(1, 0, _("Scale Maximum"))
            sheet.write(1, 1, session.score_max)
            sheet.write(1, 2, _("Pass Mark"))
            sheet.write(1, 3, session.pass_mark)
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            sheet.set_column(0, 1, 24)
            for row, enrolment in enumerate(session.enrolment_ids, start=4):
                sheet.write(row, 0, enrolment.employee_id.name)
                sheet.write(row, 1, enrolment.department_id.name or "")
                sheet.write(row, 2, attendance.get(enrolment.attendance, ""))
                sheet.write(row, 3, enrolment.hours_credited)
                sheet.write(row, 4, enrolment.exam_score)
                sheet.write(row, 5, enrolment.exam_attempts)
                sheet.write(row, 6, results.get(enrolment.exam_result, ""))
