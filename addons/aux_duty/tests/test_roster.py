# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import AuxDutyCase


class TestRoster(AuxDutyCase):

    def test_leader_fills_publishes_and_reopens(self):
        """The leader adds his unit's people, fills the grid and publishes;
        a published roster is locked until reopened."""
        Roster = self.env["aux.duty.roster"].sudo(self.user_leader_a)
        roster = Roster.create({"department_id": self.unit_a.id, "date_from": "2026-04-17"})
        self.assertEqual(roster.date_from, "2026-04-01", "a roster covers its whole month")
        self.assertEqual(roster.date_to, "2026-04-30")
        roster.action_fill_people()
        self.assertEqual(set(roster.row_ids.mapped("employee_id").ids),
                         {self.emp_leader_a.id, self.emp_a.id})
        row = roster.row_ids.filtered(lambda r: r.employee_id == self.emp_a)
        row.write({"d01": self.shift_day.id, "d02": self.shift_night.id,
                   "d03": self.shift_24.id, "d04": self.shift_rest.id})
        self.assertEqual((row.day_count, row.night_count, row.rest_count), (3, 2.0, 1))
        roster.action_publish()
        self.assertEqual(roster.state, "published")
        self.assertEqual(roster.published_by, self.user_leader_a)
        with self.assertRaises(UserError):
            row.write({"d05": self.shift_day.id})
        roster.write({"duty_phone": "0571-12345"})  # the phone number stays editable
        roster.action_reopen()
        row.write({"d05": self.shift_day.id})
        self.assertEqual(row.day_count, 4)

    def test_publish_state_is_not_writable(self):
        roster = self.make_roster(self.unit_a, self.emp_a, {1: self.shift_day}, publish=False)
        with self.assertRaises(AccessError):
            roster.sudo(self.user_leader_a).write({"state": "published"})

    def test_people_of_the_unit_only(self):
        roster = self.make_roster(self.unit_a, self.emp_a, {}, publish=False)
        with self.assertRaises(ValidationError):
            self.env["aux.duty.roster.row"].create({"roster_id": roster.id,
                                                    "employee_id": self.emp_b.id})
        # a sub-unit's people may be planned by the unit
        self.env["aux.duty.roster.row"].create({"roster_id": roster.id,
                                                "employee_id": self.emp_a1.id})

    def test_day_beyond_month_refused(self):
        with self.assertRaises(ValidationError):
            self.make_roster(self.unit_a, self.emp_a, {31: self.shift_day},
                             month="2026-04-01", publish=False)

    def test_one_roster_per_unit_and_month(self):
        self.make_roster(self.unit_a, self.emp_a, {}, publish=False)
        with self.assertRaises(IntegrityError):
            with self.cr.savepoint(), mute_logger("odoo.sql_db"):
                self.make_roster(self.unit_a, self.emp_a, {}, publish=False)

    def test_copy_previous_month_keeps_weekday_rotation(self):
        """Each day takes the shift of the same weekday four weeks earlier:
        a four-day rotation of March goes on in April."""
        cycle = [self.shift_day, self.shift_night, self.shift_24, self.shift_rest]
        self.make_roster(self.unit_a, self.emp_a,
                         {day: cycle[(day - 1) % 4] for day in range(1, 32)})
        april = self.make_roster(self.unit_a, self.env["hr.employee"], {},
                                 month="2026-04-01", publish=False)
        april.action_copy_previous()
        row = april.row_ids
        self.assertEqual(row.employee_id, self.emp_a)
        start = date(2026, 3, 1)
        for day in range(1, 31):
            expected = cycle[((date(2026, 4, day) - start).days) % 4]
            self.assertEqual(row["d%02d" % day], expected, "April %d" % day)
        self.assertFalse(row.d31)

    def test_copy_needs_previous_roster(self):
        roster = self.make_roster(self.unit_b, self.emp_b, {}, publish=False)
        with self.assertRaises(UserError):
            roster.action_copy_previous()

    def test_duty_phone_of_the_day(self):
        today = date.today()
        roster = self.make_roster(self.unit_a, self.emp_a, {today.day: self.shift_24},
                                  month=today.replace(day=1).strftime("%Y-%m-%d"))
        self.assertIn(self.emp_a.name, roster.today_duty)
        self.assertIn("0571-110", roster.today_duty)
        other = (today + timedelta(days=1))
        if other.month == today.month:
            roster.action_reopen()
            roster.row_ids.write({"d%02d" % today.day: self.shift_day.id})
            self.assertFalse(roster.today_duty)
