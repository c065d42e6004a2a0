# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The annual results are a criterion of the conversion to bureau-employed
cadre (the last N confirmed results at least a band)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxCadreRule(models.Model):
    _inherit = "aux.cadre.rule"

    min_band_id = fields.Many2one(
        "aux.assessment.band", string="Annual Results: Minimum Band", ondelete="restrict",
        track_visibility="onchange",
        help="Each of the last confirmed annual results (their number below) must "
             "be this band or better; empty: results are not a criterion.")
    band_years = fields.Integer(
        string="Annual Results: Years", default=3, track_visibility="onchange",
        help="How many of the last confirmed annual results must reach the band.")

    @api.constrains("band_years", "min_band_id")
    def _check_band_years(self):
        for rule in self:
            if rule.min_band_id and rule.band_years < 1:
                raise ValidationError(_(
                    "Cadre conversion criteria %s: the number of annual results must be "
                    "at least 1.") % rule.name)

    @api.multi
    def _aux_checks(self, employee, date):
        checks = super()._aux_checks(employee, date)
        if self.min_band_id:
            sheets = self.env["aux.assessment.sheet"].sudo().search([
                ("employee_id", "=", employee.id), ("period_type", "=", "annual"),
                ("state", "=", "confirmed"), ("period_date_to", "<", date)],
                order="period_date_from desc")
            last = sheets[:self.band_years]
            met = len(last) == self.band_years and all(
                sheet.band_id.min_score >= self.min_band_id.min_score for sheet in last)
            value = ", ".join("%s %s" % (sheet.year, sheet.band_id.name) for sheet in last) \
                or _("no confirmed annual result")
            checks.append((
                _("Annual results"),
                _("the last %(years)d at least %(band)s") % {
                    "years": self.band_years, "band": self.min_band_id.name},
                value, met))
        return checks
