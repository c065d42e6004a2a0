# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxWelfareCase


class TestCareCampaign(AuxWelfareCase):

    @classmethod
    def setUpClass(cls):
        super(TestCareCampaign, cls).setUpClass()
        cls.emp_aux_a.birthday = "1990-07-20"
        cls.emp_aux_a2.birthday = "1991-01-05"
        cls.emp_archived = cls.env["hr.employee"].create({
            "name": "W Former Auxiliary", "department_id": cls.unit_a.id,
            "is_auxiliary": True, "birthday": "1990-07-21"})
        cls.emp_archived.active = False

    def _campaign(self, **values):
        vals = {"name": "Summer 2026", "campaign_type": "summer",
                "date_from": "2026-06-01", "date_to": "2026-08-31", "amount": 300.0,
                "department_ids": [(6, 0, (self.unit_a | self.unit_b).ids)]}
        vals.update(values)
        return self.env["aux.care.campaign"].create(vals)

    def test_generate_one_payment_per_active_auxiliary(self):
        campaign = self._campaign()
        campaign.action_generate()
        self.assertEqual(campaign.state, "generated")
        self.assertEqual(campaign.payment_ids.mapped("employee_id"),
                         self.emp_aux_a | self.emp_aux_a2 | self.emp_aux_b,
                         "sworn leaders and archived people are not eligible")
        self.assertEqual(set(campaign.payment_ids.mapped("amount")), {300.0})
        self.assertEqual(set(campaign.payment_ids.mapped("payment_type")), {"seasonal"})
        self.assertEqual(campaign.amount_total, 900.0)

    def test_generate_twice_never_duplicates(self):
        campaign = self._campaign()
        campaign.action_generate()
        campaign.action_generate()
        self.assertEqual(len(campaign.payment_ids), 3)
        newcomer = self._create_employee("W Newcomer", self.unit_b, self.user_office)
        campaign.action_generate()
        self.assertEqual(len(campaign.payment_ids), 4)
        self.assertIn(newcomer, campaign.payment_ids.mapped("employee_id"))

    def test_units_restrict_the_campaign(self):
        campaign = self._campaign(department_ids=[(6, 0, self.unit_a.ids)])
        campaign.action_generate()
        self.assertEqual(campaign.payment_ids.mapped("employee_id"),
                         self.emp_aux_a | self.emp_aux_a2, "sub-units included")

    def test_birthday_greetings_for_birthdays_in_period(self):
        campaign = self._campaign(name="July birthdays", campaign_type="birthday",
                                  date_from="2026-07-01", date_to="2026-07-31")
        campaign.action_generate()
        self.assertEqual(campaign.payment_ids.mapped("employee_id"), self.emp_aux_a)
        self.assertEqual(campaign.payment_ids.payment_type, "birthday")

    def test_approve_and_pay_whole_campaign(self):
        campaign = self._campaign()
        campaign.action_generate()
        with self.assertRaises(AccessError):
            campaign.sudo(self.user_office).action_approve()
        campaign.sudo(self.user_manager).action_approve()
        self.assertEqual(set(campaign.payment_ids.mapped("state")), {"approved"})
        campaign.sudo(self.user_office).action_pay()
        self.assertEqual(set(campaign.payment_ids.mapped("state")), {"paid"})
        with self.assertRaises(UserError):
            campaign.action_generate()

    def test_campaign_values_checked(self):
        with self.assertRaises(ValidationError):
            self._campaign(amount=0.0)
        with self.assertRaises(ValidationError):
            self._campaign(date_from="2026-09-01", date_to="2026-08-01")

    def test_unique_payment_per_campaign_and_person(self):
        campaign = self._campaign()
        campaign.action_generate()
        payment = campaign.payment_ids[0]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), \
                self.cr.savepoint():
            trust(payment).copy({"campaign_id": campaign.id})
