# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Nobody steps outside his rights by writing a field (issue 10).

The review's example: a unit leader wrote ``department_id`` on his own file,
which his unit rule let him write, and then saw the whole bureau.  The
fields that define a user's scope or pay are the office's; nobody changes
them on his own file; workflow states and stamps change only through the
records' actions, whatever context a caller sends."""
from odoo.exceptions import AccessError, UserError

from ..models.aux_workflow_mixin import is_trusted, trust
from .common import AuxPersonnelCase

FORGED = {"aux_workflow": "aux-trusted", "aux_stamp": "aux-trusted",
          "install_mode": True, "tracking_disable": True}


class TestScopeFields(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestScopeFields, cls).setUpClass()
        cls.leader_user = cls._user("scope_leader", cls.group_leader)
        cls.officer_user = cls._user("scope_officer", cls.group_user)
        cls.self_user = cls._user("scope_self", cls.group_self)
        cls.leader = cls._employee("Scope Leader", cls.brigade_a, is_auxiliary=False,
                                   user_id=cls.leader_user.id)
        cls.officer = cls._employee("Scope Officer", cls.bureau, is_auxiliary=False,
                                    user_id=cls.officer_user.id)
        cls.member = cls._employee("Scope Member", cls.squad_a1,
                                   user_id=cls.self_user.id)

    def test_unit_leader_cannot_move_himself_and_widen_his_scope(self):
        before = self.Employee.sudo(self.leader_user).search_count([])
        for vals in ({"department_id": self.bureau.id}, {"user_id": False},
                     {"is_auxiliary": True}, {"aux_category": "civilian"},
                     {"entry_date": "2000-01-01"}, {"company_id": self.env.user.company_id.id},
                     {"parent_id": self.officer.id}, {"active": False}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                self.leader.sudo(self.leader_user).with_context(**FORGED).write(vals)
        self.leader.invalidate_cache()
        self.assertEqual(self.leader.department_id, self.brigade_a)
        self.assertEqual(self.Employee.sudo(self.leader_user).search_count([]), before)

    def test_unit_leader_changes_contact_details_of_his_unit_only(self):
        member = self.member.sudo(self.leader_user)
        member.write({"mobile_phone": "13800000000", "emergency_contact_phone": "110"})
        self.assertEqual(self.member.mobile_phone, "13800000000")
        for vals in ({"department_id": self.brigade_b.id}, {"entry_date": "2001-01-01"},
                     {"identification_id": False}, {"education": "master"},
                     {"name": "Renamed"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                member.write(vals)

    def test_office_keeps_files_but_not_its_own_scope(self):
        self.member.sudo(self.officer_user).write({"department_id": self.brigade_a.id})
        self.assertEqual(self.member.department_id, self.brigade_a)
        for vals in ({"department_id": self.brigade_b.id}, {"user_id": False},
                     {"entry_date": "1999-01-01"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                self.officer.sudo(self.officer_user).write(vals)

    def test_quota_override_stamps_are_the_servers(self):
        for user in (self.officer_user, self.leader_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                self.member.sudo(user).write({"quota_override_uid": user.id})

    def test_self_service_writes_nothing_on_his_file(self):
        with self.assertRaises(AccessError):
            self.member.sudo(self.self_user).write({"mobile_phone": "1"})


class TestWorkflowMechanism(AuxPersonnelCase):
    """The mechanism, through the exit record (draft -> confirmed)."""

    @classmethod
    def setUpClass(cls):
        super(TestWorkflowMechanism, cls).setUpClass()
        cls.officer_user = cls._user("flow_officer", cls.group_user)
        cls.manager_user = cls._user("flow_manager", cls.group_manager)
        cls.leader_user = cls._user("flow_leader", cls.group_leader)
        cls.person = cls._employee("Flow Person", cls.brigade_a)
        cls.reason = cls.env["aux.exit.reason"].search(
            [("is_cadre_conversion", "=", False)], limit=1)
        cls.Exit = cls.env["aux.employee.exit"]

    def _exit(self, user=None, **vals):
        Exit = self.Exit.sudo(user) if user else self.Exit
        return Exit.create(dict(
            {"employee_id": self.person.id, "reason_id": self.reason.id,
             "last_day": "2030-01-31"}, **vals))

    def test_trust_mark_cannot_be_sent_by_a_caller(self):
        """The mark's text sent by a caller is not the mark, in whichever order
        Odoo's environment cache (which compares contexts) sees the two."""
        records = self.Exit.with_context(aux_workflow="aux-trusted")
        self.assertFalse(is_trusted(records))
        self.assertTrue(is_trusted(trust(self.Exit)))
        other = self.Exit.sudo(self.leader_user)
        self.assertTrue(is_trusted(trust(other)))
        self.assertFalse(is_trusted(other.with_context(aux_workflow="aux-trusted")))

    def test_create_starts_in_the_first_state_whoever_calls(self):
        for user in (self.officer_user, self.manager_user, self.env.user):
            for vals in ({"state": "done"}, {"confirmed_by_id": user.id},
                         {"confirmed_date": "2030-01-01 00:00:00"},
                         {"exit_type": "conversion"}, {"department_id": self.brigade_b.id}):
                with self.subTest(user=user.login, vals=vals), \
                        self.assertRaises(AccessError), self.env.cr.savepoint():
                    self.Exit.sudo(user).with_context(**FORGED).create(dict(
                        {"employee_id": self.person.id, "reason_id": self.reason.id},
                        **vals))

    def test_state_and_stamps_change_only_through_the_action(self):
        record = self._exit(self.officer_user)
        self.assertEqual(record.department_id, self.brigade_a, "the unit is the person's")
        for vals in ({"state": "done"}, {"confirmed_by_id": self.manager_user.id},
                     {"department_id": self.brigade_b.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), \
                    self.env.cr.savepoint():
                record.sudo(self.manager_user).with_context(**FORGED).write(vals)
        self.assertEqual(record.state, "draft")
        with self.assertRaises(AccessError):
            record.sudo(self.leader_user).action_confirm()  # not the office
        record.sudo(self.officer_user).action_confirm()
        self.assertEqual((record.state, record.confirmed_by_id), ("done", self.officer_user))
        self.assertIn("flow_officer", record.message_ids[0].body)

    def test_locked_record_and_its_lines(self):
        record = self._exit(self.officer_user, equipment_line_ids=[
            (0, 0, {"item": "Radio", "returned": True})])
        record.sudo(self.officer_user).action_confirm()
        line = record.equipment_line_ids
        for user in (self.officer_user, self.manager_user, self.env.user):
            with self.subTest(user=user.login, op="write"), self.assertRaises(UserError), \
                    self.env.cr.savepoint():
                record.sudo(user).with_context(**FORGED).write({"note": "changed"})
            with self.subTest(user=user.login, op="unlink"), self.assertRaises(UserError), \
                    self.env.cr.savepoint():
                record.sudo(user).unlink()
            with self.subTest(user=user.login, op="line"), self.assertRaises(UserError), \
                    self.env.cr.savepoint():
                line.sudo(user).with_context(**FORGED).write({"returned": False})
            with self.subTest(user=user.login, op="new line"), self.assertRaises(UserError), \
                    self.env.cr.savepoint():
                self.env["aux.exit.equipment"].sudo(user).create(
                    {"exit_id": record.id, "item": "Keys"})
        record.sudo(self.officer_user).message_post(body="Archived in the file room")

    def test_line_stamp_is_the_servers(self):
        record = self._exit(self.officer_user)
        with self.assertRaises(AccessError):
            self.env["aux.exit.equipment"].sudo(self.manager_user).create(
                {"exit_id": record.id, "item": "Card", "waived_by_id": self.leader_user.id})
        line = self.env["aux.exit.equipment"].sudo(self.manager_user).create(
            {"exit_id": record.id, "item": "Card", "waived": True, "waiver_note": "Lost"})
        self.assertEqual(line.waived_by_id, self.manager_user)
