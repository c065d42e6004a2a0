# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The whole demo bureau, small (2 brigades of 2 squadrons): every part made
in order, each reading what the parts before it made, and made once."""
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from odoo.addons.aux_personnel.models.hr_employee import parse_resident_id

SIZE = {"brigade_count": 2, "squadron_count": 2, "auxiliaries": 6, "sworn": 2}
LOGINS = ("aux_manager", "aux_office", "aux_officer", "aux_leader", "aux_self", "aux_training",
          "aux_welfare", "aux_finance", "aux_boss")


def counts(env, bureau):
    """How many records of each kind the demo bureau has."""
    people = env["hr.employee"].with_context(active_test=False).search(
        [("department_id", "child_of", bureau.id)])
    mine = [("employee_id", "in", people.ids)]
    return {
        "people": len(people),
        "units": env["hr.department"].search_count([("id", "child_of", bureau.id)]),
        "contracts": env["hr.contract"].search_count(mine),
        "grade lines": env["aux.grade.history"].search_count(mine),
        "posts": env["aux.post"].search_count([("department_id", "child_of", bureau.id)]),
        "sheets": env["aux.assessment.sheet"].search_count(mine),
        "events": env["aux.assessment.event"].search_count(mine),
        "enrolments": env["aux.training.enrolment"].search_count(mine),
        "life events": env["aux.life.event"].search_count(mine),
        "care payments": env["aux.care.payment"].search_count(mine),
        "rosters": env["aux.duty.roster"].search_count([("department_id", "child_of",
                                                          bureau.id)]),
        "punches": env["aux.duty.punch"].search_count(mine),
        "leaves": env["aux.leave.request"].search_count(mine),
        "runs": env["hr.payslip.run"].search_count([("aux_department_id", "=", bureau.id)]),
        "payslips": env["hr.payslip"].search_count(mine),
        "budgets": env["crossovered.budget"].search_count([]),
        "logins": env["res.users"].search_count([("login", "in", LOGINS)]),
    }


class TestDemoBureau(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDemoBureau, cls).setUpClass()
        env = cls.env
        env["aux.demo"]._generate(**SIZE)
        cls.bureau = env.ref("aux_demo.hr_department_bureau_demo")
        cls.units = env["hr.department"].search([("id", "child_of", cls.bureau.id)])
        cls.squadrons = cls.units.filtered(
            lambda u: u.parent_id and u.parent_id != cls.bureau)
        cls.people = env["hr.employee"].search([("department_id", "in", cls.units.ids)])
        cls.auxiliaries = cls.people.filtered("is_auxiliary")
        cls.today = fields.Date.context_today(env["aux.demo"])

    def test_people_in_every_unit_with_grades_and_contracts(self):
        self.assertEqual(len(self.squadrons), 4)
        for squadron in self.squadrons:
            people = self.people.filtered(lambda e, s=squadron: e.department_id == s)
            self.assertEqual(len(people.filtered("is_auxiliary")), 6, squadron.name)
            self.assertEqual(len(people - people.filtered("is_auxiliary")), 2, squadron.name)
        squadron_people = self.people.filtered(lambda e: e.department_id in self.squadrons)
        self.assertTrue(all(parse_resident_id(p.identification_id) for p in squadron_people))
        self.assertTrue(all(self.auxiliaries.mapped("aux_grade_id")))
        running = self.env["hr.contract"].search([
            ("employee_id", "in", self.auxiliaries.ids), ("state", "=", "open")])
        self.assertEqual(running.mapped("employee_id"), self.auxiliaries)
        self.assertEqual(running.mapped("struct_id"),
                         self.env.ref("aux_payroll.aux_salary_structure"))

    def test_a_year_of_assessment_in_the_first_brigade(self):
        brigade = self.env.ref("aux_demo.hr_department_brigade_1_demo")
        sheets = self.env["aux.assessment.sheet"].search([
            ("employee_id", "in", self.auxiliaries.ids), ("period_type", "=", "monthly")])
        self.assertEqual(sheets.mapped("employee_id.department_id.parent_id"), brigade)
        self.assertEqual(len(set(sheets.mapped("period_id"))), 12)
        self.assertIn("confirmed", sheets.mapped("state"))

    def test_twelve_payroll_runs_posted_but_this_month(self):
        runs = self.env["hr.payslip.run"].search(
            [("aux_department_id", "=", self.bureau.id)], order="date_start")
        self.assertEqual(len(runs), 12)
        self.assertEqual(runs[-1].date_start, self.today[:8] + "01")
        self.assertEqual(runs[-1].aux_state, "finance_ok", "this month waits for the leader")
        self.assertEqual(set(runs[:-1].mapped("aux_state")), {"posted"})
        self.assertTrue(all(runs[:-1].mapped("aux_move_id")))
        for run in runs:
            self.assertTrue(run.slip_ids, run.name)
        self.assertEqual(runs[-1].slip_ids.mapped("employee_id"), self.auxiliaries)
        budget = self.env.ref("aux_demo.crossovered_budget_%s_demo" % self.today[:4])
        self.assertEqual(budget.state, "validate")

    def test_training_care_and_duty_of_the_bureau(self):
        enrolled = self.env["aux.training.enrolment"].search(
            [("employee_id", "in", self.auxiliaries.ids)]).mapped("employee_id")
        self.assertEqual(enrolled, self.auxiliaries)
        events = self.env["aux.life.event"].search([("employee_id", "in", self.auxiliaries.ids)])
        self.assertTrue(events.filtered(lambda e: e.state == "closed"))
        paid = self.env["aux.care.payment"].search(
            [("employee_id", "in", self.auxiliaries.ids), ("state", "=", "paid")])
        self.assertTrue(paid)
        self.assertTrue(all(paid.mapped("analytic_line_id")),
                        "the paid care payments are charged to the care budget")
        brigade = self.env.ref("aux_demo.hr_department_brigade_1_demo")
        rosters = self.env["aux.duty.roster"].search([("department_id.parent_id", "=",
                                                       brigade.id)])
        self.assertEqual(len(rosters), 2 * 13)
        self.assertEqual(set(rosters.mapped("state")), {"published"})
        self.assertTrue(self.env["aux.duty.punch"].search_count(
            [("employee_id", "in", self.people.ids)]))

    def test_one_login_per_role(self):
        for login in LOGINS:
            self.assertTrue(self.env.ref("aux_demo.user_%s_demo" % login), login)

    def test_generating_again_adds_nothing(self):
        before = counts(self.env, self.bureau)
        self.assertTrue(all(before.values()), before)
        self.env["aux.demo"]._generate(**SIZE)
        self.assertEqual(counts(self.env, self.bureau), before)


class TestDemoNeedsTheChartOfAccounts(SavepointCase):

    def test_refused_while_a_chart_of_accounts_is_to_be_installed(self):
        """A chart installed after the demo would delete its journal and
        accounts (and refuse to install once its entries exist)."""
        chart = self.env["ir.module.module"].search([("name", "=like", "l10n_%"),
                                                     ("state", "=", "uninstalled")], limit=1)
        chart.state = "to install"
        with self.assertRaisesRegex(UserError, "chart of accounts"):
            self.env["aux.demo"]._generate(**SIZE)
        self.assertFalse(self.env.ref("aux_demo.hr_department_bureau_demo",
                                      raise_if_not_found=False))
