# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import TrainingCase, day


class TestPostAssignment(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestPostAssignment, cls).setUpClass()
        cls.post = cls.env["aux.post"].create(
            {"name": "Road duty", "department_id": cls.unit_a.id})
        cls.Assignment = cls.env["aux.post.assignment"]

    def test_no_post_without_pre_job_training(self):
        session = self._session(self.course_pre_job, hours=16)
        self._enrol(session, self.emp_a)
        with self.assertRaises(ValidationError) as error:
            self.Assignment.create({"employee_id": self.emp_a.id, "post_id": self.post.id})
        message = str(error.exception.name)
        self.assertIn(self.emp_a.name, message)
        self.assertIn(self.req_pre_job.name, message)
        self.assertIn("16.0 of 40.0 hours", message)
        self.assertFalse(self.Assignment.search([("employee_id", "=", self.emp_a.id)]))

    def test_post_allowed_once_trained_before_start(self):
        session = self._session(self.course_pre_job, start_offset=-10)
        self._enrol(session, self.emp_a)
        with self.assertRaises(ValidationError):
            self.Assignment.create({"employee_id": self.emp_a.id, "post_id": self.post.id,
                                    "date_from": day(-20)})
        assignment = self.Assignment.create(
            {"employee_id": self.emp_a.id, "post_id": self.post.id, "date_from": day()})
        self.assertEqual(assignment.employee_id, self.emp_a)

    def test_rule_switched_off_as_data(self):
        self.req_pre_job.blocks_post_assignment = False
        assignment = self.Assignment.create(
            {"employee_id": self.emp_a.id, "post_id": self.post.id})
        self.assertEqual(assignment.employee_id, self.emp_a)

    def test_sworn_staff_not_concerned_and_ending_is_never_blocked(self):
        self.Assignment.create({"employee_id": self.sworn_a.id, "post_id": self.post.id})
        # server code taking over a legacy assignment skips the training check
        legacy = trust(self.Assignment, "aux_training_skip_pre_job").create(
            {"employee_id": self.emp_a2.id, "post_id": self.post.id, "date_from": day(-30)}
        ).with_env(self.Assignment.env)
        legacy.action_end_today()
        self.assertEqual(legacy.date_to, day())
