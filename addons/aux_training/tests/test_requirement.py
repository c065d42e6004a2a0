# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import TrainingCase, day


class TestRequirement(TrainingCase):

    def test_default_requirements_are_data(self):
        self.assertEqual(self.req_pre_job.kind, "pre_job")
        self.assertEqual(self.req_pre_job.min_hours, 40)
        self.assertEqual(self.req_periodic.min_days, 3)
        self.assertEqual(self.req_periodic.period_months, 24)
        self.assertEqual(self.req_annual.kind, "annual_hours")

    def test_pre_job_met_with_enough_attended_hours(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a)
        result = self.req_pre_job._aux_compliance(self.emp_a)[(self.emp_a.id, self.req_pre_job.id)]
        self.assertTrue(result["met"])
        self.assertEqual(result["hours"], 40)
        self.assertFalse(result["lapse_date"], "Pre-job training does not lapse")

    def test_pre_job_missing_names_the_training_and_shortfall(self):
        session = self._session(self.course_pre_job, hours=12)
        self._enrol(session, self.emp_a)
        missing = self.env["aux.training.requirement"]._aux_missing_pre_job_training(
            self.emp_a | self.emp_b)
        self.assertIn(self.emp_a.id, missing)
        self.assertIn(self.emp_b.id, missing)
        self.assertIn(self.req_pre_job.name, missing[self.emp_a.id][0])
        self.assertIn("12.0 of 40.0 hours", missing[self.emp_a.id][0])

    def test_only_done_attended_accepted_training_counts(self):
        absent = self._session(self.course_pre_job)
        self._enrol(absent, self.emp_a, attendance="absent")
        planned = self._session(self.course_pre_job, state="open")
        self._enrol(planned, self.emp_a)
        wrong_category = self._session(self.course_periodic, hours=40)
        self._enrol(wrong_category, self.emp_a)
        result = self.req_pre_job._aux_compliance(self.emp_a)[(self.emp_a.id, self.req_pre_job.id)]
        self.assertFalse(result["met"])
        self.assertEqual(result["hours"], 0)
        self.assertEqual(result["missing_hours"], 40)

    def test_sworn_staff_and_other_categories_are_not_concerned(self):
        civilian_req = self.req_pre_job.copy({"aux_category": "civilian"})
        result = (self.req_pre_job | civilian_req)._aux_compliance(self.emp_a | self.sworn_a)
        self.assertIn((self.emp_a.id, self.req_pre_job.id), result)
        self.assertNotIn((self.emp_a.id, civilian_req.id), result)
        self.assertNotIn((self.sworn_a.id, self.req_pre_job.id), result)

    def test_periodic_counts_days_in_window_and_gives_lapse_date(self):
        old = self._session(self.course_periodic, start_offset=-800, days=3)
        self._enrol(old, self.emp_a)
        key = (self.emp_a.id, self.req_periodic.id)
        self.assertFalse(self.req_periodic._aux_compliance(self.emp_a)[key]["met"],
                         "Training older than 24 months does not count")
        recent = self._session(self.course_periodic, start_offset=-100, days=3)
        self._enrol(recent, self.emp_a)
        result = self.req_periodic._aux_compliance(self.emp_a)[key]
        self.assertTrue(result["met"])
        self.assertEqual(result["days"], 3)
        expected = fields.Date.from_string(day(-100)) + relativedelta(months=24)
        self.assertEqual(result["lapse_date"], fields.Date.to_string(expected))

    def test_annual_hours_lapse_at_year_end(self):
        session = self._session(self.course_periodic, start_offset=0, hours=30)
        self._enrol(session, self.emp_a)
        result = self.req_annual._aux_compliance(self.emp_a)[(self.emp_a.id, self.req_annual.id)]
        self.assertTrue(result["met"])
        self.assertEqual(result["lapse_date"], day()[:4] + "-12-31")

    def test_requirement_out_of_validity_is_ignored(self):
        self.req_annual.write({"date_from": day(-400), "date_to": day(-1)})
        result = self.req_annual._aux_compliance(self.emp_a)
        self.assertFalse(result)

    def test_periodic_requirement_needs_period(self):
        with self.assertRaises(ValidationError):
            self.env["aux.training.requirement"].create({
                "name": "Broken", "kind": "periodic", "min_days": 3})
        with self.assertRaises(ValidationError):
            self.env["aux.training.requirement"].create({
                "name": "Empty", "kind": "annual_hours"})
