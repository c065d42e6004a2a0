# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields

from .common import AuxDutyCase


class TestReports(AuxDutyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_roster(cls.unit_a, cls.emp_a, {
            2: cls.shift_day, 3: cls.shift_night, 5: cls.shift_24, 7: cls.shift_rest})
        cls.Import._import_bytes((
            "工号,姓名,打卡时间,设备\n"
            "10002,x,2026-03-02 08:50:00,t\n10002,x,2026-03-02 17:40:00,t\n"
            "10002,x,2026-03-05 08:20:00,t\n10002,x,2026-03-06 08:40:00,t\n").encode())
        leave = cls.Leave.create({
            "employee_id": cls.emp_a.id, "date_from": "2026-03-09", "date_to": "2026-03-10",
            "holiday_status_id": cls.env.ref("aux_duty.leave_annual").id})
        leave.action_submit()
        leave.sudo(cls.user_leader_a).action_approve()

    def test_attendance_per_person_and_month(self):
        row = self.env["aux.duty.attendance.report"].search([
            ("employee_id", "=", self.emp_a.id), ("month", "=", "2026-03-01")])
        self.assertEqual(len(row), 1)
        self.assertEqual((row.duty_days, row.night_duties, row.late_count, row.early_count,
                          row.absence_count, row.leave_days), (3, 2.0, 1, 0, 1, 2.0))
        self.assertEqual(row.department_id, self.unit_a)

    def test_situation_pack_sheet(self):
        pack = self.env["aux.situation.pack"].create({"month": "2026-03-01",
                                                      "department_id": self.unit_a.id})
        section = pack._aux_section_attendance()
        self.assertEqual(section["headers"][0], "Unit")
        row = [r for r in section["rows"] if r[0] == self.unit_a.name][0]
        self.assertEqual(row[1:], [3, 2.0, 1, 0, 1, 2.0, 0])
        self.assertIn(section, pack._aux_situation_sections())

    def test_on_leave_today_and_overdue_filters(self):
        today = date.today()
        leave = self.Leave.create({
            "employee_id": self.emp_b.id, "holiday_status_id": self.env.ref(
                "aux_duty.leave_sick").id,
            "date_from": fields.Date.to_string(today - timedelta(days=1)),
            "date_to": fields.Date.to_string(today + timedelta(days=1))})
        leave.action_submit()
        leave.sudo(self.user_leader_b).action_approve()
        action = self.env.ref("aux_duty.aux_leave_request_today_action")
        self.assertIn("search_default_on_leave_today", action.context)
        view = self.env.ref("aux_duty.aux_leave_request_view_search")
        self.assertIn("on_leave_today", view.arch)
        domain = [("state", "in", ("approved", "overdue")),
                  ("date_from", "<=", fields.Date.to_string(today)),
                  ("date_to", ">=", fields.Date.to_string(today))]
        self.assertEqual(self.Leave.search(domain), leave)
