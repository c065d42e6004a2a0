# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cumulative income tax (累计预扣法) over several months, to the cent.

For these tests the base pay of 2030 is raised to 17,300 (a pay table
version), so that a level-3 auxiliary with 14 years of service earns
17,300 + grade 1,000 + seniority 700 + post 200 + performance 800 (no
assessment: coefficient 1.0) = 20,000 gross a month.  The declared
contribution base 10,000 gives employee contributions of pension 8 % 800 +
medical 2 % 200 + unemployment 0.5 % 50 + housing fund 12 % 1,200 = 2,250,
so 17,750 of income after contributions each month.  Basic deduction 5,000
a month; annual brackets 3 % up to 36,000, then 10 % less 2,520.
"""
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from ..engine.batch import PayrollBatch
from ..engine.compute import SLIP_FIELDS
from ..engine.facts import facts

from .common import AuxPayrollCase

JANUARY = ("2030-01-01", "2030-01-31")
FEBRUARY = ("2030-02-01", "2030-02-28")
MARCH = ("2030-03-01", "2030-03-31")
APRIL = ("2030-04-01", "2030-04-30")
MAY = ("2030-05-01", "2030-05-31")
JULY = ("2030-07-01", "2030-07-31")
AUGUST = ("2030-08-01", "2030-08-31")


class TestIncomeTax(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestIncomeTax, cls).setUpClass()
        cls.Version.create({
            "name": "2030 (tax tests)", "date_from": "2030-01-01",
            "table_id": cls.env.ref("aux_payroll.aux_pay_table_base_pay").id,
            "line_ids": [(0, 0, {"amount": 17300.0})]})
        cls.emp = cls._aux("Tax Cumulative L3", cls.unit_b, 3, "2015-06-01",
                           contribution_base=10000.0)
        cls.Run = cls.env["hr.payslip.run"].with_context(default_is_aux=True)
        # on the system from July 2030; 14 years of service in July and August
        # (entry 1 January 2016): seniority pay 700 as cls.emp's in January
        cls.emp_july = cls._aux("Tax Opening L3", cls.unit_b, 3, "2016-01-01",
                                contribution_base=10000.0)
        cls.Opening = cls.env["aux.iit.opening"]

    def pay(self, period, employee=None, state="done", run=None):
        """A computed payslip of ``period``, then marked ``state``."""
        values = {"payslip_run_id": run.id} if run else {}
        slip = self.slip(employee or self.emp, period=period, **values)
        slip.compute_sheet()
        if state != "draft":
            trust(slip).write({"state": state})
        return slip

    def payroll_run(self, period, aux_state, **values):
        values.update({"name": "Tax run %s" % period[0], "date_start": period[0],
                       "date_end": period[1], "journal_id": self.journal.id})
        run = trust(self.Run).create(values)  # may be an adjustment run
        trust(run).write({"aux_state": aux_state})
        return run

    def facts(self, slip):
        """The ``aux`` facts the engine gives the rules of ``slip``."""
        data = slip.read(SLIP_FIELDS, load="_classic_write")
        batch = PayrollBatch(self.env, data, self.Slip._aux_engine_extensions()).load()
        return facts(batch, data[0])

    def test_three_months_cross_into_ten_percent(self):
        """January done, February in an approved (not yet posted) run, March
        computed: the cumulative income crosses 36,000 in March."""
        january = self.pay(JANUARY)
        amounts = self.amounts(january)
        self.assertAlmostEqual(amounts["GROSS"], 20000.0, places=2)
        self.assertAlmostEqual(amounts["EE_PENSION"] + amounts["EE_MEDICAL"]
                               + amounts["EE_UNEMPLOYMENT"] + amounts["EE_HOUSING"],
                               -2250.0, places=2)
        # January: 17,750 - 5,000 = 12,750 at 3 % = 382.50
        self.assertAlmostEqual(amounts["IIT"], -382.5, places=2)
        # February: 35,500 - 10,000 = 25,500 at 3 % = 765.00, less 382.50 withheld
        run = self.payroll_run(FEBRUARY, "draft")
        february = self.pay(FEBRUARY, state="draft", run=run)
        trust(run).write({"aux_state": "approved"})
        self.assertTrue(run.aux_locked)
        self.assertAlmostEqual(self.amounts(february)["IIT"], -382.5, places=2)
        # March: 53,250 - 15,000 = 38,250 > 36,000: 10 % = 3,825.00 - 2,520 =
        # 1,305.00 for the year, less 382.50 + 382.50 withheld = 540.00
        march = self.pay(MARCH, state="draft")
        amounts = self.amounts(march)
        self.assertAlmostEqual(amounts["IIT"], -540.0, places=2)
        self.assertAlmostEqual(amounts["NET"], 20000.0 - 2250.0 - 540.0, places=2)
        facts = self.facts(march)
        self.assertAlmostEqual(facts.ytd_income, 40000.0, places=2)
        # the employee contributions of January and February are not income
        self.assertAlmostEqual(facts.ytd_deductions, 4500.0, places=2)
        self.assertAlmostEqual(facts.ytd_tax, 765.0, places=2)
        self.assertEqual(facts.tax_months, 3)
        line = march.line_ids.filtered(lambda ln: ln.code == "IIT")
        self.assertIn("cumulative", line.name)

    def test_run_in_approval_does_not_count(self):
        """February's run is still waiting for finance: its amounts may change,
        so March counts January only (months: January and March).
        35,500 - 10,000 = 25,500 at 3 % = 765.00, less 382.50 = 382.50."""
        self.pay(JANUARY)
        self.pay(FEBRUARY, state="draft", run=self.payroll_run(FEBRUARY, "office_ok"))
        march = self.pay(MARCH, state="draft")
        self.assertAlmostEqual(self.amounts(march)["IIT"], -382.5, places=2)
        self.assertEqual(self.facts(march).tax_months, 2)

    def test_next_year_starts_again(self):
        """December 2029 does not count in January 2030."""
        self.pay(("2029-12-01", "2029-12-31"))
        january = self.pay(JANUARY, state="draft")
        self.assertAlmostEqual(self.amounts(january)["IIT"], -382.5, places=2)

    def test_special_additional_deduction(self):
        """Children's education 2,000 a month declared in February, valid from
        January (caught up), and elderly support 1,000 a month that ended in
        January.  January was withheld without them (382.50).  February:
        35,500 - 10,000 - (2 x 2,000 + 1 x 1,000) = 20,500 at 3 % = 615.00,
        less 382.50 = 232.50."""
        self.pay(JANUARY)
        Deduction = self.env["aux.iit.deduction"]
        Deduction.create({"employee_id": self.emp.id, "deduction_type": "children_education",
                          "amount": 2000.0, "date_from": "2030-01-01"})
        Deduction.create({"employee_id": self.emp.id, "deduction_type": "elderly_support",
                          "amount": 1000.0, "date_from": "2029-01-01",
                          "date_to": "2030-01-31"})
        february = self.pay(FEBRUARY, state="draft")
        self.assertAlmostEqual(self.amounts(february)["IIT"], -232.5, places=2)
        self.assertAlmostEqual(self.facts(february).special_deductions, 5000.0, places=2)

    def test_hired_in_april_counts_months_from_hire(self):
        """Hired on 1 April: gross 17,300 + 1,000 + 0 (no seniority) + 200 + 800
        = 19,300, less 2,250 = 17,050.  April: 17,050 - 5,000 (one month, not
        four) = 12,050 at 3 % = 361.50.  May: 34,100 - 10,000 = 24,100 at 3 %
        = 723.00, less 361.50 = 361.50."""
        hired = self._aux("Tax Hired April", self.unit_b, 3, "2030-04-01",
                          contribution_base=10000.0)
        april = self.pay(APRIL, employee=hired)
        self.assertAlmostEqual(self.amounts(april)["GROSS"], 19300.0, places=2)
        self.assertAlmostEqual(self.amounts(april)["IIT"], -361.5, places=2)
        may = self.pay(MAY, employee=hired, state="draft")
        self.assertAlmostEqual(self.amounts(may)["IIT"], -361.5, places=2)
        self.assertEqual(self.facts(may).tax_months, 2)

    def test_backdated_arrears_counted_once(self):
        """January paid grade pay 1,000; a version recorded later, back-dated to
        January, pays level 3 1,500.  February pays 1,500 and 500 of arrears
        for January: gross 21,000, income 18,750; 36,500 - 10,000 = 26,500 at
        3 % = 795.00, less 382.50 = 412.50.  March (gross 20,500, income
        18,250, no more arrears) counts January as paid (20,000) and the
        arrears once, in February: 17,750 + 18,750 + 18,250 = 54,750 -
        15,000 = 39,750 -> 10 % = 3,975.00 - 2,520 = 1,455.00, less 795.00
        withheld = 660.00."""
        january = self.pay(JANUARY)
        # computed "last month", before the new version is recorded
        self.env.cr.execute("UPDATE hr_payslip SET aux_rates_date = %s WHERE id = %s",
                            ("2026-01-01 00:00:00", january.id))
        january.invalidate_cache()
        reader = self.Table._aux_reader("2029-12-31")
        self.Version.create({
            "name": "2030 rise (tax tests)", "date_from": "2030-01-01",
            "table_id": self.env.ref("aux_payroll.aux_pay_table_grade_pay").id,
            "line_ids": [(0, 0, {"grade_id": g.id, "amount": 1500.0 if g == self.grades[3]
                                 else reader.rate("GRADE_PAY", g)})
                         for g in self.grades.values()]})
        february = self.pay(FEBRUARY)
        amounts = self.amounts(february)
        self.assertAlmostEqual(amounts["ARREARS"], 500.0, places=2)
        self.assertAlmostEqual(amounts["GROSS"], 21000.0, places=2)
        self.assertAlmostEqual(amounts["IIT"], -412.5, places=2)
        march = self.pay(MARCH, state="draft")
        amounts = self.amounts(march)
        self.assertNotIn("ARREARS", amounts)
        self.assertAlmostEqual(amounts["GROSS"], 20500.0, places=2)
        self.assertAlmostEqual(amounts["IIT"], -660.0, places=2)
        self.assertAlmostEqual(self.facts(march).ytd_income, 41000.0, places=2)

    def test_adjustment_payslip_counts_month_once(self):
        """February has its regular payslip and one of an adjustment run (both
        done, each 20,000 gross; the regular one made outside any payroll
        run, so the adjustment does not subtract it and pays the full month,
        see test_adjustment_run for adjustments of a run).  The adjustment
        payslip is taxed with the regular one: 53,250 - 10,000 (January,
        February) = 43,250 -> 10 % = 4,325.00 - 2,520 = 1,805.00, less
        765.00 = 1,040.00.  March: 71,000 - 15,000 (three months, not
        four) = 56,000 -> 5,600.00 - 2,520 = 3,080.00, less 382.50 + 382.50
        + 1,040.00 = 1,275.00."""
        self.pay(JANUARY)
        self.pay(FEBRUARY)
        adjustment_run = self.payroll_run(FEBRUARY, "draft", aux_adjustment=True)
        adjustment = self.pay(FEBRUARY, run=adjustment_run)
        self.assertAlmostEqual(self.amounts(adjustment)["IIT"], -1040.0, places=2)
        march = self.pay(MARCH, state="draft")
        self.assertAlmostEqual(self.amounts(march)["IIT"], -1275.0, places=2)
        self.assertEqual(self.facts(march).tax_months, 3)

    def test_monthly_method_still_available(self):
        """A bureau that withholds month by month writes the monthly method in
        the rule: February alone, 17,750 - 5,000 = 12,750 in the monthly
        bracket 20 % less 1,410 = 1,140.00 (January does not matter)."""
        self.pay(JANUARY)
        self.env.ref("aux_payroll.aux_rule_iit").amount_python_compute = \
            "result = -tables.income_tax(categories.GROSS + categories.DED)"
        february = self.pay(FEBRUARY, state="draft")
        self.assertAlmostEqual(self.amounts(february)["IIT"], -1140.0, places=2)

    # ------------------------------------------------------------ opening balances
    def opening(self, year=2030, **values):
        """The opening balance of emp_july for January to June ``year``:
        income 6 x 20,000 = 120,000, contributions 6 x 2,250 = 13,500,
        children's education 6 x 2,000 = 12,000 already deducted; tax
        withheld: 106,500 - 30,000 - 12,000 = 64,500 -> 10 % = 6,450.00 -
        2,520 = 3,930.00."""
        vals = {"employee_id": self.emp_july.id, "company_id": self.emp_july.company_id.id,
                "year": year, "months": 6, "income": 120000.0, "contributions": 13500.0,
                "special_deductions": 12000.0, "tax_withheld": 3930.0}
        vals.update(values)
        return self.Opening.create(vals)

    def declare_children(self):
        """Children's education 2,000 a month, valid since January 2030."""
        self.env["aux.iit.deduction"].create({
            "employee_id": self.emp_july.id, "deduction_type": "children_education",
            "amount": 2000.0, "date_from": "2030-01-01"})

    def test_opening_balance_july_and_august(self):
        """First payslip in July, January-June as opening balance (see
        ``opening``); an opening of 2029 lies beside and is ignored.  July and
        August pay the heat allowance 300: gross 20,300, 18,050 after
        contributions.  July: income 120,000 + 20,300 = 140,300,
        contributions 13,500 + 2,250 = 15,750, basic deduction 7 x 5,000 =
        35,000, special deductions 12,000 (opening) + 2,000 (July, declared)
        = 14,000: 140,300 - 15,750 - 35,000 - 14,000 = 75,550 -> 10 % =
        7,555.00 - 2,520 = 5,035.00, less 3,930.00 withheld = 1,105.00.
        August (July done) counts the opening once: 160,600 - 18,000 - 8 x
        5,000 - (12,000 + 2 x 2,000) = 86,600 -> 8,660.00 - 2,520 =
        6,140.00, less 3,930.00 + 1,105.00 = 1,105.00."""
        self.declare_children()
        self.opening()
        self.opening(year=2029, months=12, income=500000.0, tax_withheld=90000.0)
        july = self.pay(JULY, employee=self.emp_july)
        amounts = self.amounts(july)
        self.assertAlmostEqual(amounts["GROSS"], 20300.0, places=2)
        self.assertAlmostEqual(amounts["IIT"], -1105.0, places=2)
        facts = self.facts(july)
        self.assertEqual(facts.tax_months, 7)
        self.assertAlmostEqual(facts.special_deductions, 14000.0, places=2)
        august = self.pay(AUGUST, employee=self.emp_july, state="draft")
        self.assertAlmostEqual(self.amounts(august)["GROSS"], 20300.0, places=2)
        self.assertAlmostEqual(self.amounts(august)["IIT"], -1105.0, places=2)
        facts = self.facts(august)
        # 120,000 opening + 20,300 July (August's own pay is added by the rule)
        self.assertAlmostEqual(facts.ytd_income, 140300.0, places=2)
        self.assertAlmostEqual(facts.ytd_deductions, 15750.0, places=2)
        self.assertAlmostEqual(facts.ytd_tax, 3930.0 + 1105.0, places=2)
        self.assertEqual(facts.tax_months, 8)
        self.assertAlmostEqual(facts.special_deductions, 16000.0, places=2)

    def test_without_opening_balance_july_taxed_alone(self):
        """Only an opening of the previous year: July 2030 is taxed as the first
        month of the year, 18,050 - 5,000 - 2,000 = 11,050 at 3 % = 331.50,
        not the 1,105.00 of the cumulative year."""
        self.declare_children()
        self.opening(year=2029)
        july = self.pay(JULY, employee=self.emp_july, state="draft")
        self.assertAlmostEqual(self.amounts(july)["IIT"], -331.5, places=2)
        facts = self.facts(july)
        self.assertEqual(facts.tax_months, 1)
        self.assertAlmostEqual(facts.ytd_income, 0.0, places=2)

    def test_opening_balance_bad_input_refused(self):
        """A negative amount and a second opening for the same person, company
        and year are refused, and nothing is written."""
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.opening(tax_withheld=-1.0)
        self.assertFalse(self.Opening.search([("employee_id", "=", self.emp_july.id)]))
        with self.assertRaisesRegex(ValidationError, "between 0 and 12"):
            self.opening(months=13)
        first = self.opening()
        with self.assertRaisesRegex(IntegrityError, "employee_company_year_uniq"), \
                mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.opening(income=1.0)
        self.assertEqual(self.Opening.search([("employee_id", "=", self.emp_july.id)]),
                         first)
        message = dict((name, msg) for name, _sql, msg in self.Opening._sql_constraints)
        self.assertIn("only one income tax opening balance",
                      message["employee_company_year_uniq"])
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            first.write({"income": -5.0})
        self.assertAlmostEqual(first.income, 120000.0, places=2)
