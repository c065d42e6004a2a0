# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from odoo.addons.aux_training.tests.common import TrainingCase, day


class TestDemoTraining(TrainingCase):
    """The training part fills a year of training around today for the people
    given: sessions past and next month, attendance, exam results of every
    outcome, certificates about to expire, plans with actuals, a ranked
    competition, mentoring pairs and people out of compliance; once only."""

    @classmethod
    def setUpClass(cls):
        super(TestDemoTraining, cls).setUpClass()
        Employee = cls.env["hr.employee"]
        cls.people = cls.emp_a | cls.emp_a2 | cls.emp_a1 | cls.emp_b
        entries = [-4000, -3000, -2500, -2000, -1500, -1200, -900, -800, -600, -300,
                   -200, -100, -60, -5]
        for index, offset in enumerate(entries):
            for unit in (cls.unit_a1, cls.unit_b):
                cls.people |= Employee.create({
                    "name": "Aux %s %d" % (unit.name, index), "department_id": unit.id,
                    "is_auxiliary": True, "aux_category": "duty",
                    "entry_date": day(offset - (unit == cls.unit_b) * 3)})
        cls.late = cls.people.filtered(lambda e: e.entry_date and e.entry_date > day(-21))

    def test_a_year_of_training_once(self):
        result = self.env["aux.demo.training"]._generate(employees=self.people)
        now = fields.Datetime.now()
        sessions = result["sessions"]
        past = sessions.filtered(lambda s: s.date_start < now)
        future = sessions - past
        self.assertTrue(past.filtered(lambda s: s.date_start >= day(-365)))
        self.assertTrue(future.filtered(lambda s: s.date_start <= day(31)))
        # past sessions are done but the exam of three days ago, whose
        # results the training officer still has to record
        awaiting = result["awaiting_results"]
        self.assertEqual(len(awaiting), 1)
        self.assertEqual(awaiting.state, "open")
        self.assertTrue(awaiting.score_max and awaiting.date_end < now)
        self.assertIn("present", awaiting.enrolment_ids.mapped("attendance"))
        self.assertFalse(awaiting.enrolment_ids.mapped("exam_result_ids"))
        self.assertEqual(set((past - awaiting).mapped("state")), {"done"})
        self.assertNotIn("done", future.mapped("state"))
        self.assertTrue(past.filtered("instructor_id") and past.filtered("instructor_external"))
        self.assertTrue(all(not s.capacity or s.capacity >= len(s.enrolment_ids)
                            for s in sessions))
        # attendance recorded for every past session, not for the coming ones
        enrolments = result["enrolments"]
        done = enrolments.filtered(lambda e: e.session_id in past)
        self.assertEqual(set(done.mapped("attendance")), {"present", "absent", "excused"})
        self.assertFalse(any((enrolments - done).mapped("attendance")))
        # every person has a training record; the late hires are booked next month
        self.assertEqual(enrolments.mapped("employee_id"), self.people)
        self.assertTrue(self.late <= future.mapped("enrolment_ids.employee_id"))
        # exams: passed, failed, absent, failed then passed on a retake
        results = result["exam_results"]
        self.assertEqual(set(results.mapped("result")), {"passed", "failed", "absent"})
        retaken = results.filtered(lambda r: r.attempt == 2).mapped("enrolment_id")
        self.assertTrue(retaken.filtered(lambda e: e.exam_result == "passed"))
        self.assertTrue(all(r.score >= r.pass_mark for r in results
                            if r.result == "passed"))
        self.assertFalse(results.filtered(lambda r: r.enrolment_id.attendance != "present"))
        # certificates: one expired, some expiring within the notice period
        certificates = result["certificates"]
        self.assertEqual(len(certificates.filtered(lambda c: c.state == "expired")), 1)
        expiring = certificates.filtered(lambda c: c.state == "expiring")
        self.assertTrue(expiring)
        self.assertTrue(all(day() <= c.date_expiry <= day(30) for c in expiring))
        # compliance: the late hires lack pre-job training, someone lacks periodic
        rows = self.env["aux.training.compliance"].search(
            [("employee_id", "in", self.people.ids), ("status", "=", "out_of_compliance")])
        self.assertTrue(self.late <= rows.filtered(
            lambda r: r.requirement_id == self.req_pre_job).mapped("employee_id"))
        self.assertTrue(rows.filtered(lambda r: r.requirement_id == self.req_periodic))
        self.assertLess(len(rows.mapped("employee_id")), len(self.people) / 2)
        # annual plans per brigade with actual figures
        plans = result["plans"]
        self.assertEqual(plans.mapped("department_id"), self.unit_a | self.unit_b)
        self.assertTrue(all(p.planned_budget > 0 and p.actual_hours > 0 for p in plans))
        # the competition ranks every participant in every event
        scores = result["competitions"].score_ids
        self.assertTrue(scores)
        for event in result["competitions"].event_ids:
            ranks = sorted(event.score_ids.mapped("rank"))
            self.assertEqual(ranks[0], 1)
            self.assertEqual(len(ranks), len(result["competitions"].score_ids) / 4)
        # mentoring: sworn mentors, new auxiliaries, reviews
        pairs = result["mentorships"]
        self.assertGreaterEqual(len(pairs), 3)
        self.assertFalse(pairs.mapped("mentor_id").filtered("is_auxiliary"))
        self.assertTrue(all(pair.review_ids and pair.goals for pair in pairs))
        # once only
        counts = self.env["aux.training.session"].search_count([])
        self.assertEqual(self.env["aux.demo.training"]._generate(employees=self.people), {})
        self.assertEqual(self.env["aux.training.session"].search_count([]), counts)
