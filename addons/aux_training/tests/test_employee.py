# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import TrainingCase


class TestEmployeeTrainingRecord(TrainingCase):

    def test_training_hours_and_record_action(self):
        session = self._session(self.course_periodic, start_offset=0)
        self._enrol(session, self.emp_a)
        self.assertEqual(self.emp_a.training_hours_year, 24)
        self.assertEqual(self.emp_a2.training_hours_year, 0)
        action = self.emp_a.action_open_training_record()
        self.assertEqual(action["res_model"], "aux.training.enrolment")
        self.assertEqual(action["domain"], [("employee_id", "=", self.emp_a.id)])
