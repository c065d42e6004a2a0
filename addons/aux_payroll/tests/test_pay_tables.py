# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from .common import FEBRUARY, AuxPayrollCase


class TestPayTables(AuxPayrollCase):

    def reader(self, date="2030-03-31"):
        return self.Table._aux_reader(date)

    def test_grade_pay_every_level(self):
        tables = self.reader()
        expected = {7: 300, 6: 450, 5: 600, 4: 800, 3: 1000, 2: 1250, 1: 1500}
        for level, amount in expected.items():
            self.assertEqual(tables.rate("GRADE_PAY", self.grades[level]), amount)
            self.assertEqual(tables.rate("GRADE_PAY", self.grades[level].id), amount)

    def test_seniority_bands_and_cap(self):
        tables = self.reader()
        self.assertEqual(tables.seniority_pay(0), 0.0)
        self.assertEqual(tables.seniority_pay(1), 50.0)
        self.assertEqual(tables.seniority_pay(29), 1450.0)
        self.assertEqual(tables.seniority_pay(30), 1500.0)
        self.assertEqual(tables.seniority_pay(31), 1500.0)

    def test_contribution_floor_and_ceiling(self):
        tables = self.reader()
        self.assertEqual(tables.contribution_base("SI_PENSION", 3000.0), 4500.0)
        self.assertEqual(tables.contribution_base("SI_PENSION", 4500.0), 4500.0)
        self.assertEqual(tables.contribution_base("SI_PENSION", 8000.0), 8000.0)
        self.assertEqual(tables.contribution_base("SI_PENSION", 22500.0), 22500.0)
        self.assertEqual(tables.contribution_base("SI_PENSION", 40000.0), 22500.0)
        self.assertAlmostEqual(tables.employee_share("SI_PENSION", 40000.0), 1800.0)
        self.assertAlmostEqual(tables.employer_share("SI_PENSION", 3000.0), 720.0)
        self.assertAlmostEqual(tables.employee_share("SI_INJURY", 8000.0), 0.0)
        self.assertAlmostEqual(tables.employer_share("SI_INJURY", 8000.0), 32.0)
        self.assertAlmostEqual(tables.employee_share("HOUSING_FUND", 3000.0), 360.0)
        self.assertAlmostEqual(tables.employee_share("HOUSING_FUND", 2000.0), 264.0)
        self.assertEqual(tables.rate("SI_MEDICAL"), 2.0)

    def test_income_tax_brackets(self):
        """Monthly tax at each bracket boundary (income = threshold + taxable)."""
        tables = self.reader()
        cases = [(4000, 0.0), (5000, 0.0), (8000, 90.0), (8000.01, 90.0), (17000, 990.0),
                 (30000, 3590.0), (40000, 6090.0), (60000, 12090.0), (85000, 20840.0),
                 (105000, 29840.0)]
        for income, tax in cases:
            self.assertAlmostEqual(tables.income_tax(income), tax, places=2,
                                   msg="tax on %s" % income)

    def test_income_tax_cumulative_brackets(self):
        """Cumulative method, annual brackets: ``income`` this month after
        contributions, earlier months, months counted, tax already withheld."""
        tables = self.reader()
        # month 1: 17,750 - 5,000 = 12,750 at 3 %
        self.assertAlmostEqual(tables.income_tax_cumulative(17750.0), 382.5, places=2)
        # month 3: 53,250 - 15,000 = 38,250 -> 10 % - 2,520 = 1,305 - 765 withheld
        self.assertAlmostEqual(tables.income_tax_cumulative(
            17750.0, income_before=35500.0, months=3, tax_before=765.0), 540.0, places=2)
        # special deductions: 53,250 - 15,000 - 6,000 = 32,250 at 3 % = 967.50 - 765
        self.assertAlmostEqual(tables.income_tax_cumulative(
            17750.0, income_before=35500.0, months=3, tax_before=765.0,
            special_deductions=6000.0), 202.5, places=2)
        # annual bracket boundaries (taxable = income - 5,000 for one month)
        for taxable, tax in ((36000, 1080.0), (144000, 11880.0), (300000, 43080.0),
                             (420000, 73080.0), (660000, 145080.0), (960000, 250080.0),
                             (1000000, 268080.0)):
            self.assertAlmostEqual(tables.income_tax_cumulative(taxable + 5000.0), tax,
                                   places=2, msg="tax on %s" % taxable)
        # more withheld than due (e.g. a pay cut): nothing, never a refund
        self.assertEqual(tables.income_tax_cumulative(
            1000.0, income_before=35500.0, months=3, tax_before=5000.0), 0.0)
        self.assertEqual(tables.income_tax_cumulative(4000.0), 0.0)

    def test_keyed_tables_and_defaults(self):
        tables = self.reader()
        self.assertEqual(tables.rate("BASE_PAY", "civilian"), 2200.0)
        self.assertEqual(tables.rate("BASE_PAY"), 2200.0)
        self.assertEqual(tables.rate("ALLOW_HEAT", 7), 300.0)
        self.assertEqual(tables.rate("ALLOW_HEAT", 3), 0.0)
        self.assertEqual(tables.rate("REWARD", "province"), 3000.0)
        self.assertEqual(tables.rate("POST_PAY", False), 200.0)
        self.assertEqual(tables.rate("NO_SUCH_TABLE"), 0.0)
        self.assertIn("NO_SUCH_TABLE", tables.missing)

    def test_new_version_applies_from_its_start(self):
        table = self.env.ref("aux_payroll.aux_pay_table_allow_night")
        old = table.version_ids
        version = self.Version.create({
            "name": "2030 rise", "table_id": table.id, "date_from": "2030-06-01",
            "line_ids": [(0, 0, {"amount": 80.0})]})
        self.assertEqual(self.reader("2030-05-31").rate("ALLOW_NIGHT"), 50.0)
        self.assertEqual(self.reader("2030-06-01").rate("ALLOW_NIGHT"), 80.0)
        self.assertEqual(old.date_to, "2030-05-31")
        self.assertFalse(version.date_to)
        readers = self.Table._aux_readers(["2030-05-31", "2030-06-30"])
        self.assertEqual(readers["2030-06-30"].rate("ALLOW_NIGHT"), 80.0)
        self.assertEqual(readers["2030-05-31"].rate("ALLOW_NIGHT"), 50.0)

    def test_version_used_by_confirmed_payslip_is_locked(self):
        slip = self.slip(self.emp_new, period=FEBRUARY)
        slip.compute_sheet()
        slip.write({"state": "done"})
        version = self.env.ref("aux_payroll.aux_pay_table_grade_pay_v1")
        with self.assertRaisesRegex(ValidationError, "Default rates.*%s" % slip.number):
            version.line_ids[0].amount = 999.0
        with self.assertRaises(ValidationError):
            version.write({"date_from": "2001-01-01"})
        with self.assertRaises(ValidationError):
            version.line_ids[0].unlink()
        with self.assertRaises(ValidationError):
            version.unlink()
        # a note may still be added, and a rate change is a new version
        version.note = "Rates of the 2026 decision"
        new = self.Version.create({"name": "2031", "table_id": version.table_id.id,
                                   "date_from": "2031-01-01"})
        self.env["aux.pay.table.line"].create({"version_id": new.id, "amount": 320.0,
                                               "grade_id": self.grades[7].id})
        self.assertEqual(self.reader("2031-01-31").rate("GRADE_PAY", self.grades[7]), 320.0)

    def test_line_checks(self):
        version = self.env.ref("aux_payroll.aux_pay_table_grade_pay_v1")
        with self.assertRaisesRegex(ValidationError, "two lines"):
            self.env["aux.pay.table.line"].create({
                "version_id": version.id, "grade_id": self.grades[7].id, "amount": 1.0})
        pension = self.env.ref("aux_payroll.aux_pay_table_si_pension_v1")
        with self.assertRaisesRegex(ValidationError, "floor"):
            pension.line_ids.write({"base_floor": 30000.0})

    def test_only_finance_edits_pay_tables(self):
        table = self.env.ref("aux_payroll.aux_pay_table_allow_night")
        with self.assertRaises(AccessError):
            self.Version.sudo(self.user_officer).create({
                "name": "x", "table_id": table.id, "date_from": "2031-01-01"})
        self.assertTrue(table.sudo(self.user_officer).version_ids)
        version = self.Version.sudo(self.user_finance).create({
            "name": "x", "table_id": table.id, "date_from": "2031-01-01"})
        self.assertTrue(version)

    def test_rule_code_editor_group(self):
        """Only the Salary Rule Editor group changes salary rules, their code
        and their names alike (every path: test_salary_rule_editor)."""
        rule = self.env.ref("aux_payroll.aux_rule_basic")
        with self.assertRaises(AccessError):
            rule.sudo(self.user_payroll_manager).write(
                {"amount_python_compute": "result = 1"})
        with self.assertRaises(AccessError):
            self.env["hr.salary.rule"].sudo(self.user_payroll_manager).create({
                "name": "X", "code": "X", "category_id": rule.category_id.id,
                "amount_select": "code", "amount_python_compute": "result = 1"})
        with self.assertRaises(AccessError):
            rule.sudo(self.user_payroll_manager).write({"name": "Base pay (renamed)"})
        rule.sudo(self.user_editor).write({"name": "Base pay (renamed)"})
        rule.sudo(self.user_editor).write(
            {"amount_python_compute": "result = tables.rate('BASE_PAY') + 1"})
        slip = self.slip(self.emp_new)
        slip.sudo(self.user_officer).compute_sheet()
        self.assertAlmostEqual(self.amounts(slip)["BASIC"], 2201.0, places=2)
