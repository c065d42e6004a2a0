# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Own / unit / office: who reads and writes the rosters, punches,
exceptions and leave requests; the wrong user can neither read nor write."""
from odoo.exceptions import AccessError

from .common import AuxDutyCase


class TestSecurity(AuxDutyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roster_a = cls.make_roster(cls.unit_a, cls.emp_a | cls.emp_a1, {2: cls.shift_day})
        cls.roster_b = cls.make_roster(cls.unit_b, cls.emp_b, {2: cls.shift_day},
                                       publish=False)
        cls.Import._import_bytes(
            ("工号,姓名,打卡时间,设备\n10001,x,2026-03-02 09:00:00,t\n"
             "10002,x,2026-03-02 09:00:00,t\n10003,x,2026-03-02 09:00:00,t\n").encode(),
            compute=False)
        cls.Exception._aux_compute("2026-03-01", "2026-03-31")
        cls.roster_b.action_publish()
        cls.Exception._aux_compute("2026-03-01", "2026-03-31")
        status = cls.env.ref("aux_duty.leave_annual").id
        cls.leaves = {}
        for employee in (cls.emp_a, cls.emp_a1, cls.emp_b):
            cls.leaves[employee] = cls.Leave.create({
                "employee_id": employee.id, "holiday_status_id": status,
                "date_from": "2026-03-20", "date_to": "2026-03-20"})

    def visible(self, model, user):
        return self.env[model].sudo(user).search([
            ("employee_id", "in", (self.emp_a | self.emp_a1 | self.emp_b).ids)]).mapped(
            "employee_id")

    def test_reads(self):
        everyone = self.emp_a | self.emp_a1 | self.emp_b
        for model in ("aux.duty.roster.row", "aux.duty.punch", "aux.duty.exception",
                      "aux.leave.request", "aux.duty.attendance.report"):
            self.assertEqual(self.visible(model, self.user_aux_a), self.emp_a, model)
            self.assertEqual(self.visible(model, self.user_leader_a),
                             self.emp_a | self.emp_a1, model)
            self.assertEqual(self.visible(model, self.user_leader_b), self.emp_b, model)
            self.assertEqual(self.visible(model, self.user_office), everyone, model)

    def test_rosters_of_other_units(self):
        Roster = self.env["aux.duty.roster"]
        self.assertEqual(Roster.sudo(self.user_leader_a).search(
            [("id", "in", (self.roster_a | self.roster_b).ids)]), self.roster_a)
        with self.assertRaises(AccessError):
            self.roster_b.sudo(self.user_leader_a).read(["name"])
        with self.assertRaises(AccessError):
            self.roster_b.sudo(self.user_leader_a).action_reopen()
        with self.assertRaises(AccessError):
            Roster.sudo(self.user_aux_a).search([])
        with self.assertRaises(AccessError):
            Roster.sudo(self.user_leader_a).create({"department_id": self.unit_b.id,
                                                   "date_from": "2026-05-01"})

    def test_self_service_reads_only_published_own_row(self):
        self.roster_a.action_reopen()
        self.assertFalse(self.visible("aux.duty.roster.row", self.user_aux_a))

    def test_punches_are_not_written_by_leaders_or_self(self):
        punch = self.env["aux.duty.punch"].search([("employee_id", "=", self.emp_a.id)])
        for user in (self.user_aux_a, self.user_leader_a):
            with self.assertRaises(AccessError):
                punch.sudo(user).write({"punch_time": "2026-03-02 00:10:00"})
            with self.assertRaises(AccessError):
                punch.sudo(user).unlink()

    def test_exceptions_decided_in_own_unit_only(self):
        exception_b = self.Exception.search([("employee_id", "=", self.emp_b.id)])
        self.assertTrue(exception_b)
        with self.assertRaises(AccessError):
            exception_b.sudo(self.user_leader_a).write({"reason": "x"})
        with self.assertRaises(AccessError):
            exception_b.sudo(self.user_aux_b).write({"reason": "x"})
        exception_b.sudo(self.user_leader_b).write({"reason": "Terminal broken"})

    def test_leave_of_other_people(self):
        leave_b = self.leaves[self.emp_b]
        with self.assertRaises(AccessError):
            leave_b.sudo(self.user_aux_a).read(["state"])
        with self.assertRaises(AccessError):
            leave_b.sudo(self.user_leader_a).write({"reason": "x"})
        with self.assertRaises(AccessError):
            self.leaves[self.emp_a1].sudo(self.user_aux_a).write({"reason": "x"})
        self.leaves[self.emp_a].sudo(self.user_aux_a).write({"reason": "Wedding"})
        self.leaves[self.emp_a1].sudo(self.user_leader_a).write({"reason": "Exam"})

    def test_attendances_of_other_people_not_read(self):
        """hr_attendance alone lets every user read everybody's check-ins."""
        Attendance = self.env["hr.attendance"]
        for employee in (self.emp_a, self.emp_a1, self.emp_b):
            Attendance.create({"employee_id": employee.id, "check_in": "2026-03-09 00:30:00",
                               "check_out": "2026-03-09 09:30:00"})

        def seen(user):
            return Attendance.sudo(user).search([
                ("employee_id", "in", (self.emp_a | self.emp_a1 | self.emp_b).ids)]).mapped(
                "employee_id")
        self.assertEqual(seen(self.user_aux_a), self.emp_a)
        self.assertEqual(seen(self.user_leader_a), self.emp_a | self.emp_a1)
        self.assertEqual(seen(self.user_office), self.emp_a | self.emp_a1 | self.emp_b)
