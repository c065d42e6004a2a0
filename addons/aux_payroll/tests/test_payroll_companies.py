# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A bureau with district branches as companies: each branch's payroll run
pays its own people, in its currency, with its payslip numbers, and a
branch's users do not see another branch's payslips."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .payroll_run_common import MONTH_END, MONTH_START, PayrollRunCase


class TestPayrollCompanies(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayrollCompanies, cls).setUpClass()
        env = cls.env
        cls.bureau = env.ref("base.main_company")
        Company = env["res.company"]
        cls.branch_a = Company.create({"name": "Pay District A", "parent_id": cls.bureau.id,
                                       "currency_id": cls.bureau.currency_id.id})
        cls.branch_b = Company.create({"name": "Pay District B", "parent_id": cls.bureau.id,
                                       "currency_id": env.ref("base.HKD").id})
        env["ir.sequence"].create({
            "name": "Salary slips of district B", "code": "salary.slip",
            "prefix": "DB/", "padding": 4, "company_id": cls.branch_b.id})
        cls.people = {}
        cls.journals = {}
        for branch in (cls.branch_a, cls.branch_b):
            cls.journals[branch] = env["account.journal"].create({
                "name": "Salaries of %s" % branch.name, "code": "S%s" % branch.name[-1],
                "type": "general", "company_id": branch.id})
            unit = env["hr.department"].create({
                "name": "Brigade of %s" % branch.name, "company_id": branch.id})
            employee = env["hr.employee"].create({
                "name": "Aux of %s" % branch.name, "department_id": unit.id,
                "company_id": branch.id, "is_auxiliary": True, "aux_category": "duty",
                "entry_date": "2020-01-01"})
            cls._contract(employee).company_id = branch
            cls.people[branch] = employee
        cls.user_officer_a = env["res.users"].with_context(no_reset_password=True).create({
            "name": "District A payroll", "login": "run_officer_district_a",
            "email": "run_officer_district_a@example.com",
            "company_id": cls.branch_a.id, "company_ids": [(6, 0, cls.branch_a.ids)],
            "groups_id": [(6, 0, [env.ref("aux_payroll.group_aux_payroll_officer").id])]})

    def branch_run(self, branch):
        run = self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
            "name": "Run of %s" % branch.name, "company_id": branch.id,
            "date_start": MONTH_START, "date_end": MONTH_END,
            "journal_id": self.journals[branch].id})
        run.action_aux_generate()
        return run

    def test_branch_run_pays_its_people(self):
        """The run of district B, made by a user of the bureau, takes district
        B's auxiliaries only (not the bureau's, not district A's), in B's
        currency, numbered by B's sequence."""
        run = self.branch_run(self.branch_b)
        self.assertEqual(run.slip_ids.mapped("employee_id"), self.people[self.branch_b])
        self.assertEqual(run.slip_ids.company_id, self.branch_b)
        self.assertEqual(run.currency_id, self.env.ref("base.HKD"))
        self.assertTrue(run.slip_ids.number.startswith("DB/"), run.slip_ids.number)
        self.assertTrue(run.slip_ids.line_ids, "the payslip is computed")
        bureau_run = self.new_run()
        bureau_run.action_aux_generate()
        self.assertNotIn(self.people[self.branch_b], bureau_run.slip_ids.mapped("employee_id"))
        self.assertIn(self.emp_a, bureau_run.slip_ids.mapped("employee_id"))
        self.assertFalse(bureau_run.slip_ids.filtered(lambda s: s.number.startswith("DB/")))

    def test_branch_user_does_not_see_other_branch(self):
        """A payroll officer of district A sees the payslips and run of A,
        not those of B."""
        run_a = self.branch_run(self.branch_a)
        run_b = self.branch_run(self.branch_b)
        Slip = self.env["hr.payslip"].sudo(self.user_officer_a)
        self.assertEqual(Slip.search([("id", "in", (run_a | run_b).mapped("slip_ids").ids)]),
                         run_a.slip_ids)
        with self.assertRaises(AccessError):
            run_b.slip_ids.sudo(self.user_officer_a).read(["number"])
        with self.assertRaises(AccessError):
            run_b.slip_ids.line_ids.sudo(self.user_officer_a).read(["total"])
        Run = self.env["hr.payslip.run"].sudo(self.user_officer_a)
        self.assertEqual(Run.search([("id", "in", (run_a | run_b).ids)]), run_a)

    def test_unit_of_another_company_refused(self):
        """A run cannot pay the unit of another company."""
        unit_b = self.people[self.branch_b].department_id
        with self.assertRaisesRegex(ValidationError, "belongs to Pay District B"):
            self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
                "name": "Mixed run", "company_id": self.branch_a.id,
                "aux_department_id": unit_b.id, "date_start": MONTH_START,
                "date_end": MONTH_END, "journal_id": self.journal.id})

    def test_journal_of_another_company_refused(self):
        """A branch's run cannot book its entry in the bureau's salary
        journal: the message names the run, the journal and its company."""
        with self.assertRaisesRegex(ValidationError, "salary journal Salaries \\(test\\)"):
            self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
                "name": "District B in the bureau's journal",
                "company_id": self.branch_b.id, "date_start": MONTH_START,
                "date_end": MONTH_END, "journal_id": self.journal.id})
        run = self.branch_run(self.branch_b)
        with self.assertRaisesRegex(ValidationError, "choose a journal of Pay District B"):
            run.journal_id = self.journal

    def test_run_without_journal_books_in_its_company(self):
        """A branch's run created without a journal takes the branch's
        general journal, not the first journal of any company; changing the
        company in the form proposes the new company's journal."""
        run = self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
            "name": "District A", "company_id": self.branch_a.id,
            "date_start": MONTH_START, "date_end": MONTH_END})
        self.assertEqual(run.journal_id, self.journals[self.branch_a])
        form = self.env["hr.payslip.run"].new({
            "company_id": self.branch_b.id, "journal_id": self.journal.id})
        form._onchange_aux_company_journal()
        self.assertEqual(form.journal_id, self.journals[self.branch_b])

    def test_register_in_one_currency(self):
        """The payroll register adds up runs of one currency only."""
        runs = self.branch_run(self.branch_a) | self.branch_run(self.branch_b)
        Register = self.env["report.aux_payroll.payroll_register_xlsx"]
        self.assertEqual(Register._aux_register(runs[1])["count"], 1)
        with self.assertRaisesRegex(UserError, "different currencies"):
            Register._aux_register(runs)
