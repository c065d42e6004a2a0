# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: the record rules are split by operation (a unit leader writes
only the records in the states his job owns).

11.0.1.0.0 shipped the record rules as noupdate data, so an upgrade would
keep the old rules (a unit leader writing every record of his unit in any
state). They are code, not settings: marked updatable here, before the data
files load, so that the update rewrites them and drops the ones no longer
shipped."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rules = env["ir.model.data"].search([
        ("module", "=", "aux_welfare"), ("model", "=", "ir.rule"), ("noupdate", "=", True)])
    rules.write({"noupdate": False})
    _logger.info("aux_welfare: %s record rules made updatable.", len(rules))
