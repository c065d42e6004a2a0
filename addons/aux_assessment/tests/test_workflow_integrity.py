# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Nobody changes an assessment outside its workflow (issue 10).

The review's examples: a unit leader added a scored line to a confirmed
sheet and turned 87 "Competent" into 92 "Excellent"; he wrote ``is_award``
on a locked sheet.  Sheets, their lines, events and inspection findings
change state only through their actions, which check who may do what; what
the server computes (ranks, lists, quotas, veto, points, totals, the unit
copied from the person, who and when) is written by the server only;
confirmed records are locked; and no context key a caller sends (the old
``aux_assessment_unlock``, ``aux_assessment_generating``,
``aux_event_posting`` among them) lifts any of it."""
from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import YEAR, AssessmentCase

# What a JSON-RPC caller can put in its context: the old flags and the text
# of the trust mark.
FORGED = {"aux_assessment_unlock": True, "aux_assessment_generating": True,
          "aux_event_posting": True, "aux_workflow": "aux-trusted",
          "aux_stamp": "aux-trusted", "tracking_disable": True}

REFUSED = (AccessError, UserError)


class IntegrityCase(AssessmentCase):

    @contextmanager
    def refused(self, exception=REFUSED):
        """Expect ``exception``; whatever the attempt did is rolled back."""
        with self.assertRaises(exception), self.env.cr.savepoint():
            yield

    @classmethod
    def stored_computed(cls, model):
        """Stored fields of ``model`` that the server computes (related included)."""
        return {name for name, field in cls.env[model]._fields.items()
                if field.store and field.compute and not field.inverse}


class TestSheetIntegrity(IntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestSheetIntegrity, cls).setUpClass()
        sheets = cls.generate(cls.jan, cls.emp_a | cls.emp_a2 | cls.emp_a3 | cls.emp_b)
        cls.draft_a = sheets.filtered(lambda s: s.employee_id == cls.emp_a)
        cls.draft_a2 = sheets.filtered(lambda s: s.employee_id == cls.emp_a2)
        cls.draft_b = sheets.filtered(lambda s: s.employee_id == cls.emp_b)
        # the review's sheet: 87, "Competent", confirmed
        cls.confirmed = sheets.filtered(lambda s: s.employee_id == cls.emp_a3)
        cls.set_total(cls.confirmed, 87)
        cls.confirm(cls.confirmed)
        cls.roles = (cls.user_leader, cls.user_office, cls.user_manager)

    def test_review_scored_line_cannot_be_added_to_a_confirmed_sheet(self):
        self.assertEqual((self.confirmed.total_score, self.confirmed.band_id),
                         (87, self.band_competent))
        line = self.confirmed.line_ids.filtered(lambda ln: ln.item_id.code == "JI2")
        Line = self.env["aux.assessment.sheet.line"]
        for user in self.roles + (self.env.user,):
            with self.subTest(user=user.login):
                with self.refused(UserError):
                    Line.sudo(user).with_context(**FORGED).create({
                        "sheet_id": self.confirmed.id, "item_id": line.item_id.id,
                        "base_score": 5})
                with self.refused():
                    self.confirmed.sudo(user).with_context(**FORGED).write({
                        "line_ids": [(0, 0, {"item_id": line.item_id.id, "base_score": 5})]})
                with self.refused():
                    self.confirmed.sudo(user).write(
                        {"line_ids": [(1, line.id, {"base_score": 5})]})
                with self.refused(UserError):
                    line.sudo(user).with_context(**FORGED).write({"base_score": 5})
                with self.refused():
                    line.sudo(user).unlink()
        self.confirmed.invalidate_cache()
        self.assertEqual((self.confirmed.total_score, self.confirmed.band_id),
                         (87, self.band_competent))

    def test_review_is_award_cannot_be_written(self):
        for sheet in (self.confirmed, self.draft_a):
            for user in self.roles + (self.env.user,):
                with self.subTest(sheet=sheet.name, user=user.login), \
                        self.refused(AccessError):
                    sheet.sudo(user).with_context(**FORGED).write({"is_award": True})
        self.assertFalse((self.confirmed | self.draft_a).filtered("is_award"))

    def test_server_computed_fields_are_written_by_the_server_only(self):
        protected = self.Sheet._aux_protected_fields()
        self.assertLessEqual(self.stored_computed("aux.assessment.sheet"), protected)
        sheet = self.draft_a
        values = {
            "unit_rank": 99, "bureau_rank": 99, "unit_quota": 9, "quota_share": 0.5,
            "is_award": not sheet.is_award, "is_bottom": not sheet.is_bottom,
            "veto": True, "veto_reason": "x", "penalty_points": 30.0,
            "commendation_points": 30.0, "period_score": 100.0,
            "department_id": self.unit_b.id, "reopen_reason": "x", "total_score": 10.0,
            "line_total": 10.0, "band_id": self.band_incompetent.id,
            "is_top_band": 1 - sheet.is_top_band, "name": "x",
            "period_type": "annual", "period_date_to": "2099-12-31", "year": 2099,
            "state": "confirmed", "submit_user_id": self.user_leader.id,
            "submit_date": "2011-02-01 00:00:00", "check_user_id": self.user_office.id,
            "confirm_user_id": self.user_office.id, "confirm_date": "2011-02-01 00:00:00",
        }
        for user in self.roles:
            for name, value in values.items():
                with self.subTest(user=user.login, field=name), self.refused(AccessError):
                    self.draft_a.sudo(user).with_context(**FORGED).write({name: value})
        self.assertEqual((self.draft_a.state, self.draft_a.department_id),
                         ("draft", self.unit_a))

    def test_create_starts_as_draft_without_server_fields(self):
        base = {"employee_id": self.emp_a4.id, "period_id": self.jan.id,
                "scheme_id": self.scheme.id}
        for user in (self.user_leader, self.user_office, self.env.user):
            for vals in ({"state": "confirmed"}, {"state": "unit_submitted"},
                         {"is_award": True}, {"veto": True}, {"unit_rank": 1},
                         {"department_id": self.unit_b.id}, {"period_score": 100},
                         {"confirm_user_id": user.id}, {"total_score": 100}):
                with self.subTest(user=user.login, vals=vals), self.refused(AccessError):
                    self.Sheet.sudo(user).with_context(**FORGED).create(dict(base, **vals))
        sheet = self.Sheet.sudo(self.user_leader).create(dict(base))
        self.assertEqual((sheet.state, sheet.department_id), ("draft", self.unit_a))

    def test_forged_flags_lift_nothing(self):
        annual = self.annual(self.emp_a5, [80])
        self.confirm(annual)
        for user in (self.user_office, self.user_manager):
            with self.subTest(user=user.login), self.refused(UserError):
                annual.sudo(user).with_context(aux_assessment_unlock=True).write(
                    {"evaluation_score": 100})
        with self.refused(ValidationError):
            self.Sheet.sudo(self.user_leader).with_context(
                aux_assessment_generating=True).create({
                    "employee_id": self.emp_a.id, "period_id": self.jan.id,
                    "scheme_id": self.scheme.id})
        self.assertEqual(annual.evaluation_score, 80)

    def test_confirmed_sheet_is_locked_for_every_role(self):
        annual = self.annual(self.emp_a5, [80])
        self.confirm(annual)
        for user in self.roles + (self.env.user,):
            with self.subTest(user=user.login):
                with self.refused():
                    annual.sudo(user).write({"evaluation_score": 100})
                with self.refused():
                    annual.sudo(user).unlink()
                with self.refused():
                    annual.sudo(user).action_compute_period_scores()
        self.assertEqual((annual.evaluation_score, annual.period_score), (80, 80))

    def test_lines_are_the_units_until_it_submits(self):
        line = self.draft_a.line_ids[0]
        line.sudo(self.user_leader).write({"base_score": 1, "note": "late twice"})
        self.draft_a.sudo(self.user_leader).action_submit()
        for user in (self.user_leader, self.user_office):
            with self.subTest(user=user.login), self.refused(UserError):
                line.sudo(user).write({"base_score": 2})
        self.draft_a.sudo(self.user_office).action_return()
        line.sudo(self.user_leader).write({"base_score": 2})
        self.assertEqual(line.base_score, 2)

    def test_unit_leader_writes_draft_sheets_of_his_unit_only(self):
        leader = self.user_leader
        with self.refused(AccessError):
            self.draft_b.sudo(leader).write({"evaluation_score": 10})
        with self.refused(AccessError):
            self.draft_b.line_ids[0].sudo(leader).write({"base_score": 1})
        with self.refused(AccessError):
            self.Sheet.sudo(leader).create({"employee_id": self.emp_b.id,
                                            "period_id": self.feb.id,
                                            "scheme_id": self.scheme.id})
        newcomer_b = self.env["hr.employee"].create({
            "name": "Aux B Newcomer", "department_id": self.unit_b.id, "is_auxiliary": True})
        with self.refused(AccessError):
            self.draft_a.sudo(leader).write({"employee_id": newcomer_b.id})
        self.assertEqual(self.draft_a.employee_id, self.emp_a)
        # the office gives a sheet to another person: the unit follows
        self.draft_a2.sudo(self.user_office).write({"employee_id": self.emp_a1.id})
        self.assertEqual(self.draft_a2.department_id, self.unit_a1)
        # submitted: his unit's, but no longer his to change
        annual = self.annual(self.emp_a5, [80])
        annual.sudo(leader).write({"evaluation_score": 70})
        annual.sudo(leader).action_submit()
        with self.refused(AccessError):
            annual.sudo(leader).write({"evaluation_score": 90})
        self.assertEqual(annual.evaluation_score, 70)

    def test_auxiliary_reads_his_confirmed_sheet_only(self):
        self.confirm(self.draft_a)
        own = self.draft_a.sudo(self.user_self)
        own.read(["total_score", "band_id", "unit_rank"])
        own.line_ids.read(["score"])
        for attempt in (lambda: own.write({"evaluation_score": 1}),
                        lambda: own.write({"is_award": True}),
                        lambda: own.line_ids[0].write({"base_score": 1}),
                        lambda: own.unlink(),
                        lambda: own._reopen("mine"),
                        lambda: self.Sheet.sudo(self.user_self).create({
                            "employee_id": self.emp_a.id, "period_id": self.feb.id,
                            "scheme_id": self.scheme.id})):
            with self.refused(AccessError):
                attempt()

    def test_each_role_owns_its_steps(self):
        sheet = self.draft_a
        for step in ("action_check", "action_confirm", "action_return"):
            with self.subTest(step=step), self.refused(AccessError):
                getattr(sheet.sudo(self.user_leader), step)()
        sheet.sudo(self.user_leader).action_submit()
        with self.refused(AccessError):
            sheet.sudo(self.user_leader).action_check()
        sheet.sudo(self.user_office).action_check()
        with self.refused(AccessError):
            sheet.sudo(self.user_leader).action_confirm()
        sheet.sudo(self.user_office2).action_confirm()
        self.assertEqual((sheet.state, sheet.submit_user_id, sheet.check_user_id,
                          sheet.confirm_user_id),
                         ("confirmed", self.user_leader, self.user_office, self.user_office2))
        for user in (self.user_leader, self.user_office):
            with self.subTest(user=user.login), self.refused(AccessError):
                sheet.sudo(user)._reopen("a typo")
        sheet.sudo(self.user_manager)._reopen("a typo")
        self.assertEqual((sheet.state, sheet.reopen_reason), ("draft", "a typo"))
        self.assertTrue(any("a typo" in (m.body or "") for m in sheet.message_ids))

    def test_generation_and_reopening_wizards(self):
        Wizard = self.env["aux.assessment.generate"].sudo(self.user_office)
        Wizard.with_context(**FORGED).create(
            {"period_id": self.feb.id, "department_id": self.unit_a.id}).action_generate()
        sheets = self.Sheet.search([("period_id", "=", self.feb.id)])
        self.assertEqual(set(sheets.mapped("state")), {"draft"})
        self.assertEqual(sheets.filtered(lambda s: s.employee_id == self.emp_a1).department_id,
                         self.unit_a1)
        self.assertFalse(sheets.filtered("is_award"))
        reopen = self.env["aux.assessment.sheet.reopen"].with_context(
            active_ids=self.confirmed.ids, **FORGED)
        with self.refused(AccessError):
            reopen.sudo(self.user_office).create({"reason": "x"}).action_reopen()
        reopen.sudo(self.user_manager).create({"reason": "Scores of the 3rd"}).action_reopen()
        self.assertEqual(self.confirmed.state, "draft")

    def test_a_line_scores_an_item_of_its_scheme_once(self):
        line = self.draft_a.line_ids[0]
        Line = self.env["aux.assessment.sheet.line"].sudo(self.user_leader)
        for name in ("score", "event_points", "section_id", "employee_id", "period_id"):
            with self.subTest(field=name), self.refused(AccessError):
                line.sudo(self.user_leader).write({name: 0})
        self.assertLessEqual(self.stored_computed("aux.assessment.sheet.line"),
                             set(Line._aux_workflow_fields))
        with mute_logger("odoo.sql_db"), self.refused(IntegrityError):
            Line.create({"sheet_id": self.draft_a.id, "item_id": line.item_id.id,
                         "base_score": 1})
        other = self.env["aux.assessment.scheme"].create({
            "name": "Other scheme", "date_from": "2000-01-01",
            "section_ids": [(0, 0, {"name": "Other", "code": "OT", "weight": 100})]})
        item = self.env["aux.assessment.item"].create({
            "section_id": other.section_ids.id, "name": "Other item", "code": "OT1",
            "max_score": 100})
        with self.refused(ValidationError):
            Line.create({"sheet_id": self.draft_a.id, "item_id": item.id, "base_score": 1})


class TestEventIntegrity(IntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestEventIntegrity, cls).setUpClass()
        cls.sheet_a = cls.generate(cls.jan, cls.emp_a)
        cls.day = "%s-01-10" % YEAR

    def draft(self, etype=None, user=None, employee=None):
        Event = self.Event.sudo(user or self.user_leader)
        return Event.create({"employee_id": (employee or self.emp_a).id,
                             "type_id": (etype or self.type_absence).id, "date": self.day})

    def test_create_starts_as_draft_recorded_by_its_author(self):
        protected = self.Event._aux_protected_fields()
        self.assertLessEqual(self.stored_computed("aux.assessment.event"), protected)
        line = self.sheet_a.line_ids[0]
        base = {"employee_id": self.emp_a.id, "type_id": self.type_absence.id,
                "date": self.day}
        for user in (self.user_leader, self.user_office, self.env.user):
            for vals in ({"state": "confirmed"}, {"state": "cancelled"},
                         {"sheet_line_id": line.id}, {"author_id": self.user_manager.id},
                         {"is_veto": True}, {"department_id": self.unit_b.id},
                         {"training_month": "%s-01" % YEAR}):
                with self.subTest(user=user.login, vals=vals), self.refused(AccessError):
                    self.Event.sudo(user).with_context(**FORGED).create(dict(base, **vals))
        event = self.draft()
        self.assertEqual((event.state, event.author_id), ("draft", self.user_leader))
        with self.refused(AccessError):
            self.Event.sudo(self.user_self).create(base)

    def test_state_posting_and_author_are_not_written(self):
        event = self.draft(self.type_veto)
        line = self.sheet_a.line_ids[0]
        for user in (self.user_leader, self.user_office, self.env.user):
            for vals in ({"state": "confirmed"}, {"sheet_line_id": line.id},
                         {"is_veto": False}, {"author_id": self.user_manager.id},
                         {"sheet_id": self.sheet_a.id}, {"training_month": "%s-01" % YEAR}):
                with self.subTest(user=user.login, vals=vals), self.refused(AccessError):
                    event.sudo(user).with_context(**FORGED).write(vals)
        with self.refused(AccessError):
            self.sheet_a.sudo(self.user_leader).write({"event_ids": [(4, event.id)]})
        self.assertEqual((event.state, event.sheet_line_id, event.is_veto),
                         ("draft", line.browse(), True))

    def test_confirmed_event_is_locked(self):
        event = self.draft()
        event.sudo(self.user_leader).action_confirm()
        self.assertEqual(self.sheet_a.total_score, 90)
        for user in (self.user_leader, self.user_office, self.user_manager):
            for vals in ({"points": 5}, {"date": "%s-02-10" % YEAR},
                         {"type_id": self.type_commend.id}):
                with self.subTest(user=user.login, vals=vals), self.refused():
                    event.sudo(user).with_context(**FORGED).write(vals)
            with self.subTest(user=user.login), self.refused():
                event.sudo(user).unlink()
        self.assertEqual(self.sheet_a.total_score, 90)

    def test_unit_confirms_the_office_confirms_vetoes_and_cancels_confirmed(self):
        leader, office = self.user_leader, self.user_office
        veto = self.draft(self.type_veto)
        with self.refused(AccessError):
            veto.sudo(leader).with_context(**FORGED).action_confirm()
        veto.sudo(office).action_confirm()
        self.assertTrue(self.sheet_a.veto)
        with self.refused(AccessError):
            veto.sudo(leader).action_cancel()
        veto.sudo(office).action_cancel()
        self.assertFalse(self.sheet_a.veto)
        late = self.draft(self.type_late)
        with self.refused(AccessError):
            late.sudo(self.user_self).action_confirm()
        late.sudo(leader).action_cancel()
        late.sudo(leader).action_draft()
        late.sudo(leader).write({"points": -2})
        late.sudo(leader).action_confirm()
        self.assertEqual(self.sheet_a.penalty_points, 2)
        with self.refused(AccessError):
            self.draft(employee=self.emp_b)
        with self.refused(AccessError):
            self.draft(self.type_late).write({"employee_id": self.emp_b.id})

    def test_event_on_a_confirmed_sheet_waits_for_its_reopening(self):
        event = self.draft()
        event.sudo(self.user_leader).action_confirm()
        self.confirm(self.sheet_a)
        with self.refused(UserError):
            event.sudo(self.user_office).action_cancel()
        self.assertEqual(self.sheet_a.total_score, 90)
        self.sheet_a.sudo(self.user_manager)._reopen("Absence was excused")
        event.sudo(self.user_office).action_cancel()
        self.assertEqual((self.sheet_a.total_score, self.sheet_a.penalty_points), (95, 0))

    def test_posting_flag_cannot_be_forged(self):
        event = self.draft()
        other = self.generate(self.jan, self.emp_a2).line_ids[0]
        with self.refused(AccessError):
            event.sudo(self.user_leader).with_context(aux_event_posting=True).write(
                {"sheet_line_id": other.id})
        with self.refused(AccessError):
            event.sudo(self.user_leader).with_context(aux_event_posting=True).write(
                {"state": "confirmed"})
        self.assertEqual(event.state, "draft")


class TestFindingIntegrity(IntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestFindingIntegrity, cls).setUpClass()
        cls.Finding = cls.env["aux.inspection.finding"]
        cls.base = {"name": "Duty log incomplete", "department_id": cls.unit_a.id,
                    "responsible_id": cls.emp_a.id, "deadline": "2999-12-31"}

    def test_create_starts_open_without_stamps(self):
        self.assertLessEqual(self.stored_computed("aux.inspection.finding"),
                             self.Finding._aux_protected_fields())
        for user in (self.user_office, self.user_manager, self.env.user):
            for vals in ({"state": "fixed"}, {"state": "closed"},
                         {"fixed_user_id": user.id}, {"fixed_date": "2011-01-01"},
                         {"checked_user_id": user.id}, {"on_time": True}):
                with self.subTest(user=user.login, vals=vals), self.refused(AccessError):
                    self.Finding.sudo(user).with_context(**FORGED).create(
                        dict(self.base, **vals))
        for user in (self.user_leader, self.user_self):
            with self.subTest(user=user.login), self.refused(AccessError):
                self.Finding.sudo(user).create(dict(self.base))

    def test_unit_records_the_rectification_only(self):
        finding = self.Finding.create(dict(self.base))
        leader = finding.sudo(self.user_leader)
        leader.write({"fix_note": "Daily check introduced"})
        for vals in ({"deadline": "3000-01-01"}, {"department_id": self.unit_b.id},
                     {"state": "closed"}, {"fixed_user_id": self.user_leader.id},
                     {"fixed_date": "2011-01-01"}, {"on_time_rate": 100}):
            with self.subTest(vals=vals), self.refused(AccessError):
                leader.with_context(**FORGED).write(vals)
        with self.refused(AccessError):
            finding.sudo(self.user_self).write({"fix_note": "done"})
        with self.refused(AccessError):
            finding.sudo(self.user_self).action_fix()
        self.assertEqual((finding.deadline, finding.state), ("2999-12-31", "open"))

    def test_fixed_then_checked_by_another_office_user_then_locked(self):
        finding = self.Finding.create(dict(self.base))
        finding.sudo(self.user_leader).action_fix()
        self.assertEqual((finding.state, finding.fixed_user_id), ("fixed", self.user_leader))
        self.assertTrue(finding.fixed_date)
        for user in (self.user_leader, self.user_office):
            with self.subTest(user=user.login), self.refused():
                finding.sudo(user).write({"fix_note": "more", "deadline": "3000-01-01"})
        with self.refused(AccessError):
            finding.sudo(self.user_leader).action_check()
        finding.sudo(self.user_office).action_check()
        self.assertEqual((finding.state, finding.checked_user_id), ("closed", self.user_office))
        for user in (self.user_office, self.user_manager, self.env.user):
            with self.subTest(user=user.login):
                with self.refused(UserError):
                    finding.sudo(user).with_context(**FORGED).write({"name": "Nothing"})
                with self.refused(UserError):
                    finding.sudo(user).unlink()
        with self.refused(AccessError):
            finding.sudo(self.user_leader).action_reopen()
        finding.sudo(self.user_office).action_reopen()
        self.assertEqual((finding.state, finding.fixed_user_id, finding.checked_user_id),
                         ("open", self.user_leader.browse(), self.user_leader.browse()))
        finding.sudo(self.user_office).action_fix()
        with self.refused(UserError):
            finding.sudo(self.user_office).action_check()
        finding.sudo(self.user_office2).action_check()
        self.assertEqual(finding.state, "closed")
