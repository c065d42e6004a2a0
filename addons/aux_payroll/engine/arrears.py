# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Arrears: back pay of earlier months after a back-dated change.

``arrears(batch)`` gives {slip id: [(period start, rule code, rule name,
amount)]}: what the confirmed payslips of earlier months (within the
number of months of the pay table ``ARREARS_MONTHS``) should have paid
with the grade, post, pay tables and annual results now recorded for their
periods, minus what they and earlier arrears paid.  Only months computed
before a back-dated change (a pay table version, grade or post line
recorded after them and effective in their period, an annual result
confirmed later) are recomputed: as a second ``PayrollBatch`` of those
earlier payslips (``earlier=True``: their stored inputs, no adjustment),
evaluated by the same rules.
"""
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import float_round

from . import rules
from .batch import PayrollBatch
from .codes import ARREARS_CODE, ARREARS_MONTHS_TABLE, EARNING_CATEGORIES
from .rulecode import Input

SLIP_FIELDS = ["employee_id", "contract_id", "struct_id", "date_from", "date_to", "number",
               "company_id", "name", "credit_note", "aux_rates_date", "payslip_run_id"]


def arrears(batch):
    """The arrears owed to each payslip of ``batch`` (see the module)."""
    env = batch.env
    slips = batch.slips
    current = {s["employee_id"]: s for s in slips}
    latest_start = max(s["date_from"] for s in slips)
    months = batch.readers[batch.max_to].rate(ARREARS_MONTHS_TABLE)
    if not months:
        return {}
    lookback = fields.Date.to_string(fields.Date.from_string(
        batch.min_from) - relativedelta(months=int(months)))
    old = env["hr.payslip"].sudo().search(
        [("employee_id", "in", list(current)), ("state", "=", "done"),
         ("credit_note", "=", False), ("aux_rates_date", "!=", False),
         ("date_from", ">=", lookback), ("date_to", "<", latest_start)]).read(
        SLIP_FIELDS, load="_classic_write")
    old = [o for o in old if o["date_to"] < current[o["employee_id"]]["date_from"]]
    if not old:
        return {}
    # a month may have several payslips (the regular one and adjustment
    # payslips): it is recomputed once, from its first payslip, against what
    # all of them paid, and only if a change was recorded after the latest
    # of them was computed
    by_month = defaultdict(list)
    for slip in sorted(old, key=lambda o: o["id"]):
        by_month[(slip["employee_id"], slip["date_from"])].append(slip)
    old = [dict(month_slips[0], aux_rates_date=max(o["aux_rates_date"] for o in month_slips))
           for month_slips in by_month.values()]
    candidates = _changed_since_computed(env, old, list(current))
    if not candidates:
        return {}
    earlier = PayrollBatch(env, candidates, env["hr.payslip"]._aux_engine_extensions(),
                           earlier=True).load()
    stored_inputs = defaultdict(dict)
    for line in env["hr.payslip.input"].sudo().search_read(
            [("payslip_id", "in", [c["id"] for c in candidates])],
            ["payslip_id", "code", "name", "amount"]):
        stored_inputs[line["payslip_id"][0]][line["code"]] = Input(
            line["code"], line["name"], 0.0 if line["code"] == ARREARS_CODE
            else line["amount"])
    paid, paid_arrears = _paid(batch, by_month, candidates, list(current))
    result = defaultdict(list)
    for slip in sorted(candidates, key=lambda c: c["date_from"]):
        lines, _warnings = rules.evaluate(earlier, slip, stored_inputs[slip["id"]])
        target = current[slip["employee_id"]]
        rounding = batch.rounding[target["company_id"]]
        for line in lines:
            rule = line["rule"]
            if rule["code"] == ARREARS_CODE or not set(
                    rule["categories"]) & set(EARNING_CATEGORIES):
                continue
            due = line["total"] - paid[(slip["id"], rule["code"])] - paid_arrears[
                (slip["employee_id"], slip["date_from"], rule["code"])]
            due = float_round(due, precision_rounding=rounding)
            if abs(due) >= rounding:
                result[target["id"]].append(
                    (slip["date_from"], rule["code"], rule["name"], due))
    return result


def _changed_since_computed(env, old, emp_ids):
    """The months of ``old`` with a back-dated change recorded after they
    were computed (their ``aux_rates_date``)."""
    since = min(o["aux_rates_date"] for o in old)
    versions = env["aux.pay.table.version"].sudo().search_read(
        [("create_date", ">", since)], ["date_from", "create_date"])
    changes = defaultdict(list)
    for model in ("aux.grade.history", "aux.post.assignment"):
        for line in env[model].sudo().search_read(
                [("employee_id", "in", emp_ids), ("write_date", ">", since)],
                ["employee_id", "date_from", "date_to", "write_date"]):
            changes[line["employee_id"][0]].append(line)
    # an annual result confirmed later changes the year-end pay of the
    # payslips of the next year computed before it
    for sheet in env["aux.assessment.sheet"].sudo().search_read(
            [("employee_id", "in", emp_ids), ("period_type", "=", "annual"),
             ("state", "=", "confirmed"), ("confirm_date", ">", since)],
            ["employee_id", "year", "confirm_date"]):
        changes[sheet["employee_id"][0]].append({
            "date_from": "%04d-01-01" % (sheet["year"] + 1),
            "date_to": "%04d-12-31" % (sheet["year"] + 1),
            "write_date": sheet["confirm_date"]})
    candidates = []
    for slip in old:
        stamp = slip["aux_rates_date"]
        if any(v["create_date"] > stamp and v["date_from"] <= slip["date_to"]
               for v in versions) or any(
                c["write_date"] > stamp and c["date_from"] <= slip["date_to"]
                and (not c["date_to"] or c["date_to"] >= slip["date_from"])
                for c in changes.get(slip["employee_id"], ())):
            candidates.append(slip)
    return candidates


def _paid(batch, by_month, candidates, emp_ids):
    """What was paid: {(first payslip id of the month, rule code): total}
    over all payslips of each recomputed month, and {(employee id, period
    start, rule code): total} of the arrears paid since for those periods."""
    env = batch.env
    first_of = {}
    for month_slips in by_month.values():
        for slip in month_slips:
            first_of[slip["id"]] = month_slips[0]["id"]
    candidate_ids = {c["id"] for c in candidates}
    paid = defaultdict(float)
    for line in env["hr.payslip.line"].sudo().search_read(
            [("slip_id", "in", [slip_id for slip_id, first in first_of.items()
                                if first in candidate_ids])],
            ["slip_id", "code", "total"]):
        paid[(first_of[line["slip_id"][0]], line["code"])] += line["total"]
    paid_arrears = defaultdict(float)
    # the arrears paid by the payslips an adjustment payslip recomputes are
    # subtracted from it with their other lines (``adjustment.difference``)
    excluded = [s["id"] for s in batch.slips] + list(batch.adjusted_slip_ids)
    for line in env["hr.payslip.line"].sudo().search_read(
            [("employee_id", "in", emp_ids), ("code", "=", ARREARS_CODE),
             ("aux_arrears_date", "!=", False), ("slip_id.state", "=", "done"),
             ("slip_id", "not in", excluded)],
            ["employee_id", "aux_arrears_date", "aux_arrears_code", "total"]):
        paid_arrears[(line["employee_id"][0], line["aux_arrears_date"],
                      line["aux_arrears_code"])] += line["total"]
    return paid, paid_arrears
