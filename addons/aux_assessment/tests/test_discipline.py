# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Discipline cases (issue 12): sanction types as data, the approval unit ->
office, the mandatory case a confirmed veto opens, who may do what."""
from odoo.exceptions import AccessError, UserError

from .common import YEAR, AssessmentCase


class DisciplineCase(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super(DisciplineCase, cls).setUpClass()
        ref = cls.env.ref
        cls.Case = cls.env["aux.discipline.case"]
        cls.demerit = ref("aux_assessment.sanction_type_demerit")
        cls.dismissal = ref("aux_assessment.sanction_type_dismissal")
        cls.criticism = ref("aux_assessment.sanction_type_criticism")
        cls.referral = ref("aux_assessment.sanction_type_referral")

    def case(self, employee, stype, violation, user=None, **vals):
        values = {"employee_id": employee.id, "sanction_type_id": stype.id,
                  "violation_date": violation, "facts": "Facts of the case"}
        values.update(vals)
        return self.Case.sudo(user or self.user_leader).create(values)

    def decide(self, case, decision_date, ref="Decision 7", user=None, submitter=None):
        """Submitted by the unit leader, decided and confirmed by the office."""
        if case.state == "draft":
            case.sudo(submitter or self.user_leader).action_submit()
        case = case.sudo(user or self.user_office)
        case.write({"decision_ref": ref, "decision_date": decision_date})
        case.action_confirm()
        return case.with_env(self.env)


class TestDisciplineCase(DisciplineCase):

    def test_sanction_types_shipped_as_data(self):
        codes = set(self.env["aux.sanction.type"].search([]).mapped("code"))
        self.assertLessEqual({"CRITICISM", "CIRCULATED", "YELLOW_CARD", "DEMERIT",
                              "DISMISSAL", "REFERRAL"}, codes)
        self.assertEqual(self.dismissal.renewal_effect, "not_renew")
        self.assertEqual(self.demerit.validity_months, 12)
        self.assertTrue(self.demerit.blocks_promotion)
        self.assertFalse(self.criticism.blocks_promotion)

    def test_unit_submits_office_confirms_with_period_of_effect(self):
        """Demerit decided on 2011-03-15, 12 months in force: until 2012-03-14."""
        case = self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR)
        self.assertEqual(case.state, "draft")
        self.assertTrue(case.name.startswith("DC"))
        with self.assertRaises(AccessError):
            case.sudo(self.user_leader).action_confirm()
        case.sudo(self.user_leader).action_submit()
        self.assertEqual((case.state, case.submit_user_id), ("submitted", self.user_leader))
        with self.assertRaisesRegex(UserError, "Decision"):
            case.sudo(self.user_office).action_confirm()
        case = self.decide(case, "%s-03-15" % YEAR)
        self.assertEqual(case.state, "confirmed")
        self.assertEqual(case.confirm_user_id, self.user_office)
        self.assertEqual((case.date_from, case.date_to),
                         ("%s-03-15" % YEAR, "%s-03-14" % (YEAR + 1)))
        self.assertIn(case, self.Case.search([("in_force", "=", False)]),
                      "in force until %s-03-14, long past" % (YEAR + 1))
        self.assertEqual(self.Case._aux_promotion_blockers(self.emp_a, "%s-06-30" % YEAR),
                         {self.emp_a.id: [
                             "Sanction Demerit (Decision 7 of %s-03-15) in force until "
                             "%s-03-14" % (YEAR, YEAR + 1)]})
        self.assertFalse(self.Case._aux_promotion_blockers(self.emp_a, "%s-03-15" % (YEAR + 1)))
        with self.assertRaises(UserError):
            case.sudo(self.user_office).write({"decision_ref": "changed"})

    def test_decision_before_violation_refused(self):
        case = self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR)
        case.sudo(self.user_leader).action_submit()
        with self.assertRaisesRegex(Exception, "before the violation"):
            case.sudo(self.user_office).write({"decision_date": "%s-02-01" % YEAR})

    def test_unit_leader_keeps_to_his_unit_and_to_drafts(self):
        with self.assertRaises(AccessError):
            self.case(self.emp_b, self.demerit, "%s-03-01" % YEAR)
        case = self.case(self.emp_a1, self.demerit, "%s-03-01" % YEAR)  # sub-unit
        case.sudo(self.user_leader).action_submit()
        with self.assertRaises((AccessError, UserError)):
            case.sudo(self.user_leader).write({"facts": "rewritten after submission"})
        other = self.case(self.emp_b, self.demerit, "%s-03-01" % YEAR, user=self.user_office)
        self.assertNotIn(other, self.Case.sudo(self.user_leader).search([]))

    def test_self_service_reads_own_confirmed_sanctions_only(self):
        pending = self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR)
        decided = self.decide(self.case(self.emp_a, self.criticism, "%s-04-01" % YEAR),
                              "%s-04-10" % YEAR)
        other = self.decide(self.case(self.emp_b, self.criticism, "%s-04-01" % YEAR,
                                      user=self.user_office), "%s-04-10" % YEAR,
                            submitter=self.user_office)
        seen = self.Case.sudo(self.user_self).search([])
        self.assertIn(decided, seen)
        self.assertNotIn(pending, seen)
        self.assertNotIn(other, seen)
        with self.assertRaises(AccessError):
            self.Case.sudo(self.user_self).create({
                "employee_id": self.emp_a.id, "violation_date": "%s-03-01" % YEAR})

    def test_nobody_submits_or_confirms_his_own_case(self):
        self.emp_a.user_id = self.user_office
        case = self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR, user=self.user_office)
        with self.assertRaisesRegex(AccessError, "concerns you"):
            case.sudo(self.user_office).action_submit()

    def test_revoke_is_a_managers_with_reason(self):
        case = self.decide(self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR),
                           "%s-03-15" % YEAR)
        with self.assertRaises(AccessError):
            case.sudo(self.user_office)._revoke("appeal")
        with self.assertRaisesRegex(UserError, "reason"):
            case.sudo(self.user_manager)._revoke(" ")
        case.sudo(self.user_manager)._revoke("Appeal upheld by the bureau")
        self.assertEqual(case.state, "revoked")
        self.assertEqual(case.revoke_user_id, self.user_manager)
        self.assertFalse(self.Case._aux_promotion_blockers(self.emp_a, "%s-06-30" % YEAR))

    def test_workflow_fields_are_the_servers(self):
        with self.assertRaises(AccessError):
            self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR, mandatory=True)
        case = self.case(self.emp_a, self.demerit, "%s-03-01" % YEAR)
        for vals in ({"state": "confirmed"}, {"department_id": self.unit_b.id},
                     {"renewal_effect": "none"}, {"event_id": False, "mandatory": True}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                case.sudo(self.user_leader).write(vals)
        self.assertEqual(self.emp_a.department_id, self.unit_a)
        self.assertEqual(self.demerit.renewal_effect, "review")


class TestVetoOpensCase(DisciplineCase):

    def test_new_veto_types_shipped(self):
        vetoes = self.env["aux.assessment.event.type"].search([("is_veto", "=", True)])
        self.assertLessEqual({"VETO_CORPORAL", "VETO_EXTORTION"}, set(vetoes.mapped("code")))
        self.assertFalse(vetoes.filtered(lambda t: not t.sanction_type_id),
                         "every veto item proposes a sanction")

    def test_confirmed_veto_opens_a_mandatory_case(self):
        embezzle = self.env.ref("aux_assessment.event_type_veto_embezzle")
        event = self.event(self.emp_a, embezzle, "%s-05-20" % YEAR, state="draft",
                           description="Kept a seized phone")
        self.assertFalse(self.Case.search([("event_id", "=", event.id)]), "draft: no case")
        event.sudo(self.user_office).action_confirm()
        case = self.Case.search([("event_id", "=", event.id)])
        self.assertEqual(len(case), 1)
        self.assertTrue(case.mandatory)
        self.assertEqual((case.employee_id, case.violation_date, case.sanction_type_id, case.state),
                         (self.emp_a, "%s-05-20" % YEAR, self.referral, "draft"))
        self.assertIn("Kept a seized phone", case.facts)
        # the unit cannot make it go away
        with self.assertRaisesRegex(UserError, "veto stands"):
            case.sudo(self.user_leader).action_cancel()
        with self.assertRaisesRegex(UserError, "mandatory"):
            case.sudo(self.user_leader).unlink()
        self.assertEqual(
            self.Case._aux_promotion_blockers(self.emp_a, "%s-06-30" % YEAR)[self.emp_a.id],
            ["Discipline case %s pending (violation of %s-05-20)" % (case.name, YEAR)])
        # the office revokes the veto: the open case goes with it
        event.sudo(self.user_office).action_cancel()
        self.assertEqual(case.state, "cancelled")
        self.assertFalse(self.Case._aux_promotion_blockers(self.emp_a, "%s-06-30" % YEAR))

    def test_confirmed_case_stays_when_the_veto_is_revoked(self):
        event = self.event(self.emp_a, self.type_veto, "%s-05-20" % YEAR)
        case = self.Case.search([("event_id", "=", event.id)])
        self.assertEqual(case.sanction_type_id, self.demerit, "drinking on duty: demerit")
        self.decide(case, "%s-06-01" % YEAR)
        event.sudo(self.user_office).action_cancel()
        self.assertEqual(case.state, "confirmed", "a manager decides about the sanction")
        self.assertIn("revoked", case.message_ids[0].body)

    def test_one_case_per_veto(self):
        event = self.event(self.emp_a, self.type_veto, "%s-05-20" % YEAR)
        self.Case._aux_open_for_vetoes(event)
        self.assertEqual(self.Case.search_count([("event_id", "=", event.id)]), 1)


class TestDisciplineInPack(DisciplineCase):

    def test_discipline_section_of_the_monthly_pack(self):
        """March: a veto in A (its mandatory case pending), a demerit decided
        in A1 and one in B; in force on 31 March: the two demerits."""
        import xlrd
        self.event(self.emp_a, self.type_veto, "%s-03-05" % YEAR)
        self.decide(self.case(self.emp_a1, self.demerit, "%s-03-01" % YEAR), "%s-03-10" % YEAR)
        self.decide(self.case(self.emp_b, self.demerit, "%s-02-01" % YEAR,
                              user=self.user_office), "%s-03-12" % YEAR,
                    submitter=self.user_office)
        wizard = self.env["aux.situation.pack"].sudo(self.user_leader).create(
            {"month": "%s-03-20" % YEAR})
        content, _type = self.env.ref(
            "aux_personnel.aux_situation_pack_xlsx_report").sudo(
                self.user_leader).render_xlsx(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_name("Discipline")
        headers = sheet.row_values(3)
        rows = {sheet.cell_value(r, 0): dict(zip(headers, sheet.row_values(r), strict=True))
                for r in range(4, sheet.nrows)}
        self.assertEqual(set(rows), {"Brigade A", "Brigade A / Squadron A1"},
                         "the leader of A sees A and A1 only")
        self.assertEqual((rows["Brigade A"]["Veto items"], rows["Brigade A"]["Cases pending"],
                          rows["Brigade A"]["Demerit"]), (1, 1, 0))
        sub = rows["Brigade A / Squadron A1"]
        self.assertEqual((sub["Demerit"], sub["Sanctions in force"], sub["Cases pending"]),
                         (1, 1, 0))
