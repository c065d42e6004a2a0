# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import TrainingCase


class TestExam(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestExam, cls).setUpClass()
        # results are recorded while the session is open (done locks them)
        cls.session = cls._session(cls.course_pre_job, state="open")
        cls.enrolment = cls._enrol(cls.session, cls.emp_a)
        cls.Result = cls.env["aux.training.exam.result"]

    def test_score_outside_scale_refused_nothing_written(self):
        for score in (101, -1):
            with self.assertRaises(ValidationError) as error:
                self.Result.create({"enrolment_id": self.enrolment.id, "score": score})
            self.assertIn(self.emp_a.name, str(error.exception.name))
        self.assertFalse(self.Result.search([("enrolment_id", "=", self.enrolment.id)]))

    def test_changing_score_outside_scale_refused(self):
        result = self.Result.create({"enrolment_id": self.enrolment.id, "score": 70})
        with self.assertRaises(ValidationError):
            result.write({"score": 130})
        self.assertEqual(result.score, 70)

    def test_retakes_numbered_and_latest_result_kept(self):
        first = self.Result.create({"enrolment_id": self.enrolment.id, "score": 45})
        self.assertEqual(first.attempt, 1)
        self.assertEqual(first.result, "failed")
        second = self.Result.create({"enrolment_id": self.enrolment.id, "score": 60})
        self.assertEqual(second.attempt, 2)
        self.assertEqual(second.result, "passed", "The pass mark itself passes")
        self.assertEqual(self.enrolment.exam_result, "passed")
        self.assertEqual(self.enrolment.exam_score, 60)
        self.assertEqual(self.enrolment.exam_attempts, 2)

    def test_absent_from_exam(self):
        result = self.Result.create({"enrolment_id": self.enrolment.id, "is_absent": True})
        self.assertEqual(result.result, "absent")

    def test_pass_mark_follows_session_scale(self):
        enrolment = self._enrol(self._session(self.course_periodic, state="open"), self.emp_a2)
        result = self.Result.create({"enrolment_id": enrolment.id, "score": 35})
        self.assertEqual(result.score_max, 50)
        self.assertEqual(result.result, "passed")
        with self.assertRaises(ValidationError):
            self.Result.create({"enrolment_id": enrolment.id, "score": 55})
