# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confirming a single payslip (one outside an auxiliary run) makes its
journal entry: finance does it; the payroll officer prepares payslips and
runs, reads the salary journals, and is told to hand the payslip to
finance.  The payslips of an auxiliary run are confirmed only by the run's
posting."""
from odoo.exceptions import AccessError, UserError

from .payroll_run_common import MONTH_END, MONTH_START, PayrollRunCase


class TestPayslipConfirm(PayrollRunCase):

    def single_slip(self, employee):
        slip = self.env["hr.payslip"].create({
            "name": "Single payslip %s" % employee.name, "employee_id": employee.id,
            "contract_id": employee.contract_ids[:1].id, "struct_id": self.structure.id,
            "date_from": MONTH_START, "date_to": MONTH_END, "journal_id": self.journal.id})
        slip.compute_sheet()
        return slip

    def test_payroll_officer_reads_journals_and_creates_a_run_with_the_default_journal(self):
        journals = self.env["account.journal"].sudo(self.user_officer).search(
            [("type", "=", "general")])
        self.assertIn(self.journal, journals)
        self.assertTrue(journals.read(["name"]))
        run = self.env["hr.payslip.run"].sudo(self.user_officer).with_context(
            default_is_aux=True).create({
                "name": "Run with the default journal", "date_start": MONTH_START,
                "date_end": MONTH_END})
        self.assertTrue(run.journal_id)

    def test_finance_confirms_a_single_payslip_with_its_journal_entry(self):
        slip = self.single_slip(self.emp_b)
        slip.sudo(self.user_finance).action_payslip_done()
        self.assertEqual(slip.state, "done")
        self.assertTrue(slip.move_id)
        self.assertEqual(slip.move_id.journal_id, self.journal)

    def test_payroll_officer_is_told_that_finance_confirms(self):
        slip = self.single_slip(self.emp_b)
        with self.assertRaises(UserError) as caught:
            slip.sudo(self.user_officer).action_payslip_done()
        self.assertIn("finance", str(caught.exception.name).lower())
        self.assertIn(slip.number, caught.exception.name)
        self.assertEqual(slip.state, "draft")
        self.assertFalse(slip.move_id)

    def test_payslips_of_an_auxiliary_run_are_confirmed_only_by_its_posting(self):
        run = self.new_run(self.unit_b)
        run.action_aux_generate()
        slip = run.slip_ids[:1]
        self.assertTrue(slip)
        for user in (self.user_finance, self.user_officer):
            with self.assertRaises((AccessError, UserError)):
                slip.sudo(user).action_payslip_done()
        self.assertEqual(slip.state, "draft")
