# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll runs move only through their actions, whoever calls and however
(issue 10: a payroll officer wrote ``aux_state = 'approved'`` over RPC and
skipped four approvals; the lines and inputs of a posted run were writable;
a context key once unlocked locked payslips)."""
from odoo.exceptions import AccessError, UserError

from .payroll_run_common import PayrollRunCase

FORGED = {"aux_payroll_reopen": True, "aux_workflow": "aux-trusted"}


class TestPayrollRunIntegrity(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayrollRunIntegrity, cls).setUpClass()
        cls.aux_run = cls.new_run(cls.unit_a)
        cls.aux_run.action_aux_generate()

    def test_state_and_stamps_never_written_directly(self):
        for user in (self.user_officer, self.user_finance, self.user_manager,
                     self.user_boss, self.env.user):
            run = self.aux_run.sudo(user).with_context(**FORGED)
            for vals in ({"aux_state": "approved"}, {"aux_state": "posted"},
                         {"state": "close"}, {"aux_adjustment": True},
                         {"aux_move_id": self.env["account.move"].search([], limit=1).id or 1},
                         {"aux_generation_note": "nothing to see"}):
                with self.subTest(user=user.login, vals=vals), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    run.write(vals)
        self.assertEqual(self.aux_run.aux_state, "draft")

    def test_create_cannot_start_past_draft(self):
        Run = self.env["hr.payslip.run"].with_context(default_is_aux=True)
        for user in (self.user_officer, self.env.user):
            for vals in ({"aux_state": "approved"}, {"aux_adjustment": True}):
                with self.subTest(user=user.login, vals=vals), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    Run.sudo(user).with_context(**FORGED).create(dict(
                        vals, name="Forged run", date_start="2026-04-01",
                        date_end="2026-04-30", journal_id=self.journal.id))

    def test_posted_run_locks_payslips_lines_inputs(self):
        self.approve(self.aux_run)
        self.aux_run.sudo(self.user_finance).action_aux_post()
        slip = self.aux_run.slip_ids[0]
        targets = [(slip, {"note": "x"}), (slip, {"state": "draft"}),
                   (slip.line_ids[:1], {"amount": 99999.0}),
                   (slip.input_line_ids[:1] or slip.line_ids[:1], {"amount": 1.0}),
                   (slip.worked_days_line_ids[:1] or slip.line_ids[:1], {"number_of_days": 1.0})]
        for user in (self.user_officer, self.user_finance, self.env.user):
            for records, vals in targets:
                with self.subTest(user=user.login, model=records._name, vals=vals), \
                        self.assertRaises((UserError, AccessError)), self.env.cr.savepoint():
                    records.sudo(user).with_context(**FORGED).write(vals)
            with self.subTest(user=user.login, op="unlink line"), \
                    self.assertRaises((UserError, AccessError)), self.env.cr.savepoint():
                slip.line_ids[:1].sudo(user).unlink()
            with self.subTest(user=user.login, op="add input"), \
                    self.assertRaises((UserError, AccessError)), self.env.cr.savepoint():
                self.env["hr.payslip.input"].sudo(user).create({
                    "payslip_id": slip.id, "name": "Bonus", "code": "REWARD",
                    "amount": 5000.0, "contract_id": slip.contract_id.id})
            with self.subTest(user=user.login, op="reopen by writing"), \
                    self.assertRaises(AccessError), self.env.cr.savepoint():
                self.aux_run.sudo(user).with_context(**FORGED).write({"aux_state": "draft"})
        self.assertEqual(self.aux_run.aux_state, "posted")

    def test_payslip_of_aux_run_changes_state_only_through_the_run(self):
        slip = self.aux_run.slip_ids[0]
        with self.assertRaises(AccessError):
            slip.sudo(self.user_officer).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["hr.payslip"].sudo(self.user_officer).create({
                "name": "Forged", "employee_id": self.emp_a.id,
                "contract_id": slip.contract_id.id, "payslip_run_id": self.aux_run.id,
                "date_from": "2026-03-01", "date_to": "2026-03-31", "state": "done"})
        self.assertEqual(slip.state, "draft")

    def test_transitions_record_who_and_keep_their_order(self):
        with self.assertRaises(UserError):
            self.aux_run.sudo(self.user_manager).action_aux_approve_office()  # not yet submitted
        self.aux_run.sudo(self.user_officer).action_aux_submit()
        with self.assertRaises(AccessError):
            self.aux_run.sudo(self.user_leader_b).action_aux_approve_unit()  # not his unit
        self.aux_run.sudo(self.user_leader_a).action_aux_approve_unit()
        self.assertEqual(self.aux_run.aux_state, "unit_ok")
        self.assertEqual(self.aux_run.aux_approval_ids.mapped("user_id"),
                         self.user_officer | self.user_leader_a)
        self.assertIn("run_leader_a", self.aux_run.message_ids[0].body)

    def test_fields_of_a_draft_run_are_fixed_once_it_is_submitted(self):
        """The form shows the unit and the month read-only once the run is
        submitted; through RPC they stayed writable, so a run approved by
        one unit's leader could be moved to another unit."""
        self.aux_run.sudo(self.user_officer).action_aux_submit()
        for vals in ({"aux_department_id": self.unit_b.id}, {"date_start": "2026-02-01"},
                     {"name": "Another run"}):
            with self.subTest(vals=vals), self.assertRaises(UserError), \
                    self.env.cr.savepoint():
                self.aux_run.sudo(self.user_officer).write(vals)
        self.assertEqual(self.aux_run.aux_department_id, self.unit_a)
