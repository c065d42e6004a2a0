# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Year-to-date figures of the cumulative income tax (累计预扣法).

``load(batch)`` reads, with three queries for the whole batch:

- ``batch.tax_ytd``: {(employee id, company id): {month (YYYY-MM):
  (gross pay, employee contributions, tax withheld, counted)}} over the
  earlier payslips of the tax years of the batch that are final
  (``final.py``).  The payslips being computed never count.  A refund
  (credit note) counts negatively and does not count a month.  Several
  payslips of one month (the regular one and an adjustment run's) add their
  amounts and count the month once; arrears count in the month that paid
  them, where they are part of the gross pay.
- ``batch.iit_deductions``: {employee id: [(first month, last month,
  monthly amount)]}, the special additional deductions declared.
- ``batch.iit_openings``: {(employee id, company id, year): opening
  balance values}, the year-to-date figures of the months before the first
  payslip in the system (``aux.iit.opening``), added to those of every
  payslip of that tax year and company.

``facts(batch, slip)`` gives the year-to-date facts of one payslip (see
``facts.py``).
"""
from collections import defaultdict

from .codes import YTD_CONTRIBUTION_CATEGORY, YTD_INCOME_CATEGORY, YTD_TAX_CATEGORY
from .final import FINAL_SQL, final_params


def load(batch):
    """Load the tax figures of ``batch`` (see the module).

    Parameterised SQL: one aggregate over the year's payslip lines of the
    batch's people instead of reading every line through the ORM (in
    December about 130,000 lines of those categories for 2,000 people)."""
    env = batch.env
    slips = batch.slips
    emp_ids = tuple(batch.employee_ids)
    year_start = min(s["date_to"] for s in slips)[:4] + "-01-01"
    params = {
        "income": YTD_INCOME_CATEGORY, "contribution": YTD_CONTRIBUTION_CATEGORY,
        "tax": YTD_TAX_CATEGORY, "employees": emp_ids,
        "slips": tuple(s["id"] for s in slips) or (0,), "start": year_start,
        "end": batch.max_to}
    params.update(final_params())
    env.cr.execute("""
        SELECT s.employee_id, s.company_id, to_char(s.date_to, 'YYYY-MM'),
               SUM(CASE WHEN c.code = %(income)s THEN l.total ELSE 0 END
                   * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
               SUM(CASE WHEN c.code = %(contribution)s THEN -l.total ELSE 0 END
                   * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
               SUM(CASE WHEN c.code = %(tax)s THEN -l.total ELSE 0 END
                   * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
               bool_or(NOT COALESCE(s.credit_note, FALSE))
          FROM hr_payslip s
          JOIN hr_payslip_line l ON l.slip_id = s.id
          JOIN hr_salary_rule_category c ON c.id = l.category_id
     LEFT JOIN hr_payslip_run r ON r.id = s.payslip_run_id
         WHERE s.employee_id IN %(employees)s
           AND s.id NOT IN %(slips)s
           AND s.date_to >= %(start)s AND s.date_to <= %(end)s
           AND c.code IN (%(income)s, %(contribution)s, %(tax)s)
           AND """ + FINAL_SQL + """
      GROUP BY s.employee_id, s.company_id, to_char(s.date_to, 'YYYY-MM')""", params)
    ytd = defaultdict(dict)
    for emp_id, company_id, month, income, contribution, withheld, counted in \
            env.cr.fetchall():
        ytd[(emp_id, company_id)][month] = (income or 0.0, contribution or 0.0,
                                            withheld or 0.0, counted)
    batch.tax_ytd = ytd
    batch.iit_deductions = defaultdict(list)
    for line in env["aux.iit.deduction"].sudo().search_read(
            [("employee_id", "in", list(emp_ids)), ("date_from", "<=", batch.max_to),
             "|", ("date_to", "=", False), ("date_to", ">=", year_start)],
            ["employee_id", "date_from", "date_to", "amount"]):
        batch.iit_deductions[line["employee_id"][0]].append(
            (line["date_from"][:7], line["date_to"] and line["date_to"][:7] or "9999-12",
             line["amount"]))
    # opening balances (months before the first payslip in the system): one
    # read for the batch, keyed like the payslips' figures
    batch.iit_openings = {}
    years = {int(s["date_to"][:4]) for s in slips}
    openings = env["aux.iit.opening"].sudo().search(
        [("employee_id", "in", list(emp_ids)), ("year", "in", list(years))])
    for opening in openings.read(
            ["employee_id", "company_id", "year", "months", "income", "contributions",
             "special_deductions", "tax_withheld"], load="_classic_write"):
        batch.iit_openings[(opening["employee_id"], opening["company_id"],
                            opening["year"])] = opening


def facts(batch, slip):
    """The year-to-date facts of ``slip``: ytd_income (gross pay),
    ytd_deductions (tax-exempt employee contributions, positive), ytd_tax
    (tax withheld, positive), tax_months (months counted, this one
    included) and special_deductions (of the months counted).

    A payslip of an adjustment run is computed for the full month and then
    less what the month's other payslips paid and withheld (see
    ``adjustment.difference``): the month's payslips it subtracts are
    therefore left out here, else their income would count twice and their
    tax be deducted twice."""
    month = slip["date_to"][:7]
    income = contribution = withheld = 0.0
    if slip["id"] in batch.adjustment_ids:
        income, contribution, withheld = [-value for value in batch.adjusted_ytd.get(
            (slip["employee_id"], month), (0.0, 0.0, 0.0))]
    months = {month}
    for row_month, values in batch.tax_ytd.get(
            (slip["employee_id"], slip["company_id"]), {}).items():
        if row_month[:4] != month[:4] or row_month > month:
            continue
        income += values[0]
        contribution += values[1]
        withheld += values[2]
        if values[3]:
            months.add(row_month)
    special = 0.0
    for start, end, amount in batch.iit_deductions.get(slip["employee_id"], ()):
        special += amount * len([m for m in months if start <= m <= end])
    tax_months = len(months)
    # the opening balance of the tax year (see aux.iit.opening): its months
    # have no payslip here, so its special deductions are the ones used in
    # them and the declared monthly ones above cover the other months
    opening = batch.iit_openings.get(
        (slip["employee_id"], slip["company_id"], int(month[:4])))
    if opening:
        income += opening["income"]
        contribution += opening["contributions"]
        withheld += opening["tax_withheld"]
        special += opening["special_deductions"]
        tax_months += opening["months"]
    return {"ytd_income": income, "ytd_deductions": contribution, "ytd_tax": withheld,
            "tax_months": tax_months, "special_deductions": special}
