# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: the award list's commendation, the annual results in the
cadre conversion criteria, and quarterly sheets derived from the months.

The rules and criteria are noupdate data: an upgrade creates the new
records (the award list event type) but does not set the new fields of the
existing ones; set here once, when empty.  The averages of the open
quarterly and annual sheets are recomputed from the confirmed months."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("aux_assessment.rule_default", raise_if_not_found=False)
    award = env.ref("aux_assessment.event_type_award_list", raise_if_not_found=False)
    if rule and award and not rule.award_event_type_id:
        rule.award_event_type_id = award
    criteria = env.ref("aux_personnel.aux_cadre_rule_default", raise_if_not_found=False)
    band = env.ref("aux_assessment.band_competent", raise_if_not_found=False)
    if criteria and band and not criteria.min_band_id:
        criteria.write({"min_band_id": band.id, "band_years": 3})
    sheets = env["aux.assessment.sheet"].search([
        ("period_type", "in", ("quarterly", "annual")), ("state", "!=", "confirmed")])
    sheets._compute_period_scores()
    _logger.info("aux_assessment: %d open quarterly and annual sheets averaged over "
                 "their confirmed months.", len(sheets))
