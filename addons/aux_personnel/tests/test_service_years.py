# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Years of service (工龄) have one definition, as data (aux.service.rule):
the register, its search and the team composition report count them the
same way, by the rule in force on the day counted.  Payroll's seniority pay
and the per-head budget use it too (aux_payroll/tests/test_service_budget.py).

Hand-computed: entry 2019-03-10, probation 6 months (company setting)."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import AuxPersonnelCase


class TestServiceYears(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestServiceYears, cls).setUpClass()
        cls.env.user.company_id.aux_probation_months = 6
        cls.Rule = cls.env["aux.service.rule"]
        cls.default_rule = cls.env.ref("aux_personnel.aux_service_rule_default")
        cls.manager = cls._user("svc_manager", cls.group_manager)
        cls.officer = cls._user("svc_officer", cls.group_user)
        cls.person = cls._employee("Service Hu", cls.squad_a1, entry_date="2019-03-10")
        cls.self_user = cls._user("svc_self", cls.group_self)
        cls.person.user_id = cls.self_user

    def years(self, date):
        return self.person._aux_years_of_service(date)[self.person.id]

    def test_default_counts_from_the_entry_date(self):
        """The shipped rule counts the probation: 7 years, 6 months and 20 days
        on 2026-09-30; whole years change on the anniversary."""
        self.assertTrue(self.default_rule.probation_counts)
        self.assertEqual(int(self.years("2026-09-30")), 7)
        self.assertAlmostEqual(self.years("2026-09-30"), 7 + 6 / 12.0 + 20 / 366.0, places=6)
        self.assertEqual(int(self.years("2026-03-09")), 6)
        self.assertEqual(int(self.years("2026-03-10")), 7)
        self.assertEqual(self.years("2019-01-01"), 0.0, "before the entry date")

    def test_rule_with_validity_dates(self):
        """From 2027 the bureau counts from the end of the probation
        (2019-09-10): the old rule still counts 2026, the new one 2027."""
        self.default_rule.sudo(self.manager).date_to = "2026-12-31"
        self.Rule.sudo(self.manager).create({
            "name": "From the end of the probation", "date_from": "2027-01-01",
            "probation_counts": False})
        self.assertEqual(int(self.years("2026-12-31")), 7)   # from 2019-03-10
        self.assertAlmostEqual(self.years("2027-03-31"), 7.5 + 21 / 366.0, places=6)
        self.assertEqual(int(self.years("2027-09-09")), 7)   # from 2019-09-10
        self.assertEqual(int(self.years("2027-09-10")), 8)

    def test_register_and_search_agree(self):
        """The register field (read by the person himself) and its search use
        the rule in force today."""
        today = fields.Date.from_string(fields.Date.today())
        entry = fields.Date.to_string(today - relativedelta(years=3))
        self.person.entry_date = entry
        own = self.person.sudo(self.self_user)
        self.assertAlmostEqual(own.years_of_service, 3.0, places=6)
        self.default_rule.probation_counts = False
        own.invalidate_cache()
        self.assertAlmostEqual(own.years_of_service, 2.5, places=6)
        search = self.Employee.search
        self.assertEqual(search([("id", "=", self.person.id),
                                 ("years_of_service", ">=", 2.4)]), self.person)
        self.assertFalse(search([("id", "=", self.person.id),
                                 ("years_of_service", ">=", 2.6)]))

    def test_team_composition_counts_the_same(self):
        """The report's years-of-service band follows the rule: 3 years and
        2 months since entry is '3-10' when the probation counts and '1-3'
        (2 years 8 months) when it does not."""
        today = fields.Date.from_string(fields.Date.today())
        self.person.entry_date = fields.Date.to_string(
            today - relativedelta(years=3, months=2))
        Report = self.env["aux.team.composition.report"]
        row = Report.search([("employee_id", "=", self.person.id)])
        self.assertEqual(row.service_band_id,
                         self.env.ref("aux_personnel.aux_report_band_service_3"))
        self.default_rule.probation_counts = False
        Report.invalidate_cache()
        row = Report.search([("employee_id", "=", self.person.id)])
        self.assertEqual(row.service_band_id,
                         self.env.ref("aux_personnel.aux_report_band_service_1"))
        self.assertEqual(int(self.person._aux_years_of_service(
            fields.Date.to_string(today))[self.person.id]), 2)

    def test_one_rule_a_day_and_only_managers_edit(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.Rule.sudo(self.manager).create({
                "name": "Overlapping", "date_from": "2030-01-01", "probation_counts": False})
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.default_rule.sudo(self.manager).date_to = "1999-01-01"
        self.assertTrue(self.default_rule.sudo(self.officer).probation_counts)
        with self.assertRaises(AccessError):
            self.default_rule.sudo(self.officer).probation_counts = False
