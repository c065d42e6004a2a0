# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""States, stamps and locks of training change only through the records'
actions, whatever a caller sends (issue 10).

A session is locked with its enrolments (attendance, credited hours) and
exam results once it is done; plans once approved, mentorships once done
or cancelled, competitions once closed, each with its lines.  Attendance and
exam results are the training officer's; a unit leader enrols the people of
his unit; nobody skips the pre-job training gate or the capacity check by
sending a context key."""
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import TrainingCase, day

# what a caller may put in the context of an RPC call: the mark's text, the
# old context keys of this addon, and keys that quiet other checks
FORGED = {"aux_workflow": "aux-trusted", "aux_stamp": "aux-trusted",
          "aux_capacity_checked": True, "aux_training_skip_pre_job": True,
          "install_mode": True, "tracking_disable": True}


class WorkflowCase(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(WorkflowCase, cls).setUpClass()
        cls.Session = cls.env["aux.training.session"]
        cls.Enrolment = cls.env["aux.training.enrolment"]
        cls.Result = cls.env["aux.training.exam.result"]
        # roles that must not do a step, the superuser (admin) included
        cls.everyone = (cls.user_self, cls.user_leader, cls.user_office, cls.user_officer,
                        cls.env.user)
        cls.user_manager = cls._aux_user("aux_t_manager", "manager", email="m@example.com")

    def _refused(self, error, function, *args, **kwargs):
        """Assert ``function`` raises ``error``, rolling back what it did."""
        with self.assertRaises(error), self.env.cr.savepoint():
            function(*args, **kwargs)

    def _as(self, records, user):
        return records.sudo(user).with_context(**FORGED)


class TestSessionWorkflow(WorkflowCase):

    @classmethod
    def setUpClass(cls):
        super(TestSessionWorkflow, cls).setUpClass()
        officer = cls.user_officer
        cls.session = cls.Session.sudo(officer).create({
            "course_id": cls.course_pre_job.id, "date_start": day(-2) + " 01:00:00",
            "date_end": day(-2) + " 09:00:00"})
        cls.session.action_open()
        Enrolment = cls.Enrolment.sudo(officer)
        cls.enrol_a = Enrolment.create({"session_id": cls.session.id,
                                        "employee_id": cls.emp_a.id})
        cls.enrol_a1 = Enrolment.create({"session_id": cls.session.id,
                                         "employee_id": cls.emp_a1.id})
        cls.result_a = cls.Result.sudo(officer).create(
            {"enrolment_id": cls.enrol_a.id, "score": 70})

    def _close(self):
        self.enrol_a.sudo(self.user_officer).action_mark_present()
        self.session.sudo(self.user_officer).action_done()
        self.assertEqual(self.session.state, "done")

    def test_create_starts_in_draft_whoever_calls(self):
        for user in (self.user_officer, self.env.user):
            for vals in ({"state": "open"}, {"state": "done"}, {"state": "cancel"},
                         {"days": 30}):
                with self.subTest(user=user.login, vals=vals):
                    self._refused(AccessError, self._as(self.Session, user).create, dict(
                        {"course_id": self.course_pre_job.id,
                         "date_start": day() + " 01:00:00",
                         "date_end": day() + " 09:00:00"}, **vals))

    def test_state_changes_only_through_the_training_officers_buttons(self):
        for user in self.everyone:
            for vals in ({"state": "done"}, {"state": "draft"}, {"days": 30}):
                with self.subTest(user=user.login, vals=vals):
                    self._refused(AccessError, self._as(self.session, user).write, vals)
        for user in (self.user_self, self.user_leader, self.user_office):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.session, user).action_done)
                self._refused(AccessError, self._as(self.session, user).action_cancel)
        self.assertEqual(self.session.state, "open")
        self._refused(UserError, self.session.sudo(self.user_officer).action_open)
        self._close()
        self.assertIn("aux_t_officer", self.session.message_ids[0].body)
        # reopening a done session unlocks the hours it credits: the manager's
        self._refused(AccessError, self.session.sudo(self.user_officer).action_draft)
        self.session.sudo(self.user_manager).action_draft()
        self.assertEqual(self.session.state, "draft")

    def test_done_session_locks_attendance_and_results(self):
        self._close()
        enrolment, result = self.enrol_a, self.result_a
        for user in (self.user_officer, self.env.user):
            forged = self._as(self.session, user)
            with self.subTest(user=user.login):
                self._refused(UserError, forged.write, {"hours": 400})
                self._refused(UserError, forged.write, {"date_start": day(-30) + " 01:00:00"})
                self._refused(UserError, forged.write, {"enrolment_ids": [
                    (1, enrolment.id, {"attendance": "absent"})]})
                self._refused(UserError, forged.unlink)
                self._refused(UserError, self._as(enrolment, user).write,
                              {"attendance": "absent"})
                self._refused(UserError, self._as(enrolment, user).action_mark_absent)
                self._refused(UserError, self._as(enrolment, user).unlink)
                self._refused(UserError, self._as(self.Enrolment, user).create,
                              {"session_id": self.session.id, "employee_id": self.emp_a2.id,
                               "attendance": "present"})
                self._refused(UserError, self._as(result, user).write, {"score": 100})
                self._refused(UserError, self._as(result, user).unlink)
                self._refused(UserError, self._as(self.Result, user).create,
                              {"enrolment_id": enrolment.id, "score": 90})
        # a free note and the chatter stay open
        self.session.sudo(self.user_officer).write({"note": "Room changed"})
        self.session.sudo(self.user_officer).message_post(body="Photos filed")
        self.assertEqual((enrolment.attendance, enrolment.hours_credited), ("present", 40))
        # the office manager reopens it deliberately (logged) to correct it
        self.session.sudo(self.user_manager).action_draft()
        enrolment.sudo(self.user_officer).action_mark_absent()
        self.assertEqual(enrolment.hours_credited, 0)

    def test_credits_and_exam_figures_are_the_servers(self):
        for user in (self.user_officer, self.env.user):
            for vals in ({"hours_credited": 400}, {"days_credited": 30},
                         {"session_state": "done"}, {"exam_result": "passed"},
                         {"exam_score": 100}, {"category_id": self.category_periodic.id},
                         {"date": day(-400)}):
                with self.subTest(user=user.login, vals=vals):
                    self._refused(AccessError, self._as(self.enrol_a1, user).write, vals)
            for vals in ({"attempt": 5}, {"result": "passed"}):
                with self.subTest(user=user.login, vals=vals):
                    self._refused(AccessError, self._as(self.result_a, user).write, vals)
                    self._refused(AccessError, self._as(self.Result, user).create,
                                  dict({"enrolment_id": self.enrol_a1.id, "score": 10}, **vals))
        self.assertEqual(self.enrol_a1.hours_credited, 0)
        retake = self.Result.sudo(self.user_officer).create(
            {"enrolment_id": self.enrol_a.id, "score": 80})
        self.assertEqual(retake.attempt, 2, "the server numbers the attempts")

    def test_attendance_and_results_are_the_training_officers(self):
        for user in (self.user_self, self.user_leader, self.user_office):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.enrol_a1, user).action_mark_present)
                self._refused(AccessError, self._as(self.enrol_a1, user).write,
                              {"attendance": "present"})
                self._refused(AccessError, self._as(self.Result, user).create,
                              {"enrolment_id": self.enrol_a1.id, "score": 90})
                self._refused(AccessError, self._as(self.result_a, user).write, {"score": 99})
                self._refused(AccessError, self._as(self.result_a, user).unlink)
        # a unit leader cannot record attendance by enrolling someone present
        self._refused(AccessError, self._as(self.Enrolment, self.user_leader).create,
                      {"session_id": self.session.id, "employee_id": self.emp_a2.id,
                       "attendance": "present"})
        self.assertFalse(self.enrol_a1.attendance)
        self.enrol_a1.sudo(self.user_officer).action_mark_excused()
        self.assertEqual(self.enrol_a1.attendance, "excused")

    def test_unit_leader_enrols_and_withdraws_his_unit_before_the_session_is_done(self):
        Enrolment = self.Enrolment.sudo(self.user_leader)
        enrolment = Enrolment.create({"session_id": self.session.id,
                                      "employee_id": self.emp_a2.id})
        self.assertEqual(enrolment.sudo(self.user_leader).read(["attendance"])[0]["id"],
                         enrolment.id)
        enrolment.unlink()
        # not another unit's people, not someone whose attendance is recorded
        self._refused(AccessError, Enrolment.create,
                      {"session_id": self.session.id, "employee_id": self.emp_b.id})
        self._refused(AccessError, self.enrol_a.sudo(self.user_leader).write,
                      {"employee_id": self.emp_a2.id})
        self.enrol_a.sudo(self.user_officer).action_mark_present()
        self._refused(AccessError, self.enrol_a.sudo(self.user_leader).unlink)
        self._close()
        self._refused((AccessError, UserError), Enrolment.create,
                      {"session_id": self.session.id, "employee_id": self.emp_a2.id})
        self._refused((AccessError, UserError), self.enrol_a1.sudo(self.user_leader).unlink)

    def test_capacity_check_cannot_be_skipped_by_a_context_key(self):
        self.session.sudo(self.user_officer).write({"capacity": 2})
        full = self._session(self.course_pre_job, state="open", capacity=1)
        self._enrol(full, self.emp_b, attendance=False)
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(ValidationError, self._as(self.Enrolment, user).create,
                              {"session_id": self.session.id, "employee_id": self.emp_b.id})
                self._refused(ValidationError, self._as(self.enrol_a1, user).write,
                              {"session_id": full.id})
        self.assertEqual((self.session.seats_taken, full.seats_taken), (2, 1))
        cancelled = self._session(self.course_pre_job, state="cancel")
        self._refused(UserError, self._as(self.Enrolment, self.user_officer).create,
                      {"session_id": cancelled.id, "employee_id": self.emp_b.id})


class TestPreJobGate(WorkflowCase):
    """The rule that pre-job training comes before any duty cannot be
    skipped by sending the old context key."""

    @classmethod
    def setUpClass(cls):
        super(TestPreJobGate, cls).setUpClass()
        cls.post = cls.env["aux.post"].create(
            {"name": "Gate duty", "department_id": cls.unit_a.id})
        cls.Assignment = cls.env["aux.post.assignment"]

    def test_skip_key_is_refused(self):
        Assignment = self.Assignment.with_context(**FORGED)
        self._refused(ValidationError, Assignment.create,
                      {"employee_id": self.emp_a.id, "post_id": self.post.id})
        sworn = Assignment.create({"employee_id": self.sworn_a.id, "post_id": self.post.id})
        self._refused(ValidationError, sworn.write, {"employee_id": self.emp_a.id})
        self.assertFalse(self.Assignment.search([("employee_id", "=", self.emp_a.id)]))

    def test_server_code_skips_it_with_its_mark_only(self):
        legacy = trust(self.Assignment, "aux_training_skip_pre_job").create(
            {"employee_id": self.emp_a.id, "post_id": self.post.id, "date_from": day(-30)})
        self.assertEqual(legacy.employee_id, self.emp_a)
        # ending or annotating an assignment never needs the training check
        legacy.with_env(self.Assignment.env).write({"date_to": day(), "note": "Rotated"})
        self.assertEqual(legacy.date_to, day())


class TestPlanWorkflow(WorkflowCase):

    @classmethod
    def setUpClass(cls):
        super(TestPlanWorkflow, cls).setUpClass()
        cls.Plan = cls.env["aux.training.plan"]
        cls.plan = cls.Plan.sudo(cls.user_officer).create({
            "department_id": cls.unit_a.id, "year": 2031,
            "line_ids": [(0, 0, {"course_id": cls.course_pre_job.id,
                                 "planned_hours": 400})]})

    def test_create_and_state_only_through_approval(self):
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.Plan, user).create,
                              {"department_id": self.unit_b.id, "year": 2031,
                               "state": "approved"})
                self._refused(AccessError, self._as(self.plan, user).write,
                              {"state": "approved"})
                self._refused(AccessError, self._as(self.plan, user).write,
                              {"name": "Another unit's plan"})
                self._refused(AccessError, self._as(self.plan.line_ids, user).write,
                              {"department_id": self.unit_b.id})
        for user in (self.user_self, self.user_leader, self.user_office):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.plan, user).action_approve)
        self.plan.sudo(self.user_officer).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_approved_plan_is_locked_with_its_lines(self):
        self.plan.sudo(self.user_officer).action_approve()
        line = self.plan.line_ids
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(UserError, self._as(self.plan, user).write, {"year": 2032})
                self._refused(UserError, self._as(self.plan, user).unlink)
                self._refused(UserError, self._as(line, user).write, {"planned_hours": 1})
                self._refused(UserError, self._as(line, user).unlink)
                self._refused(UserError, self._as(line, user).create,
                              {"plan_id": self.plan.id, "course_id": self.course_periodic.id})
        self.plan.sudo(self.user_officer).write({"note": "Budget confirmed"})
        # the unit leader reads his unit's plan and changes nothing
        self.assertTrue(self.plan.sudo(self.user_leader).read(["name"]))
        self._refused(AccessError, self.plan.sudo(self.user_leader).action_draft)
        self.plan.sudo(self.user_officer).action_draft()
        line.sudo(self.user_officer).write({"planned_hours": 300})
        self.assertEqual(self.plan.planned_hours, 300)


class TestMentorshipWorkflow(WorkflowCase):

    @classmethod
    def setUpClass(cls):
        super(TestMentorshipWorkflow, cls).setUpClass()
        cls.Mentorship = cls.env["aux.mentorship"]
        cls.Review = cls.env["aux.mentorship.review"]
        cls.pair = cls.Mentorship.sudo(cls.user_leader).create(
            {"mentor_id": cls.sworn_a.id, "apprentice_id": cls.emp_a.id, "goals": "Patrol"})
        cls.pair_b = cls.Mentorship.create(
            {"mentor_id": cls.emp_a1.id, "apprentice_id": cls.emp_b.id})

    def test_create_and_state_only_through_the_buttons(self):
        for user in (self.user_leader, self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.Mentorship, user).create,
                              {"mentor_id": self.sworn_a.id, "apprentice_id": self.emp_a2.id,
                               "state": "active"})
                self._refused(AccessError, self._as(self.pair, user).write, {"state": "done"})
        self._refused(AccessError, self._as(self.pair, self.user_self).action_start)
        self._refused(AccessError, self._as(self.pair_b, self.user_leader).action_start)
        self._refused(AccessError, self._as(self.pair_b, self.user_office).action_start)
        self.pair.sudo(self.user_leader).action_start()
        self.assertEqual(self.pair.state, "active")
        self._refused(UserError, self.pair.sudo(self.user_leader).action_start)

    def test_reviewer_is_the_user_who_writes_the_review(self):
        self.pair.sudo(self.user_leader).action_start()
        Review = self.Review.sudo(self.user_leader)
        review = Review.create({"mentorship_id": self.pair.id, "comment": "Good start"})
        self.assertEqual(review.author_id, self.user_leader)
        self._refused(AccessError, self._as(Review, self.user_leader).create,
                      {"mentorship_id": self.pair.id, "comment": "As someone else",
                       "author_id": self.user_officer.id})
        self._refused(AccessError, review.sudo(self.user_leader).write,
                      {"author_id": self.user_officer.id})
        review.sudo(self.user_leader).write({"comment": "Good start, radio use to improve"})
        # the leader does not rewrite a review someone else wrote
        other = self.Review.sudo(self.user_officer).create(
            {"mentorship_id": self.pair.id, "comment": "Office remark"})
        self._refused(AccessError, other.sudo(self.user_leader).write, {"comment": "Gone"})
        self._refused(AccessError, self.Review.sudo(self.user_self).create,
                      {"mentorship_id": self.pair.id, "comment": "By the apprentice"})

    def test_completed_pair_is_locked_with_its_reviews(self):
        leader_pair = self.pair.sudo(self.user_leader)
        leader_pair.action_start()
        review = self.Review.sudo(self.user_leader).create(
            {"mentorship_id": self.pair.id, "comment": "Ready", "rating": "4"})
        leader_pair.action_done()
        self.assertEqual(self.pair.state, "done")
        for user in (self.user_leader, self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused((AccessError, UserError), self._as(self.pair, user).write,
                              {"goals": "Rewritten"})
                self._refused((AccessError, UserError), self._as(review, user).write,
                              {"rating": "5"})
                self._refused((AccessError, UserError), self._as(review, user).unlink)
                self._refused((AccessError, UserError), self._as(self.Review, user).create,
                              {"mentorship_id": self.pair.id, "comment": "Late"})
                self._refused((AccessError, UserError), self._as(self.pair, user).unlink)
        self._refused(UserError, self.pair.sudo(self.user_officer).action_cancel)


class TestCertificateState(WorkflowCase):

    def test_state_is_worked_out_by_the_server(self):
        Certificate = self.env["aux.training.certificate"]
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(Certificate, user).create, {
                    "name": "Forged", "employee_id": self.emp_a.id, "state": "expired"})
        old = Certificate.sudo(self.user_officer).create({
            "name": "Old", "employee_id": self.emp_a.id, "date_issued": day(-400),
            "date_expiry": day(-5)})
        self.assertEqual(old.state, "expired")
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(old, user).write, {"state": "valid"})
                self._refused(AccessError, self._as(old, user).write,
                              {"department_id": self.unit_b.id})
        for user in (self.user_self, self.user_leader, self.user_office):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(old, user).write, {"date_expiry": day(300)})
        # renewing the expiry is the officer's; the state follows
        old.sudo(self.user_officer).write({"date_expiry": day(300)})
        self.assertEqual(old.state, "valid")
        self.env.cr.execute("UPDATE aux_training_certificate SET date_expiry = %s "
                            "WHERE id = %s", (day(-1), old.id))
        old.invalidate_cache()
        Certificate._cron_update_expiry_state()
        self.assertEqual(old.state, "expired")


class TestCompetitionWorkflow(WorkflowCase):

    @classmethod
    def setUpClass(cls):
        super(TestCompetitionWorkflow, cls).setUpClass()
        officer = cls.user_officer
        cls.Competition = cls.env["aux.training.competition"]
        cls.competition = cls.Competition.sudo(officer).create({"name": "Contest"})
        cls.event = cls.env["aux.training.competition.event"].sudo(officer).create(
            {"competition_id": cls.competition.id, "name": "Run"})
        Score = cls.env["aux.training.competition.score"].sudo(officer)
        cls.first = Score.create({"event_id": cls.event.id, "employee_id": cls.emp_a.id,
                                  "score": 90})
        cls.second = Score.create({"event_id": cls.event.id, "employee_id": cls.emp_b.id,
                                   "score": 80})

    def test_create_state_and_ranks_only_through_the_server(self):
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.Competition, user).create,
                              {"name": "Forged", "state": "done"})
                self._refused(AccessError, self._as(self.competition, user).write,
                              {"state": "done"})
                self._refused(AccessError, self._as(self.second, user).write, {"rank": 1})
        for user in (self.user_self, self.user_leader, self.user_office):
            with self.subTest(user=user.login):
                self._refused(AccessError, self._as(self.competition, user).action_done)
        self.assertEqual((self.first.rank, self.second.rank), (1, 2))

    def test_closed_competition_is_locked_with_events_and_scores(self):
        self.competition.sudo(self.user_officer).action_done()
        Score = self.env["aux.training.competition.score"]
        for user in (self.user_officer, self.env.user):
            with self.subTest(user=user.login):
                self._refused(UserError, self._as(self.second, user).write, {"score": 99})
                self._refused(UserError, self._as(self.second, user).unlink)
                self._refused(UserError, self._as(Score, user).create,
                              {"event_id": self.event.id, "employee_id": self.emp_a2.id,
                               "score": 100})
                self._refused(UserError, self._as(self.event, user).write,
                              {"higher_is_better": False})
                self._refused(UserError, self._as(self.competition, user).write,
                              {"date": day(-1)})
                self._refused(UserError, self._as(self.competition, user).unlink)
        self.assertEqual(self.second.rank, 2)
        self.competition.sudo(self.user_officer).action_draft()
        self.second.sudo(self.user_officer).write({"score": 99})
        self.assertEqual((self.second.rank, self.first.rank), (1, 2))
