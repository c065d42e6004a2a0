# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxAssessmentBand(models.Model):
    """A result band: a total score at or above ``min_score`` gets this band.

    The band table is data: an administrator edits thresholds and the
    performance-pay coefficient; a change over time is a new row with its own
    validity dates.
    """

    _name = "aux.assessment.band"
    _description = "Assessment Band"
    _order = "min_score desc, date_from desc"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    min_score = fields.Float(
        string="Minimum Score", required=True,
        help="A total score at or above this value (and below the next band) "
             "gets this band.")
    coefficient = fields.Float(
        string="Performance-pay Coefficient", digits=(16, 2), required=True,
        help="Multiplier of the performance pay base for people in this band; "
             "read by payroll through the sheet's _aux_performance_coefficient().")
    date_from = fields.Date(string="Valid From", required=True,
                            default=lambda self: "2000-01-01")
    date_to = fields.Date(string="Valid To")
    active = fields.Boolean(default=True)
    color = fields.Integer()

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for band in self:
            if band.date_to and band.date_to < band.date_from:
                raise ValidationError(
                    _("Band %s: the end of validity is before its start.") % band.name)

    @api.model
    def create(self, vals):
        band = super().create(vals)
        self.env["aux.assessment.sheet"]._aux_recompute_open(
            band._aux_ranges(), ("band_id", "is_top_band"))
        return band

    @api.multi
    def write(self, vals):
        ranges = self._aux_ranges()
        res = super().write(vals)
        if set(vals) & {"min_score", "date_from", "date_to", "active"}:
            self.env["aux.assessment.sheet"]._aux_recompute_open(
                ranges + self._aux_ranges(), ("band_id", "is_top_band"))
        return res

    @api.multi
    def unlink(self):
        ranges = self._aux_ranges()
        res = super().unlink()
        self.env["aux.assessment.sheet"]._aux_recompute_open(
            ranges, ("band_id", "is_top_band"))
        return res

    @api.multi
    def _aux_ranges(self):
        """[(date_from, date_to)] of validity: the open sheets ending in them
        read this band table."""
        return [(band.date_from, band.date_to or None) for band in self]

    @api.model
    def _valid_bands(self, date):
        """Bands valid on ``date``, best first (highest minimum score)."""
        return self.search([
            ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date),
        ], order="min_score desc")

    @api.model
    def _band_for_score(self, score, date, bands=None):
        """The band of ``score`` on ``date`` (the lowest band if none matches)."""
        bands = bands if bands is not None else self._valid_bands(date)
        for band in bands:
            if score >= band.min_score:
                return band
        return bands[-1:] if bands else self.browse()
