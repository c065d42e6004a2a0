# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AuxWelfareCase


class TestCarePayment(AuxWelfareCase):

    def _payment(self, employee=None, **values):
        event = self._create_event(employee or self.emp_aux_a2)
        vals = {"employee_id": event.employee_id.id, "event_id": event.id,
                "payment_type": "condolence", "amount": 200.0}
        vals.update(values)
        return self.env["aux.care.payment"].create(vals)

    def test_amount_must_be_positive(self):
        for amount in (0.0, -10.0):
            with self.assertRaises(ValidationError):
                self._payment(amount=amount)

    def test_over_standard_amount_needs_reason(self):
        standard = self.rule_illness.standard_amount
        with self.assertRaises(ValidationError):
            self._payment(amount=standard + 100)
        payment = self._payment(amount=standard + 100,
                                over_standard_reason="Long hospital stay")
        self.assertEqual(payment.standard_amount, standard)

    def test_onchange_proposes_standard_amount(self):
        event = self._create_event(self.emp_aux_a2)
        payment = self.env["aux.care.payment"].new({
            "event_id": event.id, "payment_type": "condolence"})
        payment._onchange_standard()
        self.assertEqual(payment.amount, self.rule_illness.standard_amount)
        self.assertEqual(payment.employee_id, self.emp_aux_a2)

    def test_approval_chain_unit_office_leader_then_paid(self):
        payment = self._payment()
        payment.sudo(self.user_leader_a).action_approve_unit()
        self.assertEqual(payment.state, "unit")
        self.assertEqual(payment.unit_approver_id, self.user_leader_a)
        self.assertTrue(payment.unit_approval_date)
        with self.assertRaises(AccessError):
            payment.sudo(self.user_leader_a).action_approve_office()
        payment.sudo(self.user_office).action_approve_office()
        self.assertEqual(payment.office_approver_id, self.user_office)
        with self.assertRaises(AccessError):
            payment.sudo(self.user_office).action_approve_leader()
        payment.sudo(self.user_manager).action_approve_leader()
        self.assertEqual(payment.state, "approved")
        self.assertEqual(payment.leader_approver_id, self.user_manager)
        payment.sudo(self.user_office).action_pay()
        self.assertEqual(payment.state, "paid")
        self.assertTrue(payment.paid_date)

    def test_steps_cannot_be_skipped(self):
        payment = self._payment()
        with self.assertRaises(UserError):
            payment.sudo(self.user_manager).action_approve_leader()
        with self.assertRaises(UserError):
            payment.sudo(self.user_office).action_pay()

    def test_leader_of_other_unit_cannot_approve_or_read(self):
        payment = self._payment()
        with self.assertRaises(AccessError):
            payment.sudo(self.user_leader_b).read(["amount"])
        with self.assertRaises(AccessError):
            payment.sudo(self.user_leader_b).action_approve_unit()
        self.assertEqual(payment.state, "draft")

    def test_auxiliary_sees_own_payments_only(self):
        own = self._payment(employee=self.emp_aux_a)
        other = self._payment(employee=self.emp_aux_a2)
        Payment = self.env["aux.care.payment"].sudo(self.user_aux_a)
        self.assertEqual(Payment.search([("id", "in", (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            other.sudo(self.user_aux_a).read(["amount"])
        with self.assertRaises(AccessError):
            own.sudo(self.user_aux_a).write({"amount": 999})

    def test_employee_counts_respect_access(self):
        self._payment(employee=self.emp_aux_a)
        self.assertEqual(self.emp_aux_a.aux_care_payment_count, 1)
        self.assertEqual(self.emp_aux_a.sudo(self.user_leader_b).aux_care_payment_count, 0)
