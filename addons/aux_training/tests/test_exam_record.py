# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import TrainingCase


class TestExamRecord(TrainingCase):
    """Record Exam Results on a session: one line a person present without a
    passed result, the whole session recorded at once by the training
    officer; nothing written when a score is off the scale."""

    @classmethod
    def setUpClass(cls):
        super(TestExamRecord, cls).setUpClass()
        cls.session = cls._session(cls.course_pre_job, state="open")
        cls.present = cls._enrol(cls.session, cls.emp_a | cls.emp_a2 | cls.emp_a1)
        cls.absent = cls._enrol(cls.session, cls.emp_b, attendance="absent")
        cls.Result = cls.env["aux.training.exam.result"]

    def wizard(self, user=None):
        action = self.session.sudo(user or self.user_officer).action_record_exams()
        Record = self.env["aux.training.exam.record"].sudo(user or self.user_officer)
        return Record.with_context(**action["context"]).create({})

    def scores(self, wizard, values):
        for line in wizard.line_ids:
            value = values.get(line.employee_id)
            if value == "absent":
                line.is_absent = True
            elif value is not None:
                line.score = value

    def test_one_screen_for_the_session(self):
        wizard = self.wizard()
        self.assertEqual(wizard.line_ids.mapped("employee_id"),
                         self.emp_a | self.emp_a2 | self.emp_a1,
                         "a line per person present, none for the absent")
        self.assertEqual(set(wizard.line_ids.mapped("attempt")), {1})
        # what the web client shows of each line comes with the defaults
        defaults = self.env["aux.training.exam.record"].sudo(self.user_officer).with_context(
            default_session_id=self.session.id).default_get(["session_id", "line_ids"])
        self.assertEqual({(line[2]["employee_id"], line[2]["department_id"])
                          for line in defaults["line_ids"]},
                         {(e.id, e.department_id.id) for e in self.present.mapped("employee_id")})
        self.assertEqual(wizard.date, self.session.date_end[:10])
        # a person whose result comes later is left at 0
        self.scores(wizard, {self.emp_a: 82, self.emp_a2: "absent"})
        wizard.action_record()
        self.assertEqual(self.present.mapped("exam_result"), ["passed", "absent", False])
        results = self.Result.search([("session_id", "=", self.session.id)])
        self.assertEqual(len(results), 2)
        self.assertEqual(results.mapped("create_uid"), self.user_officer)
        # the next time: the failed or absent sit a retake, the passed are done
        retake = self.wizard()
        lines = {line.employee_id: line.attempt for line in retake.line_ids}
        self.assertEqual(lines, {self.emp_a2: 2, self.emp_a1: 1})

    def test_a_score_off_the_scale_writes_nothing(self):
        wizard = self.wizard()
        self.scores(wizard, {self.emp_a: 75, self.emp_a2: 130})
        with self.assertRaisesRegex(ValidationError, "Aux A2"):
            wizard.action_record()
        self.assertFalse(self.Result.search([("session_id", "=", self.session.id)]))

    def test_nothing_entered_is_refused(self):
        with self.assertRaisesRegex(UserError, "at least one person"):
            self.wizard().action_record()

    def test_only_an_open_session(self):
        wizard = self.wizard()
        self.scores(wizard, {self.emp_a: 75})
        self.session.sudo(self.user_officer).action_done()
        with self.assertRaisesRegex(UserError, "is not open"):
            wizard.action_record()

    def test_only_who_records_exam_results(self):
        wizard = self.wizard(self.user_office)
        self.scores(wizard, {self.emp_a: 75})
        with self.assertRaises(AccessError):
            wizard.action_record()
        self.assertFalse(self.Result.search([("session_id", "=", self.session.id)]))
