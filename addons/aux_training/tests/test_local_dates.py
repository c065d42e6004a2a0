# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Training is credited to the day it happens in Beijing, not in UTC.

Hand-computed (Beijing is UTC+8): a session from 2026-03-01 07:30 to 16:30
Beijing time is stored 2026-02-28 23:30 to 2026-03-01 08:30 UTC. It is one
day of training, on 1 March. A session at 2026-01-01 07:30 Beijing time
(2025-12-31 23:30 UTC) belongs to the 2026 plan year."""
from .common import TrainingCase


class TestLocalDates(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestLocalDates, cls).setUpClass()
        cls.user_officer.tz = "Asia/Shanghai"
        cls.Session = cls.env["aux.training.session"].sudo(cls.user_officer)

    def test_early_morning_session_credits_the_beijing_day(self):
        session = self.Session.create({"course_id": self.course_periodic.id,
                                       "date_start": "2026-02-28 23:30:00",
                                       "date_end": "2026-03-01 08:30:00"})
        enrolment = self.env["aux.training.enrolment"].sudo(self.user_officer).create({
            "session_id": session.id, "employee_id": self.emp_a.id})
        self.assertEqual(enrolment.date, "2026-03-01", "credited to 1 March, not 28 February")
        self.assertEqual(session.days, 1, "07:30 to 16:30 on one day is one day")
        self.assertIn("[2026-03-01]", session.name_get()[0][1])

    def test_new_year_morning_session_counts_in_the_new_plan_year(self):
        plan = self.env["aux.training.plan"].sudo(self.user_officer).create({
            "department_id": self.unit_a.id, "year": 2026,
            "line_ids": [(0, 0, {"course_id": self.course_periodic.id})]})
        self._session(self.course_periodic, department_id=self.unit_a.id, cost=800,
                      date_start="2025-12-31 23:30:00", date_end="2026-01-01 08:30:00")
        self._session(self.course_periodic, department_id=self.unit_a.id, cost=300,
                      date_start="2026-12-31 23:30:00", date_end="2027-01-01 08:30:00")
        self.assertEqual(plan.line_ids.actual_cost, 800,
                         "1 January 2026 07:30 in Beijing is in 2026, 1 January 2027 is not")
