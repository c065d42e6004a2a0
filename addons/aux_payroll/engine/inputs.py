# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The automatic inputs of a payslip, filled from other records.

``load(batch)`` reads, once for the batch being computed: the performance
coefficients of the confirmed assessments (``batch.coefficients``), the
confirmed commendations (``batch.rewards``) and the validated unpaid
leaves (``batch.leaves``).  ``auto_inputs(batch, slip)`` turns them into the
inputs ``PERF_COEF``, ``REWARD`` and ``UNPAID_DAYS`` of one payslip, plus
those the extensions fill (``extension.py``); ``ARREARS`` is added by the
computation (``compute.py``).
"""
from collections import defaultdict

from odoo import fields

from .i18n import translator


def load(batch):
    """Load the sources of the automatic inputs of ``batch``."""
    env = batch.env
    batch.coefficients = {}
    by_period = defaultdict(set)
    for slip in batch.slips:
        by_period[slip["date_from"]].add(slip["employee_id"])
    Sheet = env["aux.assessment.sheet"]
    for date, emp_ids in by_period.items():
        coefficients = Sheet._aux_performance_coefficients(
            env["hr.employee"].browse(list(emp_ids)), date)
        for emp_id, coefficient in coefficients.items():
            batch.coefficients[(date, emp_id)] = coefficient
    emp_ids = batch.employee_ids
    events = env["aux.assessment.event"].sudo().search_read(
        [("employee_id", "in", emp_ids), ("state", "=", "confirmed"),
         ("is_commendation", "=", True), ("date", ">=", batch.min_from),
         ("date", "<=", batch.max_to)], ["employee_id", "date", "type_id"])
    levels = {t["id"]: t["commendation_level"] for t in env[
        "aux.assessment.event.type"].sudo().with_context(active_test=False).browse(
        list({e["type_id"][0] for e in events})).read(["commendation_level"])}
    batch.rewards = defaultdict(list)
    for event in events:
        batch.rewards[event["employee_id"][0]].append(
            (event["date"], levels.get(event["type_id"][0])))
    batch.leaves = defaultdict(list)
    statuses = env["hr.holidays.status"].sudo().with_context(active_test=False).search(
        [("aux_unpaid", "=", True)])
    if statuses:
        for leave in env["hr.holidays"].sudo().search_read(
                [("employee_id", "in", emp_ids), ("type", "=", "remove"),
                 ("state", "=", "validate"), ("holiday_status_id", "in", statuses.ids),
                 ("date_from", "<=", batch.max_to + " 23:59:59"),
                 ("date_to", ">=", batch.min_from + " 00:00:00")],
                ["employee_id", "date_from", "date_to", "number_of_days_temp"]):
            batch.leaves[leave["employee_id"][0]].append((
                fields.Datetime.from_string(leave["date_from"]).date(),
                fields.Datetime.from_string(leave["date_to"]).date(),
                leave["number_of_days_temp"]))


def auto_inputs(batch, slip):
    """({code: (label, amount)}, [warnings]) of the inputs filled for
    ``slip``: performance coefficient, rewards, unpaid leave days and the
    extensions' inputs."""
    reader = batch.readers[slip["date_to"]]
    warnings = []
    coefficient = batch.coefficients.get((slip["date_from"], slip["employee_id"]))
    if coefficient is None:
        _ = translator(batch.env)
        coefficient = reader.rate("PERF_COEF")
        warnings.append(_(
            "No confirmed assessment for %(period)s: performance pay computed with "
            "coefficient %(coef)s from table %(table)s.") % {
            "period": slip["date_from"][:7], "coef": "%.2f" % coefficient,
            "table": reader.version_name("PERF_COEF")})
    reward = 0.0
    for date, level in batch.rewards.get(slip["employee_id"], ()):
        if slip["date_from"] <= date <= slip["date_to"]:
            reward += reader.rate("REWARD", level)
    unpaid = 0.0
    for leave_from, leave_to, days in batch.leaves.get(slip["employee_id"], ()):
        start = max(leave_from, fields.Date.from_string(slip["date_from"]))
        end = min(leave_to, fields.Date.from_string(slip["date_to"]))
        if start > end:
            continue
        span = (leave_to - leave_from).days + 1
        unpaid += days * ((end - start).days + 1) / span
    labels = batch.labels
    inputs = {"PERF_COEF": (labels["PERF_COEF"], coefficient),
              "REWARD": (labels["REWARD"], reward),
              "UNPAID_DAYS": (labels["UNPAID_DAYS"], round(unpaid, 2))}
    for extension in batch.extensions:
        extension.inputs(batch, slip, inputs, warnings)
    return inputs, warnings
