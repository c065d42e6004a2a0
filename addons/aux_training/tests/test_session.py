# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import TrainingCase


class TestSession(TrainingCase):

    def test_session_takes_course_defaults_and_counts_days(self):
        session = self._session(self.course_periodic, days=3)
        self.assertEqual(session.hours, 24)
        self.assertEqual(session.score_max, 50)
        self.assertEqual(session.pass_mark, 30)
        self.assertEqual(session.days, 3)

    def test_enrolment_beyond_capacity_refused_nothing_written(self):
        session = self._session(self.course_pre_job, capacity=2, state="open")
        self._enrol(session, self.emp_a | self.emp_a2, attendance=False)
        with self.assertRaises(ValidationError) as error:
            self.env["aux.training.enrolment"].create(
                {"session_id": session.id, "employee_id": self.emp_b.id})
        message = str(error.exception.name)
        self.assertIn(session.display_name, message)
        self.assertIn("capacity of 2", message)
        self.assertEqual(
            self.env["aux.training.enrolment"].search_count([("session_id", "=", session.id)]), 2)

    def test_cancelled_session_refuses_enrolment(self):
        session = self._session(self.course_pre_job, state="cancel")
        with self.assertRaises(UserError):
            self._enrol(session, self.emp_a)

    def test_session_ending_before_start_refused(self):
        with self.assertRaises(ValidationError):
            self._session(self.course_pre_job, days=-1)

    def test_enrol_unit_adds_active_auxiliaries_of_unit_and_sub_units(self):
        session = self._session(self.course_pre_job, state="open")
        self._enrol(session, self.emp_a, attendance=False)
        wizard = self.env["aux.training.enrol.unit"].create({
            "session_id": session.id, "department_id": self.unit_a.id})
        wizard.action_enrol()
        self.assertEqual(
            session.enrolment_ids.mapped("employee_id"),
            self.emp_a | self.emp_a2 | self.emp_a1,
            "Sub-unit included, sworn officer and other units left out, no duplicate")

    def test_session_enrolled_through_wizard_can_be_deleted(self):
        session = self._session(self.course_pre_job, state="open")
        self.env["aux.training.enrol.unit"].create({
            "session_id": session.id, "department_id": self.unit_a.id}).action_enrol()
        session.unlink()
        self.assertFalse(session.exists())

    def test_enrol_unit_beyond_capacity_writes_nothing(self):
        session = self._session(self.course_pre_job, capacity=2, state="open")
        wizard = self.env["aux.training.enrol.unit"].create({
            "session_id": session.id, "department_id": self.unit_a.id})
        with self.assertRaises(ValidationError):
            wizard.action_enrol()
        self.assertFalse(session.enrolment_ids)

    def test_attendance_credits_hours_and_days(self):
        # attendance is recorded while the session is open (done locks it)
        session = self._session(self.course_periodic, days=2, state="open")
        present = self._enrol(session, self.emp_a)
        absent = self._enrol(session, self.emp_a2, attendance="absent")
        self.assertEqual(present.hours_credited, 24)
        self.assertEqual(present.days_credited, 2)
        self.assertEqual(absent.hours_credited, 0)
        absent.action_mark_present()
        self.assertEqual(absent.hours_credited, 24)
        self.assertEqual(session.attendee_count, 2)
        self.assertEqual(session.seats_taken, 2)

    def test_results_xlsx_renders(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a)
        report = self.env.ref("aux_training.aux_training_session_results_xlsx")
        content, kind = report.render_xlsx(session.ids, {})
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_capacity_refusal_is_translated(self):
        if not self.env["res.lang"].search([("code", "=", "zh_CN")]):
            self.skipTest("zh_CN is not loaded in this database")
        session = self._session(self.course_pre_job, capacity=1, state="open")
        self._enrol(session, self.emp_a, attendance=False)
        with self.assertRaises(ValidationError) as error:
            self.env["aux.training.enrolment"].with_context(lang="zh_CN").create(
                {"session_id": session.id, "employee_id": self.emp_b.id})
        self.assertIn("名额为 1 人", str(error.exception.name))
