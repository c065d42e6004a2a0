# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Nobody steps outside his role by writing a field (issue 10).

The review, through plain JSON-RPC: a unit leader approved a care payment by
writing ``state``; the amount of a paid payment was changed, which charged
the care budget again as superuser; an auxiliary confirmed his own life
event by writing ``state``; visits had no transition guard at all.  Each
test acts as one role (``sudo(user)``: that user's rights) and shows what
the role cannot do, and that the steps it owns still work."""
from contextlib import contextmanager

from odoo.exceptions import AccessError, UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxWelfareCase, days_from_today

# Context keys a caller may send to look like trusted server code: the old
# flag of the care payments and the text of the trust mark.
FORGED = {"aux_care_charging": True, "aux_workflow": "aux-trusted",
          "aux_stamp": "aux-trusted", "tracking_disable": True}


class WelfareIntegrityCase(AuxWelfareCase):

    @contextmanager
    def refused(self, exception=AccessError):
        """Assert ``exception``; whatever was done is rolled back and the
        test goes on."""
        with self.assertRaises(exception), self.env.cr.savepoint(), \
                self.env.clear_upon_failure():
            yield

    def _payment(self, employee=None, state=None, **values):
        vals = {"employee_id": (employee or self.emp_aux_a2).id,
                "payment_type": "hardship", "amount": 100.0}
        vals.update(values)
        payment = self.env["aux.care.payment"].create(vals)
        if state:
            trust(payment).write({"state": state})
        return payment

    def _paid(self, employee=None):
        payment = self._payment(employee)
        payment.sudo(self.user_leader_a).action_approve_unit()
        payment.sudo(self.user_office).action_approve_office()
        payment.sudo(self.user_manager).action_approve_leader()
        payment.sudo(self.user_office).action_pay()
        return payment


class TestCarePaymentIntegrity(WelfareIntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestCarePaymentIntegrity, cls).setUpClass()
        env = cls.env
        cls.expense = env["account.account"].create({
            "name": "Care expenses (integrity)", "code": "6699WI",
            "user_type_id": env.ref("account.data_account_type_expenses").id,
            "company_id": cls.company.id})
        cls.company.aux_care_expense_account_id = cls.expense
        cls.care_a = env["account.analytic.account"].create(
            {"name": "Care budget A (integrity)", "company_id": cls.company.id})
        cls.care_other = env["account.analytic.account"].create(
            {"name": "Other budget (integrity)", "company_id": cls.company.id})
        cls.unit_a.aux_care_analytic_account_id = cls.care_a
        cls.campaign = env["aux.care.campaign"].create({
            "name": "Summer (integrity)", "campaign_type": "summer", "amount": 50.0,
            "date_from": "2026-06-01", "date_to": "2026-08-31",
            "department_ids": [(6, 0, cls.unit_b.ids)]})

    def test_nobody_creates_a_payment_past_draft_or_with_stamps(self):
        forged = ({"state": "unit"}, {"state": "approved"}, {"state": "paid"},
                  {"unit_approver_id": self.user_leader_a.id},
                  {"leader_approval_date": "2026-01-01 00:00:00"},
                  {"paid_date": "2026-01-01"}, {"campaign_id": self.campaign.id},
                  {"name": "CARE-FORGED"}, {"standard_amount": 5000.0})
        for user in (self.user_leader_a, self.user_office, self.user_officer,
                     self.user_manager):
            Payment = self.env["aux.care.payment"].sudo(user).with_context(**FORGED)
            for values in forged:
                with self.subTest(user=user.login, values=values), self.refused():
                    Payment.create(dict({"employee_id": self.emp_aux_a2.id,
                                         "payment_type": "hardship", "amount": 10.0},
                                        **values))
        payment = self.env["aux.care.payment"].sudo(self.user_leader_a).create({
            "employee_id": self.emp_aux_a2.id, "payment_type": "hardship", "amount": 10.0})
        self.assertEqual(payment.state, "draft")
        self.assertNotEqual(payment.name, "/", "the reference comes from the sequence")

    def test_state_and_stamps_change_only_through_the_actions(self):
        payment = self._payment()
        stamps = ({"state": "unit"}, {"state": "paid"},
                  {"unit_approver_id": self.user_leader_a.id},
                  {"office_approval_date": "2026-01-01 00:00:00"},
                  {"paid_date": "2026-01-01"}, {"standard_amount": 5000.0},
                  {"department_id": self.unit_b.id}, {"name": "CARE-FORGED"},
                  {"campaign_id": self.campaign.id})
        # superuser included: only trusted server code writes them
        for user in (self.user_leader_a, self.user_office, self.user_manager, self.env.user):
            for values in stamps:
                with self.subTest(user=user.login, values=values), self.refused():
                    payment.sudo(user).with_context(**FORGED).write(values)
        self.assertEqual(payment.state, "draft")
        self.assertFalse(payment.unit_approver_id)

    def test_each_role_takes_its_own_step_only(self):
        payment = self._payment()
        for user in (self.user_aux_a2, self.user_leader_b):
            with self.subTest(user=user.login), self.refused():
                payment.sudo(user).action_approve_unit()
        payment.sudo(self.user_leader_a).action_approve_unit()
        self.assertEqual((payment.state, payment.unit_approver_id),
                         ("unit", self.user_leader_a))
        # the unit leader is done: no later step, no more changes, no refusal
        for step in ("action_approve_office", "action_approve_leader", "action_pay",
                     "action_refuse"):
            with self.subTest(step=step), self.refused():
                getattr(payment.sudo(self.user_leader_a), step)()
        with self.refused():
            payment.sudo(self.user_leader_a).write({"analytic_account_id": self.care_other.id})
        with self.refused():
            payment.sudo(self.user_officer).action_approve_office()
        payment.sudo(self.user_office).action_approve_office()
        with self.refused():
            payment.sudo(self.user_office).action_approve_leader()
        payment.sudo(self.user_manager).action_approve_leader()
        self.assertEqual((payment.state, payment.leader_approver_id),
                         ("approved", self.user_manager))
        payment.sudo(self.user_office).action_pay()
        self.assertEqual(payment.state, "paid")
        self.assertTrue(payment.analytic_line_id, "paying charged the care budget")

    def test_amounts_are_fixed_once_the_unit_approved(self):
        payment = self._payment(state="unit")
        for values in ({"amount": 900.0}, {"employee_id": self.emp_aux_a.id},
                       {"payment_type": "condolence"}, {"over_standard_reason": "x"}):
            with self.subTest(values=values), self.refused(UserError):
                payment.sudo(self.user_office).write(values)
        # the budget line may still be chosen before paying
        payment.sudo(self.user_office).write({"analytic_account_id": self.care_other.id})
        self.assertEqual(payment.analytic_account_id, self.care_other)

    def test_unit_leader_writes_drafts_of_his_unit_only(self):
        payment = self._payment()
        payment.sudo(self.user_leader_a).write({"amount": 120.0})
        self.assertEqual(payment.amount, 120.0)
        with self.refused():
            payment.sudo(self.user_leader_a).write({"employee_id": self.emp_aux_b.id})
        with self.refused():
            payment.sudo(self.user_leader_b).write({"amount": 1.0})
        with self.refused():
            self.env["aux.care.payment"].sudo(self.user_leader_a).create({
                "employee_id": self.emp_aux_b.id, "payment_type": "hardship",
                "amount": 10.0})
        with self.refused():
            payment.sudo(self.user_aux_a2).write({"amount": 1.0})

    def test_a_paid_payment_is_locked_and_charged_once(self):
        payment = self._paid()
        line = payment.analytic_line_id
        self.assertEqual(line.amount, -100.0)
        for user in (self.user_office, self.user_officer, self.user_manager, self.env.user):
            for values in ({"amount": 5000.0}, {"employee_id": self.emp_aux_b.id},
                           {"analytic_account_id": self.care_other.id},
                           {"analytic_account_id": False}, {"payment_type": "seasonal"},
                           {"over_standard_reason": "x"}):
                with self.subTest(user=user.login, values=values), \
                        self.refused(UserError):
                    payment.sudo(user).with_context(**FORGED).write(values)
            for values in ({"paid_date": "2020-01-01"}, {"analytic_line_id": False},
                           {"state": "approved"}):
                with self.subTest(user=user.login, values=values), self.refused():
                    payment.sudo(user).with_context(**FORGED).write(values)
            with self.subTest(user=user.login), self.refused(UserError):
                payment.sudo(user).with_context(**FORGED).unlink()
        self.assertEqual(payment.analytic_line_id, line)
        self.assertEqual((line.amount, line.account_id), (-100.0, self.care_a))
        with self.refused(UserError):
            payment.sudo(self.user_office).action_refuse()
        # charging again (the office's button) changes nothing
        payment.sudo(self.user_office).action_charge_budget()
        self.assertEqual(payment.analytic_line_id, line)
        self.assertEqual(line.amount, -100.0)

    def test_the_old_charging_flag_is_refused(self):
        payment = self._paid()
        with self.refused(UserError):
            payment.with_context(aux_care_charging=True).write({"amount": 999.0})
        with self.refused(UserError):
            payment.sudo(self.user_office).with_context(aux_care_charging=True).write(
                {"analytic_account_id": self.care_other.id})
        self.assertEqual(payment.amount, 100.0)
        self.assertEqual(payment.analytic_line_id.amount, -100.0)

    def test_only_the_office_charges_the_budget(self):
        self.company.aux_care_expense_account_id = False
        payment = self._paid()
        self.assertFalse(payment.analytic_line_id)
        self.company.aux_care_expense_account_id = self.expense
        for user in (self.user_leader_a, self.user_officer):
            with self.subTest(user=user.login), self.refused():
                payment.sudo(user).action_charge_budget()
        self.assertFalse(payment.analytic_line_id)
        payment.sudo(self.user_office).action_charge_budget()
        self.assertEqual(payment.analytic_line_id.amount, -100.0)

    def test_nobody_approves_or_pays_his_own_payment(self):
        own_leader = self._payment(self.emp_leader_a)
        with self.refused():
            own_leader.sudo(self.user_leader_a).action_approve_unit()
        own_leader.sudo(self.user_office).action_approve_unit()   # the office may
        self.assertEqual(own_leader.state, "unit")
        emp_office = self._create_employee("W Office Auxiliary", self.unit_b,
                                           self.user_office)
        own_office = self._payment(emp_office)
        own_office.sudo(self.user_leader_b).action_approve_unit()
        with self.refused():
            own_office.sudo(self.user_office).action_approve_office()

    def test_refusal_and_reset(self):
        payment = self._payment()
        with self.refused():
            payment.sudo(self.user_leader_b).action_refuse()
        payment.sudo(self.user_leader_a).action_refuse()
        self.assertEqual(payment.state, "refused")
        with self.refused(UserError):
            payment.sudo(self.user_office).write({"amount": 1.0})
        payment.sudo(self.user_leader_a).action_draft()
        self.assertEqual(payment.state, "draft")
        approved = self._payment(state="office")
        with self.refused():
            approved.sudo(self.user_leader_a).action_refuse()
        approved.sudo(self.user_office).action_refuse()
        self.assertEqual(approved.state, "refused")

    def test_only_drafts_and_refused_payments_are_deleted(self):
        for state in ("unit", "office", "approved"):
            payment = self._payment(state=state)
            with self.subTest(state=state), self.refused(UserError):
                payment.sudo(self.user_office).unlink()
        self._payment(state="refused").sudo(self.user_office).unlink()
        self._payment().sudo(self.user_office).unlink()


class TestCareCampaignIntegrity(WelfareIntegrityCase):

    def _campaign(self, **values):
        vals = {"name": "Winter (integrity)", "campaign_type": "winter", "amount": 80.0,
                "date_from": "2026-01-01", "date_to": "2026-02-28",
                "department_ids": [(6, 0, self.unit_a.ids)]}
        vals.update(values)
        return self.env["aux.care.campaign"].sudo(self.user_office).create(vals)

    def test_campaign_states_only_through_the_actions(self):
        Campaign = self.env["aux.care.campaign"].sudo(self.user_office).with_context(**FORGED)
        with self.refused():
            Campaign.create({"name": "x", "campaign_type": "summer", "amount": 1.0,
                             "date_from": "2026-06-01", "date_to": "2026-06-30",
                             "state": "approved"})
        campaign = self._campaign()
        for user in (self.user_office, self.user_manager, self.env.user):
            with self.subTest(user=user.login), self.refused():
                campaign.sudo(user).with_context(**FORGED).write({"state": "paid"})
        with self.refused():
            campaign.sudo(self.user_leader_a).action_generate()
        campaign.action_generate()
        with self.refused():
            campaign.sudo(self.user_office).action_approve()
        campaign.sudo(self.user_manager).action_approve()
        self.assertEqual(campaign.state, "approved")
        self.assertEqual(set(campaign.payment_ids.mapped("state")), {"approved"})
        self.assertEqual(campaign.payment_ids.mapped("leader_approver_id"), self.user_manager)
        with self.refused():
            campaign.sudo(self.user_leader_a).action_pay()    # the office pays
        campaign.sudo(self.user_office).action_pay()
        self.assertEqual(set(campaign.payment_ids.mapped("state")), {"paid"})

    def test_generated_campaign_keeps_its_terms(self):
        campaign = self._campaign()
        campaign.sudo(self.user_office).action_generate()
        for values in ({"amount": 800.0}, {"date_to": "2026-12-31"},
                       {"campaign_type": "summer"}):
            with self.subTest(values=values), self.refused(UserError):
                campaign.sudo(self.user_office).write(values)
        campaign.sudo(self.user_office).write(
            {"department_ids": [(6, 0, (self.unit_a | self.unit_b).ids)]})
        campaign.sudo(self.user_office).action_generate()
        self.assertEqual(len(campaign.payment_ids), 3)

    def test_approved_campaign_and_its_payments_are_locked(self):
        campaign = self._campaign()
        campaign.action_generate()
        campaign.sudo(self.user_manager).action_approve()
        payment = campaign.payment_ids[0]
        for values in ({"name": "Renamed"}, {"amount": 1.0},
                       {"analytic_account_id": False}):
            with self.subTest(values=values), self.refused(UserError):
                campaign.sudo(self.user_office).write(values)
        with self.refused(UserError):
            payment.sudo(self.user_office).write({"amount": 999.0})
        with self.refused(UserError):
            campaign.sudo(self.user_office).action_generate()
        # no payment joins the campaign afterwards, neither created nor added
        with self.refused():
            self.env["aux.care.payment"].sudo(self.user_office).create({
                "employee_id": self.emp_aux_b.id, "campaign_id": campaign.id,
                "payment_type": "seasonal", "amount": 80.0})
        with self.refused(UserError):
            campaign.sudo(self.user_office).write({"payment_ids": [(0, 0, {
                "employee_id": self.emp_aux_b.id, "payment_type": "seasonal",
                "amount": 80.0})]})
        with self.refused(UserError):
            campaign.sudo(self.user_office).unlink()

    def test_generated_campaign_is_deleted_with_its_draft_payments_only(self):
        campaign = self._campaign()
        campaign.action_generate()
        payments = campaign.payment_ids
        trust(payments[0]).write({"state": "unit"})
        with self.refused(UserError):
            campaign.sudo(self.user_office).unlink()
        trust(payments[0]).write({"state": "draft"})
        campaign.sudo(self.user_office).unlink()
        self.assertFalse(payments.exists())


class TestLifeEventIntegrity(WelfareIntegrityCase):

    def test_auxiliary_reports_his_own_event_as_a_draft_only(self):
        Event = self.env["aux.life.event"].sudo(self.user_aux_a).with_context(**FORGED)
        base = {"employee_id": self.emp_aux_a.id, "event_type_id": self.type_illness.id,
                "reported_by": "self"}
        for values in ({"state": "confirmed"}, {"state": "closed"},
                       {"reporter_id": self.user_leader_a.id}, {"name": "EV-FORGED"},
                       {"department_id": self.unit_b.id}):
            with self.subTest(values=values), self.refused():
                Event.create(dict(base, **values))
        event = Event.create(base)
        self.assertEqual((event.state, event.reporter_id), ("draft", self.user_aux_a))
        event.write({"description": "In hospital since Monday"})
        for values in ({"state": "confirmed"}, {"reporter_id": self.user_leader_a.id}):
            with self.subTest(values=values), self.refused():
                event.write(values)
        with self.refused():
            event.action_confirm()
        with self.refused():
            event.write({"employee_id": self.emp_aux_a2.id})   # not his to report
        event.sudo(self.user_leader_a).action_confirm()
        self.assertEqual(event.state, "confirmed")
        with self.refused():
            event.write({"description": "changed after confirmation"})
        with self.refused():
            event.action_cancel()

    def test_confirming_belongs_to_the_unit_leader_or_welfare_officer(self):
        for user in (self.user_leader_a, self.user_officer):
            event = self._create_event(self.emp_aux_a)
            with self.refused():
                event.sudo(self.user_leader_b).action_confirm()
            event.sudo(user).action_confirm()
            self.assertEqual(event.state, "confirmed", user.login)
            self.assertTrue(event.visit_ids, "the must-visit task is created")
        # nobody confirms his own event: the leader's goes to the office
        own = self._create_event(self.emp_leader_a)
        with self.refused():
            own.sudo(self.user_leader_a).action_confirm()
        own.sudo(self.user_office).action_confirm()
        self.assertEqual(own.state, "confirmed")

    def test_state_written_directly_is_refused_for_every_role(self):
        event = self._create_event(self.emp_aux_a)
        for user in (self.user_leader_a, self.user_office, self.user_officer,
                     self.user_manager, self.env.user):
            for state in ("confirmed", "closed", "cancelled"):
                with self.subTest(user=user.login, state=state), self.refused():
                    event.sudo(user).with_context(**FORGED).write({"state": state})
        self.assertEqual(event.state, "draft")

    def test_confirmed_event_keeps_what_the_visits_were_made_from(self):
        event = self._create_event(self.emp_aux_a2, date=days_from_today(-1))
        event.sudo(self.user_leader_a).action_confirm()
        for values in ({"event_date": days_from_today(-30)},
                       {"event_type_id": self.type_marriage.id},
                       {"employee_id": self.emp_aux_a.id}):
            with self.subTest(values=values), self.refused(UserError):
                event.sudo(self.user_leader_a).write(values)
        event.sudo(self.user_leader_a).write({"description": "Operated on Tuesday"})
        with self.refused(UserError):
            event.sudo(self.user_office).unlink()

    def test_closed_event_is_locked(self):
        event = self._create_event(self.emp_aux_a2)
        event.sudo(self.user_leader_a).action_confirm()
        with self.refused(UserError):
            event.sudo(self.user_leader_a).action_close()      # visit still to make
        trust(event.visit_ids).write({"state": "done"})
        event.sudo(self.user_leader_a).action_close()
        self.assertEqual(event.state, "closed")
        for user in (self.user_leader_a, self.user_office, self.user_officer, self.env.user):
            with self.subTest(user=user.login), self.refused(UserError):
                event.sudo(user).with_context(**FORGED).write({"description": "x"})
            # the unit leader may not delete it at all (rule)
            refusal = AccessError if user == self.user_leader_a else UserError
            with self.subTest(user=user.login), self.refused(refusal):
                event.sudo(user).unlink()
        with self.refused():
            event.sudo(self.user_leader_a).action_cancel()
        with self.refused(UserError):
            event.sudo(self.user_office).action_cancel()

    def test_cancel_and_reset(self):
        event = self._create_event(self.emp_aux_a2)
        event.sudo(self.user_leader_a).action_confirm()
        visit = event.visit_ids
        with self.refused():
            event.sudo(self.user_leader_b).action_cancel()
        event.sudo(self.user_leader_a).action_cancel()
        self.assertEqual((event.state, visit.state), ("cancelled", "cancelled"))
        with self.refused(UserError):
            event.sudo(self.user_office).write({"description": "x"})
        event.sudo(self.user_leader_a).action_draft()
        self.assertEqual(event.state, "draft")


class TestCareVisitIntegrity(WelfareIntegrityCase):

    def _visit(self, employee=None, days_ago=0):
        event = self._create_event(employee or self.emp_aux_a2,
                                   date=days_from_today(-days_ago))
        event.action_confirm()
        return event.visit_ids

    def test_the_task_as_the_rule_made_it_is_the_servers(self):
        visit = self._visit()
        other_event = self._create_event(self.emp_aux_b)
        for user in (self.user_leader_a, self.user_office, self.user_officer, self.env.user):
            for values in ({"state": "done"}, {"deadline": days_from_today(30)},
                           {"rule_id": False}, {"visitor_role": "bureau_leader"},
                           {"escalated": True}, {"timing": "on_time"},
                           {"delay_days": 5}, {"employee_id": self.emp_aux_b.id},
                           {"event_id": other_event.id}):
                with self.subTest(user=user.login, values=values), self.refused():
                    visit.sudo(user).with_context(**FORGED).write(values)
        Visit = self.env["aux.care.visit"].sudo(self.user_office)
        with self.refused():
            Visit.create({"event_id": visit.event_id.id, "employee_id": self.emp_aux_a2.id,
                          "deadline": days_from_today(9)})

    def test_visitor_records_and_marks_done_the_office_cancels_and_reopens(self):
        visit = self._visit()
        with self.refused():
            visit.sudo(self.user_leader_b).write({"summary": "x"})
        mine = visit.sudo(self.user_leader_a)
        mine.write({"visit_date": days_from_today(0), "summary": "Brought fruit",
                    "location": "City hospital"})
        for step in ("action_cancel", "action_reopen"):
            with self.subTest(step=step), self.refused():
                getattr(mine, step)()
        with self.refused():
            visit.sudo(self.user_leader_b).action_done()
        mine.action_done()
        self.assertEqual((visit.state, visit.timing), ("done", "on_time"))
        # a made visit is part of the record: not moved, not re-dated
        for user in (self.user_leader_a, self.user_office, self.user_officer, self.env.user):
            with self.subTest(user=user.login), self.refused(UserError):
                visit.sudo(user).with_context(**FORGED).write(
                    {"visit_date": days_from_today(-5)})
            if user != self.user_leader_a:     # who may delete visits at all
                with self.subTest(user=user.login), self.refused(UserError):
                    visit.sudo(user).unlink()
        visit.sudo(self.user_office).write({"follow_up": "Call again next week"})
        visit.sudo(self.user_office).action_reopen()
        self.assertEqual(visit.state, "todo")
        visit.sudo(self.user_office).action_cancel()
        self.assertEqual(visit.state, "cancelled")
        with self.refused(UserError):
            visit.sudo(self.user_office).action_done()

    def test_overdue_flag_is_the_daily_jobs(self):
        visit = self._visit(days_ago=10)
        with self.refused():
            visit.sudo(self.user_office).write({"state": "overdue"})
        self.env["aux.care.visit"]._cron_flag_overdue()
        self.assertEqual((visit.state, visit.escalated), ("overdue", True))
        visit.sudo(self.user_office).action_cancel()
        visit.sudo(self.user_office).action_reopen()
        self.assertEqual(visit.state, "overdue", "reopened past its deadline")


class TestTalkIntegrity(WelfareIntegrityCase):

    def _talk(self, **values):
        vals = {"name": "Talk (integrity)", "employee_id": self.emp_aux_a2.id,
                "talker_id": self.user_leader_a.id, "topics": "Night shifts",
                "followup_ids": [(0, 0, {"name": "Change the roster"})]}
        vals.update(values)
        return self.env["aux.talk"].sudo(self.user_leader_a).create(vals)

    def test_talk_starts_planned_and_moves_through_its_actions(self):
        Talk = self.env["aux.talk"].sudo(self.user_leader_a).with_context(**FORGED)
        for values in ({"state": "held"}, {"state": "closed"}, {"state": "suggested"},
                       {"origin": "aux.assessment.sheet,1"}):
            with self.subTest(values=values), self.refused():
                Talk.create({"name": "x", "employee_id": self.emp_aux_a2.id,
                             **values})
        with self.refused():
            Talk.create({"name": "x", "employee_id": self.emp_aux_b.id})  # not his unit
        talk = self._talk()
        with self.refused():
            talk.sudo(self.user_leader_a).write({"state": "held"})
        with self.refused():
            talk.sudo(self.user_leader_b).action_held()
        talk.sudo(self.user_leader_a).action_held()
        self.assertEqual(talk.state, "held")
        with self.refused(UserError):
            talk.sudo(self.user_leader_a).action_cancel()
        talk.followup_ids.sudo(self.user_leader_a).write({"done": True})
        talk.sudo(self.user_leader_a).action_close()
        self.assertEqual(talk.state, "closed")

    def test_suggested_talk_comes_from_the_server(self):
        talk = self.env["aux.talk"].sudo(self.user_aux_b)._aux_suggest_talk(
            self.emp_aux_a2, "warning", "Late three times", origin="aux.test,1")
        talk = talk.sudo(self.user_leader_a)
        self.assertEqual((talk.state, talk.origin), ("suggested", "aux.test,1"))
        with self.refused():
            talk.sudo(self.user_leader_a).write({"origin": False})
        talk.sudo(self.user_leader_a).action_plan()
        self.assertEqual(talk.state, "planned")

    def test_closed_talk_and_its_actions_are_locked(self):
        talk = self._talk()
        talk.sudo(self.user_leader_a).action_held()
        talk.followup_ids.write({"done": True})
        talk.sudo(self.user_leader_a).action_close()
        action = talk.followup_ids
        for user in (self.user_leader_a, self.user_office, self.user_officer, self.env.user):
            with self.subTest(user=user.login), self.refused(UserError):
                talk.sudo(user).with_context(**FORGED).write({"summary": "rewritten"})
            with self.subTest(user=user.login), self.refused(UserError):
                action.sudo(user).with_context(**FORGED).write({"name": "other"})
            with self.subTest(user=user.login), self.refused(UserError):
                action.sudo(user).with_context(**FORGED).unlink()
            with self.subTest(user=user.login), self.refused(UserError):
                self.env["aux.talk.followup"].sudo(user).with_context(**FORGED).create(
                    {"talk_id": talk.id, "name": "added later"})
            with self.subTest(user=user.login), self.refused(UserError):
                talk.sudo(user).write({"followup_ids": [(0, 0, {"name": "added later"})]})
        for user in (self.user_leader_a, self.user_office):
            with self.subTest(user=user.login), self.refused(UserError):
                action.sudo(user).write({"done": False})
        with self.refused(UserError):
            talk.sudo(self.user_office).unlink()
