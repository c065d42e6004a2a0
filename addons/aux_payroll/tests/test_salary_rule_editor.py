# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Only the Salary Rule Editor group changes the payroll configuration
(security review: rule code runs in safe_eval with the payslip's
environment, and the guard on rule code was bypassed by ``create`` with a
``default_amount_python_compute`` context key, ``copy``, the structure's
``rule_ids`` commands, structure ``copy``, ``hr.rule.input``, and the stock
access lines hr_payroll gives its payroll users, which every payroll officer
and finance user has)."""
from odoo.exceptions import AccessError

from .common import AuxPayrollCase

CONFIG_MODELS = ("hr.salary.rule", "hr.rule.input", "hr.payroll.structure",
                 "hr.salary.rule.category", "hr.contribution.register")
CODE = "result = 1000000"


class TestSalaryRuleEditor(AuxPayrollCase):

    @classmethod
    def setUpClass(cls):
        super(TestSalaryRuleEditor, cls).setUpClass()
        cls.rule = cls.env.ref("aux_payroll.aux_rule_basic")
        cls.category = cls.rule.category_id
        cls.input = cls.env["hr.rule.input"].create(
            {"name": "Test input", "code": "TEST_IN", "input_id": cls.rule.id})
        cls.register = cls.env["hr.contribution.register"].create({"name": "Test register"})
        # every role below the editor, the stock payroll manager included
        cls.others = (cls.user_officer, cls.user_finance, cls.user_payroll_manager,
                      cls.user_self, cls.user_leader_a)
        cls.payroll_users = (cls.user_officer, cls.user_finance, cls.user_payroll_manager)

    def new_rule_vals(self, **values):
        return dict({"name": "Forged", "code": "FORGED", "category_id": self.category.id,
                     "amount_select": "code", "amount_python_compute": CODE,
                     "sequence": 1}, **values)

    def refused(self, user, **labels):
        return self.subTest(user=user.login, **labels)

    def test_payroll_roles_imply_the_stock_payroll_user(self):
        """Why the stock access lines matter: every payroll officer (and so
        finance and the editor) is a stock payroll user."""
        stock = self.env.ref("hr_payroll.group_hr_payroll_user")
        for user in self.payroll_users + (self.user_editor,):
            self.assertIn(stock, user.groups_id)

    def test_access_lines_read_only_below_the_editor(self):
        for model in CONFIG_MODELS:
            Model = self.env[model]
            for user in self.payroll_users:
                with self.refused(user, model=model):
                    self.assertTrue(Model.sudo(user).check_access_rights(
                        "read", raise_exception=False))
                    for mode in ("write", "create", "unlink"):
                        self.assertFalse(Model.sudo(user).check_access_rights(
                            mode, raise_exception=False), mode)
            for mode in ("read", "write", "create", "unlink"):
                self.assertTrue(Model.sudo(self.user_editor).check_access_rights(
                    mode, raise_exception=False), (model, mode))

    def test_guard_refuses_even_with_the_stock_access_lines_back(self):
        """Were hr_payroll's lines set back to read/write/create/delete (e.g.
        by an update of hr_payroll alone), the server-side guard still
        refuses every path."""
        for xmlid in ("access_hr_salary_rule_user", "access_hr_rule_input_officer",
                      "access_hr_payroll_structure", "access_hr_salary_rule_category",
                      "access_hr_contribution_register"):
            self.env.ref("hr_payroll." + xmlid).write({
                "perm_write": True, "perm_create": True, "perm_unlink": True})
        for user in self.payroll_users:
            self.assertTrue(self.env["hr.salary.rule"].sudo(user).check_access_rights(
                "create", raise_exception=False))
            self.check_every_path_refused(user)

    def test_every_path_refused(self):
        for user in self.others:
            self.check_every_path_refused(user)

    def check_every_path_refused(self, user):
        Rule = self.env["hr.salary.rule"].sudo(user)
        Structure = self.env["hr.payroll.structure"].sudo(user)
        structure = self.structure.sudo(user)
        forged_context = {"default_amount_select": "code",
                          "default_amount_python_compute": CODE,
                          "default_condition_select": "python",
                          "default_condition_python": "result = True"}
        attempts = [
            ("create rule", lambda: Rule.create(self.new_rule_vals())),
            ("create rule with default_ code in context", lambda: Rule.with_context(
                **forged_context).create({"name": "Forged", "code": "FORGED",
                                          "category_id": self.category.id})),
            ("name_create rule with default_ context",
             lambda: Rule.with_context(default_category_id=self.category.id,
                                       default_code="FORGED",
                                       **forged_context).name_create("Forged")),
            ("copy rule", lambda: self.rule.sudo(user).copy()),
            ("copy rule with new code", lambda: self.rule.sudo(user).copy(
                {"amount_python_compute": CODE})),
            ("write rule code", lambda: self.rule.sudo(user).write(
                {"amount_python_compute": CODE})),
            ("write rule condition", lambda: self.rule.sudo(user).write(
                {"condition_select": "python", "condition_python": "result = False"})),
            ("write rule account", lambda: self.rule.sudo(user).write(
                {"account_debit": False, "account_credit": False})),
            ("write rule name", lambda: self.rule.sudo(user).write({"name": "Renamed"})),
            ("unlink rule", lambda: self.rule.sudo(user).unlink()),
            ("rule child_ids create", lambda: self.rule.sudo(user).write(
                {"child_ids": [(0, 0, self.new_rule_vals())]})),
            ("rule input_ids create", lambda: self.rule.sudo(user).write(
                {"input_ids": [(0, 0, {"name": "X", "code": "X"})]})),
            ("create rule input", lambda: self.env["hr.rule.input"].sudo(user).create(
                {"name": "X", "code": "X", "input_id": self.rule.id})),
            ("write rule input", lambda: self.input.sudo(user).write({"code": "PERF_COEF"})),
            ("unlink rule input", lambda: self.input.sudo(user).unlink()),
            ("structure rule_ids create", lambda: structure.write(
                {"rule_ids": [(0, 0, self.new_rule_vals())]})),
            ("structure rule_ids update", lambda: structure.write(
                {"rule_ids": [(1, self.rule.id, {"amount_python_compute": CODE})]})),
            ("structure rule_ids link", lambda: structure.write(
                {"rule_ids": [(4, self.env.ref("hr_payroll.hr_rule_basic").id)]})),
            ("structure rule_ids unlink", lambda: structure.write(
                {"rule_ids": [(3, self.rule.id)]})),
            ("structure children create", lambda: structure.write({"children_ids": [
                (0, 0, {"name": "Forged", "code": "FORGED",
                        "rule_ids": [(0, 0, self.new_rule_vals())]})]})),
            ("create structure", lambda: Structure.create({
                "name": "Forged", "code": "FORGED",
                "rule_ids": [(0, 0, self.new_rule_vals())]})),
            ("copy structure", lambda: structure.copy()),
            ("unlink structure", lambda: structure.unlink()),
            ("create category", lambda: self.env["hr.salary.rule.category"].sudo(
                user).create({"name": "Forged", "code": "FORGED"})),
            ("category children create", lambda: self.category.sudo(user).write(
                {"children_ids": [(0, 0, {"name": "Forged", "code": "FORGED"})]})),
            ("write category code", lambda: self.category.sudo(user).write(
                {"code": "GROSS"})),
            ("copy category", lambda: self.category.sudo(user).copy()),
            ("write register partner", lambda: self.register.sudo(user).write(
                {"partner_id": user.partner_id.id})),
            ("create register", lambda: self.env["hr.contribution.register"].sudo(
                user).create({"name": "Forged"})),
        ]
        before = self.rule.read(["amount_python_compute", "name", "child_ids",
                                 "input_ids"])[0]
        rules = self.env["hr.salary.rule"].search_count([])
        for label, attempt in attempts:
            with self.refused(user, path=label), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                attempt()
        # import (load) of a rule with code, new or over an existing one
        category = str(self.category.id)
        for row in (["__import__.forged_rule", "Forged", "FORGED", category, "code", CODE],
                    ["aux_payroll.aux_rule_basic", "Base pay", "BASIC", category, "code",
                     CODE]):
            with self.refused(user, path="load %s" % row[0]), self.env.cr.savepoint():
                result = self.env["hr.salary.rule"].sudo(user).load(
                    ["id", "name", "code", "category_id/.id", "amount_select",
                     "amount_python_compute"], [row])
                self.assertFalse(result["ids"])
                self.assertTrue(result["messages"])
        self.assertEqual(self.rule.read(["amount_python_compute", "name", "child_ids",
                                         "input_ids"])[0], before)
        self.assertEqual(self.env["hr.salary.rule"].search_count([]), rules)

    def test_editor_does_all_of_it(self):
        editor = self.user_editor
        Rule = self.env["hr.salary.rule"].sudo(editor)
        rule = Rule.create(self.new_rule_vals(code="EDITED"))
        copy = rule.copy()
        rule.write({"amount_python_compute": "result = 1", "name": "Edited",
                    "input_ids": [(0, 0, {"name": "X", "code": "X_EDITED"})]})
        structure = self.structure.sudo(editor).copy()
        structure.write({"rule_ids": [(4, rule.id), (0, 0, self.new_rule_vals(
            code="EDITED2"))]})
        self.env["hr.salary.rule.category"].sudo(editor).create(
            {"name": "Edited", "code": "EDITED"})
        self.register.sudo(editor).write({"partner_id": editor.partner_id.id})
        result = Rule.load(["id", "name", "code", "category_id/.id", "amount_select",
                            "amount_python_compute"],
                           [["__import__.edited_rule", "Imported", "IMPORTED",
                             str(self.category.id), "code", "result = 2"]])
        self.assertTrue(result["ids"], result["messages"])
        (copy | structure.rule_ids.filtered(lambda r: r.code == "EDITED2")).unlink()
        self.assertEqual(rule.amount_python_compute, "result = 1")

    def test_payroll_officer_still_computes_and_corrects_payslips(self):
        """The guard covers the configuration, not the payslip lines (which
        inherit the fields of salary rules): officers compute payslips and
        correct a line of a draft payslip."""
        slip = self.slip(self.emp_new)
        slip.sudo(self.user_officer).compute_sheet()
        line = slip.line_ids[:1].sudo(self.user_officer)
        line.write({"name": "Corrected"})
        self.assertEqual(line.name, "Corrected")
