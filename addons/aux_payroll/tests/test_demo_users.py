# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo logins can work: each has an e-mail address (the chatter's
creation message needs the author's address: "Unable to send email, please
configure the sender's email address") and the bureau's time zone."""
from odoo.tests.common import SavepointCase

LOGINS = ("aux_manager", "aux_officer", "aux_leader", "aux_self", "aux_finance", "aux_boss",
          "aux_office")


class TestDemoUsers(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDemoUsers, cls).setUpClass()
        env = cls.env
        Users = env["res.users"].with_context(active_test=False)
        Users.search([("login", "in", LOGINS)]).write({"login_date": False})
        existing = Users.search([("login", "in", LOGINS)])
        existing.write({"active": False})
        for user in existing:
            user.login = "%s_old_%d" % (user.login, user.id)
        Department = env["hr.department"]
        Employee = env["hr.employee"]
        bureau = Department.create({"name": "Demo users bureau"})
        brigade = Department.create({"name": "Demo users brigade", "parent_id": bureau.id})
        squadron = Department.create({"name": "Demo users squadron", "parent_id": brigade.id})
        bureau.manager_id = Employee.create({"name": "Demo users head",
                                             "department_id": bureau.id})
        brigade.manager_id = Employee.create({"name": "Demo users leader",
                                              "department_id": brigade.id})
        Employee.create({"name": "Demo users auxiliary", "department_id": squadron.id,
                         "is_auxiliary": True, "aux_category": "duty"})
        env["aux.personnel.demo"]._aux_demo_users(bureau, brigade, squadron)
        env["aux.payroll.demo"]._demo_users(bureau)
        cls.users = Users.search([("login", "in", LOGINS)])
        cls.bureau, cls.squadron = bureau, squadron

    def test_every_demo_login_has_an_email_and_the_bureau_time_zone(self):
        self.assertEqual(sorted(self.users.mapped("login")), sorted(LOGINS))
        for user in self.users:
            self.assertTrue(user.email, user.login)
            self.assertEqual(user.tz, "Asia/Shanghai", user.login)

    def test_the_demo_officer_creates_a_person_and_a_unit(self):
        officer = self.users.filtered(lambda u: u.login == "aux_officer")
        unit = self.env["hr.department"].sudo(officer).create({"name": "Demo users new unit"})
        person = self.env["hr.employee"].sudo(officer).create({
            "name": "Demo users new person", "department_id": unit.id})
        self.assertTrue(person.message_ids)
        self.assertTrue(unit.exists())

    def test_the_demo_bureau_leader_sees_the_bureau(self):
        """The bureau leader's file is in the bureau: as a unit leader he
        reads the people of the bureau and its units (issue 11: without a
        file he saw nobody, and his monthly pack was empty)."""
        boss = self.users.filtered(lambda u: u.login == "aux_boss")
        self.assertEqual(boss.employee_ids.department_id, self.bureau)
        people = self.env["hr.employee"].sudo(boss).search(
            [("department_id", "=", self.squadron.id)])
        self.assertEqual(people.mapped("name"), ["Demo users auxiliary"])
