# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A requirement may ask for exams passed (issue 12, item 9): the monthly
training and exam.

Hand-computed case: the monthly requirement asks for 2 hours and 1 exam
passed this month.  A session of the road duty refresher this month (24
hours, scale 50, pass mark 30): Aux A scores 35 (passed), Aux A2 scores 20
then 31 at the retake (the latest attempt passed), Aux A1 scores 25
(failed), Aux B misses the exam; Aux B passed an exam 40 days ago, in an
earlier month, which does not count.  All four have the 24 hours."""
from odoo.exceptions import ValidationError

from .common import TrainingCase, day


class TestRequirementExam(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestRequirementExam, cls).setUpClass()
        cls.req_monthly = cls.env.ref("aux_training.aux_training_requirement_monthly")
        cls.req_monthly.write({"active": True, "min_hours": 2, "min_exams_passed": 1,
                               "aux_category": False, "category_ids": [(5, 0, 0)]})
        earlier = cls._session(cls.course_periodic, start_offset=-40, state="open")
        cls._record(earlier, {cls.emp_b: [40]})
        cls._record(cls._session(cls.course_periodic, start_offset=0, state="draft"), {
            cls.emp_a: [35], cls.emp_a2: [20, 31], cls.emp_a1: [25], cls.emp_b: ["absent"]})

    @classmethod
    def _record(cls, session, results):
        """The training officer's work: enrol, open, take attendance and
        exam results, mark the session done."""
        officer = session.sudo(cls.user_officer)
        if officer.state == "draft":
            officer.action_open()
        Enrolment = cls.env["aux.training.enrolment"].sudo(cls.user_officer)
        Result = cls.env["aux.training.exam.result"].sudo(cls.user_officer)
        for employee, scores in results.items():
            enrolment = Enrolment.create({"session_id": session.id,
                                          "employee_id": employee.id})
            enrolment.attendance = "present"
            for score in scores:
                if score == "absent":
                    Result.create({"enrolment_id": enrolment.id, "is_absent": True})
                else:
                    Result.create({"enrolment_id": enrolment.id, "score": score})
        officer.action_done()

    def rows(self):
        self.env["aux.training.compliance"].sudo(self.user_officer).action_refresh()
        rows = self.env["aux.training.compliance"].sudo(self.user_officer).search(
            [("requirement_id", "=", self.req_monthly.id)])
        return {row.employee_id.id: row for row in rows}

    def test_exam_passed_is_required(self):
        rows = self.rows()
        self.assertEqual(
            {emp_id: (row.hours_done, row.exams_passed, row.missing_exams, row.status)
             for emp_id, row in rows.items()},
            {self.emp_a.id: (24, 1, 0, "met"), self.emp_a2.id: (24, 1, 0, "met"),
             self.emp_a1.id: (24, 0, 1, "out_of_compliance"),
             self.emp_b.id: (24, 0, 1, "out_of_compliance")})
        self.assertEqual(rows[self.emp_a.id].target_exams, 1)

    def test_out_of_compliance_list_names_the_missing_exam(self):
        missing = self.env["aux.training.compliance"]._aux_out_of_compliance(self.unit_a)
        def monthly(employee):
            return [text for text in missing.get(employee, [])
                    if text.startswith(self.req_monthly.name)]
        self.assertEqual(monthly(self.emp_a1),
                         ["Monthly training and exam (0 of 1 exams passed)"])
        self.assertEqual(monthly(self.emp_a), [])
        self.assertEqual(monthly(self.emp_a2), [])

    def test_without_exam_condition_hours_suffice(self):
        self.req_monthly.sudo(self.user_officer).min_exams_passed = 0
        self.assertEqual({row.status for row in self.rows().values()}, {"met"})

    def test_exam_only_requirement_and_empty_requirement(self):
        Requirement = self.env["aux.training.requirement"].sudo(self.user_officer)
        exam_only = Requirement.create({"name": "Quarterly law exam", "kind": "periodic",
                                        "period_months": 3, "min_exams_passed": 2})
        values = exam_only._aux_compliance(self.emp_b, on_date=day())
        # this month's exam missed, the one 40 days ago passed: 1 of 2
        self.assertEqual(values[(self.emp_b.id, exam_only.id)]["exams_passed"], 1)
        self.assertEqual(values[(self.emp_b.id, exam_only.id)]["status"],
                         "out_of_compliance")
        with self.assertRaisesRegex(ValidationError, "Nothing asked.*minimum of exams passed"):
            Requirement.create({"name": "Nothing asked", "kind": "monthly"})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            Requirement.create({"name": "Negative", "kind": "monthly", "min_hours": 2,
                                "min_exams_passed": -1})
