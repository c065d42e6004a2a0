# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .payroll_run_common import PayrollRunCase


class TestPayrollRun(PayrollRunCase):

    def test_generate_unit_run(self):
        """A unit run pays the auxiliaries of the unit and its sub-units that
        have a running contract, and computes their payslips."""
        run = self.new_run(self.unit_a, user=self.user_officer)
        run.sudo(self.user_officer).action_aux_generate()
        self.assertEqual(run.slip_ids.mapped("employee_id"),
                         self.emp_a | self.emp_a2 | self.emp_a1)
        self.assertTrue(all(run.slip_ids.mapped("line_ids")), "payslips are computed")
        self.assertEqual(run.slip_ids.filtered(lambda s: s.employee_id == self.emp_a1)
                         .aux_unit_id, self.unit_a1)
        self.assertEqual(run.aux_slip_count, 3)
        self.assertEqual(run.aux_month, "2026-03")
        self.assertIn("3 payslips added", run.aux_generation_note)

    def test_rerun_never_duplicates(self):
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        first = run.slip_ids
        run.action_aux_generate()
        self.assertEqual(run.slip_ids, first, "running again adds nobody")
        self.assertIn("0 payslips added; 3 people already had one", run.aux_generation_note)
        # a new contract: only that person is added
        self._contract(self.emp_nocontract, date_start="2026-03-10")
        run.action_aux_generate()
        self.assertEqual(run.slip_ids - first, run.slip_ids.filtered(
            lambda s: s.employee_id == self.emp_nocontract))
        self.assertIn("1 payslips added", run.aux_generation_note)
        # the bureau run of the same month adds only the people not yet paid
        bureau = self.new_run()
        bureau.action_aux_generate()
        self.assertIn(self.emp_b, bureau.slip_ids.mapped("employee_id"))
        self.assertFalse(bureau.slip_ids.mapped("employee_id") & run.slip_ids.mapped(
            "employee_id"), "nobody is paid twice for the month")
        self.assertIn("4 already paid by another run", bureau.aux_generation_note)

    def test_other_month_not_duplicate(self):
        march = self.new_run(self.unit_b)
        march.action_aux_generate()
        april = self.new_run(self.unit_b, "2026-04-01", "2026-04-30")
        april.action_aux_generate()
        self.assertEqual(april.slip_ids.mapped("employee_id"), self.emp_b)

    def test_approval_order_and_groups(self):
        run = self.new_run(self.unit_a)
        with self.assertRaises(UserError):
            run.sudo(self.user_officer).action_aux_submit()  # no payslips yet
        run.action_aux_generate()
        with self.assertRaises(AccessError):
            run.sudo(self.user_self).action_aux_submit()
        run.sudo(self.user_officer).action_aux_submit()
        # order: the office cannot approve before the unit
        with self.assertRaises(UserError):
            run.sudo(self.user_manager).action_aux_approve_office()
        # a self-service user is no unit leader; the leader of B leads another unit
        with self.assertRaises(AccessError):
            run.sudo(self.user_self).action_aux_approve_unit()
        with self.assertRaises(AccessError):
            run.sudo(self.user_leader_b).action_aux_approve_unit()
        run.sudo(self.user_leader_a).action_aux_approve_unit()
        with self.assertRaises(AccessError):
            run.sudo(self.user_leader_a).action_aux_approve_office()
        run.sudo(self.user_manager).action_aux_approve_office()
        with self.assertRaises(AccessError):
            run.sudo(self.user_manager).action_aux_approve_finance()
        run.sudo(self.user_finance).action_aux_approve_finance()
        with self.assertRaises(AccessError):
            run.sudo(self.user_finance).action_aux_approve_leader()
        self.assertFalse(run.aux_locked)
        run.sudo(self.user_boss).action_aux_approve_leader()
        self.assertTrue(run.aux_locked)
        self.assertEqual((run.aux_state, run.state), ("approved", "close"))
        log = run.aux_approval_ids
        self.assertEqual(log.mapped("step"), ["submit", "unit", "office", "finance", "leader"])
        self.assertEqual(log.mapped("user_id"), self.user_officer | self.user_leader_a
                         | self.user_manager | self.user_finance | self.user_boss)
        self.assertTrue(all(log.mapped("date")))

    def test_bureau_run_unit_step_by_office(self):
        run = self.new_run()
        run.action_aux_generate()
        run.sudo(self.user_officer).action_aux_submit()
        with self.assertRaises(AccessError):
            run.sudo(self.user_leader_a).action_aux_approve_unit()
        run.sudo(self.user_manager).action_aux_approve_unit()
        self.assertEqual(run.aux_state, "unit_ok")

    def test_return_to_draft(self):
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        run.sudo(self.user_officer).action_aux_submit()
        run.sudo(self.user_leader_a).action_aux_return()
        self.assertEqual(run.aux_state, "draft")
        self.assertEqual(run.aux_approval_ids[-1].step, "return")

    def test_lock_refuses_edits(self):
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        self.approve(run)
        with self.assertRaises(UserError):
            run.write({"name": "changed"})
        run.message_post(body="Paid on the 10th")  # the chatter stays open
        with self.assertRaises(UserError):
            run.action_aux_generate()
        with self.assertRaises(UserError):
            run.action_aux_compute()
        with self.assertRaises(UserError):
            run.unlink()
        if hasattr(run.slip_ids, "_aux_compute_batch"):
            # the payslips of a locked run are locked too (engine side of the contract)
            with self.assertRaises(UserError):
                run.slip_ids[0].write({"note": "changed"})

    def test_reopening_is_recorded(self):
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        self.approve(run)
        wizard = self.env["aux.payroll.run.reopen"]
        with self.assertRaises(AccessError):
            wizard.sudo(self.user_officer).create(
                {"run_id": run.id, "reason": "wrong"}).action_reopen()
        with self.assertRaises(UserError):
            run.sudo(self.user_manager)._aux_reopen("  ")
        wizard.sudo(self.user_manager).create(
            {"run_id": run.id, "reason": "Night allowance of March missing"}).action_reopen()
        self.assertFalse(run.aux_locked)
        self.assertEqual(run.aux_state, "draft")
        entry = run.aux_approval_ids[-1]
        self.assertEqual((entry.step, entry.user_id, entry.note),
                         ("reopen", self.user_manager, "Night allowance of March missing"))
        run.write({"name": "Corrected run"})
        self.assertEqual(run.name, "Corrected run")

    def test_post_one_entry_per_run(self):
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        with self.assertRaises(UserError):
            run.sudo(self.user_finance).action_aux_post()  # not approved
        self.approve(run)
        with self.assertRaises(AccessError):
            run.sudo(self.user_officer).action_aux_post()
        run.sudo(self.user_finance).action_aux_post()
        run.invalidate_cache()
        move = run.aux_move_id
        self.assertTrue(move)
        self.assertEqual(move.state, "posted")
        self.assertEqual(run.slip_ids.mapped("move_id"), move, "one entry for the run")
        self.assertEqual(set(run.slip_ids.mapped("state")), {"done"})
        self.assertEqual(run.aux_state, "posted")
        self.assertTrue(run.aux_locked)
        expense = move.line_ids.filtered(lambda line: line.account_id == self.account_expense)
        self.assertEqual(expense.mapped("analytic_account_id"),
                         (self.unit_a | self.unit_a1).mapped("aux_analytic_account_id"))
        self.assertAlmostEqual(sum(expense.mapped("debit")) - sum(expense.mapped("credit")),
                               sum(run.slip_ids.mapped("line_ids").filtered(
                                   lambda line: line.category_id.code in ("GROSS", "COMP"))
                                   .mapped("total")), places=2)
        with self.assertRaises(UserError):
            run.sudo(self.user_manager)._aux_reopen("too late")
        adjustment = self.env["hr.payslip.run"].browse(run.action_aux_adjustment()["res_id"])
        self.assertTrue(adjustment.aux_adjustment)
        self.assertEqual(adjustment.aux_department_id, self.unit_a)


