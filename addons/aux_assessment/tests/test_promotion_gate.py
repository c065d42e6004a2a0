# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The promotion gate (issue 12): *Due for Seniority Promotion* and the
promote wizard look at the annual results and the sanctions too, with the
reasons shown, by the assessment rules of the person's unit."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .test_discipline import DisciplineCase


class TestPromotionGate(DisciplineCase):

    @classmethod
    def setUpClass(cls):
        super(TestPromotionGate, cls).setUpClass()
        env = cls.env
        cls.Employee = env["hr.employee"]
        cls.today = fields.Date.context_today(env.user)
        cls.Y = int(cls.today[:4])
        cls.l7 = env.ref("aux_personnel.aux_grade_l7")
        cls.l6 = env.ref("aux_personnel.aux_grade_l6")
        # unit B promotes after one year at least 'basically competent'
        cls.rule_b = cls.rule.copy({"name": "Brigade B rules", "department_id": cls.unit_b.id,
                                    "promotion_years": 1,
                                    "promotion_band_id": cls.band_basic.id})
        cls.people = cls.emp_a | cls.emp_a2 | cls.emp_a3 | cls.emp_a4 | cls.emp_b
        # level 7 since four years: due for level 6 (3 years) by seniority
        for employee in cls.people:
            env["aux.grade.history"].create({
                "employee_id": employee.id, "grade_id": cls.l7.id,
                "date_from": "%d-01-01" % (cls.Y - 4), "reason": "seniority"})
        Y = cls.Y
        cls.results({
            cls.emp_a: {Y - 3: 80, Y - 2: 85, Y - 1: 78},
            cls.emp_a2: {Y - 3: 80, Y - 2: 65, Y - 1: 80},
            cls.emp_a3: {Y - 3: 80, Y - 1: 80},
            cls.emp_a4: {Y - 2: 50, Y - 1: 65},
            cls.emp_b: {Y - 2: 50, Y - 1: 65},
        })

    @classmethod
    def results(cls, scores):
        Period = cls.env["aux.assessment.period"]
        for year in sorted({y for by_year in scores.values() for y in by_year}):
            period = Period._create_year(year).filtered(lambda p: p.period_type == "annual")
            people = cls.Employee.browse([e.id for e in scores if year in scores[e]])
            sheets = cls.Sheet._generate(period, people)
            for sheet in sheets:
                score = scores[sheet.employee_id][year]
                trust(sheet).write({"period_score": score, "evaluation_score": score})
            cls.confirm(sheets)

    def blockers(self, employees, date=None):
        return self.Employee._aux_promotion_blockers(employees, date or self.today)

    def test_seniority_list_gated_by_results_with_reasons(self):
        Y = self.Y
        due = self.Employee.search([("aux_promotion_due", "=", True),
                                    ("id", "in", self.people.ids)])
        self.assertEqual(due, self.emp_a | self.emp_b)
        blockers = self.blockers(self.people)
        self.assertEqual(blockers[self.emp_a2.id], [
            "Annual result %d: Basically Competent, below Competent (Bureau assessment "
            "rules)" % (Y - 2)])
        self.assertEqual(blockers[self.emp_a3.id], [
            "No confirmed annual result for %d (Bureau assessment rules)" % (Y - 2)])
        self.assertEqual(blockers[self.emp_a4.id], [
            "No confirmed annual result for %d (Bureau assessment rules)" % (Y - 3),
            "Annual result %d: Incompetent, below Competent (Bureau assessment rules)"
            % (Y - 2),
            "Annual result %d: Basically Competent, below Competent (Bureau assessment "
            "rules)" % (Y - 1)])
        self.assertNotIn(self.emp_b.id, blockers, "unit B: one year at least basic")
        leader = self.emp_a2.sudo(self.user_leader)
        self.assertTrue(leader.aux_promotion_blocked)
        self.assertIn("Basically Competent", leader.aux_promotion_block_reason)
        self.assertIn(self.emp_a2, self.Employee.sudo(self.user_office).search(
            [("aux_promotion_blocked", "=", True)]))

    def test_unit_rule_is_data(self):
        """The same results in unit A block; moving unit B's rule to the
        bureau's thresholds blocks there too."""
        self.rule_b.write({"promotion_years": 2, "promotion_band_id": self.band_competent.id})
        self.assertIn(self.emp_b.id, self.blockers(self.emp_b))
        self.rule_b.promotion_years = 1
        self.rule_b.promotion_band_id = self.band_basic
        self.assertNotIn(self.emp_b.id, self.blockers(self.emp_b))

    def test_sanction_in_force_and_veto_block(self):
        Y = self.Y
        decided = fields.Date.to_string(
            fields.Date.from_string(self.today) - relativedelta(days=30))
        case = self.decide(self.case(self.emp_a, self.demerit, decided), decided,
                           ref="Decision %d-12" % Y)
        until = fields.Date.to_string(fields.Date.from_string(decided)
                                      + relativedelta(months=12, days=-1))
        self.assertEqual(self.blockers(self.emp_a)[self.emp_a.id], [
            "Sanction Demerit (Decision %d-12 of %s) in force until %s" % (Y, decided, until)])
        self.assertFalse(self.emp_a.aux_promotion_due)
        case.sudo(self.user_manager)._revoke("appeal")
        self.emp_a.invalidate_cache()
        self.assertTrue(self.emp_a.aux_promotion_due)
        # a veto this year: no annual result yet counts it, so it blocks itself
        self.event(self.emp_b, self.type_veto, self.today)
        reasons = self.blockers(self.emp_b)[self.emp_b.id]
        self.assertIn("Veto item Drinking on duty on %s" % self.today, reasons)
        self.assertTrue(any("pending" in reason for reason in reasons), "its mandatory case")

    def test_wizard_refuses_blocked_people_with_reasons(self):
        Promote = self.env["aux.grade.promote"].sudo(self.user_office)
        wizard = Promote.with_context(active_model="hr.employee",
                                      active_ids=(self.emp_a | self.emp_a2).ids).create({
            "decision_ref": "Promotion decision", "reason": "seniority",
            "date": self.today})
        self.assertEqual(wizard.line_ids.mapped("new_grade_id"), self.l6)
        line = wizard.line_ids.filtered(lambda ln: ln.employee_id == self.emp_a2)
        self.assertIn("Basically Competent", line.block_reason)
        with self.assertRaisesRegex(UserError, "Aux A Bravo is not promoted: Annual result"):
            wizard.action_apply()
        self.assertEqual((self.emp_a | self.emp_a2).mapped("aux_grade_id"), self.l7,
                         "nothing promoted")
        line.unlink()
        wizard.action_apply()
        self.emp_a.invalidate_cache()
        self.assertEqual(self.emp_a.aux_grade_id, self.l6)

    def test_self_service_does_not_read_the_reasons(self):
        with self.assertRaises(AccessError):
            self.emp_a.sudo(self.user_self).read(["aux_promotion_block_reason"])
