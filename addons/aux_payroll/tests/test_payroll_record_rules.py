# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Record rules of every payroll model, read and write apart (security
review: every user read every colleague's payslip inputs, i.e. performance
coefficient and rewards, and worked days over JSON-RPC).

Each test reads or writes through the ORM as the user (``sudo(user)``), as
an RPC call does: self-service users read their own payslips once done,
unit leaders those of their unit and sub-units, payroll officers, finance,
the bureau leader and stock payroll users all; nobody but the payroll
officers writes them."""
from odoo.exceptions import AccessError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import FEBRUARY, AuxPayrollCase
from .payroll_run_common import PayrollRunCase

CHILD_MODELS = (("hr.payslip.line", "line_ids"), ("hr.payslip.input", "input_line_ids"),
                ("hr.payslip.worked_days", "worked_days_line_ids"))


class TestPayslipChildRules(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayslipChildRules, cls).setUpClass()
        env = cls.env

        def user(login, group):
            return cls._aux_user(login, group, email=False)

        cls.user_boss = user("rules_boss", "boss")
        cls.user_stock_payroll = user("rules_stock_payroll", "hr_payroll.group_hr_payroll_user")
        cls.user_office = user("rules_office", "office")
        cls.own_done = cls.slip(cls.emp_new, period=FEBRUARY)
        cls.own_draft = cls.slip(cls.emp_new)
        cls.sub_unit = cls.slip(cls.emp_mid)        # unit A1, under the leader's A
        cls.other_unit = cls.slip(cls.emp_tax)      # unit B
        cls.other_done = cls.slip(cls.emp_none, period=FEBRUARY)
        cls.slips = (cls.own_done | cls.own_draft | cls.sub_unit | cls.other_unit
                     | cls.other_done)
        cls.slips._aux_compute_batch()
        WorkedDays = trust(env["hr.payslip.worked_days"])
        Input = trust(env["hr.payslip.input"])
        for slip in cls.slips:
            WorkedDays.create({"name": "Night duties", "code": "NIGHT", "payslip_id": slip.id,
                               "contract_id": slip.contract_id.id, "number_of_days": 3.0})
            Input.create({"name": "Reward", "code": "REWARD_EXTRA", "payslip_id": slip.id,
                          "contract_id": slip.contract_id.id, "amount": 800.0})
        (cls.own_done | cls.other_done).write({"state": "done"})

    def records(self, slips, field):
        return slips.mapped(field)

    def visible(self, user, model, records):
        return self.env[model].sudo(user).search([("id", "in", records.ids)])

    def test_every_child_model_has_its_rows(self):
        for model, field in CHILD_MODELS:
            for slip in self.slips:
                self.assertTrue(slip[field], "%s of %s" % (model, slip.name))

    def test_self_service_reads_own_done_payslips_only(self):
        for model, field in CHILD_MODELS:
            everything = self.records(self.slips, field)
            with self.subTest(model=model):
                self.assertEqual(self.visible(self.user_self, model, everything),
                                 self.own_done[field])
                for slip in self.slips - self.own_done:
                    with self.assertRaises(AccessError):
                        slip[field][:1].sudo(self.user_self).read(["name"])

    def test_unit_leader_reads_own_unit_and_sub_units_only(self):
        mine = self.own_done | self.own_draft | self.sub_unit
        for model, field in CHILD_MODELS:
            with self.subTest(model=model):
                self.assertEqual(
                    self.visible(self.user_leader_a, model, self.records(self.slips, field)),
                    self.records(mine, field))
                for slip in self.other_unit | self.other_done:
                    with self.assertRaises(AccessError):
                        slip[field][:1].sudo(self.user_leader_a).read(["name"])

    def test_inputs_not_read_through_the_payslip_either(self):
        """The performance coefficient of a colleague is not reached through a
        payslip the user may not read, nor filtered out of one he may."""
        with self.assertRaises(AccessError):
            self.other_unit.sudo(self.user_leader_a).read(["input_line_ids"])
        Input = self.env["hr.payslip.input"]
        self.assertFalse(Input.sudo(self.user_self).search_count(
            [("payslip_id.employee_id", "=", self.emp_tax.id)]))
        self.assertFalse(Input.sudo(self.user_leader_a).read_group(
            [("payslip_id.employee_id", "=", self.emp_tax.id)], ["amount"], []
        )[0]["amount"])

    def test_payroll_roles_read_all(self):
        for user in (self.user_officer, self.user_finance, self.user_boss,
                     self.user_stock_payroll, self.user_editor):
            for model, field in CHILD_MODELS:
                everything = self.records(self.slips, field)
                with self.subTest(user=user.login, model=model):
                    self.assertEqual(self.visible(user, model, everything), everything)
        for user in (self.user_officer, self.user_finance, self.user_boss):
            with self.subTest(user=user.login, model="hr.payslip"):
                self.assertEqual(self.visible(user, "hr.payslip", self.slips), self.slips)

    def test_auxiliary_office_reads_no_payslip_rows(self):
        """The auxiliary office (not payroll) keeps the unit leader's view:
        none of its own unit here (the office user has no employee)."""
        for model, field in CHILD_MODELS:
            with self.subTest(model=model):
                self.assertFalse(self.visible(
                    self.user_office, model, self.records(self.slips, field)))

    def test_nobody_but_payroll_writes(self):
        users = (self.user_self, self.user_leader_a, self.user_boss, self.user_office)
        for user in users:
            for model, field in CHILD_MODELS:
                record = self.own_draft[field][:1]
                with self.subTest(user=user.login, model=model, op="write"), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    record.sudo(user).write({"name": "changed"})
                with self.subTest(user=user.login, model=model, op="unlink"), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    record.sudo(user).unlink()
            with self.subTest(user=user.login, model="hr.payslip.input", op="create"), \
                    self.assertRaises(AccessError), self.env.cr.savepoint():
                self.env["hr.payslip.input"].sudo(user).create({
                    "name": "Bonus", "code": "REWARD_EXTRA", "amount": 5000.0,
                    "payslip_id": self.own_draft.id,
                    "contract_id": self.own_draft.contract_id.id})
            with self.subTest(user=user.login, model="hr.payslip", op="write"), \
                    self.assertRaises(AccessError), self.env.cr.savepoint():
                self.own_draft.sudo(user).write({"note": "changed"})
        # the payroll officers do
        self.own_draft.input_line_ids.filtered(lambda i: i.code == "REWARD_EXTRA").sudo(
            self.user_officer).write({"amount": 900.0})

    def test_no_write_rule_holds_whatever_access_line_is_granted(self):
        """Were an access line to give self-service users (and so unit
        leaders) write access to inputs, worked days or payslips, the rules
        would still refuse them every row, own unit and own payslip included."""
        Access = self.env["ir.model.access"]
        for model, _field in CHILD_MODELS + (("hr.payslip", None),):
            Access.create({
                "name": "test grant %s" % model, "perm_read": True, "perm_write": True,
                "perm_create": True, "perm_unlink": True,
                "model_id": self.env["ir.model"]._get(model).id,
                "group_id": self.env.ref("aux_personnel.group_aux_personnel_self").id})
        for user in (self.user_self, self.user_leader_a):
            for model, field in CHILD_MODELS:
                record = self.own_draft[field][:1]
                with self.subTest(user=user.login, model=model), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    record.sudo(user).write({"name": "changed"})
            with self.subTest(user=user.login, model="hr.payslip"), \
                    self.assertRaises(AccessError), self.env.cr.savepoint():
                self.own_draft.sudo(user).write({"note": "changed"})
            with self.subTest(user=user.login, op="create worked days"), \
                    self.assertRaises(AccessError), self.env.cr.savepoint():
                self.env["hr.payslip.worked_days"].sudo(user).create({
                    "name": "Forged", "code": "WORK100", "number_of_days": 31.0,
                    "payslip_id": self.own_draft.id,
                    "contract_id": self.own_draft.contract_id.id})
        # reading stays as the read rules say
        self.assertEqual(self.visible(self.user_self, "hr.payslip.input",
                                      self.slips.mapped("input_line_ids")),
                         self.own_done.input_line_ids)


class TestRunEntryContractRules(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestRunEntryContractRules, cls).setUpClass()
        user = cls._aux_user
        cls.user_billing = user("run_billing", "account.group_account_invoice", email=False)
        cls.user_accountant = user("run_accountant", "account.group_account_invoice",
                                   "account.group_account_user", email=False)
        cls.user_billing_manager = user("run_billing_manager", "account.group_account_manager",
                                        email=False)
        cls.run_a = cls.new_run(cls.unit_a)
        cls.run_a.action_aux_generate()
        cls.run_b = cls.new_run(cls.unit_b)
        cls.run_b.action_aux_generate()

    def test_runs_read_by_unit_written_by_payroll(self):
        runs = self.run_a | self.run_b
        Run = self.env["hr.payslip.run"]
        self.assertEqual(Run.sudo(self.user_leader_a).search([("id", "in", runs.ids)]),
                         self.run_a)
        with self.assertRaises(AccessError):
            self.run_b.sudo(self.user_leader_a).read(["name"])
        for user in (self.user_manager, self.user_boss):
            self.assertEqual(Run.sudo(user).search([("id", "in", runs.ids)]), runs)
        for user in (self.user_self, self.user_leader_a, self.user_manager, self.user_boss):
            with self.subTest(user=user.login), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                self.run_a.sudo(user).write({"name": "renamed"})
            with self.subTest(user=user.login, op="create"), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                self.new_run(self.unit_a, "2026-05-01", "2026-05-31", user=user)
        self.run_a.sudo(self.user_officer).write({"name": "renamed by payroll"})

    def test_unit_leader_approves_through_the_action_only(self):
        """The unit leader writes nothing on the run: the approval is the
        run's action, which checks his unit itself."""
        self.run_a.sudo(self.user_officer).action_aux_submit()
        self.run_a.sudo(self.user_leader_a).action_aux_approve_unit()
        self.assertEqual(self.run_a.aux_state, "unit_ok")
        log = self.run_a.aux_approval_ids
        self.assertEqual(log.sudo(self.user_leader_a).read(["step"])[-1]["step"], "unit")
        with self.assertRaises(AccessError):
            log[:1].sudo(self.user_leader_b).read(["step"])
        with self.assertRaises(AccessError):
            log[:1].sudo(self.user_officer).write({"note": "forged"})

    def test_payroll_entries_kept_to_finance_and_accountants(self):
        self.approve(self.run_a)
        self.run_a.sudo(self.user_finance).action_aux_post()
        move = self.run_a.aux_move_id
        self.assertTrue(move.line_ids)
        other = self.env["account.move"].create({
            "journal_id": self.journal.id, "date": "2026-03-31", "line_ids": [
                (0, 0, {"name": "x", "account_id": self.account_expense.id, "debit": 1.0}),
                (0, 0, {"name": "x", "account_id": self.account_liability.id,
                        "credit": 1.0})]})
        Move = self.env["account.move"]
        Line = self.env["account.move.line"]
        Analytic = self.env["account.analytic.line"]
        payroll_analytic = Analytic.search([("move_id", "in", move.line_ids.ids)])
        self.assertTrue(payroll_analytic, "the unit's cost on its analytic account")
        both = move | other
        self.assertEqual(Move.sudo(self.user_billing).search([("id", "in", both.ids)]), other)
        self.assertEqual(Line.sudo(self.user_billing).search(
            [("id", "in", both.mapped("line_ids").ids)]), other.line_ids)
        self.assertFalse(Analytic.sudo(self.user_billing).search(
            [("id", "in", payroll_analytic.ids)]))
        with self.assertRaises(AccessError):
            move.line_ids[:1].sudo(self.user_billing).read(["debit", "partner_id"])
        # finance's own access lines: in Odoo 11 "full accounting" alone
        # (group_account_user) has none on journal entries
        for user in (self.user_finance, self.user_accountant, self.user_billing_manager):
            with self.subTest(user=user.login):
                self.assertEqual(Move.sudo(user).search([("id", "in", both.ids)]), both)
                self.assertEqual(Analytic.sudo(user).search(
                    [("id", "in", payroll_analytic.ids)]), payroll_analytic)
        for user in (self.user_self, self.user_leader_a, self.user_officer, self.user_boss):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                move.sudo(user).read(["name"])

    def test_contracts_and_wages_of_others_not_readable(self):
        contract_a = self.emp_a2.contract_ids
        contract_b = self.emp_b.contract_ids
        for user in (self.user_self, self.user_leader_a, self.user_boss):
            for contract in (contract_a, contract_b):
                with self.subTest(user=user.login, contract=contract.name), \
                        self.assertRaises(AccessError):
                    contract.sudo(user).read(["wage"])
        slip = self.run_a.slip_ids.filtered(lambda s: s.employee_id == self.emp_a2)
        with self.assertRaises(AccessError):
            slip.sudo(self.user_leader_a).contract_id.read(["wage"])
        # the auxiliary office and payroll read them (stock hr_contract)
        for user in (self.user_manager, self.user_officer, self.user_finance):
            self.assertEqual(contract_b.sudo(user).read(["wage"])[0]["wage"], 3000.0)

    def test_contract_rules_hold_whatever_access_line_is_granted(self):
        """Were unit leaders given read access to contracts, they would read
        those of their unit and sub-units only, and write none."""
        self.env["ir.model.access"].create({
            "name": "test grant contracts", "perm_read": True, "perm_write": True,
            "perm_create": True, "perm_unlink": True,
            "model_id": self.env["ir.model"]._get("hr.contract").id,
            "group_id": self.env.ref("aux_personnel.group_aux_personnel_unit_leader").id})
        Contract = self.env["hr.contract"]
        everything = Contract.search([("employee_id", "in", (
            self.emp_a | self.emp_a2 | self.emp_a1 | self.emp_b).ids)])
        mine = everything.filtered(lambda c: c.employee_id != self.emp_b)
        self.assertEqual(Contract.sudo(self.user_leader_a).search(
            [("id", "in", everything.ids)]), mine)
        with self.assertRaises(AccessError):
            self.emp_b.contract_ids.sudo(self.user_leader_a).read(["wage"])
        with self.assertRaises(AccessError):
            mine[:1].sudo(self.user_leader_a).write({"wage": 99999.0})


