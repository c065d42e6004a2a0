# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One definition of years of service for the money: the per-head budget
plans, month by month, the seniority pay that the payslips pay; and the
bureau-employed cadres are paid (cadre structure), in the runs and in the
budget.

Hand-computed with the shipped seniority table (50 a year, at most 30):
entry 2019-03-10, probation 6 months (company setting).
- the probation counts (shipped rule): 6 years until February 2026, 7 from
  March: 2 x 300 + 10 x 350 = 4,100 in 2026;
- it does not: service from 2019-09-10, 6 years until August, 7 from
  September: 8 x 300 + 4 x 350 = 3,800."""
import calendar

from .test_budget_plan import YEAR, BudgetCase


class TestServiceYearsBudget(BudgetCase):

    @classmethod
    def setUpClass(cls):
        super(TestServiceYearsBudget, cls).setUpClass()
        env = cls.env
        env.user.company_id.aux_probation_months = 6
        cls.service_rule = env.ref("aux_personnel.aux_service_rule_default")
        cls.unit_s = cls._aux_unit("Seniority Unit")
        cls.person = cls._aux_person("Seniority Hu", cls.unit_s, entry_date="2019-03-10")
        cls._contract(cls.person, date_start="2019-03-10")
        cls.cost("Seniority pay", "pay", basis="table", table_code="SENIORITY",
                 table_key="seniority", months=12)

    def payslips(self):
        """The twelve payslips of 2026 of the person, computed by payroll."""
        Slip = self.env["hr.payslip"]
        slips = Slip.browse()
        for month in range(1, 13):
            start = "%s-%02d-01" % (YEAR, month)
            slips |= Slip.create({
                "employee_id": self.person.id, "name": "Seniority %s" % start,
                "date_from": start, "date_to": self._month_end(start),
                "contract_id": self.person.contract_ids.id,
                "struct_id": self.structure.id, "journal_id": self.journal.id})
        slips.sudo(self.user_officer).compute_sheet()
        return [sum(slip.line_ids.filtered(lambda ln: ln.code == "SENIORITY").mapped("total"))
                for slip in slips.sorted("date_from")]

    @staticmethod
    def _month_end(start):
        year, month = int(start[:4]), int(start[5:7])
        return "%04d-%02d-%02d" % (year, month, calendar.monthrange(year, month)[1])

    def planned_seniority(self):
        budget = self.plan(self.unit_s, include_vacancies=False)
        return -sum(budget.crossovered_budget_line.mapped("planned_amount"))

    def assertAgree(self, monthly, total):
        paid = self.payslips()
        self.assertEqual(paid, monthly)
        self.assertEqual(sum(paid), total)
        self.assertEqual(self.planned_seniority(), total)
        # month by month, the budget counts the years each payslip counts
        wizard = self.env["aux.budget.plan"].sudo(self.user_finance).create({"year": YEAR})
        person = wizard._people(self.person, "%s-01-01" % YEAR)[0]
        reader = self.env["aux.pay.table"]._aux_reader("%s-01-01" % YEAR)
        self.assertEqual([reader.seniority_pay(years) for years in person["years_by_month"]],
                         monthly)
        self.assertEqual(len(person["years_by_month"]), 12)

    def test_probation_counts(self):
        self.assertAgree([300.0] * 2 + [350.0] * 10, 4100.0)

    def test_probation_does_not_count(self):
        self.service_rule.probation_counts = False
        self.assertAgree([300.0] * 8 + [350.0] * 4, 3800.0)


class TestCadrePay(BudgetCase):
    """A converted cadre is paid the wage of the cadre contract (proposed from
    the cadre pay band) by the cadre structure, in the unit's run, and the
    per-head budget plans it."""

    @classmethod
    def setUpClass(cls):
        super(TestCadrePay, cls).setUpClass()
        env = cls.env
        criteria = env.ref("aux_personnel.aux_cadre_rule_default")
        criteria.write({"min_years_service": 5, "min_education": "college",
                        "min_band_id": False})
        cls.level3 = env.ref("aux_personnel.aux_grade_l3")
        cls.emp_a.write({"entry_date": "2015-01-01", "education": "bachelor",
                         "aux_grade_id": cls.level3.id})
        cls.cost("Auxiliary base pay", "pay", basis="table", table_code="BASE_PAY",
                 table_key="category", months=12, pay_band="auxiliary")
        cls.cost("Cadre band pay", "pay", basis="wage", months=12, pay_band="cadre")
        wizard = env["aux.cadre.convert"].sudo(cls.user_manager).with_context(
            active_model="hr.employee", active_id=cls.emp_a.id).create({
                "date": "2026-03-01", "decision": "Cadre decision 1", "term_months": 60})
        cls.proposed = wizard.wage
        wizard.action_convert()
        cls.cadre_contract = cls.emp_a.contract_ids.filtered(
            lambda c: c.aux_pay_band == "cadre")

    def test_wage_proposed_from_the_band_and_cadre_structure(self):
        self.assertEqual(self.proposed, 4500.0)  # CADRE_PAY default line
        self.assertEqual(self.cadre_contract.wage, 4500.0)
        self.assertEqual(self.cadre_contract.struct_id,
                         self.env.ref("aux_payroll.aux_cadre_salary_structure"))

    def test_contract_form_follows_the_pay_band(self):
        """In the contract form, the cadre pay band picks the cadre structure
        and the auxiliary band the auxiliary one."""
        contract = self.env["hr.contract"].new({
            "name": "New", "employee_id": self.emp_a2.id, "wage": 1.0})
        contract._onchange_employee_id()
        self.assertEqual(contract.struct_id, self.structure)
        contract.aux_pay_band = "cadre"
        contract._onchange_aux_pay_band()
        self.assertEqual(contract.struct_id,
                         self.env.ref("aux_payroll.aux_cadre_salary_structure"))
        contract.aux_pay_band = "auxiliary"
        contract._onchange_aux_pay_band()
        self.assertEqual(contract.struct_id, self.structure)

    def test_cadre_paid_in_the_units_run(self):
        """March 2026: the cadre's payslip (cadre contract) pays the band pay
        4,500 instead of the auxiliary base pay 2,200, with the grade (L3
        1,000), seniority (11 years: 550), post (200) and performance (800)
        pay of the structure it extends."""
        run = self.new_run(self.unit_a, user=self.user_officer)
        run.sudo(self.user_officer).action_aux_generate()
        slip = run.slip_ids.filtered(lambda s: s.employee_id == self.emp_a)
        self.assertEqual(slip.contract_id, self.cadre_contract)
        amounts = {line.code: line.total for line in slip.line_ids}
        self.assertEqual((amounts["BASIC"], amounts["GRADE"], amounts["SENIORITY"],
                          amounts["POST"], amounts["PERF"], amounts["GROSS"]),
                         (4500.0, 1000.0, 550.0, 200.0, 800.0, 7050.0))
        other = run.slip_ids.filtered(lambda s: s.employee_id == self.emp_a2)
        self.assertEqual({line.code: line.total for line in other.line_ids}["BASIC"], 2200.0)

    def test_cadre_in_the_budget(self):
        """2027: the cadre's contract wage x 12, each auxiliary's base pay x 12
        (the cadre is not planned on the auxiliary base pay)."""
        wizard = self.env["aux.budget.plan"].sudo(self.user_finance).create({
            "year": YEAR + 1, "department_ids": [(6, 0, self.unit_a.ids)],
            "include_vacancies": False})
        budget = self.env["crossovered.budget"].browse(wizard.action_create_budget()["res_id"])
        # emp_a (cadre) 4,500 x 12 + emp_a2 and emp_nocontract 2,200 x 12 each
        self.assertEqual(sum(budget.crossovered_budget_line.mapped("planned_amount")),
                         -(54000.0 + 2 * 26400.0))
        self.assertEqual(budget.aux_headcount, 3)
