# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The objects salary-rule code sees besides the employee and the contract.

A rule's code runs in safe_eval's sandbox with these names (see
``rules.evaluate``): ``categories.CODE`` and ``rules.CODE`` (totals so far),
``inputs.CODE.amount``, ``worked_days.CODE.number_of_days``, ``payslip``
(its fields and stock's ``payslip.sum(code, date_from, date_to)``),
``tables`` (the pay tables in force, ``aux.pay.table``'s reader) and ``aux``,
the facts of the person for the period (``Facts``, see ``facts.py``).
"""
from odoo import fields


class Values(object):
    """Stock hr_payroll's BrowsableObject: ``obj.CODE`` or 0.0."""

    __slots__ = ("dict",)

    def __init__(self, values):
        self.dict = values

    def __getattr__(self, attr):
        return self.dict.get(attr) or 0.0


class Input(object):
    """An input line as rule code sees it (``inputs.CODE.amount``)."""

    __slots__ = ("code", "name", "amount")

    def __init__(self, code, name, amount):
        self.code = code
        self.name = name
        self.amount = amount


class Facts(object):
    """``aux`` in rule code: the facts of the person for the pay period, one
    attribute each (``aux.grade_id``, ``aux.years``, ...).  The engine's own
    facts are listed in ``facts.py``; other addons add theirs through an
    engine extension (``extension.py``).  Reading a fact nobody provides
    raises AttributeError, so a misspelt name in rule code fails loudly
    instead of paying 0."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __repr__(self):
        return "Facts(%s)" % ", ".join(sorted(self.__dict__))


class PayslipProxy(object):
    """``payslip`` in rule code: the payslip's fields and stock's ``sum``."""

    __slots__ = ("_record",)

    def __init__(self, record):
        self._record = record

    def __getattr__(self, attr):
        return getattr(self._record, attr)

    def sum(self, code, from_date, to_date=None):
        """Stock's ``payslip.sum``: the total of rule ``code`` on the done
        payslips of the employee between the dates (refunds negative).
        Parameterised SQL, as stock hr_payroll does it."""
        to_date = to_date or fields.Date.today()
        cr = self._record.env.cr
        cr.execute("""
            SELECT sum(CASE WHEN hp.credit_note = False THEN pl.total ELSE -pl.total END)
            FROM hr_payslip hp JOIN hr_payslip_line pl ON pl.slip_id = hp.id
            WHERE hp.employee_id = %s AND hp.state = 'done'
            AND hp.date_from >= %s AND hp.date_to <= %s AND pl.code = %s""",
                   (self._record.employee_id.id, from_date, to_date, code))
        return cr.fetchone()[0] or 0.0