class TestSalaryBankAccounts(AuxPayrollCase):
    """Where the net pay goes (stock base lets every internal user read every
    bank account): a person reads his own salary account only."""

    @classmethod
    def setUpClass(cls):
        super(TestSalaryBankAccounts, cls).setUpClass()
        env = cls.env
        Bank = env["res.partner.bank"]
        Partner = env["res.partner"]

        def account(number, name, employee=None):
            bank_account = Bank.create({"acc_number": number,
                                        "partner_id": Partner.create({"name": name}).id})
            if employee:
                employee.bank_account_id = bank_account
            return bank_account

        cls.own = account("6222000000000001", cls.emp_new.name, cls.emp_new)
        cls.colleague = account("6222000000000002", cls.emp_mid.name, cls.emp_mid)
        cls.other_unit = account("6222000000000003", cls.emp_tax.name, cls.emp_tax)
        cls.supplier = account("6222000000000009", "Uniform supplier")
        cls.accounts = cls.own | cls.colleague | cls.other_unit | cls.supplier
        cls.user_office = cls._aux_user("bank_office", "office", email=False)

    def visible(self, user):
        return self.env["res.partner.bank"].sudo(user).search(
            [("id", "in", self.accounts.ids)])

    def test_own_and_non_salary_accounts_only(self):
        self.assertEqual(self.visible(self.user_self), self.own | self.supplier)
        # a unit leader does not read the accounts of his unit either
        self.assertEqual(self.visible(self.user_leader_a), self.supplier)
        for user in (self.user_self, self.user_leader_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.colleague.sudo(user).read(["acc_number"])
        self.assertFalse(self.env["res.partner.bank"].sudo(self.user_self).search_count(
            [("acc_number", "like", "6222%"), ("id", "=", self.other_unit.id)]))

    def test_hr_officers_and_finance_read_them(self):
        for user in (self.user_office, self.user_officer, self.user_finance):
            with self.subTest(user=user.login):
                self.assertEqual(self.visible(user), self.accounts)
