# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AuxDutyCase


def days_ago(days):
    return fields.Date.to_string(date.today() - timedelta(days=days))


class TestLeave(AuxDutyCase):

    def ask(self, employee, date_from, date_to, status="aux_duty.leave_annual", user=None):
        Leave = self.Leave.sudo(user) if user else self.Leave
        leave = Leave.create({"employee_id": employee.id, "date_from": date_from,
                              "date_to": date_to, "holiday_status_id": self.env.ref(status).id,
                              "reason": "Family visit"})
        leave.action_submit()
        return leave

    def test_self_service_request_unit_leader_approves(self):
        leave = self.ask(self.emp_a1, "2026-03-09", "2026-03-10", user=self.user_aux_a1)
        self.assertEqual((leave.state, leave.days, leave.needs_office), ("submitted", 2, False))
        self.assertEqual(leave.department_id, self.unit_a1)
        # another unit's leader does not even see it; the person cannot approve
        with self.assertRaises(AccessError):
            leave.sudo(self.user_leader_b).action_approve()
        with self.assertRaises(AccessError):
            leave.sudo(self.user_aux_a1).action_approve()
        leave.sudo(self.user_leader_a).action_approve()
        self.assertEqual(leave.state, "approved")
        self.assertEqual(leave.unit_approver_id, self.user_leader_a)
        holiday = leave.holiday_id
        self.assertEqual((holiday.state, holiday.employee_id, holiday.number_of_days_temp),
                         ("validate", self.emp_a1, 2.0))
        # booked in working hours of Shanghai: the same dates in UTC
        self.assertEqual(holiday.date_from[:10], "2026-03-09")
        self.assertEqual(holiday.date_to[:10], "2026-03-10")
        self.assertEqual(leave.report_back_deadline, "2026-03-11")

    def test_self_service_asks_for_himself_only(self):
        with self.assertRaises(AccessError):
            self.ask(self.emp_a, "2026-03-09", "2026-03-10", user=self.user_aux_a1)

    def test_long_leave_needs_the_office(self):
        leave = self.ask(self.emp_a, "2026-03-09", "2026-03-13", user=self.user_aux_a)
        self.assertTrue(leave.needs_office)
        leave.sudo(self.user_leader_a).action_approve()
        self.assertEqual(leave.state, "unit_approved")
        self.assertFalse(leave.holiday_id)
        with self.assertRaises(AccessError):
            leave.sudo(self.user_leader_a).action_approve()
        leave.sudo(self.user_office).action_approve()
        self.assertEqual((leave.state, leave.office_approver_id), ("approved", self.user_office))
        self.assertEqual(leave.holiday_id.state, "validate")

    def test_threshold_is_data(self):
        self.env.ref("aux_duty.leave_rule_default").unit_max_days = 10
        leave = self.ask(self.emp_a, "2026-03-09", "2026-03-13")
        self.assertFalse(leave.needs_office)
        leave.sudo(self.user_leader_a).action_approve()
        self.assertEqual(leave.state, "approved")

    def test_public_holidays_not_counted_in_annual_leave(self):
        """Qingming 2026 (April 4-6) is not counted in annual leave, but is
        in sick leave."""
        annual = self.ask(self.emp_a, "2026-04-03", "2026-04-07")
        self.assertEqual(annual.days, 2)
        sick = self.ask(self.emp_b, "2026-04-03", "2026-04-07", "aux_duty.leave_sick")
        self.assertEqual(sick.days, 5)

    def test_overlap_refused(self):
        self.ask(self.emp_a, "2026-03-09", "2026-03-10")
        with self.assertRaisesRegex(UserError, "overlaps"):
            self.ask(self.emp_a, "2026-03-10", "2026-03-11")

    def test_last_day_before_first_refused(self):
        with self.assertRaises(ValidationError):
            self.Leave.create({"employee_id": self.emp_a.id, "date_from": "2026-03-10",
                               "date_to": "2026-03-09",
                               "holiday_status_id": self.env.ref("aux_duty.leave_annual").id})

    def test_report_back_early_shortens_the_leave(self):
        leave = self.ask(self.emp_a, "2026-03-09", "2026-03-11")
        leave.sudo(self.user_leader_a).action_approve()
        leave.sudo(self.user_aux_a).action_report_back("2026-03-11")
        self.assertEqual((leave.state, leave.return_date, leave.days),
                         ("returned", "2026-03-11", 2))
        self.assertEqual(leave.holiday_id.date_to[:10], "2026-03-10")
        self.assertEqual(leave.holiday_id.number_of_days_temp, 2)
        self.assertEqual(leave.reported_by, self.user_aux_a)

    def test_unreturned_leave_flagged_the_next_day(self):
        """Leave ended two days ago, report-back was due yesterday: the daily
        job flags it, alerts the unit leader and drafts one absence for the
        first day he should have been back."""
        leave = self.ask(self.emp_a1, days_ago(4), days_ago(2), "aux_duty.leave_sick")
        leave.sudo(self.user_leader_a).action_approve()
        self.assertEqual(leave.report_back_deadline, days_ago(1))
        ontime = self.ask(self.emp_b, days_ago(2), days_ago(1), "aux_duty.leave_sick")
        ontime.sudo(self.user_leader_b).action_approve()
        self.Leave._cron_flag_overdue()
        self.assertEqual(ontime.state, "approved", "still within its report-back day")
        self.assertEqual(leave.state, "overdue")
        activity = leave.activity_ids
        self.assertEqual(activity.user_id, self.user_leader_a)
        exception = leave.exception_id
        self.assertEqual((exception.kind, exception.date, exception.origin, exception.state),
                         ("absent", days_ago(1), "leave", "open"))
        event = exception.event_id
        self.assertEqual((event.state, event.type_id),
                         ("draft", self.env.ref("aux_assessment.event_type_absence")))
        # the job again: nothing more
        self.Leave._cron_flag_overdue()
        self.assertEqual(len(self.Exception.search([("employee_id", "=", self.emp_a1.id)])), 1)
        # he reports back; the leader confirms the absence: the same one event
        leave.sudo(self.user_aux_a1).action_report_back(days_ago(0))
        self.assertEqual(leave.state, "returned")
        exception.sudo(self.user_leader_a).action_confirm()
        self.assertEqual(exception.event_id, event)
        self.assertEqual(event.state, "confirmed")
        self.assertEqual(self.env["aux.assessment.event"].search_count(
            [("employee_id", "=", self.emp_a1.id)]), 1)

    def test_excusing_the_drafted_absence_cancels_its_event(self):
        leave = self.ask(self.emp_a, days_ago(4), days_ago(3), "aux_duty.leave_sick")
        leave.sudo(self.user_leader_a).action_approve()
        self.Leave._cron_flag_overdue()
        exception = leave.exception_id.sudo(self.user_leader_a)
        exception.write({"reason": "Hospital extended the sick note"})
        exception.action_excuse()
        self.assertEqual(leave.exception_id.event_id.state, "cancelled")

    def test_withdraw_and_refuse(self):
        leave = self.ask(self.emp_a, "2026-03-09", "2026-03-09", user=self.user_aux_a)
        leave.sudo(self.user_aux_a).action_cancel()
        self.assertEqual(leave.state, "cancelled")
        other = self.ask(self.emp_a, "2026-03-16", "2026-03-16", user=self.user_aux_a)
        other.sudo(self.user_leader_a).action_refuse()
        self.assertEqual(other.state, "refused")
        with self.assertRaises(UserError):
            other.sudo(self.user_aux_a).write({"date_to": "2026-03-17"})

    def test_leader_does_not_approve_his_own(self):
        leave = self.ask(self.emp_leader_a, "2026-03-09", "2026-03-09", user=self.user_leader_a)
        with self.assertRaises(UserError):
            leave.sudo(self.user_leader_a).action_approve()
        leave.sudo(self.user_office).action_approve()
        self.assertEqual(leave.state, "approved")
