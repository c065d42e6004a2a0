# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import TrainingCase


class TestCompetition(TrainingCase):

    def _event(self, higher_is_better=True):
        competition = self.env["aux.training.competition"].create(
            {"name": "Skills contest", "kind": "skills"})
        return self.env["aux.training.competition.event"].create({
            "competition_id": competition.id, "name": "Event",
            "higher_is_better": higher_is_better})

    def _score(self, event, employee, score):
        return self.env["aux.training.competition.score"].create(
            {"event_id": event.id, "employee_id": employee.id, "score": score})

    def test_ties_share_rank_and_next_rank_is_skipped(self):
        event = self._event()
        first = self._score(event, self.emp_a, 95)
        tie_1 = self._score(event, self.emp_a2, 88)
        tie_2 = self._score(event, self.emp_a1, 88)
        last = self._score(event, self.emp_b, 70)
        self.assertEqual([first.rank, tie_1.rank, tie_2.rank, last.rank], [1, 2, 2, 4])
        last.score = 99
        self.assertEqual([last.rank, first.rank, tie_1.rank], [1, 2, 3])

    def test_timed_event_lowest_wins(self):
        event = self._event(higher_is_better=False)
        slow = self._score(event, self.emp_a, 240)
        fast = self._score(event, self.emp_b, 215)
        self.assertEqual((fast.rank, slow.rank), (1, 2))
        self.assertEqual(event.competition_id.participant_count, 2)
