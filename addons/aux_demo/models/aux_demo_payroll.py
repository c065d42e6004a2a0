# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's payroll: a salary journal and accounts, running
contracts for the auxiliaries that have none, a finance officer and a leader
(password = login), the last 12 monthly runs of the whole bureau (all posted
but the current month, waiting for the leader) and this year's per-head
budget, validated.  Needs the chart of accounts, which Odoo installs after
the addons (bin/demo-db installs aux_demo after them).  Does nothing without
the demo bureau or when its runs exist."""
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import account, demo_login, demo_xmlid, salary_rule_accounts

DEMO_MONTHS = 12
# one demo contract in this many ends within the expiry queue's notice period
EXPIRING_EVERY = 16


class AuxDemoPayroll(models.AbstractModel):
    _name = "aux.demo.payroll"
    _description = "Demo Bureau: Payroll"

    @api.model
    def _check_chart_of_accounts(self):
        """Refuse while a chart of accounts is still to be installed: it
        deletes the journals and accounts made before it, and refuses to
        install once journal entries exist."""
        if self.env["ir.module.module"].search_count([
                ("name", "=like", "l10n_%"), ("state", "in", ("to install", "to upgrade"))]):
            raise UserError(_(
                "The demo bureau needs the chart of accounts: install aux_demo after the "
                "auxiliary addons and the chart (bin/demo-db does)."))

    @api.model
    def _demo_accounting(self):
        """Accounts (when the chart has none of these codes), the salary
        journal, accounts on the salary rules and the standard costs."""
        env = self.env
        expense = account(env, "660101", "辅警工资 Auxiliary salaries",
                          "account.data_account_type_expenses")
        employer = account(env, "660102", "单位社保公积金 Employer contributions",
                           "account.data_account_type_expenses")
        payable = account(env, "221101", "应付职工薪酬 Salaries payable",
                          "account.data_account_type_payable", True)
        liability = account(env, "224101", "代扣社保公积金 Contributions payable",
                            "account.data_account_type_current_liabilities")
        # one expense account per cost category, so that each budget line
        # compares with its own actual cost
        others = {}
        for index, (cost_type, label) in enumerate((
                ("insurance", "辅警保险 Auxiliary insurance"),
                ("uniform", "辅警服装 Auxiliary uniforms"),
                ("equipment", "辅警装备 Auxiliary equipment"),
                ("training", "辅警培训 Auxiliary training"),
                ("care", "辅警关爱 Auxiliary care"),
                ("other", "辅警其他 Auxiliary other costs")), 3):
            others[cost_type] = account(env, "6601%02d" % index, label,
                                        "account.data_account_type_expenses")
        journal = self.env["account.journal"].create({
            "name": "辅警工资 Auxiliary salaries", "code": "AUXS", "type": "general",
            "default_debit_account_id": liability.id,
            "default_credit_account_id": liability.id})
        demo_xmlid(journal, "account_journal_salary_demo")
        salary_rule_accounts(env, expense, payable, liability, employer)
        others.update({"pay": expense, "employer": employer})
        for cost in self.env["aux.budget.cost"].search([("account_id", "=", False)]):
            cost.account_id = others[cost.cost_type]
        return journal

    @api.model
    def _demo_users(self, bureau=None):
        """The payroll demo logins, and the payroll group of the office's
        demo officer (the roles of security/roles.csv, checked by
        tests/access).  The bureau leader gets a file in ``bureau`` (a unit
        leader sees the people of the units of his file: without one, the
        demo's bureau leader saw nobody and an empty monthly pack)."""
        users = {}
        for login, name, group in (
                ("aux_finance", "财务科科员", "aux_payroll.group_aux_payroll_finance"),
                ("aux_boss", "局长", "aux_payroll.group_aux_payroll_leader")):
            users[login] = demo_login(self.env, login, name, group)
        if bureau:
            self.env["hr.employee"].with_context(tracking_disable=True).create({
                "name": users["aux_boss"].name, "department_id": bureau.id,
                "user_id": users["aux_boss"].id, "is_auxiliary": False})
        officer = self.env.ref("aux_demo.user_aux_officer_demo", raise_if_not_found=False)
        if officer:
            officer.groups_id = [(4, self.env.ref("aux_payroll.group_aux_payroll_officer").id)]
        return users

    @api.model
    def _demo_contracts(self, bureau, journal, first_day):
        """A running contract on the auxiliary structure for each auxiliary of
        the bureau without one.  One in EXPIRING_EVERY of the people in
        service for two years or more has a fixed-term contract ending in the
        first weeks after this month (within the expiry queue's notice
        period; this month's pay is not affected): the office renews them."""
        employees = self.env["hr.employee"].search([
            ("department_id", "child_of", bureau.id), ("is_auxiliary", "=", True)])
        covered = self.env["hr.contract"].search([
            ("employee_id", "in", employees.ids), ("state", "in", ("open", "pending"))]
        ).mapped("employee_id")
        Contract = self.env["hr.contract"].with_context(
            tracking_disable=True, mail_create_nolog=True)
        structure = self.env.ref("aux_payroll.aux_salary_structure")
        contract_type = self.env.ref("hr_contract.hr_contract_type_emp")
        today = fields.Date.from_string(fields.Date.context_today(self))
        month_end = today + relativedelta(day=31)
        veterans = fields.Date.to_string(today - relativedelta(years=2))
        for index, employee in enumerate((employees - covered).sorted("id")):
            start = max(employee.entry_date or first_day, "2000-01-01")
            vals = {
                "name": "劳动合同 %s" % employee.name, "employee_id": employee.id,
                "department_id": employee.department_id.id, "type_id": contract_type.id,
                "wage": 0.0, "struct_id": structure.id, "journal_id": journal.id,
                "date_start": start, "state": "open", "aux_grade_id": employee.aux_grade_id.id,
            }
            if index % EXPIRING_EVERY == 0 and start <= veterans:
                end = month_end + relativedelta(days=1 + (index * 7) % 25)
                term = relativedelta(end + relativedelta(days=1), fields.Date.from_string(start))
                vals.update({"date_end": fields.Date.to_string(end),
                             "aux_term_months": term.years * 12 + term.months})
            Contract.create(vals)

    @api.model
    def _generate(self):
        """Build the payroll demo and post its approved runs; returns whether
        it was built."""
        bureau = self.env.ref("aux_demo.hr_department_bureau_demo", raise_if_not_found=False)
        if not bureau or self.env.ref("aux_demo.account_journal_salary_demo",
                                      raise_if_not_found=False):
            return False
        self._check_chart_of_accounts()
        today = fields.Date.from_string(fields.Date.context_today(self))
        this_month = today.replace(day=1)
        first = this_month - relativedelta(months=DEMO_MONTHS - 1)
        journal = self._demo_accounting()
        users = self._demo_users(bureau)
        self._demo_contracts(bureau, journal, fields.Date.to_string(first))
        ref = self.env.ref
        officer = ref("aux_demo.user_aux_officer_demo", raise_if_not_found=False)
        manager = ref("aux_demo.user_aux_manager_demo", raise_if_not_found=False)
        Run = self.env["hr.payslip.run"].with_context(default_is_aux=True,
                                                       tracking_disable=True)
        approved = Run.browse()
        for index in range(DEMO_MONTHS):
            start = first + relativedelta(months=index)
            date_start = fields.Date.to_string(start)
            run = Run.create({
                "name": Run._aux_default_name(date_start, bureau),
                "aux_department_id": bureau.id, "date_start": date_start,
                "date_end": fields.Date.to_string(start + relativedelta(months=1, days=-1)),
                "journal_id": journal.id})
            demo_xmlid(run, "hr_payslip_run_%s_demo" % start.strftime("%Y_%m"))
            run.action_aux_generate()
            run.sudo(officer or self.env.user).action_aux_submit()
            run.sudo(manager or self.env.user).action_aux_approve_unit()
            run.sudo(manager or self.env.user).action_aux_approve_office()
            run.sudo(users["aux_finance"]).action_aux_approve_finance()
            if start == this_month:
                continue  # the current month waits for the leader
            run.sudo(users["aux_boss"]).action_aux_approve_leader()
            approved |= run
        plan = self.env["aux.budget.plan"].sudo(users["aux_finance"]).create({
            "year": today.year, "department_ids": [(6, 0, self.env["hr.department"].search(
                [("id", "child_of", bureau.id)]).ids)]})
        budget = self.env["crossovered.budget"].browse(
            plan.action_create_budget()["res_id"])
        budget.action_budget_confirm()
        budget.action_budget_validate()
        demo_xmlid(budget, "crossovered_budget_%d_demo" % today.year)
        for run in approved:
            run.sudo(users["aux_finance"]).action_aux_post()
        return True
