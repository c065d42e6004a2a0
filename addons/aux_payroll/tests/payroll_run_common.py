# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the run, output and budget tests: units A (with sub-unit A1)
and B, auxiliaries with running contracts on the auxiliary structure (the
stock one while the engine is absent), a chart of three accounts, a salary
journal, and one user per role of the approval chain."""
from odoo.tests.common import SavepointCase

MONTH_START = "2026-03-01"
MONTH_END = "2026-03-31"


class PayrollRunCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(PayrollRunCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US", tracking_disable=True))
        env = cls.env
        if "aux.training.requirement" in env:
            env["aux.training.requirement"].search([]).write({"blocks_post_assignment": False})
        Department = env["hr.department"]
        Employee = env["hr.employee"]
        cls.unit_a = Department.create({"name": "Run Brigade A"})
        cls.unit_a1 = Department.create({"name": "Run Squadron A1", "parent_id": cls.unit_a.id})
        cls.unit_b = Department.create({"name": "Run Brigade B"})

        # accounts and journal
        Account = env["account.account"]
        cls.account_expense = Account.create({
            "code": "T6601", "name": "Salaries (test)",
            "user_type_id": env.ref("account.data_account_type_expenses").id})
        cls.account_payable = Account.create({
            "code": "T2211", "name": "Salaries payable (test)", "reconcile": True,
            "user_type_id": env.ref("account.data_account_type_payable").id})
        cls.account_liability = Account.create({
            "code": "T2241", "name": "Contributions payable (test)",
            "user_type_id": env.ref("account.data_account_type_current_liabilities").id})
        cls.journal = env["account.journal"].create({
            "name": "Salaries (test)", "code": "TSAL", "type": "general",
            "default_debit_account_id": cls.account_liability.id,
            "default_credit_account_id": cls.account_liability.id})

        cls.structure = env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False) \
            or env.ref("hr_payroll.structure_base")
        cls._set_rule_accounts(cls.structure)

        def aux(name, unit, contract=True, wage=3000.0):
            employee = Employee.create({
                "name": name, "department_id": unit.id, "is_auxiliary": True,
                "aux_category": "duty", "entry_date": "2020-01-01"})
            if contract:
                cls._contract(employee, wage)
            return employee

        cls.emp_a = aux("Run Aux A Alpha", cls.unit_a)
        cls.emp_a2 = aux("Run Aux A Bravo", cls.unit_a, wage=3200.0)
        cls.emp_a1 = aux("Run Aux A1 Sub", cls.unit_a1, wage=2800.0)
        cls.emp_b = aux("Run Aux B", cls.unit_b)
        cls.emp_nocontract = aux("Run Aux A No Contract", cls.unit_a, contract=False)
        cls.sworn_a = Employee.create({"name": "Run Officer A", "department_id": cls.unit_a.id})
        cls.sworn_b = Employee.create({"name": "Run Officer B", "department_id": cls.unit_b.id})

        Users = env["res.users"].with_context(no_reset_password=True)

        def user(login, groups, employee=None):
            new_user = Users.create({
                "name": login, "login": login, "email": "%s@example.com" % login,
                "groups_id": [(6, 0, [env.ref(g).id for g in groups])]})
            if employee:
                employee.user_id = new_user
            return new_user

        cls.user_self = user("run_self", ["aux_personnel.group_aux_personnel_self"], cls.emp_a)
        cls.user_leader_a = user(
            "run_leader_a", ["aux_personnel.group_aux_personnel_unit_leader"], cls.sworn_a)
        cls.user_leader_b = user(
            "run_leader_b", ["aux_personnel.group_aux_personnel_unit_leader"], cls.sworn_b)
        cls.user_officer = user("run_officer", ["aux_payroll.group_aux_payroll_officer"])
        cls.user_manager = user("run_manager", ["aux_personnel.group_aux_personnel_manager"])
        cls.user_finance = user("run_finance", ["aux_payroll.group_aux_payroll_finance"])
        cls.user_boss = user("run_boss", ["aux_payroll.group_aux_payroll_leader"])

    @classmethod
    def _contract(cls, employee, wage=3000.0, date_start="2020-01-01"):
        return cls.env["hr.contract"].create({
            "name": "Contract %s" % employee.name, "employee_id": employee.id,
            "wage": wage, "struct_id": cls.structure.id, "date_start": date_start,
            "state": "open", "journal_id": cls.journal.id})

    @classmethod
    def _set_rule_accounts(cls, structure):
        """Gross and employer contributions cost money; net pay is owed to the
        people, deductions and contributions to the funds (rules by category code)."""
        rules = structure.rule_ids | structure.rule_ids.mapped("child_ids")
        for rule in rules:
            code = rule.category_id.code
            if code == "GROSS":
                rule.write({"account_debit": cls.account_expense.id})
            elif code == "NET":
                rule.write({"account_credit": cls.account_payable.id})
            elif code == "COMP":
                rule.write({"account_debit": cls.account_expense.id,
                            "account_credit": cls.account_liability.id})

    @classmethod
    def new_run(cls, unit=None, start=MONTH_START, end=MONTH_END, user=None):
        Run = cls.env["hr.payslip.run"].with_context(default_is_aux=True)
        if user:
            Run = Run.sudo(user)
        return Run.create({
            "name": "Run %s %s" % (start[:7], unit.name if unit else "bureau"),
            "aux_department_id": unit.id if unit else False,
            "date_start": start, "date_end": end, "journal_id": cls.journal.id})

    def approve(self, run):
        run.sudo(self.user_officer).action_aux_submit()
        run.sudo(self.user_leader_a).action_aux_approve_unit()
        run.sudo(self.user_manager).action_aux_approve_office()
        run.sudo(self.user_finance).action_aux_approve_finance()
        run.sudo(self.user_boss).action_aux_approve_leader()
