# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``aux`` in rule code: what the engine knows of the person for the period.

The engine's facts (``facts(batch, slip)``):

- ``grade_id``, ``post_id``: ids (or False) of the grade and main post in
  force on the last day of the period (history, else the employee's or the
  contract's);
- ``category``: the auxiliary category of the employee;
- ``department_id``: the employee's unit;
- ``years``: completed years of service on that day, counted by the years
  of service rule of aux_personnel (as the register and the per-head
  budget count them);
- ``month``: 1-12 of the period end;
- ``contribution_base``: declared on the contract (0.0 when none);
- ``annual_band``: code of the band of the person's confirmed annual result
  of the year before the period's, e.g. 'excellent', or False (the
  year-end performance pay);
- the year-to-date figures of the cumulative income tax, see ``tax.facts``:
  ``ytd_income``, ``ytd_deductions``, ``ytd_tax``, ``tax_months``,
  ``special_deductions``.

Extensions add theirs (``extension.py``); a name given twice is refused.
"""
from odoo import fields
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_service_rule import years_between

from . import tax
from .i18n import translator
from .rulecode import Facts


def in_force(periods, date_from, date_to):
    """The value of the (date_from, date_to, value) period containing the
    last day ``date_to``, else of the latest one overlapping the period."""
    found = False
    for start, end, value in periods:
        if start <= date_to and (not end or end >= date_to):
            return value
        if start <= date_to and (not end or end >= date_from):
            found = value
    return found


def facts(batch, slip):
    """The ``Facts`` of ``slip`` (see the module)."""
    employee = batch.employee_data[slip["employee_id"]]
    contract = batch.contract_data[slip["contract_id"]]
    date_from, date_to = slip["date_from"], slip["date_to"]
    grade = in_force(batch.grades.get(slip["employee_id"], ()), date_from, date_to) \
        or employee["aux_grade_id"] or contract["aux_grade_id"]
    post = in_force(batch.posts.get(slip["employee_id"], ()), date_from, date_to) \
        or contract["aux_post_id"]
    start = batch.env["aux.service.rule"]._aux_service_start(
        employee["entry_date"] or contract["date_start"],
        batch.service_excluded(slip["company_id"], date_to))
    values = {
        "grade_id": grade or False, "post_id": post or False,
        "category": employee["aux_category"] or False,
        "years": int(years_between(start, fields.Date.from_string(date_to))),
        "month": int(date_to[5:7]),
        "contribution_base": contract["aux_contribution_base"] or 0.0,
        "department_id": employee["department_id"] or False,
        "annual_band": batch.annual_bands.get(
            (slip["employee_id"], int(date_to[:4]) - 1), False),
    }
    values.update(tax.facts(batch, slip))
    for extension in batch.extensions:
        added = extension.facts(batch, slip)
        if not added:
            continue
        clash = set(added) & set(values)
        if clash:
            _ = translator(batch.env)
            raise UserError(_(
                "Payroll engine extension %(extension)s gives the fact(s) %(names)s, "
                "which another part of the engine already gives.") % {
                "extension": type(extension).__name__, "names": ", ".join(sorted(clash))})
        values.update(added)
    return Facts(values)
