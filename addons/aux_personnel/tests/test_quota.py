# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import AuxPersonnelCase


class TestEstablishmentQuota(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestEstablishmentQuota, cls).setUpClass()
        cls.year = fields.Date.from_string(fields.Date.today()).year
        cls.quota = cls.Quota.create({
            "department_id": cls.squad_a1.id, "category": "duty", "quota": 2,
            "year_from": cls.year, "year_to": cls.year})
        cls.a = cls._employee("Duty A", cls.squad_a1)
        cls.b = cls._employee("Duty B", cls.squad_a1)
        cls.manager = cls._user("aux_quota_manager", cls.group_manager)
        cls.officer = cls._user("aux_quota_officer", cls.group_user)

    def test_headcount_on_unit(self):
        self.assertEqual(self.squad_a1.aux_headcount, 2)
        self.assertEqual(self.squad_a1.aux_quota, 2)
        self.assertFalse(self.squad_a1.aux_over_quota)
        self.assertEqual(self.quota.headcount, 2)

    def test_create_beyond_quota_refused(self):
        with self.assertRaisesRegex(ValidationError, "Squadron A1.*Duty C"):
            self._employee("Duty C", self.squad_a1)

    def test_other_category_and_sworn_staff_not_counted(self):
        self._employee("Civilian", self.squad_a1, aux_category="civilian")
        self.Employee.create({"name": "Sworn", "department_id": self.squad_a1.id})
        self.assertEqual(self.squad_a1.aux_headcount, 3)

    def test_transfer_into_full_unit_refused(self):
        c = self._employee("Duty C", self.brigade_b)
        with self.assertRaisesRegex(ValidationError, "Squadron A1"):
            c.department_id = self.squad_a1

    def test_quota_of_other_years_ignored(self):
        self.quota.write({"year_from": self.year - 3, "year_to": self.year - 1})
        self._employee("Duty C", self.squad_a1)
        self.assertEqual(self.squad_a1.aux_quota, 0)

    def test_cohort_quota(self):
        self.quota.active = False
        self.Quota.create({"department_id": self.squad_a1.id, "cohort": "2026-1",
                           "quota": 1, "year_from": self.year})
        self._employee("Cohort 1", self.squad_a1, cohort="2026-1")
        with self.assertRaisesRegex(ValidationError, "2026-1"):
            self._employee("Cohort 2", self.squad_a1, cohort="2026-1")
        self._employee("Other cohort", self.squad_a1, cohort="2025-2")

    def test_manager_override_admits_and_is_recorded(self):
        c = self.Employee.sudo(self.manager).create({
            "name": "Duty C", "department_id": self.squad_a1.id, "is_auxiliary": True,
            "aux_category": "duty", "quota_override_reason": "Flood relief, decision 12"})
        self.assertEqual(c.quota_override_uid, self.manager)
        self.assertTrue(c.quota_override_date)
        self.assertTrue(self.squad_a1.aux_over_quota)

    def test_officer_cannot_override(self):
        with self.assertRaises(AccessError):
            self.Employee.sudo(self.officer).create({
                "name": "Duty C", "department_id": self.squad_a1.id, "is_auxiliary": True,
                "aux_category": "duty", "quota_override_reason": "Please"})
        with self.assertRaises(AccessError):
            self.a.sudo(self.officer).write({"quota_override_reason": "Please"})
