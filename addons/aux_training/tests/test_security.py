# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import TrainingCase, day


class TestSecurity(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.session = cls._session(cls.course_pre_job, state="open")
        cls.enrol_own = cls._enrol(cls.session, cls.emp_a)
        cls.enrol_a1 = cls._enrol(cls.session, cls.emp_a1)
        cls.enrol_b = cls._enrol(cls.session, cls.emp_b)
        Result = cls.env["aux.training.exam.result"]
        cls.result_own = Result.create({"enrolment_id": cls.enrol_own.id, "score": 70})
        cls.result_b = Result.create({"enrolment_id": cls.enrol_b.id, "score": 70})
        Certificate = cls.env["aux.training.certificate"]
        cls.cert_own = Certificate.create({"name": "Own", "employee_id": cls.emp_a.id})
        cls.cert_b = Certificate.create({"name": "B", "employee_id": cls.emp_b.id})
        Mentorship = cls.env["aux.mentorship"]
        cls.pair_own = Mentorship.create(
            {"mentor_id": cls.sworn_a.id, "apprentice_id": cls.emp_a.id})
        cls.pair_b = Mentorship.create(
            {"mentor_id": cls.emp_a1.id, "apprentice_id": cls.emp_b.id})
        cls.plan_b = cls.env["aux.training.plan"].create({
            "department_id": cls.unit_b.id, "year": 2031,
            "line_ids": [(0, 0, {"course_id": cls.course_pre_job.id})]})
        cls.review_b = cls.env["aux.mentorship.review"].create(
            {"mentorship_id": cls.pair_b.id, "comment": "Private remark"})
        cls.env["aux.training.compliance"]._aux_refresh(
            cls.emp_a | cls.emp_a1 | cls.emp_b)

    def _assert_hidden(self, user, record):
        with self.assertRaises(AccessError):
            record.sudo(user).read(["display_name", "create_date"])
        found = record.sudo(user).search([("id", "=", record.id)])
        self.assertFalse(found)

    def test_auxiliary_sees_only_own_record(self):
        user = self.user_self
        self.assertEqual(self.enrol_own.sudo(user).read(["hours_credited"])[0]["id"],
                         self.enrol_own.id)
        self._assert_hidden(user, self.enrol_b)
        self._assert_hidden(user, self.enrol_a1)
        self._assert_hidden(user, self.result_b)
        self._assert_hidden(user, self.cert_b)
        self._assert_hidden(user, self.pair_b)
        self._assert_hidden(user, self.review_b)
        own_compliance = self.env["aux.training.compliance"].sudo(user).search([])
        self.assertEqual(own_compliance.mapped("employee_id"), self.emp_a)
        self.assertTrue(self.result_own.sudo(user).read(["score"]))
        self.assertTrue(self.cert_own.sudo(user).read(["name"]))
        self.assertTrue(self.pair_own.sudo(user).read(["goals"]))

    def test_auxiliary_cannot_change_own_record(self):
        with self.assertRaises(AccessError):
            self.enrol_own.sudo(self.user_self).write({"attendance": "present"})
        with self.assertRaises(AccessError):
            self.env["aux.training.enrolment"].sudo(self.user_self).create(
                {"session_id": self.session.id, "employee_id": self.emp_a2.id})
        with self.assertRaises(AccessError):
            self.result_own.sudo(self.user_self).write({"score": 100})

    def test_unit_leader_enrols_own_unit_but_does_not_record_attendance(self):
        leader = self.user_leader
        Enrolment = self.env["aux.training.enrolment"].sudo(leader)
        new = Enrolment.create({"session_id": self.session.id, "employee_id": self.emp_a2.id})
        self.assertEqual(new.employee_id, self.emp_a2)
        # attendance is the training officer's record
        with self.assertRaises(AccessError):
            self.enrol_a1.sudo(leader).action_mark_absent()
        self.assertEqual(self.enrol_a1.attendance, "present")
        self.enrol_a1.sudo(self.user_officer).action_mark_absent()
        self.assertEqual(self.enrol_a1.attendance, "absent")
        self._assert_hidden(leader, self.enrol_b)
        with self.assertRaises(AccessError):
            self.enrol_b.sudo(leader).write({"attendance": "absent"})
        emp_b2 = self.env["hr.employee"].create({
            "name": "Aux B2", "department_id": self.unit_b.id, "is_auxiliary": True})
        with self.assertRaises(AccessError):
            Enrolment.create({"session_id": self.session.id, "employee_id": emp_b2.id})
        self._assert_hidden(leader, self.result_b)
        self._assert_hidden(leader, self.cert_b)
        self._assert_hidden(leader, self.pair_b)
        self._assert_hidden(leader, self.plan_b)
        self._assert_hidden(leader, self.plan_b.line_ids)
        self._assert_hidden(leader, self.review_b)
        with self.assertRaises(AccessError):
            self.pair_b.sudo(leader).write({"goals": "Changed"})
        units = self.env["aux.training.compliance"].sudo(leader).search(
            []).mapped("department_id")
        self.assertNotIn(self.unit_b, units)

    def test_unit_leader_enrols_own_unit_with_wizard_only(self):
        wizard = self.env["aux.training.enrol.unit"].sudo(self.user_leader).create(
            {"session_id": self.session.id, "department_id": self.unit_b.id})
        self.env["hr.employee"].create({
            "name": "Aux B2", "department_id": self.unit_b.id, "is_auxiliary": True})
        # the leader either does not see unit B's people or may not enrol them
        with self.assertRaises((AccessError, UserError)):
            wizard.action_enrol()
        self.assertEqual(self.session.enrolment_ids.mapped("employee_id"),
                         self.emp_a | self.emp_a1 | self.emp_b)

    def test_unit_leader_cannot_manage_courses_or_sessions(self):
        with self.assertRaises(AccessError):
            self.env["aux.training.course"].sudo(self.user_leader).create(
                {"name": "X", "category_id": self.category_pre_job.id})
        with self.assertRaises(AccessError):
            self.session.sudo(self.user_leader).write({"capacity": 99})

    def test_office_officer_reads_all_but_does_not_change(self):
        office = self.user_office
        self.assertTrue(self.enrol_b.sudo(office).read(["attendance"]))
        self.assertTrue(self.cert_b.sudo(office).read(["name"]))
        with self.assertRaises(AccessError):
            self.enrol_b.sudo(office).write({"attendance": "absent"})
        with self.assertRaises(AccessError):
            self.cert_b.sudo(office).write({"name": "Changed"})

    def test_office_manager_is_training_officer(self):
        manager = self.env.ref("aux_personnel.group_aux_personnel_manager")
        officer = self.env.ref("aux_training.group_aux_training_officer")
        self.assertIn(officer, manager.trans_implied_ids)

    def test_training_officer_manages_everything(self):
        officer = self.user_officer
        course = self.env["aux.training.course"].sudo(officer).create(
            {"name": "Officer course", "category_id": self.category_pre_job.id, "hours": 8})
        session = self.env["aux.training.session"].sudo(officer).create({
            "course_id": course.id, "date_start": day() + " 01:00:00",
            "date_end": day() + " 09:00:00"})
        enrolment = self.env["aux.training.enrolment"].sudo(officer).create(
            {"session_id": session.id, "employee_id": self.emp_b.id})
        self.env["aux.training.exam.result"].sudo(officer).create(
            {"enrolment_id": enrolment.id, "score": 0})
        self.cert_b.sudo(officer).write({"name": "Renamed"})
        self.plan_b.sudo(officer).action_approve()
        self.assertEqual(self.plan_b.state, "approved")
        self.env["aux.training.compliance"].sudo(officer).action_refresh()

    def test_training_officer_reads_every_file_but_writes_none(self):
        """The exam result form of anybody in the bureau names the person:
        the training officer (a unit leader of no unit) reads every file,
        as the demo's Exam Results screen does; the files stay the office's
        to change."""
        officer = self.user_officer
        result = self.result_b.sudo(officer)
        self.assertEqual(result.read(["employee_id"])[0]["employee_id"][1], self.emp_b.name)
        self.assertEqual(self.emp_b.sudo(officer).read(["name"])[0]["name"], self.emp_b.name)
        with self.assertRaises(AccessError):
            self.emp_b.sudo(officer).write({"name": "Renamed"})
