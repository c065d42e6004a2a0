# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The over-quota approval of a file (reason, by whom, when) is the
office's: an auxiliary's own file does not show it, and neither he nor a
unit leader can read it through the ORM (the fields' ``groups=``)."""
import json

from lxml import etree

from odoo.exceptions import AccessError

from .common import AuxPersonnelCase


class TestQuotaOverrideView(AuxPersonnelCase):

    def _quota_group_invisible(self, user):
        arch = self.env["hr.employee"].sudo(user).fields_view_get(view_type="form")["arch"]
        node = etree.fromstring(arch).xpath("//group[@name='quota_override']")[0]
        return json.loads(node.get("modifiers"))["invisible"]

    def test_self_service_form_hides_quota_override(self):
        user = self._user("quota_view_self", self.group_self)
        self.assertIs(self._quota_group_invisible(user), True)

    def test_office_form_shows_quota_override(self):
        office = self._user("quota_view_office", self.env.ref(
            "aux_personnel.group_aux_personnel_user"))
        # shown for auxiliaries (the attrs' domain), not hidden outright
        self.assertEqual(self._quota_group_invisible(office), [["is_auxiliary", "=", False]])

    def test_values_are_the_offices_only(self):
        """The form hiding the group is not enough: the values themselves are
        refused to the person and to his unit leader, by read, search and
        read_group, and read by the office."""
        person = self._employee("Quota Override Holder", self.squad_a1)
        manager = self._user("quota_value_manager", self.group_manager)
        person.sudo(manager).write({"quota_override_reason": "Flood relief, decision 7"})
        own = self._user("quota_value_self", self.group_self)
        person.user_id = own
        leader = self._user("quota_value_leader", self.group_leader)
        self.squad_a1.manager_id = self.env["hr.employee"].create({
            "name": "Quota Leader", "department_id": self.squad_a1.id, "user_id": leader.id})
        for user in (own, leader):
            employee = person.sudo(user)
            self.assertEqual(employee.read(["name"])[0]["name"], "Quota Override Holder")
            for field in ("quota_override_reason", "quota_override_uid", "quota_override_date"):
                with self.assertRaises(AccessError, msg="%s read %s" % (user.login, field)):
                    employee.read([field])
            with self.assertRaises(AccessError):
                employee.search([("quota_override_reason", "!=", False)])
            with self.assertRaises(AccessError):
                employee.read_group([], ["quota_override_reason"], ["quota_override_reason"])
            self.assertNotIn("quota_override_reason", employee.fields_get())
        office = self._user("quota_value_office", self.group_user)
        self.assertEqual(person.sudo(office).read(["quota_override_reason"])[0][
            "quota_override_reason"], "Flood relief, decision 7")
