# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The over-quota approval of a file (reason, by whom, when) is the
office's: an auxiliary's own file does not show it.  (Odoo 11 hides a view
element restricted by ``groups=`` as invisible; the fields' values stay
readable through the ORM, see the field groups for that.)"""
import json

from lxml import etree

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