class TestPayrollRunSecurity(PayrollRunCase):

    def test_unit_leader_sees_own_unit_runs_only(self):
        run_a = self.new_run(self.unit_a)
        run_b = self.new_run(self.unit_b)
        run_a.action_aux_generate()
        Run = self.env["hr.payslip.run"].sudo(self.user_leader_a)
        self.assertEqual(Run.search([("id", "in", (run_a | run_b).ids)]), run_a)
        run_a.sudo(self.user_leader_a).read(["aux_total_net", "aux_slip_count"])
        with self.assertRaises(AccessError):
            run_b.sudo(self.user_leader_a).read(["name"])
        self.assertEqual(run_a.sudo(self.user_leader_a).aux_slip_count, 3)

    def test_self_service_sees_no_run(self):
        run = self.new_run(self.unit_a)
        with self.assertRaises(AccessError):
            run.sudo(self.user_self).read(["name"])

    def test_approval_log_follows_run(self):
        run_b = self.new_run(self.unit_b)
        run_b.action_aux_generate()
        run_b.sudo(self.user_officer).action_aux_submit()
        log = run_b.aux_approval_ids
        with self.assertRaises(AccessError):
            log.sudo(self.user_leader_a).read(["step"])
        self.assertFalse(self.env["aux.payroll.approval"].sudo(self.user_leader_a).search(
            [("id", "in", log.ids)]))
        log.sudo(self.user_leader_b).read(["step"])
        with self.assertRaises(AccessError):
            log.sudo(self.user_officer).write({"note": "forged"})

    def test_cost_analysis_own_unit(self):
        run_a = self.new_run(self.unit_a)
        run_b = self.new_run(self.unit_b)
        run_a.action_aux_generate()
        run_b.action_aux_generate()
        Analysis = self.env["aux.payroll.analysis"].sudo(self.user_leader_a)
        units = Analysis.search([("run_id", "in", (run_a | run_b).ids)]).mapped("department_id")
        self.assertEqual(units, self.unit_a | self.unit_a1)
        Cost = self.env["aux.payroll.cost"].sudo(self.user_leader_b)
        rows = Cost.search([("run_id", "in", (run_a | run_b).ids)])
        self.assertEqual(rows.mapped("employee_id"), self.emp_b)
        with self.assertRaises(AccessError):
            self.env["aux.payroll.cost"].sudo(self.user_self).search([])

    def test_budget_cost_finance_only(self):
        cost = self.env["aux.budget.cost"].create({
            "name": "Uniforms", "cost_type": "uniform", "basis": "fixed", "amount": 100,
            "date_from": "2026-01-01"})
        cost.sudo(self.user_officer).read(["amount"])
        with self.assertRaises(AccessError):
            cost.sudo(self.user_officer).write({"amount": 1})
        with self.assertRaises(AccessError):
            cost.sudo(self.user_leader_a).read(["amount"])
        cost.sudo(self.user_finance).write({"amount": 120})
        with self.assertRaises(AccessError):
            self.env["aux.budget.execution"].sudo(self.user_officer).search([])
