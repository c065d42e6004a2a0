# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Renewing a contract (aux_personnel's wizard) keeps its salary structure."""
from .common import AuxPayrollCase


class TestContractRenewal(AuxPayrollCase):

    def test_renewal_keeps_the_salary_structure(self):
        """A contract on a structure chosen by the office (not the default
        auxiliary one) is renewed on the same structure, not reset to the
        default of its pay band."""
        special = self.env["hr.payroll.structure"].create({
            "name": "Special duty (test)", "code": "AUXSPECIAL",
            "parent_id": self.structure.id})
        contract = self.env["hr.contract"].search(
            [("employee_id", "=", self.emp_mid.id), ("state", "=", "open")])
        contract.write({"struct_id": special.id, "date_end": "2031-03-14",
                        "aux_term_months": 36})
        wizard = self.env["aux.contract.renew"].with_context(
            active_model="hr.contract", active_ids=contract.ids).create({})
        wizard.action_renew()
        renewed = contract.aux_renewed_contract_id
        self.assertEqual(renewed.date_start, "2031-03-15")
        self.assertEqual(renewed.struct_id, special)
