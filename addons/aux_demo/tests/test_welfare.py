# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_welfare.tests.common import AuxWelfareCase, days_from_today


class TestDemoWelfare(AuxWelfareCase):
    """The welfare part fills a year of care: family members, life events of
    every type confirmed with their visits (on time, late, overdue), talks of
    each trigger, care payments in each state with the paid ones charged to
    the care budget, the seasonal campaigns and the health checks."""

    @classmethod
    def setUpClass(cls):
        super(TestDemoWelfare, cls).setUpClass()
        env = cls.env
        cls.people = cls.emp_aux_a | cls.emp_aux_a2 | cls.emp_aux_b
        for index in range(12):
            unit = (cls.unit_a, cls.unit_a_sub, cls.unit_b)[index % 3]
            cls.people |= env["hr.employee"].create({
                "name": "W Demo Auxiliary %02d" % index, "department_id": unit.id,
                "is_auxiliary": True, "gender": "female" if index % 4 == 0 else "male",
                "birthday": days_from_today(-365 * (22 + 2 * index)),
                "entry_date": days_from_today(-200 * index - 30)})
        cls.expense = env["account.account"].create({
            "name": "Care expenses (test)", "code": "6699DT",
            "user_type_id": env.ref("account.data_account_type_expenses").id,
            "company_id": cls.company.id})
        cls.company.aux_care_expense_account_id = cls.expense
        cls.care_a = env["account.analytic.account"].create(
            {"name": "Care budget A", "company_id": cls.company.id})
        cls.unit_a.aux_care_analytic_account_id = cls.care_a
        cls.Demo = env["aux.demo.welfare"]

    def _search(self, model, domain=None):
        return self.env[model].search(
            [("employee_id", "in", self.people.ids)] + (domain or []))

    def test_a_year_of_care(self):
        events = self.Demo._generate(employees=self.people)
        self.Demo._demo_care_budget()
        self.assertTrue(40 <= len(events) <= 60, len(events))
        self.assertGreaterEqual(
            set(events.mapped("event_type_id.code")),
            {"illness", "injury", "bereavement", "marriage", "childbirth", "hardship"})
        self.assertEqual(set(events.mapped("reported_by")), {"self", "colleague", "unit"})
        self.assertEqual(set(events.mapped("state")),
                         {"draft", "confirmed", "closed", "cancelled"})
        self.assertTrue(events.filtered("family_member_id"), "events of family members")
        self.assertGreaterEqual(min(events.mapped("event_date")), days_from_today(-366))
        family = self._search("aux.family.member")
        self.assertGreaterEqual(set(family.mapped("relation")),
                                {"spouse", "child", "father", "mother"})
        self.assertGreater(len(family.mapped("employee_id")), len(self.people) // 2)

        # the must-visit rules made the visits
        visits = events.mapped("visit_ids")
        confirmed = events.filtered(lambda e: e.state in ("confirmed", "closed")
                                    and e.event_type_id.code != "other")
        self.assertEqual(visits.mapped("event_id"), confirmed)
        self.assertGreaterEqual(set(visits.mapped("timing")),
                                {"on_time", "late", "missing", "pending"})
        done = visits.filtered(lambda v: v.state == "done")
        self.assertGreater(len(done), len(visits) // 2, "most visits are made")
        self.assertTrue(all(done.mapped("summary")) and all(done.mapped("location"))
                        and all(done.mapped("participants")))
        overdue = visits.filtered(lambda v: v.state == "overdue")
        self.assertTrue(overdue and all(overdue.mapped("escalated")),
                        "the overdue cron flagged and escalated the late visits")
        todo = self.env["aux.welfare.todo"].search(
            [("employee_id", "in", self.people.ids)], limit=1)
        self.assertTrue(todo.is_overdue, "the to-do list shows the overdue first")

        talks = self._search("aux.talk")
        self.assertEqual(set(talks.mapped("trigger")),
                         {"event", "warning", "routine", "mentoring"})
        self.assertGreaterEqual(set(talks.mapped("state")),
                                {"suggested", "planned", "held", "closed"})
        closed = talks.filtered(lambda t: t.state == "closed")
        self.assertTrue(closed.mapped("followup_ids"))
        self.assertTrue(all(closed.mapped("followup_ids.done")))
        self.assertTrue(talks.filtered(lambda t: t.state == "held"
                                       and t.followup_open_count))
        self.assertTrue(talks.filtered(lambda t: t.state == "planned"
                                       and t.date_planned < days_from_today(0)))

        payments = self._search("aux.care.payment", [("event_id", "!=", False)])
        self.assertEqual(set(payments.mapped("state")),
                         {"draft", "unit", "office", "approved", "paid", "refused"})
        paid = self._search("aux.care.payment", [("state", "=", "paid")])
        self.assertTrue(paid.filtered("event_id") and paid.filtered("campaign_id"))
        self.assertTrue(all(paid.mapped("analytic_line_id")), "every paid one is charged")
        self.assertEqual(paid.mapped("analytic_line_id.general_account_id"), self.expense)
        self.assertIn(self.care_a, paid.mapped("analytic_account_id"))
        for payment in paid.filtered("event_id"):
            self.assertTrue(payment.unit_approver_id and payment.office_approver_id
                            and payment.leader_approver_id)
            self.assertEqual(payment.analytic_line_id.date, payment.paid_date)

        campaigns = paid.mapped("campaign_id")
        self.assertEqual(set(campaigns.mapped("campaign_type")), {"summer", "winter"})
        self.assertEqual(set(campaigns.mapped("state")), {"paid"})

        checks = self._search("aux.health.check")
        self.assertGreater(len(checks.mapped("employee_id")), len(self.people) // 2)
        due = self.people.filtered("aux_health_check_due")
        self.assertTrue(due and due != self.people, "some people are due, not all")

        counts = [len(self._search(model)) for model in (
            "aux.family.member", "aux.life.event", "aux.talk", "aux.care.payment",
            "aux.health.check")]
        self.assertFalse(self.Demo._generate(employees=self.people), "runs only once")
        self.assertEqual(counts, [len(self._search(model)) for model in (
            "aux.family.member", "aux.life.event", "aux.talk", "aux.care.payment",
            "aux.health.check")])

    def test_paid_payments_wait_for_the_care_budget(self):
        """The paid payments of the year wait for the care budget (in the
        demo, payroll's budget is made after the care); then the care
        expense account and the missing care analytic accounts are set and
        they are all charged."""
        self.company.aux_care_expense_account_id = False
        self.Demo._generate(employees=self.people)
        paid = self._search("aux.care.payment", [("state", "=", "paid")])
        self.assertTrue(paid)
        self.assertFalse(paid.mapped("analytic_line_id"))
        self.assertTrue(all(paid.mapped("budget_warning")))
        self.Demo._demo_care_budget()
        self.assertTrue(self.company.aux_care_expense_account_id)
        self.assertTrue(all(paid.mapped("analytic_line_id")))
        self.assertTrue(all(paid.mapped("analytic_account_id")),
                        "units without a care budget line got one")
