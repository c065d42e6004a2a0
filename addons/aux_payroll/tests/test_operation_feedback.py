# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Long operations say what they produced (issue 11, item 4): generating
and recomputing a payroll run, previewing and creating the per-head budget
and producing the monthly team-situation pack answer the button with a
dialog (``aux.operation.result``) giving the number of records produced
and the time taken, and the run and the budget keep it in their chatter."""
from .test_budget_plan import YEAR, BudgetCase


class TestOperationFeedback(BudgetCase):

    @classmethod
    def setUpClass(cls):
        super(TestOperationFeedback, cls).setUpClass()
        cls.cost("Standard pay", "pay", basis="fixed", amount=36000)
        cls.cost("Uniforms", "uniform", basis="fixed", amount=1200)

    def result(self, action, user):
        self.assertEqual((action["type"], action["res_model"], action["target"]),
                         ("ir.actions.act_window", "aux.operation.result", "new"))
        return self.env["aux.operation.result"].sudo(user).browse(action["res_id"])

    def last_message(self, record):
        return record.message_ids.sorted("id")[-1].body

    def test_generation_reports_payslips_warnings_and_time(self):
        run = self.new_run(self.unit_a, user=self.user_officer)
        result = self.result(run.sudo(self.user_officer).action_aux_generate(),
                             self.user_officer)
        # A, A-bravo and A1 have a running contract; the fourth has none
        self.assertEqual(result.record_count, 3)
        self.assertEqual(len(run.slip_ids), 3)
        warned = len(run.slip_ids.filtered("aux_warning"))
        self.assertIn("3 payslips added", result.message)
        self.assertIn("3 payslips computed in", result.message)
        self.assertIn("%d with a warning to check" % warned, result.message)
        self.assertGreaterEqual(result.duration, 0.0)
        self.assertIn(run.name, result.name)
        self.assertIn("3 payslips computed in", self.last_message(run))
        # generating again adds nobody, and says so
        again = self.result(run.sudo(self.user_officer).action_aux_generate(),
                            self.user_officer)
        self.assertEqual(again.record_count, 0)
        self.assertIn("0 payslips added; 3 people already had one", again.message)

    def test_recompute_reports_payslips(self):
        run = self.new_run(self.unit_a, user=self.user_officer)
        run.sudo(self.user_officer).action_aux_generate()
        result = self.result(run.sudo(self.user_officer).action_aux_compute(),
                             self.user_officer)
        self.assertEqual(result.record_count, 3)
        self.assertIn("3 payslips computed in", result.message)
        self.assertIn("3 payslips computed in", self.last_message(run))

    def test_budget_preview_and_creation_report_lines_and_heads(self):
        wizard = self.env["aux.budget.plan"].sudo(self.user_finance).create({
            "year": YEAR, "department_ids": [(6, 0, (self.unit_a | self.unit_b).ids)],
            "include_vacancies": False})
        wizard.action_compute()
        heads = sum(wizard.line_ids.mapped("planned"))
        self.assertTrue(heads)
        self.assertEqual(set(wizard.line_ids.mapped("department_id")), {self.unit_a, self.unit_b})
        self.assertTrue(wizard.aux_result.startswith(
            "%d lines (unit and cohort) for 2 units, %d heads planned"
            % (len(wizard.line_ids), heads)), wizard.aux_result)
        budget = self.env["crossovered.budget"].browse(wizard.action_create_budget()["res_id"])
        lines = len(budget.crossovered_budget_line)
        self.assertEqual(lines, 4)  # two units x (pay, uniforms)
        self.assertIn("%d budget lines made for 2 units, %d heads planned" % (lines, heads),
                      self.last_message(budget))
