# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_contract import RENEWABLE_STATES


class AuxContractRenew(models.TransientModel):
    """Renew one or many contracts at once.

    Each new contract starts the day after its old one ends (or on the chosen
    start date) and runs for the term; the old contract is closed the day
    before the new one starts.
    """

    _name = "aux.contract.renew"
    _description = "Renew Contracts"

    @api.model
    def _default_contract_ids(self):
        if self.env.context.get("active_model") == "hr.contract":
            return [(6, 0, self.env.context.get("active_ids", []))]
        return []

    contract_ids = fields.Many2many(
        "hr.contract", string="Contracts", required=True,
        default=lambda self: self._default_contract_ids())
    date_start = fields.Date(
        string="Start Date",
        help="Start of the new contracts. Empty: each new contract starts the "
             "day after its old contract ends.")
    term_months = fields.Integer(
        string="Term (months)",
        help="Term of the new contracts. Empty: the term of each old contract.")

    @api.multi
    def _check_renewable(self):
        """Refuse the whole batch, naming every contract that cannot be renewed."""
        self.ensure_one()
        problems = []
        for contract in self.contract_ids:
            names = {"contract": contract.name, "person": contract.employee_id.name}
            if contract.aux_renewed_contract_id:
                names["date"] = contract.aux_renewed_contract_id.date_start
                problems.append(_("%(contract)s (%(person)s) is already renewed by the "
                                  "contract starting %(date)s") % names)
            elif contract.state not in RENEWABLE_STATES:
                problems.append(_("%(contract)s (%(person)s) is not running or to renew")
                                % names)
            elif not self.date_start and not contract.date_end:
                problems.append(_("%(contract)s (%(person)s) has no end date: choose a "
                                  "start date") % names)
            elif not (self.term_months or contract.aux_term_months):
                problems.append(_("%(contract)s (%(person)s) has no term: choose a term")
                                % names)
            elif contract.date_start >= self._new_start(contract):
                problems.append(_("%(contract)s (%(person)s) starts on or after the new "
                                  "start date") % names)
        if problems:
            raise UserError(_("These contracts cannot be renewed:\n%s")
                            % "\n".join(problems))

    @api.multi
    def _new_start(self, contract):
        self.ensure_one()
        if self.date_start:
            return self.date_start
        return fields.Date.to_string(
            fields.Date.from_string(contract.date_end) + timedelta(days=1))

    @api.multi
    def action_renew(self):
        self.ensure_one()
        if self.term_months < 0:
            raise UserError(_("The term cannot be negative."))
        self._check_renewable()
        Contract = self.env["hr.contract"]
        new_contracts = Contract
        renewed_by = {}
        closing = defaultdict(lambda: Contract)
        for old in self.contract_ids:
            start = self._new_start(old)
            new = Contract.create(old._aux_renewal_values(
                start, self.term_months or old.aux_term_months))
            new_contracts |= new
            renewed_by[old] = new
            day_before = fields.Date.to_string(
                fields.Date.from_string(start) - timedelta(days=1))
            if not old.date_end or old.date_end > day_before:
                closing[day_before] |= old
        # Batched writes: one per end date, one for the state.
        for day, olds in closing.items():
            olds.write({"date_end": day})
        self.contract_ids.write({"state": "close"})
        for old, new in renewed_by.items():
            old.aux_renewed_contract_id = new
        action = self.env.ref("hr_contract.action_hr_contract").read()[0]
        action["domain"] = [("id", "in", new_contracts.ids)]
        action["context"] = {}
        return action
