# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import YEAR, AssessmentCase


class TestEvent(AssessmentCase):

    def _line(self, sheet, code):
        return sheet.line_ids.filtered(lambda ln: ln.item_id.code == code)

    def test_defaults_from_type_and_author(self):
        event = self.event(self.emp_b, self.type_late, "%s-01-10" % YEAR)
        self.assertEqual(event.points, -1)
        self.assertEqual(event.item_id.code, "QIN1")
        self.assertEqual(event.author_id, self.env.user)
        self.assertEqual(self.event(self.emp_b, self.type_absence, "%s-01-11" % YEAR).points, -5)

    def test_event_posts_into_existing_sheet(self):
        sheet = self.generate(self.jan, self.emp_b)
        event = self.event(self.emp_b, self.type_absence, "%s-01-15" % YEAR)
        self.assertEqual(event.sheet_id, sheet)
        self.assertEqual(self._line(sheet, "QIN1").score, 10)
        self.assertEqual(sheet.total_score, 90)
        self.assertEqual(sheet.penalty_points, 5)

    def test_event_posts_when_sheet_generated_later(self):
        event = self.event(self.emp_b, self.type_late, "%s-02-03" % YEAR)
        self.assertFalse(event.sheet_id)
        self.generate(self.jan, self.emp_b)
        self.assertFalse(event.sheet_id, "a February event stays out of January")
        feb = self.generate(self.feb, self.emp_b)
        self.assertEqual(event.sheet_id, feb)
        self.assertEqual(feb.total_score, 94)

    def test_month_not_quarter(self):
        """Events count on the month; the quarter is derived from the
        confirmed months (test_derived) and never receives one."""
        quarter = self.generate(self.q1, self.emp_b)
        event = self.event(self.emp_b, self.type_late, "%s-01-20" % YEAR)
        self.assertFalse(event.sheet_id)
        self.assertFalse(quarter.line_ids)
        jan = self.generate(self.jan, self.emp_b)
        self.assertEqual(event.sheet_id, jan)

    def test_draft_and_cancelled_events_do_not_count(self):
        sheet = self.generate(self.jan, self.emp_b)
        event = self.event(self.emp_b, self.type_absence, "%s-01-15" % YEAR, state="draft")
        self.assertEqual(sheet.total_score, 95)
        event.action_confirm()
        self.assertEqual(sheet.total_score, 90)
        event.action_cancel()
        self.assertEqual(sheet.total_score, 95)
        self.assertEqual(sheet.penalty_points, 0)

    def test_moving_an_event_moves_its_points(self):
        jan = self.generate(self.jan, self.emp_b)
        feb = self.generate(self.feb, self.emp_b)
        event = self.event(self.emp_b, self.type_absence, "%s-01-15" % YEAR)
        self.assertEqual((jan.total_score, jan.penalty_points), (90, 5))
        # a confirmed event is locked: cancelled, corrected and confirmed again
        event.action_cancel()
        self.assertEqual((jan.total_score, jan.penalty_points), (95, 0))
        event.action_draft()
        event.date = "%s-02-15" % YEAR
        event.action_confirm()
        self.assertEqual(event.sheet_id, feb)
        self.assertEqual((jan.total_score, feb.total_score), (95, 90))
        event.action_cancel()
        event.unlink()
        self.assertEqual(feb.total_score, 95)
        self.assertEqual(feb.penalty_points, 0)

    def test_score_never_below_zero_nor_above_maximum(self):
        sheet = self.generate(self.jan, self.emp_b)
        for day in range(1, 5):
            self.event(self.emp_b, self.type_absence, "%s-01-0%s" % (YEAR, day))
        self.assertEqual(self._line(sheet, "QIN1").score, 0)
        for day in range(1, 4):
            self.event(self.emp_b, self.type_commend, "%s-01-1%s" % (YEAR, day))
        self.assertEqual(self._line(sheet, "JI2").score, 5)
        self.assertEqual(sheet.commendation_points, 9)
        self.assertEqual(self.type_commend.commendation_level, "county")
