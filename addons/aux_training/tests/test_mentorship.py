# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import TrainingCase, day


class TestMentorship(TrainingCase):

    def test_reviews_and_average_rating(self):
        pair = self.env["aux.mentorship"].create({
            "mentor_id": self.sworn_a.id, "apprentice_id": self.emp_a.id,
            "goals": "Road duty alone"})
        pair.action_start()
        self.assertEqual(pair.state, "active")
        self.env["aux.mentorship.review"].create(
            {"mentorship_id": pair.id, "comment": "Good", "rating": "4"})
        self.env["aux.mentorship.review"].create(
            {"mentorship_id": pair.id, "comment": "Better", "rating": "5"})
        self.assertEqual(pair.review_count, 2)
        self.assertEqual(pair.average_rating, 4.5)
        self.assertEqual(pair.department_id, self.unit_a)

    def test_invalid_pairs_refused(self):
        Mentorship = self.env["aux.mentorship"]
        with self.assertRaises(ValidationError):
            Mentorship.create({"mentor_id": self.emp_a.id, "apprentice_id": self.emp_a.id})
        with self.assertRaises(ValidationError):
            Mentorship.create({"mentor_id": self.sworn_a.id, "apprentice_id": self.emp_a.id,
                               "date_start": day(), "date_end": day(-1)})

    def test_deleting_a_person_deletes_their_pairs(self):
        mentor = self.env["hr.employee"].create({"name": "Officer M"})
        pair = self.env["aux.mentorship"].create(
            {"mentor_id": mentor.id, "apprentice_id": self.emp_a.id})
        mentor.unlink()
        self.assertFalse(pair.exists())
