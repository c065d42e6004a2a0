# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import AuxPersonnelCase


class TestSecurity(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.leader_user = cls._user("aux_leader_a", cls.group_leader)
        cls.self_user = cls._user("aux_self_a1", cls.group_self)
        cls.officer = cls._user("aux_officer", cls.group_user)
        cls.leader = cls._employee("Leader A", cls.brigade_a, is_auxiliary=False,
                                   user_id=cls.leader_user.id)
        cls.own = cls._employee("Self A1", cls.squad_a1, user_id=cls.self_user.id,
                                aux_grade_id=cls.grades[7].id)
        cls.colleague = cls._employee("Colleague A1", cls.squad_a1,
                                      aux_grade_id=cls.grades[7].id)
        cls.stranger = cls._employee("Stranger B", cls.brigade_b,
                                     aux_grade_id=cls.grades[6].id)
        Doc = cls.env["aux.signed.document"]
        cls.doc_colleague = Doc.create({"employee_id": cls.colleague.id,
                                        "doc_type": "integrity"})
        cls.doc_stranger = Doc.create({"employee_id": cls.stranger.id,
                                       "doc_type": "integrity"})
        cls.doc_own = Doc.create({"employee_id": cls.own.id, "doc_type": "integrity"})

    # unit leader ---------------------------------------------------------
    def test_unit_leader_reads_and_writes_own_unit_and_sub_units(self):
        Employee = self.Employee.sudo(self.leader_user)
        found = Employee.search([("id", "in", (self.own | self.colleague | self.stranger).ids)])
        self.assertEqual(found, self.own | self.colleague)
        self.colleague.sudo(self.leader_user).write({"emergency_contact_name": "Mother"})
        self.assertEqual(self.colleague.emergency_contact_name, "Mother")

    def test_unit_leader_cannot_read_or_write_other_unit(self):
        with self.assertRaises(AccessError):
            self.stranger.sudo(self.leader_user).read(["name"])
        with self.assertRaises(AccessError):
            self.stranger.sudo(self.leader_user).write({"emergency_contact_name": "X"})

    def test_unit_leader_history_and_documents_of_own_unit_only(self):
        History = self.History.sudo(self.leader_user)
        lines = History.search([("employee_id", "in", (self.colleague | self.stranger).ids)])
        self.assertEqual(lines.mapped("employee_id"), self.colleague)
        with self.assertRaises(AccessError):
            self.stranger.aux_grade_history_ids.sudo(self.leader_user).read(["grade_id"])
        Doc = self.env["aux.signed.document"].sudo(self.leader_user)
        self.assertNotIn(self.doc_stranger, Doc.search([]))
        with self.assertRaises(AccessError):
            self.doc_stranger.sudo(self.leader_user).read(["doc_type"])

    # self-service --------------------------------------------------------
    def test_self_service_reads_own_file_only(self):
        Employee = self.Employee.sudo(self.self_user)
        self.assertEqual(Employee.search([("id", "in", (self.own | self.colleague).ids)]),
                         self.own)
        self.own.sudo(self.self_user).read(["name", "aux_grade_id", "education"])
        with self.assertRaises(AccessError):
            self.colleague.sudo(self.self_user).read(["name"])

    def test_self_service_cannot_read_identification_of_others(self):
        with self.assertRaises(AccessError):
            self.colleague.sudo(self.self_user).read(["identification_id"])
        # nor search by it (aux.private.fields.mixin, see test_private_fields)
        with self.assertRaises(AccessError):
            self.Employee.sudo(self.self_user).search(
                [("identification_id", "=", self.colleague.sudo().identification_id)])

    def test_self_service_cannot_write_own_file(self):
        with self.assertRaises(AccessError):
            self.own.sudo(self.self_user).write({"emergency_contact_name": "Me"})

    def test_self_service_history_and_documents_own_only(self):
        lines = self.History.sudo(self.self_user).search([])
        self.assertEqual(lines.mapped("employee_id"), self.own)
        docs = self.env["aux.signed.document"].sudo(self.self_user).search([])
        self.assertEqual(docs, self.doc_own)
        with self.assertRaises(AccessError):
            self.doc_colleague.sudo(self.self_user).read(["doc_type"])

    # officers --------------------------------------------------------------
    def test_officer_reads_everybody(self):
        people = self.own | self.colleague | self.stranger
        found = self.Employee.sudo(self.officer).search([("id", "in", people.ids)])
        self.assertEqual(found, people)
        self.stranger.sudo(self.officer).read(["identification_id"])
        self.assertEqual(
            self.History.sudo(self.officer).search_count(
                [("employee_id", "in", people.ids)]), 3)

    def test_plain_internal_user_keeps_odoo_access(self):
        """Users outside the auxiliary groups keep Odoo's default hr access."""
        plain = self._user("aux_plain", self.env.ref("base.group_user"))
        self.stranger.sudo(plain).read(["name"])
