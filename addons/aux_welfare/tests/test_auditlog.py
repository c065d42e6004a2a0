# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Audit log of the care records: who read a health check, a life event or
a family member is logged; the medical detail is for welfare officers
only, so its value never goes into the log, which the office manager reads."""
from odoo.exceptions import AccessError

from .common import AuxWelfareCase


class TestWelfareAuditLog(AuxWelfareCase):

    def _read_as(self, user, record, fields):
        return record.sudo(user).read(fields)

    def _logs(self, record, method):
        return self.env["auditlog.log"].search([
            ("model_id.model", "=", record._name), ("res_id", "=", record.id),
            ("method", "=", method)])

    def test_reading_a_health_check_is_logged(self):
        check = self.env["aux.health.check"].create({
            "employee_id": self.emp_aux_a.id, "result": "attention",
            "medical_detail": "Hypertension"})
        self._read_as(self.user_officer, check, ["result", "medical_detail"])
        log = self._logs(check, "read")
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.user_officer)
        lines = {line.field_id.name: line for line in log.line_ids}
        self.assertEqual(lines["result"].old_value_text, "attention")
        self.assertIn("medical_detail", lines, "that the detail was read is logged")
        self.assertNotIn("Hypertension", lines["medical_detail"].old_value_text or "")
        self.assertFalse(lines["medical_detail"].old_value)

    def test_the_medical_detail_stays_out_of_change_logs(self):
        event = self._create_event(self.emp_aux_a, medical_detail="Fracture")
        event.sudo(self.user_officer).write({"medical_detail": "Fracture, surgery"})
        for method in ("create", "write"):
            values = self._logs(event, method).mapped("line_ids").filtered(
                lambda line: line.field_id.name == "medical_detail").read(
                    ["old_value", "old_value_text", "new_value", "new_value_text"])
            self.assertTrue(values, method)
            self.assertFalse([v for v in values[0].values() if "Fracture" in str(v)], method)

    def test_reads_of_family_members_and_life_events_are_logged(self):
        event = self._create_event(self.emp_aux_a)
        member = self.env["aux.family.member"].create({
            "employee_id": self.emp_aux_a.id, "name": "Li Na", "relation": "spouse"})
        self._read_as(self.user_officer, event, ["event_date"])
        self._read_as(self.user_aux_a, member, ["name"])
        self.assertEqual(self._logs(event, "read").user_id, self.user_officer)
        self.assertEqual(self._logs(member, "read").user_id, self.user_aux_a)

    def test_auxiliary_reports_own_event_without_reading_its_medical_detail(self):
        """The creation is logged as the auxiliary, though he may not read
        every field of what he created."""
        event = self.env["aux.life.event"].sudo(self.user_aux_a).create({
            "employee_id": self.emp_aux_a.id, "event_type_id": self.type_illness.id,
            "reported_by": "self"})
        log = self._logs(event, "create")
        self.assertEqual(log.user_id, self.user_aux_a)
        self.assertIn("employee_id", log.line_ids.mapped("field_id.name"))
        with self.assertRaises(AccessError):
            event.read(["medical_detail"])

    def test_care_payment_reads_are_not_logged(self):
        rule = self.env["auditlog.rule"].search(
            [("model_id.model", "=", "aux.care.payment")])
        self.assertEqual(rule.state, "subscribed")
        self.assertFalse(rule.log_read)
        self.assertTrue(rule.log_write)

    def test_welfare_officer_and_auxiliary_cannot_read_the_logs(self):
        check = self.env["aux.health.check"].create({"employee_id": self.emp_aux_a.id})
        self._read_as(self.user_officer, check, ["result"])
        log = self._logs(check, "read")
        self.assertTrue(log.sudo(self.user_manager).read(["user_id"]))
        for user in (self.user_officer, self.user_aux_a, self.user_leader_a):
            with self.assertRaises(AccessError):
                log.sudo(user).read(["user_id"])
