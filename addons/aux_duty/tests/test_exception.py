# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import AuxDutyCase


class TestException(AuxDutyCase):
    """March 2-4, 2026: day shifts 08:30-17:30 (Shanghai) for A on the
    published roster of unit A; 5 minutes of grace each way."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roster = cls.make_roster(cls.unit_a, cls.emp_a, {
            2: cls.shift_day, 3: cls.shift_day, 4: cls.shift_day, 5: cls.shift_rest})

    def exceptions(self, employee=None):
        return self.Exception.search([("employee_id", "=", (employee or self.emp_a).id)])

    def on_time(self, day):
        return [("10002", "%s 08:25:00" % self.day(day)), ("10002", "%s 17:35:00" % self.day(day))]

    def test_one_late_punch_gives_one_event(self):
        lines = self.on_time(2) + self.on_time(4) + [
            ("10002", "2026-03-03 08:41:00"), ("10002", "2026-03-03 17:31:00")]
        content = self.punch_file(*lines)
        self.import_file(content)
        exception = self.exceptions()
        self.assertEqual(len(exception), 1)
        self.assertEqual((exception.kind, exception.date, exception.minutes),
                         ("late", "2026-03-03", 11))
        # re-importing the same file changes nothing
        self.import_file(content)
        self.assertEqual(self.exceptions(), exception)
        exception.sudo(self.user_leader_a).action_confirm()
        event = exception.event_id
        self.assertEqual(event.type_id, self.env.ref("aux_assessment.event_type_late"))
        self.assertEqual((event.state, event.employee_id, event.date, event.points),
                         ("confirmed", self.emp_a, "2026-03-03", -1.0))
        self.assertEqual(event.author_id, self.user_leader_a)
        # never twice: confirming again is refused, recomputing adds nothing
        with self.assertRaises((UserError, AccessError)):
            exception.sudo(self.user_leader_a).action_confirm()
        with self.assertRaises(UserError):
            exception.action_confirm()
        self.Exception._aux_compute("2026-03-01", "2026-03-31")
        self.assertEqual(self.exceptions(), exception)
        events = self.env["aux.assessment.event"].search([("employee_id", "=", self.emp_a.id)])
        self.assertEqual(events, event)

    def test_absence_and_early_departure(self):
        self.import_file(self.punch_file(*self.on_time(2) + [
            ("10002", "2026-03-04 08:20:00"), ("10002", "2026-03-04 16:00:00")]))
        found = {(x.date, x.kind) for x in self.exceptions()}
        self.assertEqual(found, {("2026-03-03", "absent"), ("2026-03-04", "early")})
        absence = self.exceptions().filtered(lambda x: x.kind == "absent")
        absence.sudo(self.user_leader_a).action_confirm()
        self.assertEqual(absence.event_id.type_id,
                         self.env.ref("aux_assessment.event_type_absence"))
        self.assertEqual(absence.event_id.points, -5.0)

    def test_missing_clock_out_is_early_departure(self):
        self.import_file(self.punch_file(*self.on_time(2) + self.on_time(3) + [
            ("10002", "2026-03-04 08:20:00")]))
        exception = self.exceptions()
        self.assertEqual((exception.kind, exception.date, exception.actual),
                         ("early", "2026-03-04", False))

    def test_punch_imported_later_clears_open_absence(self):
        self.import_file(self.punch_file(*self.on_time(2) + self.on_time(4)))
        self.assertEqual(self.exceptions().kind, "absent")
        self.import_file(self.punch_file(*self.on_time(3)))
        self.assertFalse(self.exceptions())

    def test_leave_day_is_no_absence(self):
        leave = self.Leave.create({
            "employee_id": self.emp_a.id, "date_from": "2026-03-03", "date_to": "2026-03-03",
            "holiday_status_id": self.env.ref("aux_duty.leave_sick").id})
        leave.action_submit()
        leave.sudo(self.user_leader_a).action_approve()
        self.import_file(self.punch_file(*self.on_time(2) + self.on_time(4)))
        self.assertFalse(self.exceptions())

    def test_unpublished_roster_gives_nothing(self):
        self.roster.action_reopen()
        self.import_file(self.punch_file(*self.on_time(2)))
        self.assertFalse(self.exceptions())

    def test_hr_attendance_counts_as_punches(self):
        """A unit using hr_attendance: check-ins and check-outs count."""
        Attendance = self.env["hr.attendance"]
        for day in (2, 3, 4):
            Attendance.create({"employee_id": self.emp_a.id,
                               "check_in": "%s 00:2%d:00" % (self.day(day), day),
                               "check_out": "%s 09:3%d:00" % (self.day(day), day)})
        self.roster.action_check_punches()
        self.assertFalse(self.exceptions())

    def test_excuse_needs_reason_and_makes_no_event(self):
        self.import_file(self.punch_file(*self.on_time(2) + self.on_time(4)))
        absence = self.exceptions()
        leader = absence.sudo(self.user_leader_a)
        with self.assertRaisesRegex(UserError, "reason"):
            leader.action_excuse()
        leader.write({"reason": "Terminal out of order, signed the duty book"})
        leader.action_excuse()
        self.assertEqual(absence.state, "excused")
        self.assertFalse(absence.event_id)
        leader.action_reopen()
        self.assertEqual(absence.state, "open")

    def test_other_unit_leader_cannot_decide(self):
        self.import_file(self.punch_file(*self.on_time(2) + self.on_time(4)))
        absence = self.exceptions()
        with self.assertRaises(AccessError):
            absence.sudo(self.user_leader_b).action_confirm()
        with self.assertRaises(AccessError):
            absence.sudo(self.user_aux_a).action_confirm()
        self.assertEqual(absence.state, "open")

    def test_nobody_decides_his_own(self):
        roster = self.make_roster(self.unit_b, self.emp_leader_b, {2: self.shift_day})
        roster.action_check_punches()
        own = self.exceptions(self.emp_leader_b)
        self.assertEqual(own.kind, "absent")
        with self.assertRaises(UserError):
            own.sudo(self.user_leader_b).action_confirm()
