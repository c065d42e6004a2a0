# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the run, output and budget tests: units A (with sub-unit A1)
and B, auxiliaries with running contracts on the auxiliary structure (the
stock one while the engine is absent), a chart of three accounts, a salary
journal, and one user per role of the approval chain."""
from .common import PayrollBureauCase

MONTH_START = "2026-03-01"
MONTH_END = "2026-03-31"


class PayrollRunCase(PayrollBureauCase):

    # English, no tracking values; the chatter's "created" messages kept
    _aux_context = {"lang": "en_US", "tracking_disable": True}
    _aux_prefix = "Run "

    @classmethod
    def setUpClass(cls):
        super(PayrollRunCase, cls).setUpClass()
        env = cls.env

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
            employee = cls._aux_person(name, unit, entry_date="2020-01-01")
            if contract:
                cls._contract(employee, wage)
            return employee

        cls.emp_a = aux("Run Aux A Alpha", cls.unit_a)
        cls.emp_a2 = aux("Run Aux A Bravo", cls.unit_a, wage=3200.0)
        cls.emp_a1 = aux("Run Aux A1 Sub", cls.unit_a1, wage=2800.0)
        cls.emp_b = aux("Run Aux B", cls.unit_b)
        cls.emp_nocontract = aux("Run Aux A No Contract", cls.unit_a, contract=False)
        cls.sworn_a = cls._aux_person("Run Officer A", cls.unit_a, auxiliary=False)
        cls.sworn_b = cls._aux_person("Run Officer B", cls.unit_b, auxiliary=False)

        user = cls._aux_user
        cls.user_self = user("run_self", "self", employee=cls.emp_a)
        cls.user_leader_a = user("run_leader_a", "leader", employee=cls.sworn_a)
        cls.user_leader_b = user("run_leader_b", "leader", employee=cls.sworn_b)
        cls.user_officer = user("run_officer", "officer")
        cls.user_manager = user("run_manager", "manager")
        cls.user_finance = user("run_finance", "finance")
        cls.user_boss = user("run_boss", "boss")

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
