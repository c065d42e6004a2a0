"""A bureau with two district branches as companies (issue 14, item 5).

The bureau is the parent company of branches A and B.  A user of a branch
sees the people of the branch and what belongs to them (files, assessment
sheets, training records, care tasks, duty rosters, leave), not the other
branch's; a bureau user sees both branches.  A record of a person belongs to
the person's company whoever creates it; other records to the company of the
user who creates them.  Figures that depend on a company setting (the notice
period of expiring contracts, the health check interval) follow the record's
company, not the user's."""
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError

from odoo.addons.aux_personnel.tests.common import AuxBureauCase


class TestBureauWithBranches(AuxBureauCase):

    _aux_tree = False
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(TestBureauWithBranches, cls).setUpClass()
        env = cls.env
        Company = env["res.company"]
        cls.bureau = Company.create({"name": "MC City Bureau"})
        cls.branch_a = Company.create({"name": "MC District A", "parent_id": cls.bureau.id})
        cls.branch_b = Company.create({"name": "MC District B", "parent_id": cls.bureau.id})
        cls.unit_a = cls._aux_unit("MC Brigade A", company_id=cls.branch_a.id)
        cls.unit_b = cls._aux_unit("MC Brigade B", company_id=cls.branch_b.id)

        def officer(login, company, companies):
            return cls._aux_user(
                login, "manager", "aux_training.group_aux_training_officer",
                "aux_welfare.group_aux_welfare_officer",
                company_id=company.id, company_ids=[(6, 0, companies.ids)])
        cls.officer_a = officer("mc_officer_a", cls.branch_a, cls.branch_a)
        cls.officer_b = officer("mc_officer_b", cls.branch_b, cls.branch_b)
        cls.officer_bureau = officer("mc_officer_bureau", cls.bureau,
                                     cls.bureau | cls.branch_a | cls.branch_b)

        def person(name, unit, company):
            return cls._aux_person(name, unit, company_id=company.id)
        cls.emp_a = person("MC Aux A", cls.unit_a, cls.branch_a)
        cls.emp_b = person("MC Aux B", cls.unit_b, cls.branch_b)

        # branch B's own must-visit rule (rules are per company)
        cls.env.ref("aux_welfare.visit_rule_illness_unit").copy({
            "company_id": cls.branch_b.id, "payment_applies": False})

        # what the bureau and branch B record for the person of B
        periods = env["aux.assessment.period"]._create_year(2012)
        march = periods.filtered(lambda p: p.name == "2012-03")
        cls.sheet_b = env["aux.assessment.sheet"]._generate(march, cls.emp_b)
        course = env["aux.training.course"].create({
            "name": "MC road duty", "hours": 4, "score_max": 50, "pass_mark": 30,
            "category_id": env.ref("aux_training.aux_training_category_periodic").id})
        session = env["aux.training.session"].create({
            "course_id": course.id, "date_start": "2026-03-02 01:00:00",
            "date_end": "2026-03-02 05:00:00"})
        cls.enrolment_b = env["aux.training.enrolment"].sudo(cls.officer_b).create({
            "session_id": session.id, "employee_id": cls.emp_b.id})
        cls.event_b = env["aux.life.event"].sudo(cls.officer_bureau).create({
            "employee_id": cls.emp_b.id,
            "event_type_id": env.ref("aux_welfare.event_type_illness").id,
            "event_date": "2026-03-02"})
        cls.event_b.action_confirm()
        cls.visit_b = cls.event_b.sudo().visit_ids
        cls.check_b = env["aux.health.check"].sudo(cls.officer_b).create({
            "employee_id": cls.emp_b.id, "check_date": "2026-03-02"})
        cls.roster_b = env["aux.duty.roster"].sudo(cls.officer_b).create({
            "department_id": cls.unit_b.id, "date_from": "2026-03-01"})
        cls.contract_b = env["hr.contract"].sudo(cls.officer_bureau).create({
            "name": "MC contract B", "employee_id": cls.emp_b.id, "wage": 3000,
            "date_start": "2026-01-01"})

    def _b_records(self):
        return [self.emp_b, self.sheet_b, self.enrolment_b, self.event_b, self.visit_b,
                self.check_b, self.roster_b, self.contract_b]

    def test_records_of_a_person_belong_to_the_persons_company(self):
        self.assertTrue(self.visit_b, "branch B's rule made the visit task")
        for record in (self.event_b, self.visit_b, self.check_b, self.roster_b,
                       self.contract_b):
            self.assertEqual(record.company_id, self.branch_b,
                             "%s of a person of B belongs to B" % record._name)

    def test_a_branch_does_not_see_the_other_branch(self):
        for record in self._b_records():
            as_a = record.sudo(self.officer_a)
            self.assertFalse(as_a.search([("id", "=", record.id)]),
                             "%s of B is not listed for A" % record._name)
            with self.assertRaises(AccessError, msg="%s of B read by A" % record._name):
                as_a.read(["display_name"])
            self.assertEqual(record.sudo(self.officer_b).search([("id", "=", record.id)]),
                             record, "%s of B is listed for B" % record._name)
        self.assertFalse(self.env["aux.welfare.todo"].sudo(self.officer_a).search(
            [("employee_id", "=", self.emp_b.id)]), "A's to-do list has none of B's tasks")
        self.assertFalse(self.env["aux.team.composition.report"].sudo(self.officer_a).search(
            [("employee_id", "=", self.emp_b.id)]), "nor B's people in the team composition")

    def test_the_bureau_sees_both_branches(self):
        Employee = self.env["hr.employee"].sudo(self.officer_bureau)
        self.assertEqual(Employee.search([("id", "in", (self.emp_a | self.emp_b).ids)]),
                         self.emp_a | self.emp_b)
        for record in self._b_records():
            self.assertEqual(record.sudo(self.officer_bureau).search([("id", "=", record.id)]),
                             record, "%s of B is listed for the bureau" % record._name)

    def test_records_created_by_a_branch_user_get_the_branch(self):
        shift = self.env["aux.duty.shift"].sudo(self.officer_b).create({
            "name": "MC shift", "code": "MC"})
        self.assertEqual(shift.company_id, self.branch_b)
        rule = self.env["aux.visit.rule"].sudo(self.officer_bureau).create({
            "name": "MC bureau rule", "days": 3,
            "event_type_id": self.env.ref("aux_welfare.event_type_marriage").id})
        self.assertEqual(rule.company_id, self.bureau)
        self.assertFalse(rule.sudo(self.officer_b).search([("id", "=", rule.id)]),
                         "a branch does not see the bureau's own configuration")

    def test_contract_expiry_follows_the_contracts_company(self):
        self.branch_a.aux_contract_notice_days = 60
        self.branch_b.aux_contract_notice_days = 10
        self.bureau.aux_contract_notice_days = 60
        in_30_days = fields.Date.to_string(date.today() + timedelta(days=30))
        Contract = self.env["hr.contract"].sudo(self.officer_bureau)
        contract_a = Contract.create({"name": "MC contract A", "employee_id": self.emp_a.id,
                                      "wage": 3000, "date_start": "2026-01-01",
                                      "date_end": in_30_days, "state": "open"})
        self.contract_b.write({"date_end": in_30_days, "state": "open"})
        both = contract_a | self.contract_b.sudo(self.officer_bureau)
        self.assertEqual(contract_a.company_id, self.branch_a)
        self.assertEqual(both.filtered("aux_is_expiring"), contract_a,
                         "30 days left: within A's 60 days' notice, not within B's 10")
        self.assertEqual(Contract.search([("id", "in", both.ids),
                                          ("aux_is_expiring", "=", True)]), contract_a)

    def test_health_check_interval_follows_the_persons_company(self):
        self.branch_a.aux_health_check_interval = 12
        self.branch_b.aux_health_check_interval = 0
        self.bureau.aux_health_check_interval = 0
        people = (self.emp_a | self.emp_b).sudo(self.officer_bureau)
        self.assertEqual(people.filtered("aux_health_check_due"), self.emp_a,
                         "A checks every 12 months (A never checked), B not at all")
        self.assertEqual(people.search([("id", "in", people.ids),
                                        ("aux_health_check_due", "=", True)]), self.emp_a)
