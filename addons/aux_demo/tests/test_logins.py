# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo logins are the roles of security/roles.csv, and they work: each
has exactly the groups of its role, an e-mail address (the chatter's
creation message needs the author's address: "Unable to send email, please
configure the sender's email address") and the bureau's time zone."""
import csv
import os

from odoo.tests.common import SavepointCase

ROLES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                          os.pardir, "security", "roles.csv")


def demo_roles():
    """{login: groups (xmlids)} of the roles of security/roles.csv with a demo login."""
    with open(ROLES_FILE, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return {row["login"]: row["groups"].split() for row in csv.DictReader(lines)
            if row["login"]}


class TestDemoLogins(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDemoLogins, cls).setUpClass()
        env = cls.env
        cls.roles = demo_roles()
        Users = env["res.users"].with_context(active_test=False)
        existing = Users.search([("login", "in", list(cls.roles))])
        existing.write({"login_date": False, "active": False})
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
        env["aux.demo.personnel"]._aux_demo_users(bureau, brigade, squadron)
        env["aux.demo.payroll"]._demo_users(bureau)
        env["aux.demo.training"]._demo_officer()
        env["aux.demo.welfare"]._demo_officer()
        cls.users = Users.search([("login", "in", list(cls.roles))])
        cls.bureau, cls.squadron = bureau, squadron

    def test_each_demo_login_has_the_groups_of_its_role(self):
        self.assertEqual(sorted(self.users.mapped("login")), sorted(self.roles))
        Users = self.env["res.users"].with_context(no_reset_password=True)
        for user in self.users:
            role = Users.create({
                "name": "Role of %s" % user.login, "login": "role_%s" % user.login,
                "groups_id": [(6, 0, [self.env.ref(xmlid).id
                                      for xmlid in self.roles[user.login]])]})
            demo, wanted = user.groups_id, role.groups_id
            self.assertEqual(
                demo, wanted, "demo login %s has groups %s beyond its role and lacks %s "
                "(security/roles.csv)" % (user.login, (demo - wanted).mapped("full_name"),
                                          (wanted - demo).mapped("full_name")))
            self.assertEqual(self.env.ref("aux_demo.user_%s_demo" % user.login), user)

    def test_every_demo_login_has_an_email_and_the_bureau_time_zone(self):
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
