"""Training results reach the assessment's training item (issue 12, item
9): aux_training and aux_assessment do not depend on each other, so this
is a suite-level test with both installed.

Hand-computed case, March 2012, the shipped event types of training results
(on the item "Training and exams", 10 points by default): absent from
training without leave -2, exam failed -1, exam missed -2, each per
occurrence.

* Session 1 (5 March, scale 50, pass mark 30): Pan present, exam 25
  (failed); Qiu absent without leave; Ren excused.
* Session 2 (20 March): Pan present, exam 20 then 28 at the retake (the
  latest attempt failed); Qiu present, misses the exam; Ren present, exam
  40 (passed).

After session 1 is done: Pan 1 failed exam -> 9; Qiu 1 absence -> 8.
After session 2 is done: Pan 2 failed exams -> 8; Qiu 1 absence and 1 exam
missed -> 6; Ren 10.  One event per person, type and month whatever the
number of sessions, done and reopened."""
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.tests.common import AuxBureauCase


class TestTrainingResultsInAssessment(AuxBureauCase):

    _aux_context = {"lang": "en_US", "tracking_disable": True}
    _aux_tree = False
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(TestTrainingResultsInAssessment, cls).setUpClass()
        env = cls.env
        unit = cls._aux_unit("Training Link Brigade")
        cls.pan, cls.qiu, cls.ren = [cls._aux_person(name, unit)
                                     for name in ("Link Pan", "Link Qiu", "Link Ren")]
        cls.officer = cls._aux_user("link_training_officer",
                                    "aux_training.group_aux_training_officer")
        cls.manager = cls._aux_user("link_manager", "manager")
        course = env["aux.training.course"].create({
            "name": "Link road duty refresher",
            "category_id": env.ref("aux_training.aux_training_category_periodic").id,
            "hours": 4, "score_max": 50, "pass_mark": 30})
        Session = env["aux.training.session"].sudo(cls.officer)
        cls.session1 = Session.create({"course_id": course.id,
                                       "date_start": "2012-03-05 01:00:00",
                                       "date_end": "2012-03-05 05:00:00"})
        cls.session2 = Session.create({"course_id": course.id,
                                       "date_start": "2012-03-20 01:00:00",
                                       "date_end": "2012-03-20 05:00:00"})
        periods = env["aux.assessment.period"]._create_year(2012)
        cls.march = periods.filtered(lambda p: p.name == "2012-03")
        cls.sheets = env["aux.assessment.sheet"]._generate(cls.march, cls.pan | cls.qiu | cls.ren)
        cls.type_failed = env.ref("aux_assessment.event_type_training_exam_failed")
        cls.type_absent = env.ref("aux_assessment.event_type_training_absent")
        cls.type_missed = env.ref("aux_assessment.event_type_training_exam_missed")

    def record(self, session, rows):
        """The training officer: enrol, open, attendance and exam results, done."""
        session.action_open()
        Enrolment = self.env["aux.training.enrolment"].sudo(self.officer)
        Result = self.env["aux.training.exam.result"].sudo(self.officer)
        for employee, attendance, scores in rows:
            enrolment = Enrolment.create({"session_id": session.id,
                                          "employee_id": employee.id,
                                          "attendance": attendance})
            for score in scores:
                Result.create({"enrolment_id": enrolment.id, "is_absent": score is None,
                               "score": score or 0})
        session.action_done()

    def training_score(self, employee):
        sheet = self.sheets.filtered(lambda s: s.employee_id == employee)
        sheet.invalidate_cache()
        return sheet.line_ids.filtered(lambda ln: ln.item_id.code == "NENG2").score

    def events(self, employee):
        return self.env["aux.assessment.event"].search([
            ("employee_id", "=", employee.id), ("training_month", "=", "2012-03"),
            ("state", "=", "confirmed")])

    def record_both(self):
        self.record(self.session1, [(self.pan, "present", [25]),
                                    (self.qiu, "absent", []),
                                    (self.ren, "excused", [])])
        self.record(self.session2, [(self.pan, "present", [20, 28]),
                                    (self.qiu, "present", [None]),
                                    (self.ren, "present", [40])])

    def test_results_reach_the_training_item(self):
        self.record(self.session1, [(self.pan, "present", [25]),
                                    (self.qiu, "absent", []),
                                    (self.ren, "excused", [])])
        self.assertEqual([self.training_score(e) for e in (self.pan, self.qiu, self.ren)],
                         [9, 8, 10])
        self.record(self.session2, [(self.pan, "present", [20, 28]),
                                    (self.qiu, "present", [None]),
                                    (self.ren, "present", [40])])
        self.assertEqual([self.training_score(e) for e in (self.pan, self.qiu, self.ren)],
                         [8, 6, 10])
        pan = self.events(self.pan)
        self.assertEqual((pan.type_id, pan.points, pan.item_id.code, pan.date),
                         (self.type_failed, -2, "NENG2", "2012-03-01"))
        self.assertIn("2 x Training exam failed", pan.description)
        self.assertEqual(self.events(self.qiu).mapped("type_id"),
                         self.type_absent | self.type_missed)
        self.assertFalse(self.events(self.ren))

    def test_reopened_and_done_again_counts_once(self):
        self.record_both()
        absent = self.events(self.qiu).filtered(lambda e: e.type_id == self.type_absent)
        # the office manager reopens session 2: its results no longer count
        self.session2.sudo(self.manager).action_draft()
        self.assertEqual([self.training_score(e) for e in (self.pan, self.qiu)], [9, 8])
        self.assertEqual(self.events(self.qiu), absent, "the absence of session 1 stays")
        # done again: the same effect, one event per person, type and month
        self.session2.action_open()
        self.session2.action_done()
        self.assertEqual([self.training_score(e) for e in (self.pan, self.qiu, self.ren)],
                         [8, 6, 10])
        self.assertEqual(len(self.events(self.pan)), 1)
        self.assertEqual(len(self.events(self.qiu)), 2)
        self.assertEqual(self.events(self.qiu).filtered(
            lambda e: e.type_id == self.type_absent), absent)

    def test_points_are_the_event_types(self):
        self.type_failed.default_points = -3
        self.record_both()
        self.assertEqual(self.training_score(self.pan), 4)

    def test_results_on_a_confirmed_sheet_wait_for_its_reopening(self):
        self.record_both()
        sheet = self.sheets.filtered(lambda s: s.employee_id == self.pan)
        sheet.action_submit()
        sheet.action_check()
        sheet.action_confirm()
        with self.assertRaisesRegex(UserError, "Link Pan.*2012-03.*reopen"):
            self.session2.sudo(self.manager).action_draft()
        self.assertEqual(self.session2.state, "done")
        self.assertEqual(self.events(self.pan).points, -2)
