# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import AuxWelfareCase


class TestFamilyMember(AuxWelfareCase):

    @classmethod
    def setUpClass(cls):
        super(TestFamilyMember, cls).setUpClass()
        cls.mother = cls.env["aux.family.member"].create({
            "employee_id": cls.emp_aux_a.id,
            "relation": "mother",
            "name": "Mother of A",
            "birth_date": "1960-05-01",
            "phone": "13800000000",
        })

    def _visible_to(self, user):
        return self.env["aux.family.member"].sudo(user).search(
            [("id", "=", self.mother.id)])

    def test_person_reads_own_family(self):
        self.assertEqual(self.mother.sudo(self.user_aux_a).read(["name"])[0]["name"],
                         "Mother of A")
        self.assertEqual(self._visible_to(self.user_aux_a), self.mother)

    def test_office_and_welfare_officer_read_family(self):
        for user in (self.user_office, self.user_manager, self.user_officer):
            self.assertEqual(self._visible_to(user), self.mother, user.login)
            self.mother.sudo(user).read(["name", "phone"])

    def test_another_auxiliary_cannot_read_family(self):
        with self.assertRaises(AccessError):
            self.mother.sudo(self.user_aux_a2).read(["name"])
        self.assertFalse(self._visible_to(self.user_aux_a2))

    def test_leader_of_another_unit_cannot_read_family(self):
        with self.assertRaises(AccessError):
            self.mother.sudo(self.user_leader_b).read(["name"])
        self.assertFalse(self._visible_to(self.user_leader_b))

    def test_unit_leader_cannot_read_family_of_own_people(self):
        """Family data is not part of the unit's daily management."""
        with self.assertRaises(AccessError):
            self.mother.sudo(self.user_leader_a).read(["name"])

    def test_employee_form_shows_only_readable_family(self):
        Employee = self.env["hr.employee"]
        as_leader = Employee.sudo(self.user_leader_a).browse(self.emp_aux_a.id)
        self.assertFalse(as_leader.aux_family_member_ids)
        as_officer = Employee.sudo(self.user_officer).browse(self.emp_aux_a.id)
        self.assertEqual(as_officer.aux_family_member_ids, self.mother)

    def test_other_auxiliary_cannot_write_or_add_family(self):
        with self.assertRaises(AccessError):
            self.mother.sudo(self.user_aux_a2).write({"phone": "0"})
        with self.assertRaises(AccessError):
            self.env["aux.family.member"].sudo(self.user_aux_a2).create({
                "employee_id": self.emp_aux_a.id, "relation": "child", "name": "X"})

    def test_person_adds_own_family_member(self):
        child = self.env["aux.family.member"].sudo(self.user_aux_a).create({
            "employee_id": self.emp_aux_a.id, "relation": "child", "name": "Child of A"})
        self.assertEqual(child.employee_id, self.emp_aux_a)

    def test_welfare_officer_reads_every_file_but_cannot_edit_it(self):
        as_officer = self.env["hr.employee"].sudo(self.user_officer).browse(self.emp_aux_b.id)
        self.assertEqual(as_officer.name, self.emp_aux_b.sudo().name)
        with self.assertRaises(AccessError):
            as_officer.write({"name": "Renamed"})
