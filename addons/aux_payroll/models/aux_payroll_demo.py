# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo payroll of the demo bureau (aux_personnel's demo data): a salary
journal and accounts, running contracts for the auxiliaries that have none,
a finance officer and a leader (password = login), the last 12 monthly runs
of the whole bureau (all approved except the current month, waiting for the
leader; a one-shot demo cron posts them when the server starts) and this
year's per-head budget, validated.  When a chart of accounts is still to be
installed after this module (the usual demo database), the whole payroll
demo waits for that cron.
Called from demo/aux_payroll_run_demo.xml; does nothing without the demo
bureau or when its runs exist."""
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

DEMO_MONTHS = 12
# one demo contract in this many ends within the expiry queue's notice period
EXPIRING_EVERY = 16


class AuxPayrollDemo(models.AbstractModel):
    _name = "aux.payroll.demo"
    _description = "Auxiliary Payroll Demo Data Generator"

    @api.model
    def _xmlid(self, name, record):
        self.env["ir.model.data"].create({
            "module": "aux_payroll", "name": name, "model": record._name,
            "res_id": record.id, "noupdate": True})

    @api.model
    def _demo_accounting(self):
        """Accounts (when the chart has none of these codes), the salary
        journal, accounts on the salary rules and the standard costs."""
        Account = self.env["account.account"]
        ref = self.env.ref

        def account(code, name, type_xmlid, reconcile=False):
            return Account.search([("code", "=", code)], limit=1) or Account.create({
                "code": code, "name": name, "reconcile": reconcile,
                "user_type_id": ref(type_xmlid).id})

        expense = account("660101", "辅警工资 Auxiliary salaries",
                          "account.data_account_type_expenses")
        employer = account("660102", "单位社保公积金 Employer contributions",
                           "account.data_account_type_expenses")
        payable = account("221101", "应付职工薪酬 Salaries payable",
                          "account.data_account_type_payable", True)
        liability = account("224101", "代扣社保公积金 Contributions payable",
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
            others[cost_type] = account("6601%02d" % index, label,
                                        "account.data_account_type_expenses")
        journal = self.env["account.journal"].create({
            "name": "辅警工资 Auxiliary salaries", "code": "AUXS", "type": "general",
            "default_debit_account_id": liability.id,
            "default_credit_account_id": liability.id})
        self._xmlid("account_journal_salary_demo", journal)
        structure = ref("aux_payroll.aux_salary_structure")
        for rule in structure.rule_ids | structure.rule_ids.mapped("child_ids"):
            code = rule.category_id.code
            if rule.account_debit or rule.account_credit:
                continue
            if code == "GROSS":
                rule.account_debit = expense
            elif code == "NET":
                rule.account_credit = payable
            elif code == "COMP":
                rule.write({"account_debit": employer.id, "account_credit": liability.id})
            elif code in ("DED", "TAX"):
                rule.account_credit = liability
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
        Users = self.env["res.users"].with_context(no_reset_password=True)
        lang = "zh_CN" if self.env["res.lang"].search(
            [("code", "=", "zh_CN"), ("active", "=", True)]) else "en_US"
        users = {}
        for login, name, group in (
                ("aux_finance", "财务科科员", "aux_payroll.group_aux_payroll_finance"),
                ("aux_boss", "局长", "aux_payroll.group_aux_payroll_leader")):
            users[login] = Users.create({
                "name": name, "login": login, "password": login, "lang": lang,
                "email": "%s@bureau.example.com" % login, "tz": "Asia/Shanghai",
                "groups_id": [(6, 0, [self.env.ref(group).id])]})
            self._xmlid("user_%s_demo" % login, users[login])
        if bureau:
            self.env["hr.employee"].with_context(tracking_disable=True).create({
                "name": users["aux_boss"].name, "department_id": bureau.id,
                "user_id": users["aux_boss"].id, "is_auxiliary": False})
        officer = self.env.ref("aux_personnel.user_aux_officer_demo", raise_if_not_found=False)
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
        bureau = self.env.ref("aux_personnel.hr_department_bureau_demo",
                              raise_if_not_found=False)
        if not bureau or self.env.ref("aux_payroll.account_journal_salary_demo",
                                      raise_if_not_found=False):
            return False
        if self.env["ir.module.module"].search_count([
                ("name", "=like", "l10n_%"), ("state", "in", ("to install", "to upgrade"))]):
            # account's post-install hook installs a chart of accounts after this
            # module; the chart deletes the journals and accounts made before it
            # (and refuses to install once entries exist): the demo cron makes
            # the payroll demo once the server runs.
            return False
        today = fields.Date.from_string(fields.Date.context_today(self))
        this_month = today.replace(day=1)
        first = this_month - relativedelta(months=DEMO_MONTHS - 1)
        journal = self._demo_accounting()
        users = self._demo_users(bureau)
        self._demo_contracts(bureau, journal, fields.Date.to_string(first))
        ref = self.env.ref
        officer = ref("aux_personnel.user_aux_officer_demo", raise_if_not_found=False)
        manager = ref("aux_personnel.user_aux_manager_demo", raise_if_not_found=False)
        Run = self.env["hr.payslip.run"].with_context(default_is_aux=True,
                                                       tracking_disable=True)
        for index in range(DEMO_MONTHS):
            start = first + relativedelta(months=index)
            date_start = fields.Date.to_string(start)
            run = Run.create({
                "name": Run._aux_default_name(date_start, bureau),
                "aux_department_id": bureau.id, "date_start": date_start,
                "date_end": fields.Date.to_string(start + relativedelta(months=1, days=-1)),
                "journal_id": journal.id})
            self._xmlid("hr_payslip_run_%s_demo" % start.strftime("%Y_%m"), run)
            run.action_aux_generate()
            run.sudo(officer or self.env.user).action_aux_submit()
            run.sudo(manager or self.env.user).action_aux_approve_unit()
            run.sudo(manager or self.env.user).action_aux_approve_office()
            run.sudo(users["aux_finance"]).action_aux_approve_finance()
            if start == this_month:
                continue  # the current month waits for the leader
            run.sudo(users["aux_boss"]).action_aux_approve_leader()
        plan = self.env["aux.budget.plan"].sudo(users["aux_finance"]).create({
            "year": today.year, "department_ids": [(6, 0, self.env["hr.department"].search(
                [("id", "child_of", bureau.id)]).ids)]})
        budget = self.env["crossovered.budget"].browse(
            plan.action_create_budget()["res_id"])
        budget.action_budget_confirm()
        budget.action_budget_validate()
        self._xmlid("crossovered_budget_%d_demo" % today.year, budget)
        return True

    @api.model
    def _cron_post_demo_runs(self):
        """Make the payroll demo if it was deferred (see ``_generate``) and post
        the approved demo runs; run once by a demo cron when the server
        starts.  Nothing is posted while the demo data loads: account's
        post-install hook then installs the chart of accounts, which refuses
        to install once journal entries exist."""
        self._generate()
        finance = self.env.ref("aux_payroll.user_aux_finance_demo", raise_if_not_found=False)
        runs = self.env["hr.payslip.run"].search([
            ("is_aux", "=", True), ("aux_state", "=", "approved"),
            ("id", "in", self.env["ir.model.data"].search([
                ("module", "=", "aux_payroll"), ("model", "=", "hr.payslip.run"),
                ("name", "=like", "hr_payslip_run_%_demo")]).mapped("res_id"))],
            order="date_start")
        for run in runs:
            run.sudo(finance or self.env.user).action_aux_post()
        cron = self.env.ref("aux_payroll.ir_cron_aux_payroll_post_demo",
                            raise_if_not_found=False)
        if cron and self.env.ref("aux_payroll.account_journal_salary_demo",
                                 raise_if_not_found=False):
            cron.sudo().active = False  # done: the demo is made and posted
        return True
