# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .test_post_common import AuxPostCommon


class TestContract(AuxPostCommon):

    @classmethod
    def setUpClass(cls):
        super(TestContract, cls).setUpClass()
        cls.Contract = cls.env["hr.contract"]
        cls.env.user.company_id.aux_contract_notice_days = 30
        cls.funding = cls.env["res.partner"].create({"name": "H2 Finance Bureau"})
        cls.job = cls.env["hr.job"].create({"name": "H2 Auxiliary officer"})
        cls.Assignment.create({"employee_id": cls.aux1.id, "post_id": cls.window.id,
                               "date_from": cls._date(years=-1)})
        cls.contract = cls._contract(cls.aux1, cls._date(years=-3), cls._date(days=20))

    @classmethod
    def _contract(cls, employee, date_start, date_end, **values):
        vals = {"name": "Contract %s" % employee.name, "employee_id": employee.id,
                "department_id": employee.department_id.id, "job_id": cls.job.id,
                "wage": 3200.0, "date_start": date_start, "date_end": date_end,
                "aux_term_months": 36, "aux_funding_partner_id": cls.funding.id,
                "aux_post_id": cls.window.id, "aux_pay_band": "auxiliary", "state": "open"}
        vals.update(values)
        return cls.Contract.create(vals)

    def _renew(self, contracts, **values):
        wizard = self.env["aux.contract.renew"].with_context(
            active_model="hr.contract", active_ids=contracts.ids).create(values)
        wizard.action_renew()
        return contracts.mapped("aux_renewed_contract_id")

    def test_term_and_probation_set_the_dates(self):
        contract = self.Contract.new({"date_start": "2026-03-01", "aux_term_months": 36,
                                      "aux_probation_months": 6})
        contract._onchange_aux_term_months()
        contract._onchange_aux_probation_months()
        self.assertEqual(contract.date_end, "2029-02-28")
        self.assertEqual(contract.trial_date_end, "2026-08-31")

    def test_probation_longer_than_term_is_refused(self):
        with self.refused(ValidationError, "probation is longer than the term"):
            self.contract.aux_probation_months = 40

    def test_renewal_starts_the_day_after_and_carries_the_terms(self):
        new = self._renew(self.contract)
        self.assertEqual(len(new), 1)
        self.assertEqual(new.date_start, self._date(days=21))
        self.assertEqual(new.date_end, self._date(days=20, years=3))
        self.assertEqual(new.state, "open")
        self.assertEqual(new.employee_id, self.aux1)
        self.assertEqual(new.wage, 3200.0)
        self.assertEqual(new.job_id, self.job)
        self.assertEqual(new.department_id, self.brigade)
        self.assertEqual(new.aux_funding_partner_id, self.funding)
        self.assertEqual(new.aux_post_id, self.window)
        self.assertEqual(new.aux_previous_contract_id, self.contract)
        self.assertEqual(self.contract.state, "close")
        self.assertEqual(self.contract.date_end, self._date(days=20))

    def test_renewal_on_a_chosen_start_closes_the_old_contract_the_day_before(self):
        new = self._renew(self.contract, date_start=self._date(days=5), term_months=12)
        self.assertEqual(new.date_start, self._date(days=5))
        self.assertEqual(new.date_end, self._date(days=4, years=1))
        self.assertEqual(self.contract.date_end, self._date(days=4))
        self.assertEqual(self.contract.state, "close")

    def test_renewal_refuses_renewed_or_not_running_contracts(self):
        self._renew(self.contract)
        draft = self._contract(self.aux2, self._date(days=-10), self._date(days=300),
                               state="draft")
        count = self.Contract.search_count([])
        with self.refused(UserError, r"(?s)Contract Zhang Wei.*already renewed.*"
                                     r"Contract Li Na.*not running"):
            self._renew(self.contract | draft)
        self.assertEqual(self.Contract.search_count([]), count)

    def test_renewing_fifty_contracts_at_once(self):
        employees = self.Employee.create({"name": "H2 Batch 0", "is_auxiliary": True,
                                          "aux_category": "duty",
                                          "department_id": self.brigade.id})
        for number in range(1, 50):
            employees |= employees[0].copy({"name": "H2 Batch %s" % number})
        contracts = self.Contract
        for employee in employees:
            contracts |= self._contract(employee, self._date(years=-3), self._date(days=10))
        new = self._renew(contracts)
        self.assertEqual(len(new), 50)
        self.assertEqual(set(new.mapped("date_start")), {self._date(days=11)})
        self.assertEqual(new.mapped("employee_id"), employees)
        self.assertEqual(set(contracts.mapped("state")), {"close"})

    def test_daily_job_moves_expiring_contracts_to_renew(self):
        later = self._contract(self.aux2, self._date(years=-2), self._date(days=45))
        self.Contract._cron_aux_contract_expiry()
        self.assertEqual(self.contract.state, "pending")
        self.assertEqual(later.state, "open")
        expiring = self.Contract.search([("aux_is_expiring", "=", True)])
        self.assertIn(self.contract, expiring)
        self.assertNotIn(later, expiring)
        self.assertNotIn(self.contract, self.Contract.search([("aux_is_expiring", "=", False)]))
        # The notice period is a company setting: a longer one takes the other in.
        self.env.user.company_id.aux_contract_notice_days = 60
        self.Contract._cron_aux_contract_expiry()
        self.assertEqual(later.state, "pending")

    def test_notice_period_is_a_company_setting(self):
        self.assertTrue(self.env.ref("aux_personnel.aux_contract_expiry_cron").active)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.aux_contract_notice_days, 30)
        # The settings field writes the company's value.
        self.env["res.config.settings"].create({"aux_contract_notice_days": 45})
        self.assertEqual(self.env.user.company_id.aux_contract_notice_days, 45)
        # A new company starts with the notice period of the current one.
        company = self.env["res.company"].create({"name": "H2 Other Bureau"})
        self.assertEqual(company.aux_contract_notice_days, 45)

    def test_renewal_advice_is_unknown_without_assessment(self):
        self.assertEqual(self.contract.aux_renewal_advice, "unknown")
        self.assertEqual(self.contract._aux_renewal_eligibility(),
                         {self.contract.id: "unknown"})
