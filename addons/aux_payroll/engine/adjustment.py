# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adjustment runs: a payslip that pays only what the month still owes.

A payslip of an adjustment run is computed for the full month like any
other; ``difference`` then takes off what the person's other payslips of
the month (in auxiliary runs, not cancelled, of the same company: the
adjusted regular run and earlier adjustment runs) paid for each rule.

``load(batch)`` sets, for the adjustment payslips of the batch (nothing is
loaded for a regular run):

- ``batch.adjustment_ids``: their ids;
- ``batch.adjusted``: {(employee id, month YYYY-MM): {(rule code, arrears
  period, arrears component): total}} over those other payslips; a refund
  (credit note) counts negatively, as in the journal entry of a run;
- ``batch.adjusted_slip_ids``: the ids of those payslips (their arrears
  are not "paid earlier" for the recomputed month, see ``arrears.py``);
- ``batch.adjusted_ytd``: {(employee id, month): [gross pay, employee
  contributions, tax withheld]} of those of them that are final
  (``final.py``): what they put in the year-to-date figures of the income
  tax (see ``tax.facts``);
- the officer's inputs of those payslips (latest first) fill the inputs
  not typed on the adjustment payslip, so that e.g. the night duties of
  the month are not taken back.
"""
from collections import defaultdict

from odoo.tools import float_round

from .codes import (AUTO_INPUTS, NET_CATEGORY, YTD_CONTRIBUTION_CATEGORY,
                    YTD_INCOME_CATEGORY, YTD_TAX_CATEGORY)
from .final import FINAL_SQL, final_params
from .rulecode import Input


def load(batch):
    """Load what the month already paid (see the module).

    Parameterised SQL: one aggregate for the whole batch."""
    env = batch.env
    slips = batch.slips
    batch.adjusted = defaultdict(dict)
    batch.adjusted_ytd = defaultdict(lambda: [0.0, 0.0, 0.0])
    run_ids = list({s["payslip_run_id"] for s in slips if s["payslip_run_id"]})
    if not run_ids:
        return
    runs = env["hr.payslip.run"].sudo().browse(run_ids).filtered("aux_adjustment")
    adjustments = [s for s in slips if s["payslip_run_id"] in runs.ids]
    if not adjustments:
        return
    batch.adjustment_ids = {s["id"] for s in adjustments}
    params = {
        "employees": tuple({s["employee_id"] for s in adjustments}),
        "companies": tuple({s["company_id"] for s in adjustments}),
        "slips": tuple(s["id"] for s in slips),
        "months": tuple({s["date_to"][:7] for s in adjustments})}
    params.update(final_params())
    env.cr.execute("""
        SELECT s.employee_id, s.company_id, to_char(s.date_to, 'YYYY-MM'), l.code,
               to_char(l.aux_arrears_date, 'YYYY-MM-DD'), l.aux_arrears_code, c.code,
               """ + FINAL_SQL + """,
               SUM(CASE WHEN s.credit_note THEN -l.total ELSE l.total END),
               array_agg(DISTINCT s.id)
          FROM hr_payslip s
          JOIN hr_payslip_run r ON r.id = s.payslip_run_id
          JOIN hr_payslip_line l ON l.slip_id = s.id
     LEFT JOIN hr_salary_rule_category c ON c.id = l.category_id
         WHERE s.employee_id IN %(employees)s
           AND s.company_id IN %(companies)s
           AND s.id NOT IN %(slips)s
           AND s.state != 'cancel' AND r.is_aux
           AND to_char(s.date_to, 'YYYY-MM') IN %(months)s
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""", params)
    wanted = {(s["employee_id"], s["company_id"], s["date_to"][:7]) for s in adjustments}
    earlier = {}
    signs = {YTD_INCOME_CATEGORY: (0, 1.0), YTD_CONTRIBUTION_CATEGORY: (1, -1.0),
             YTD_TAX_CATEGORY: (2, -1.0)}
    for emp_id, company_id, month, code, arrears_date, arrears_code, category, final, \
            total, slip_ids in env.cr.fetchall():
        if (emp_id, company_id, month) not in wanted:
            continue
        paid = batch.adjusted[(emp_id, month)]
        key = (code, arrears_date, arrears_code)
        paid[key] = paid.get(key, 0.0) + total
        if final and category in signs:
            # what these payslips put in the year-to-date figures of the month
            index, sign = signs[category]
            batch.adjusted_ytd[(emp_id, month)][index] += sign * total
        for slip_id in slip_ids:
            earlier[slip_id] = (emp_id, month)
    batch.adjusted_slip_ids = set(earlier)
    if not earlier:
        return
    adjustment_of = {(s["employee_id"], s["date_to"][:7]): s["id"] for s in adjustments}
    for line in env["hr.payslip.input"].sudo().search_read(
            [("payslip_id", "in", list(earlier)), ("code", "not in", AUTO_INPUTS)],
            ["payslip_id", "code", "name", "amount"], order="payslip_id desc"):
        slip_id = adjustment_of[earlier[line["payslip_id"][0]]]
        batch.manual_inputs[slip_id].setdefault(
            line["code"], Input(line["code"], line["name"], line["amount"]))


def difference(batch, slip, lines):
    """The lines of an adjustment payslip: each recomputed line (``lines``,
    the full month) less what the month's other payslips paid for the same
    rule (and arrears period).  A rule paid before and no longer due is
    taken back by a negative line.  Lines of no difference are left out,
    except the gross and net pay lines which every payslip shows.  The
    income tax needs no special case: the adjustment payslip's tax is
    computed without the payslips it subtracts in the year-to-date figures
    (see ``tax.facts``), i.e. the full cumulative tax with the corrected
    month less the tax of the earlier months, and the tax they withheld in
    the month is subtracted here like any other rule (once)."""
    rounding = batch.rounding[slip["company_id"]]
    paid = dict(batch.adjusted.get((slip["employee_id"], slip["date_to"][:7]), {}))
    rules = {rule["code"]: rule for rule in batch.rules[slip["struct_id"]]}
    result = []
    for line in lines:
        arrears = line.get("arrears")
        key = (line["rule"]["code"], arrears and arrears[0] or None,
               arrears and arrears[1] or None)
        total = float_round(line["total"] - paid.pop(key, 0.0), precision_rounding=rounding)
        result.append(dict(line, amount=total, quantity=1.0, rate=100.0, total=total))
    for (code, arrears_date, arrears_code), total in sorted(
            paid.items(), key=lambda item: tuple(v or "" for v in item[0])):
        rule = rules.get(code)
        if rule is None:
            continue
        total = float_round(-total, precision_rounding=rounding)
        line = {"rule": rule, "amount": total, "quantity": 1.0, "rate": 100.0,
                "total": total}
        if arrears_date:
            component = rules.get(arrears_code)
            line["arrears"] = (arrears_date, arrears_code,
                               component["name"] if component else arrears_code)
        result.append(line)
    return [line for line in result if abs(line["total"]) >= rounding / 2 or set(
        line["rule"]["categories"]) & {YTD_INCOME_CATEGORY, NET_CATEGORY}]
