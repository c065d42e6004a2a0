# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import AuxDutyCase


class TestPunchImport(AuxDutyCase):

    def punches(self, employee=None):
        domain = [("employee_id", "=", employee.id)] if employee else [
            ("employee_id", "in", (self.emp_a | self.emp_a1 | self.emp_b).ids)]
        return self.env["aux.duty.punch"].search(domain)

    def test_import_then_reimport_changes_nothing(self):
        content = self.punch_file(("10002", "2026-03-02 08:20:00"),
                                  ("10002", "2026-03-02 17:40:00"),
                                  ("10001", "2026-03-02 08:25:00"))
        result = self.import_file(content)
        self.assertEqual((result["new"], result["known"]), (3, 0))
        punches = self.punches(self.emp_a)
        self.assertEqual(len(punches), 2)
        # local 08:20 in Shanghai is 00:20 UTC
        self.assertIn("2026-03-02 00:20:00", punches.mapped("punch_time"))
        self.assertEqual(set(punches.mapped("device")), {"东门指纹机"})
        again = self.import_file(content)
        self.assertEqual((again["new"], again["known"]), (0, 3))
        self.assertEqual(len(self.punches()), 3)

    def test_bad_line_named_and_nothing_written(self):
        content = self.punch_file(("10002", "2026-03-02 08:20:00"),
                                  ("10002", "2026-03-32 17:40:00"))
        with self.assertRaisesRegex(UserError, "Line 3"):
            self.import_file(content)
        self.assertFalse(self.punches())

    def test_unknown_person_named_and_nothing_written(self):
        content = self.punch_file(("10002", "2026-03-02 08:20:00"),
                                  ("99999", "2026-03-02 08:21:00"))
        with self.assertRaisesRegex(UserError, "Line 3.*99999"):
            self.import_file(content)
        self.assertFalse(self.punches())

    def test_missing_column_named(self):
        content = "工号,时间\n10002,2026-03-02 08:20:00\n".encode("utf-8")
        with self.assertRaisesRegex(UserError, "打卡时间"):
            self.import_file(content)

    def test_leader_imports_his_unit_only(self):
        """A unit leader may import the punches of his unit's people; a
        person of another unit is refused (by line) and nothing is written."""
        mine = self.punch_file(("10001", "2026-03-02 08:20:00"))
        self.assertEqual(self.import_file(mine, user=self.user_leader_a)["new"], 1)
        content = self.punch_file(("10002", "2026-03-03 08:20:00"),
                                  ("10003", "2026-03-03 08:21:00"))
        with self.assertRaisesRegex(UserError, "Line 3.*10003"):
            self.import_file(content, user=self.user_leader_a)
        self.assertEqual(len(self.punches()), 1)

    def test_self_service_cannot_import(self):
        with self.assertRaises(AccessError):
            self.import_file(self.punch_file(("10002", "2026-03-02 08:20:00")),
                             user=self.user_aux_a)
        self.assertFalse(self.punches())

    def test_split_columns_gbk_mapping(self):
        """The second shipped format: date and time in two columns, GBK."""
        mapping = self.env.ref("aux_duty.punch_mapping_split")
        content = ("EmpNo,Name,Date,Time,Device\n"
                   "10003,李四,2026/03/02,08:29,西门\n").encode("gb18030")
        result = self.import_file(content, mapping=mapping)
        self.assertEqual(result["new"], 1)
        self.assertEqual(self.punches(self.emp_b).punch_time, "2026-03-02 00:29:00")

    def test_wizard(self):
        import base64
        wizard = self.Import.sudo(self.user_office).create({
            "data": base64.b64encode(self.punch_file(("10002", "2026-03-02 08:20:00"))),
            "filename": "march.csv"})
        wizard.action_import()
        self.assertIn("1 new", wizard.result)
        self.assertEqual(self.punches(self.emp_a).import_ref, "march.csv")
