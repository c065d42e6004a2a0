# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import TrainingCase, day


class TestAbilityResults(TrainingCase):

    def test_results_per_employee_and_period(self):
        # results of done sessions (a fixture: done sessions are locked)
        Result = trust(self.env["aux.training.exam.result"])
        first = self._session(self.course_pre_job, start_offset=-20)
        second = self._session(self.course_periodic, start_offset=-5)
        outside = self._session(self.course_periodic, start_offset=-400)
        enrol_a = self._enrol(first, self.emp_a)
        Result.create({"enrolment_id": enrol_a.id, "score": 50})
        Result.create({"enrolment_id": enrol_a.id, "score": 80})
        enrol_a2 = self._enrol(second, self.emp_a)
        Result.create({"enrolment_id": enrol_a2.id, "score": 20})
        self._enrol(first, self.emp_a2, attendance="absent")
        self._enrol(outside, self.emp_a)
        values = self.env["aux.training.enrolment"]._aux_ability_results(
            self.emp_a | self.emp_a2 | self.emp_b, day(-30), day())
        a = values[self.emp_a.id]
        self.assertEqual((a["enrolled"], a["attended"], a["hours"]), (2, 2, 64))
        self.assertEqual((a["exams_passed"], a["exams_failed"]), (1, 1))
        self.assertAlmostEqual(a["score_ratio"], (0.8 + 0.4) / 2)
        a2 = values[self.emp_a2.id]
        self.assertEqual((a2["enrolled"], a2["attended"], a2["absent"]), (1, 0, 1))
        self.assertIsNone(a2["score_ratio"])
        self.assertEqual(values[self.emp_b.id]["enrolled"], 0)
