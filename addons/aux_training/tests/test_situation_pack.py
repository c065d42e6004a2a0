# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xlrd

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import TrainingCase, day


class TestSituationPack(TrainingCase):
    """Unit A: emp_a trained and passed on the second sitting, emp_a2 absent
    from the exam; compliance refreshed for unit A's people."""

    def test_training_section_in_pack(self):
        session = self._session(self.course_pre_job)
        enrolments = self._enrol(session, self.emp_a | self.emp_a2)
        # results of a done session (a fixture: done sessions are locked)
        Result = trust(self.env["aux.training.exam.result"])
        first = enrolments.filtered(lambda e: e.employee_id == self.emp_a)
        Result.create({"enrolment_id": first.id, "score": 45, "date": day()})
        Result.create({"enrolment_id": first.id, "score": 70, "date": day()})
        Result.create({"enrolment_id": (enrolments - first).id, "is_absent": True,
                       "date": day()})
        Compliance = self.env["aux.training.compliance"]
        people = self.emp_a | self.emp_a2 | self.emp_a1
        Compliance._aux_refresh(people)
        out = Compliance.read_group([("employee_id", "in", people.ids)],
                                    ["employee_id", "out_of_compliance"], ["employee_id"])
        expected_out = len([g for g in out if g["out_of_compliance"]])
        wizard = self.env["aux.situation.pack"].create(
            {"month": day(), "department_id": self.unit_a.id})
        content, _file_type = self.env.ref(
            "aux_personnel.aux_situation_pack_xlsx_report").render_xlsx(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_name("Training")
        rows = {sheet.cell_value(r, 0): sheet.row_values(r)[1:] for r in range(4, sheet.nrows)}
        unit = rows["Brigade A"]
        self.assertEqual(unit[2:], [3, 1, 33.3])
        self.assertEqual(unit[0] + unit[1], 2)
        self.assertEqual(unit[1] + rows["Brigade A / Squadron A1"][1], expected_out)
        self.assertNotIn("Brigade B", rows)
