# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxReportBand(models.Model):
    """A band of the team composition report (age or years of service).

    A band covers ``min_years <= value < max_years`` in whole years counted
    from the birth date (age) or the entry date (service): "1-3" means
    1 <= years < 3, so a person with exactly 3 years of service is in "3-10".
    A maximum of 0 means no upper limit.
    """

    _name = "aux.report.band"
    _description = "Report Band"
    _order = "band_type, min_years"

    name = fields.Char(string="Label", required=True, translate=True)
    band_type = fields.Selection(
        [("age", "Age"), ("service", "Years of service")],
        string="Type", required=True)
    min_years = fields.Integer(
        string="From (years)", required=True,
        help="Lower bound, included: value >= from.")
    max_years = fields.Integer(
        string="Below (years)",
        help="Upper bound, excluded: value < below. 0 means no upper limit.")
    active = fields.Boolean(default=True)

    @api.constrains("band_type", "min_years", "max_years", "active")
    def _check_bands(self):
        for band in self:
            if band.min_years < 0 or (band.max_years and band.max_years <= band.min_years):
                raise ValidationError(_(
                    "Band %s: 'below' must be greater than 'from' (or 0 for no limit).")
                    % band.name)
            others = self.search([("band_type", "=", band.band_type), ("id", "!=", band.id)])
            for other in others:
                if (band.min_years < (other.max_years or float("inf"))
                        and other.min_years < (band.max_years or float("inf"))):
                    raise ValidationError(_("Bands %(band)s and %(other)s overlap.")
                                          % {"band": band.name, "other": other.name})
