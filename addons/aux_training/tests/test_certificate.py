# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import TrainingCase, day


class TestCertificate(TrainingCase):

    @classmethod
    def setUpClass(cls):
        super(TestCertificate, cls).setUpClass()
        cls.Certificate = cls.env["aux.training.certificate"]
        cls.env["ir.config_parameter"].set_param(
            "aux_training.certificate_expiry_notice_days", "30")

    def test_expiry_before_issue_refused_nothing_written(self):
        with self.assertRaises(ValidationError) as error:
            self.Certificate.create({
                "name": "First aid", "employee_id": self.emp_a.id,
                "date_issued": day(), "date_expiry": day(-1)})
        self.assertIn("First aid", str(error.exception.name))
        self.assertFalse(self.Certificate.search([("employee_id", "=", self.emp_a.id)]))

    def test_moving_expiry_before_issue_refused(self):
        cert = self.Certificate.create({
            "name": "First aid", "employee_id": self.emp_a.id,
            "date_issued": day(-10), "date_expiry": day(300)})
        with self.assertRaises(ValidationError):
            cert.write({"date_expiry": day(-20)})
        self.assertEqual(cert.date_expiry, day(300))

    def test_cron_flags_expiring_within_configured_notice(self):
        soon = self.Certificate.create({
            "name": "Soon", "employee_id": self.emp_a.id,
            "date_issued": day(-300), "date_expiry": day(300)})
        later = self.Certificate.create({
            "name": "Later", "employee_id": self.emp_a.id,
            "date_issued": day(-300), "date_expiry": day(300)})
        forever = self.Certificate.create({
            "name": "Forever", "employee_id": self.emp_a.id, "date_issued": day(-300)})
        self.assertEqual(soon.state, "valid")
        # the cron runs as if 280 days later: "soon" is 20 days from expiry
        self.env.cr.execute(
            "UPDATE aux_training_certificate SET date_expiry = %s WHERE id = %s",
            (day(20), soon.id))
        soon.invalidate_cache()
        self.Certificate._cron_update_expiry_state()
        self.assertEqual(soon.state, "expiring")
        self.assertEqual(later.state, "valid")
        self.assertEqual(forever.state, "valid")
        self.assertTrue(soon.message_ids.filtered(lambda m: "Soon" in (m.body or "")))
        self.env["ir.config_parameter"].set_param(
            "aux_training.certificate_expiry_notice_days", "10")
        self.Certificate._cron_update_expiry_state()
        self.assertEqual(soon.state, "valid", "Notice period is data")
        self.Certificate._cron_update_expiry_state(today=day(301))
        self.assertEqual(later.state, "expired")

    def test_state_set_on_create(self):
        cert = self.Certificate.create({
            "name": "Old", "employee_id": self.emp_a.id,
            "date_issued": day(-400), "date_expiry": day(-5)})
        self.assertEqual(cert.state, "expired")
