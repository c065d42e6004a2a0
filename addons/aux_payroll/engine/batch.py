# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A batch of payslips and everything their rules need, loaded once.

``PayrollBatch(env, slips, extensions).load()`` reads, with a few searches
for the whole batch (never a query per person): the contracts and
employees, the grade and main post histories, the pay tables in force, the
years-of-service rule, the annual results (year-end pay), the salary rules
compiled (``rules.py``), the inputs typed and worked days already on the
payslips, the year-to-date income tax figures (``tax.py``), the currency
rounding of each company and what the extensions load (``extension.py``).
A batch of the payslips being computed also loads what its automatic
inputs come from (``inputs.py``) and, for adjustment runs, what the month
already paid (``adjustment.py``); a batch of earlier months recomputed for
arrears (``earlier=True``) does not: its stored inputs are used.

``slips`` are dicts of payslip fields (``read(..., load="_classic_write")``):
the contract and structure of a payslip without them are filled in here.
"""
from collections import defaultdict

from odoo import _
from odoo.exceptions import UserError

from . import adjustment, inputs, rules, tax
from .codes import AUTO_INPUTS
from .rulecode import Input, Values


class PayrollBatch(object):
    """The payslips of one computation and their data (see the module)."""

    def __init__(self, env, slips, extensions=(), earlier=False):
        self.env = env
        self.slips = slips
        self.extensions = list(extensions)
        self.earlier = earlier
        self.employee_ids = list({s["employee_id"] for s in slips})
        self.min_from = min(s["date_from"] for s in slips)
        self.max_to = max(s["date_to"] for s in slips)
        # whether the results are written with bulk SQL (see store.py)
        self.bulk = False
        # labels of the automatic inputs, translated once per batch
        self.labels = {
            "ARREARS": _("Arrears (back pay)"), "PERF_COEF": _("Performance coefficient"),
            "REWARD": _("Reward amounts"), "UNPAID_DAYS": _("Unpaid leave days")}
        # adjustment runs (adjustment.py): empty unless loaded
        self.adjustment_ids = set()
        self.adjusted = {}
        self.adjusted_slip_ids = set()
        self.adjusted_ytd = {}

    def load(self):
        """Load everything (see the module); returns the batch."""
        self._load_contracts()
        self._load_people()
        self._load_histories()
        env = self.env
        self.readers = env["aux.pay.table"]._aux_readers([s["date_to"] for s in self.slips])
        # years of service: the one definition (aux.service.rule), read once
        self.service_excluded = env["aux.service.rule"]._aux_excluded_months_loader()
        self.annual_bands = self._load_annual_bands(
            {int(s["date_to"][:4]) - 1 for s in self.slips})
        self.rules = rules.prepare_rules(env, {s["struct_id"] for s in self.slips})
        self._load_payslip_lines()
        tax.load(self)
        companies = env["res.company"].browse(list({s["company_id"] for s in self.slips}))
        self.rounding = {c.id: c.currency_id.rounding for c in companies}
        self.records = {s.id: s for s in env["hr.payslip"].browse(
            [s["id"] for s in self.slips])}
        if not self.earlier:
            adjustment.load(self)
            inputs.load(self)
        for extension in self.extensions:
            extension.load(self)
        return self

    def _load_contracts(self):
        """The payslip's contract, else the running contract of the period;
        the structure of the payslip, else of its contract."""
        env = self.env
        slips = self.slips
        missing = [s for s in slips if not s["contract_id"]]
        if missing:
            contracts = env["hr.contract"].search_read(
                [("employee_id", "in", [s["employee_id"] for s in missing]),
                 ("state", "=", "open"), ("date_start", "<=", self.max_to),
                 "|", ("date_end", "=", False), ("date_end", ">=", self.min_from)],
                ["employee_id", "date_start", "date_end"], order="date_start desc")
            for slip in missing:
                for contract in contracts:
                    if contract["employee_id"][0] == slip["employee_id"] \
                            and contract["date_start"] <= slip["date_to"] \
                            and (not contract["date_end"]
                                 or contract["date_end"] >= slip["date_from"]):
                        slip["contract_id"] = contract["id"]
                        break
        for slip in slips:
            if not slip["contract_id"]:
                raise UserError(_(
                    "Payslip %(slip)s: %(employee)s has no running contract between "
                    "%(start)s and %(end)s.") % {
                    "slip": slip["number"] or slip["name"],
                    "employee": env["hr.employee"].browse(slip["employee_id"]).name,
                    "start": slip["date_from"], "end": slip["date_to"]})
        contracts = env["hr.contract"].browse(list({s["contract_id"] for s in slips}))
        self.contracts = {c.id: c for c in contracts}
        self.contract_data = {c["id"]: c for c in contracts.read(
            ["struct_id", "aux_post_id", "aux_grade_id", "aux_contribution_base",
             "date_start"], load="_classic_write")}
        for slip in slips:
            if not slip["struct_id"]:
                slip["struct_id"] = self.contract_data[slip["contract_id"]]["struct_id"]
            if not slip["struct_id"]:
                raise UserError(_(
                    "Payslip %s has no salary structure, neither has its contract.")
                    % (slip["number"] or slip["name"]))

    def _load_people(self):
        employees = self.env["hr.employee"].with_context(active_test=False).browse(
            self.employee_ids)
        self.employees = {e.id: e for e in employees}
        self.employee_data = {e["id"]: e for e in employees.read(
            ["name", "entry_date", "aux_category", "aux_grade_id", "department_id"],
            load="_classic_write")}

    def _load_histories(self):
        """Grade and main post histories of the period:
        {employee id: [(date_from, date_to, value id)]}."""
        env = self.env
        self.grades = defaultdict(list)
        for line in env["aux.grade.history"].sudo().search_read(
                [("employee_id", "in", self.employee_ids), ("date_from", "<=", self.max_to),
                 "|", ("date_to", "=", False), ("date_to", ">=", self.min_from)],
                ["employee_id", "date_from", "date_to", "grade_id"], order="date_from"):
            self.grades[line["employee_id"][0]].append(
                (line["date_from"], line["date_to"], line["grade_id"][0]))
        self.posts = defaultdict(list)
        for line in env["aux.post.assignment"].sudo().search_read(
                [("employee_id", "in", self.employee_ids), ("assignment_type", "=", "main"),
                 ("date_from", "<=", self.max_to),
                 "|", ("date_to", "=", False), ("date_to", ">=", self.min_from)],
                ["employee_id", "date_from", "date_to", "post_id"], order="date_from"):
            self.posts[line["employee_id"][0]].append(
                (line["date_from"], line["date_to"], line["post_id"][0]))

    def _load_annual_bands(self, years):
        """{(employee id, year): band code} of the confirmed annual results of
        ``years`` (the year-end performance pay); two reads for the batch."""
        env = self.env
        sheets = env["aux.assessment.sheet"].sudo().search_read(
            [("employee_id", "in", self.employee_ids), ("period_type", "=", "annual"),
             ("state", "=", "confirmed"), ("year", "in", list(years)),
             ("band_id", "!=", False)],
            ["employee_id", "year", "band_id"], order="confirm_date, id")
        codes = {band["id"]: band["code"] for band in env[
            "aux.assessment.band"].sudo().with_context(active_test=False).browse(
            list({s["band_id"][0] for s in sheets})).read(["code"])}
        return {(s["employee_id"][0], s["year"]): codes[s["band_id"][0]] for s in sheets}

    def _load_payslip_lines(self):
        """Inputs typed by the officer and worked days already on the
        payslips: {slip id: {code: Input}} and {slip id: {code: Values}}."""
        env = self.env
        slip_ids = [s["id"] for s in self.slips if s.get("id")]
        self.manual_inputs = defaultdict(dict)
        for line in env["hr.payslip.input"].search_read(
                [("payslip_id", "in", slip_ids), ("code", "not in", AUTO_INPUTS)],
                ["payslip_id", "code", "name", "amount"]):
            self.manual_inputs[line["payslip_id"][0]][line["code"]] = Input(
                line["code"], line["name"], line["amount"])
        self.worked_days = defaultdict(dict)
        for line in env["hr.payslip.worked_days"].search_read(
                [("payslip_id", "in", slip_ids)],
                ["payslip_id", "code", "number_of_days", "number_of_hours"]):
            self.worked_days[line["payslip_id"][0]][line["code"]] = Values(line)
