# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import models
from . import report
from . import wizards


def post_init_hook(cr, registry):
    """hr_attendance, installed on a database that already has people, gives
    them all the same Badge ID (Odoo sets one default value on existing
    rows) and cannot add its unique constraint: give each person sharing a
    Badge ID his own (9 digits: never one of the 8-digit random ones), then
    add the constraint."""
    from odoo import SUPERUSER_ID, api
    cr.execute("""
        UPDATE hr_employee e SET barcode = (100000000 + e.id)::text
         WHERE e.barcode IN (SELECT barcode FROM hr_employee
                              WHERE barcode IS NOT NULL
                              GROUP BY barcode HAVING count(*) > 1)""")
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["hr.employee"]._add_sql_constraints()
