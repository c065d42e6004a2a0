# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common import TrainingCase, day


class TestPlan(TrainingCase):

    def test_plan_actual_from_done_sessions_of_the_unit(self):
        year = int(day()[:4])
        plan = self.env["aux.training.plan"].create({
            "department_id": self.unit_a.id, "year": year,
            "line_ids": [(0, 0, {"course_id": self.course_periodic.id, "planned_hours": 100,
                                 "planned_budget": 5000, "planned_participants": 4})],
        })
        done = self._session(self.course_periodic, start_offset=0, department_id=self.unit_a1.id,
                             cost=1200)
        self._enrol(done, self.emp_a | self.emp_a1)
        self._enrol(done, self.emp_b)
        self._enrol(done, self.emp_a2, attendance="absent")
        planned = self._session(self.course_periodic, start_offset=0, state="open",
                                department_id=self.unit_a.id, cost=999)
        self._enrol(planned, self.emp_a2)
        other_unit = self._session(self.course_periodic, start_offset=0,
                                   department_id=self.unit_b.id, cost=777)
        self._enrol(other_unit, self.emp_b)
        line = plan.line_ids
        self.assertEqual(line.actual_hours, 48, "Two people of A and A1 present, 24 h each")
        self.assertEqual(line.actual_participants, 2)
        self.assertEqual(line.actual_cost, 1200)
        self.assertEqual(plan.planned_hours, 100)
        self.assertEqual(plan.planned_budget, 5000)
        self.assertEqual(plan.actual_hours, 48)
        self.assertEqual(plan.name, "Brigade A %s" % year)

    def test_one_plan_per_unit_and_year(self):
        self.env["aux.training.plan"].create({"department_id": self.unit_b.id, "year": 2030})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["aux.training.plan"].create({"department_id": self.unit_b.id, "year": 2030})

    def test_course_of_a_plan_cannot_be_deleted(self):
        self.env["aux.training.plan"].create({
            "department_id": self.unit_a.id, "year": int(day()[:4]),
            "line_ids": [(0, 0, {"course_id": self.course_periodic.id})]})
        # a foreign-key refusal (shown to users as a clean message), not a
        # NOT NULL violation from emptying the planned course
        with self.assertRaises(IntegrityError) as error, mute_logger("odoo.sql_db"):
            self.course_periodic.unlink()
        self.assertEqual(error.exception.pgcode, "23503")
