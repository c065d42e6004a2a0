# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .payroll_run_common import PayrollRunCase

YEAR = 2026


class BudgetCase(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(BudgetCase, cls).setUpClass()
        env = cls.env
        env["aux.budget.cost"].search([]).write({"active": False})
        cls.Cost = env["aux.budget.cost"]

    @classmethod
    def cost(cls, name, cost_type, **values):
        values.update({"name": name, "cost_type": cost_type,
                       "date_from": "%s-01-01" % YEAR,
                       "account_id": cls.account_expense.id})
        return cls.Cost.create(values)

    def plan(self, units, **values):
        values.update({"year": YEAR, "department_ids": [(6, 0, units.ids)]})
        wizard = self.env["aux.budget.plan"].sudo(self.user_finance).create(values)
        action = wizard.action_create_budget()
        return self.env["crossovered.budget"].browse(action["res_id"])

    @staticmethod
    def amounts(budget):
        return {(line.analytic_account_id.id, line.general_budget_id.name):
                line.planned_amount for line in budget.crossovered_budget_line}


class TestBudgetPlanFixed(BudgetCase):
    """Fixed yearly costs only (no pay table involved)."""

    @classmethod
    def setUpClass(cls):
        super(TestBudgetPlanFixed, cls).setUpClass()
        cls.cost("Standard pay", "pay", basis="fixed", amount=36000)
        cls.cost("Uniforms", "uniform", basis="fixed", amount=1200)
        cls.env["aux.establishment.quota"].create({
            "department_id": cls.unit_b.id, "quota": 3, "year_from": YEAR})

    def test_fixed_costs_and_vacancies(self):
        budget = self.plan(self.unit_b | self.unit_a1)
        self.assertEqual((budget.state, budget.aux_year, budget.date_from, budget.date_to),
                         ("draft", YEAR, "2026-01-01", "2026-12-31"))
        b_account = self.unit_b.aux_analytic_account_id
        a1_account = self.unit_a1.aux_analytic_account_id
        self.assertTrue(b_account and a1_account, "analytic accounts created per unit")
        amounts = self.amounts(budget)
        # unit B: 1 person + 2 vacant places of its quota of 3; A1: 1 person
        self.assertEqual(amounts, {
            (b_account.id, "Auxiliaries: Pay"): -108000.0,
            (b_account.id, "Auxiliaries: Uniforms"): -3600.0,
            (a1_account.id, "Auxiliaries: Pay"): -36000.0,
            (a1_account.id, "Auxiliaries: Uniforms"): -1200.0,
        })
        self.assertEqual(budget.aux_headcount, 4)
        position = budget.crossovered_budget_line.mapped("general_budget_id").filtered(
            lambda p: p.name == "Auxiliaries: Pay")
        self.assertIn(self.account_expense, position.account_ids)

    def test_no_vacancies(self):
        budget = self.plan(self.unit_b, include_vacancies=False)
        self.assertEqual(sorted(self.amounts(budget).values()), [-36000.0, -1200.0])

    def test_preview_lines_per_cohort(self):
        self.emp_b.cohort = "2020-1"
        wizard = self.env["aux.budget.plan"].create({
            "year": YEAR, "department_ids": [(6, 0, self.unit_b.ids)]})
        wizard.action_compute()
        rows = {(line.cohort, line.headcount, line.planned, line.amount)
                for line in wizard.line_ids}
        self.assertEqual(rows, {("2020-1", 1, 1, 37200.0), ("", 0, 0, 0.0),
                                ("(vacant places)", 0, 2, 74400.0)})

    def test_scenario_leaves_approved_budget(self):
        base = self.plan(self.unit_b)
        base.action_budget_confirm()
        base.action_budget_validate()
        before = self.amounts(base)
        scenario = self.plan(self.unit_b, pay_increase=5.0)
        self.assertNotEqual(scenario, base)
        self.assertEqual(scenario.state, "draft")
        self.assertIn("+5.0%", scenario.name)
        base.invalidate_cache()
        self.assertEqual(base.state, "validate")
        self.assertEqual(self.amounts(base), before)
        account = self.unit_b.aux_analytic_account_id.id
        self.assertEqual(self.amounts(scenario)[(account, "Auxiliaries: Pay")], -113400.0)
        self.assertEqual(self.amounts(scenario)[(account, "Auxiliaries: Uniforms")], -3600.0)

    def test_scenario_from_a_budget_is_the_same_plan(self):
        """Plan a Scenario on a budget: the wizard comes filled in with the
        plan's year, units and vacancies; the scenario is linked to its base
        and compared with it side by side."""
        base = self.plan(self.unit_b, include_vacancies=False)
        self.assertEqual((base.aux_department_ids, base.aux_include_vacancies),
                         (self.unit_b, False))
        Plan = self.env["aux.budget.plan"].sudo(self.user_finance)
        context = base.sudo(self.user_finance).action_aux_plan_scenario()["context"]
        wizard = Plan.with_context(**context).create({"pay_increase": 5.0})
        self.assertEqual((wizard.year, wizard.department_ids, wizard.include_vacancies,
                          wizard.base_budget_id), (YEAR, self.unit_b, False, base))
        scenario = self.env["crossovered.budget"].browse(
            wizard.action_create_budget()["res_id"])
        self.assertEqual(scenario.aux_base_budget_id, base)
        self.assertIn(base.name, scenario.name)
        self.assertIn("+5.0%", scenario.name)
        account = self.unit_b.aux_analytic_account_id.id
        self.assertEqual(self.amounts(scenario), {
            (account, "Auxiliaries: Pay"): -37800.0,
            (account, "Auxiliaries: Uniforms"): -1200.0})
        # a scenario of the scenario is another scenario of the base
        context = scenario.sudo(self.user_finance).action_aux_plan_scenario()["context"]
        self.assertEqual(context["default_base_budget_id"], base.id)
        # side by side: the base and each scenario, per cost category
        action = scenario.sudo(self.user_finance).action_aux_compare()
        rows = self.env["aux.budget.execution"].sudo(self.user_finance).read_group(
            action["domain"], ["planned_amount", "budget_id", "general_budget_id"],
            ["budget_id", "general_budget_id"],
            lazy=False)
        compared = {(row["budget_id"][0], row["general_budget_id"][1]): row["planned_amount"]
                    for row in rows}
        self.assertEqual(compared, {
            (base.id, "Auxiliaries: Pay"): -36000.0,
            (base.id, "Auxiliaries: Uniforms"): -1200.0,
            (scenario.id, "Auxiliaries: Pay"): -37800.0,
            (scenario.id, "Auxiliaries: Uniforms"): -1200.0})

    def test_scenario_plans_the_year_of_its_base(self):
        base = self.plan(self.unit_b)
        wizard = self.env["aux.budget.plan"].sudo(self.user_finance).create({
            "year": YEAR + 1, "department_ids": [(6, 0, self.unit_b.ids)],
            "base_budget_id": base.id, "pay_increase": 5.0})
        budgets = self.env["crossovered.budget"].search_count([])
        with self.assertRaisesRegex(UserError, "plans the year %s" % YEAR):
            wizard.action_create_budget()
        self.assertEqual(self.env["crossovered.budget"].search_count([]), budgets)

    def test_budget_vs_actual_after_posted_run(self):
        budget = self.plan(self.unit_a | self.unit_a1, include_vacancies=False)
        budget.action_budget_confirm()
        budget.action_budget_validate()
        run = self.new_run(self.unit_a)
        run.action_aux_generate()
        self.approve(run)
        Execution = self.env["aux.budget.execution"].sudo(self.user_finance)
        rows = Execution.search([("budget_id", "=", budget.id)])
        self.assertEqual(sum(rows.mapped("practical_amount")), 0.0, "nothing posted yet")
        run.sudo(self.user_finance).action_aux_post()
        self.env.cache.invalidate()
        for unit in self.unit_a | self.unit_a1:
            slips = run.slip_ids.filtered(lambda s, u=unit: s.aux_unit_id == u)
            cost = sum(slips.mapped("line_ids").filtered(
                lambda line: line.category_id.code in ("GROSS", "COMP")).mapped("total"))
            row = Execution.search([("budget_id", "=", budget.id),
                                    ("department_id", "=", unit.id),
                                    ("general_budget_id.name", "=", "Auxiliaries: Pay")])
            self.assertAlmostEqual(row.practical_amount, -cost, places=2, msg=unit.name)
            line = self.env["crossovered.budget.lines"].browse(row.id)
            self.assertAlmostEqual(line.practical_amount, -cost, places=2)
        self.assertTrue(rows.filtered(lambda r: r.department_id == self.unit_a).mapped(
            "remaining_amount"))

    def test_finance_only(self):
        with self.assertRaises(AccessError):
            self.env["aux.budget.plan"].sudo(self.user_officer).create(
                {"year": YEAR}).action_create_budget()

    def test_missing_costs(self):
        self.Cost.search([]).write({"active": False})
        with self.assertRaises(UserError):
            self.plan(self.unit_b)


class TestBudgetPlanTables(BudgetCase):
    """Pay from a grade table and employer contributions from a contribution
    table, hand-computed."""

    @classmethod
    def setUpClass(cls):
        super(TestBudgetPlanTables, cls).setUpClass()
        env = cls.env
        Grade = env["aux.grade"]
        cls.g1 = Grade.create({"name": "Budget G1", "code": "BG1", "category": "duty",
                               "sequence": 91})
        cls.g2 = Grade.create({"name": "Budget G2", "code": "BG2", "category": "duty",
                               "sequence": 92})
        Table = env["aux.pay.table"]
        grade_table = Table.create({"name": "Budget grade pay", "code": "TBUD_GRADE",
                                    "kind": "grade"})
        env["aux.pay.table.version"].create({
            "table_id": grade_table.id, "name": "v1", "date_from": "2020-01-01",
            "line_ids": [(0, 0, {"grade_id": cls.g1.id, "amount": 3000}),
                         (0, 0, {"grade_id": cls.g2.id, "amount": 2500})]})
        si_table = Table.create({"name": "Budget pension", "code": "TBUD_SI",
                                 "kind": "contribution"})
        env["aux.pay.table.version"].create({
            "table_id": si_table.id, "name": "v1", "date_from": "2020-01-01",
            "line_ids": [(0, 0, {"rate": 8, "employer_rate": 20, "base_floor": 2800})]})
        Department = env["hr.department"]
        cls.unit_x = Department.create({"name": "Budget Unit X"})
        cls.unit_y = Department.create({"name": "Budget Unit Y"})
        env["aux.establishment.quota"].create({
            "department_id": cls.unit_x.id, "quota": 3, "year_from": YEAR})
        Employee = env["hr.employee"]
        for name, unit, grade in (("X1", cls.unit_x, cls.g1), ("X2", cls.unit_x, cls.g2),
                                  ("Y1", cls.unit_y, cls.g1)):
            Employee.create({"name": "Budget %s" % name, "department_id": unit.id,
                             "is_auxiliary": True, "aux_category": "duty",
                             "entry_date": "2020-01-01", "aux_grade_id": grade.id})
        cls.cost("Grade pay", "pay", basis="table", table_code="TBUD_GRADE",
                 table_key="grade", months=12)
        cls.cost("Pension (employer)", "employer", basis="employer_share",
                 table_code="TBUD_SI", months=12)
        cls.cost("Uniforms", "uniform", basis="fixed", amount=1200)
        cls.cost("Care", "care", basis="fixed", amount=600)

    def test_hand_computed_budget(self):
        """g1: pay 3000 x 12 = 36000, employer 20% of 3000 x 12 = 7200;
        g2: pay 2500 x 12 = 30000, employer 20% of the floor 2800 x 12 = 6720;
        X (quota 3): g1 + g2 + one vacant place at the unit average."""
        budget = self.plan(self.unit_x | self.unit_y)
        x = self.unit_x.aux_analytic_account_id.id
        y = self.unit_y.aux_analytic_account_id.id
        self.assertEqual(self.amounts(budget), {
            (x, "Auxiliaries: Pay"): -99000.0,
            (x, "Auxiliaries: Employer contributions"): -20880.0,
            (x, "Auxiliaries: Uniforms"): -3600.0,
            (x, "Auxiliaries: Care"): -1800.0,
            (y, "Auxiliaries: Pay"): -36000.0,
            (y, "Auxiliaries: Employer contributions"): -7200.0,
            (y, "Auxiliaries: Uniforms"): -1200.0,
            (y, "Auxiliaries: Care"): -600.0,
        })

    def test_scenario_scales_pay_and_contributions(self):
        """+5%: g1 3150 (base 3150), g2 2625 (base still the floor 2800)."""
        budget = self.plan(self.unit_x | self.unit_y, pay_increase=5.0)
        x = self.unit_x.aux_analytic_account_id.id
        y = self.unit_y.aux_analytic_account_id.id
        amounts = self.amounts(budget)
        self.assertEqual(amounts[(x, "Auxiliaries: Pay")], -103950.0)
        self.assertEqual(amounts[(x, "Auxiliaries: Employer contributions")], -21420.0)
        self.assertEqual(amounts[(y, "Auxiliaries: Pay")], -37800.0)
        self.assertEqual(amounts[(y, "Auxiliaries: Uniforms")], -1200.0)

    def test_missing_table(self):
        self.cost("Unknown", "pay", basis="table", table_code="NO_SUCH_TABLE", months=12)
        with self.assertRaises(UserError):
            self.plan(self.unit_y)


class TestBudgetPlanCompanies(BudgetCase):
    """A bureau with a district branch as a company: each plans its own
    people with its own standard costs, in its own budget."""

    @classmethod
    def setUpClass(cls):
        super(TestBudgetPlanCompanies, cls).setUpClass()
        env = cls.env
        cls.cost("Standard pay", "pay", basis="fixed", amount=36000)
        cls.branch = env["res.company"].create({
            "name": "Budget District C", "parent_id": env.ref("base.main_company").id,
            "currency_id": env.ref("base.main_company").currency_id.id})
        cls.branch_account = env["account.account"].create({
            "code": "C6601", "name": "Salaries of district C", "company_id": cls.branch.id,
            "user_type_id": env.ref("account.data_account_type_expenses").id})
        cls.Cost.create({
            "name": "District pay", "cost_type": "pay", "basis": "fixed", "amount": 30000,
            "date_from": "%s-01-01" % YEAR, "account_id": cls.branch_account.id,
            "company_id": cls.branch.id})
        cls.branch_unit = env["hr.department"].create({
            "name": "Brigade of district C", "company_id": cls.branch.id})
        for name in ("C1", "C2"):
            env["hr.employee"].create({
                "name": "Budget %s" % name, "department_id": cls.branch_unit.id,
                "company_id": cls.branch.id, "is_auxiliary": True, "aux_category": "duty",
                "entry_date": "2020-01-01"})

    def test_branch_plans_its_people_with_its_costs(self):
        """The branch's plan of every unit covers the branch's unit only, at
        the branch's cost per head, in a budget of the branch; the bureau's
        plan does not count the branch's people."""
        wizard = self.env["aux.budget.plan"].create({
            "year": YEAR, "company_id": self.branch.id, "include_vacancies": False})
        budget = self.env["crossovered.budget"].browse(
            wizard.action_create_budget()["res_id"])
        self.assertEqual(budget.company_id, self.branch)
        self.assertEqual(budget.aux_headcount, 2)
        account = self.branch_unit.aux_analytic_account_id
        self.assertEqual(self.amounts(budget), {(account.id, "Auxiliaries: Pay"): -60000.0})
        self.assertEqual(budget.crossovered_budget_line.general_budget_id.company_id,
                         self.branch)
        bureau = self.env["aux.budget.plan"].create({"year": YEAR, "include_vacancies": False})
        bureau.action_compute()
        self.assertNotIn(self.branch_unit, bureau.line_ids.mapped("department_id"))
        self.assertTrue(bureau.line_ids)

    def test_unit_of_another_company_refused(self):
        """A plan of the bureau cannot take a unit of the branch."""
        with self.assertRaisesRegex(ValidationError, "Brigade of district C"):
            self.env["aux.budget.plan"].create({
                "year": YEAR, "department_ids": [(6, 0, self.branch_unit.ids)]})
