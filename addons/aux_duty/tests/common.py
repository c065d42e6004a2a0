# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures: unit A (with squadron A1) led by leader A, unit B led by
leader B, three auxiliaries with Badge IDs (A1, A, B), the office officer
and manager; a roster helper and a punch-file helper.  The month of the
tests is March 2026 (past: its shifts are over)."""
from datetime import date, timedelta

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tests.common import AuxBureauCase

MONTH = "2026-03-01"
HEADER = "工号,姓名,打卡时间,设备\n"


class AuxDutyCase(AuxBureauCase):

    _aux_prefix = "Duty "
    _aux_titled_users = True
    # people without category or resident ID
    _aux_category = None
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        ref = env.ref
        env["ir.config_parameter"].sudo().set_param("aux_duty.timezone", "Asia/Shanghai")

        def person(name, unit, login, group="self", badge=None, auxiliary=True):
            return cls._aux_person(name, unit, user=cls._aux_user(login, group),
                                   auxiliary=auxiliary, barcode=badge)

        cls.user_office = cls._aux_user("duty_office", "office")
        cls.user_manager = cls._aux_user("duty_manager", "manager")
        cls.emp_leader_a = person("Duty Leader A", cls.unit_a, "duty_leader_a", "leader",
                                  "90000001", auxiliary=False)
        cls.emp_leader_b = person("Duty Leader B", cls.unit_b, "duty_leader_b", "leader",
                                  "90000002", auxiliary=False)
        cls.unit_a.manager_id = cls.emp_leader_a
        cls.unit_b.manager_id = cls.emp_leader_b
        cls.user_leader_a = cls.emp_leader_a.user_id
        cls.user_leader_b = cls.emp_leader_b.user_id
        cls.emp_a1 = person("Duty Aux A1", cls.unit_a1, "duty_aux_a1", badge="10001")
        cls.emp_a = person("Duty Aux A", cls.unit_a, "duty_aux_a", badge="10002")
        cls.emp_b = person("Duty Aux B", cls.unit_b, "duty_aux_b", badge="10003")
        cls.user_aux_a1 = cls.emp_a1.user_id
        cls.user_aux_a = cls.emp_a.user_id
        cls.user_aux_b = cls.emp_b.user_id
        cls.shift_day = ref("aux_duty.shift_day")        # 08:30, 9 h
        cls.shift_night = ref("aux_duty.shift_night")    # 20:00, 12 h
        cls.shift_24 = ref("aux_duty.shift_duty24")      # 08:30, 24 h
        cls.shift_rest = ref("aux_duty.shift_rest")
        cls.Exception = env["aux.duty.exception"]
        cls.Import = env["aux.duty.punch.import"]
        cls.Leave = env["aux.leave.request"]

    @classmethod
    def make_roster(cls, unit, people, days, month=MONTH, publish=True):
        """A roster of ``unit`` for ``month``: ``days`` maps a day number to
        the shift of every person of ``people`` (others empty)."""
        roster = cls.env["aux.duty.roster"].create({
            "department_id": unit.id, "date_from": month, "duty_phone": "0571-110"})
        for employee in people:
            values = {"roster_id": roster.id, "employee_id": employee.id}
            values.update({"d%02d" % day: shift.id for day, shift in days.items()})
            cls.env["aux.duty.roster.row"].create(values)
        if publish:
            roster.action_publish()
        return roster

    def punch_file(self, *lines):
        """A terminal export: lines of (badge, 'YYYY-MM-DD HH:MM:SS')."""
        body = "".join("%s,某人,%s,东门指纹机\n" % line for line in lines)
        return (HEADER + body).encode("utf-8")

    def import_file(self, content, user=None, mapping=None):
        Import = self.Import.sudo(user) if user else self.Import
        return Import._import_bytes(content, "test.csv", mapping=mapping)

    @staticmethod
    def day(number, month=MONTH):
        start = date(int(month[:4]), int(month[5:7]), 1)
        return (start + timedelta(days=number - 1)).strftime("%Y-%m-%d")

    def trusted(self, records):
        return trust(records)
