# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dates as the people of the bureau see them.

Odoo stores datetimes in UTC and the database's ``CURRENT_DATE`` is the server's
date, so "the date of a training session that starts at 07:30 in Beijing" or
"today" taken from either is yesterday for eight hours of every day. Every date
the addons derive from a datetime or from "now" goes through this module.

The time zone is, in this order:

1. ``tz`` of the context (the web client sends the user's),
2. the user's own time zone (*Preferences*),
3. the time zone of the user's company's address, else of its parent company's
   (the bureau's): the fallback of users without one and of scheduled jobs,
4. UTC.

SQL views cannot see the user: they use :func:`sql_company_today`, the date in
the time zone of the row's company (3. and 4. above).

The functions take any record or recordset (an empty one will do), like
``fields.Date.context_today``, so ``default=local_today`` works on a field.
"""
from datetime import datetime, time

import pytz

from odoo import fields


def _company_tz_name(company):
    company = company.sudo()
    return company.partner_id.tz or company.parent_id.partner_id.tz or False


def local_tz(record):
    """The time zone (pytz) of the dates of ``record``'s user, see the module."""
    env = record.env
    name = (env.context.get("tz") or env.user.tz
            or _company_tz_name(env.user.company_id) or "UTC")
    try:
        return pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        return pytz.utc


def local_date(record, value):
    """The local date (``YYYY-MM-DD``) of the UTC datetime ``value`` (an ORM
    datetime string or a naive ``datetime``); False for an empty value."""
    if not value:
        return False
    if not isinstance(value, datetime):
        value = fields.Datetime.from_string(value)
    local = pytz.utc.localize(value).astimezone(local_tz(record))
    return fields.Date.to_string(local.date())


def local_today(record, timestamp=None):
    """Today's local date (``YYYY-MM-DD``); ``timestamp`` (a naive UTC
    ``datetime``) stands for "now" when given."""
    return local_date(record, timestamp or datetime.utcnow())


def local_day_start(record, day):
    """The UTC datetime string of the local midnight that starts ``day`` (a
    ``date`` or ``YYYY-MM-DD``). Datetimes on the local days ``first`` to ``last``
    are those ``>= local_day_start(first)`` and ``< local_day_start(last + 1 day)``."""
    if isinstance(day, str):
        day = fields.Date.from_string(day)
    local = local_tz(record).localize(datetime.combine(day, time.min))
    return fields.Datetime.to_string(local.astimezone(pytz.utc))


def sql_company_today(company_column):
    """SQL expression of today's date in the time zone of the company whose id is
    in ``company_column`` (its address's, else its parent company's, else UTC).
    ``company_column`` is a column reference written by the caller, never input."""
    return """(now() AT TIME ZONE COALESCE(
        (SELECT COALESCE(NULLIF(cp.tz, ''), NULLIF(pp.tz, ''))
           FROM res_company tzc
           JOIN res_partner cp ON cp.id = tzc.partner_id
           LEFT JOIN res_company tzpc ON tzpc.id = tzc.parent_id
           LEFT JOIN res_partner pp ON pp.id = tzpc.partner_id
          WHERE tzc.id = {company}), 'UTC'))::date""".format(company=company_column)
