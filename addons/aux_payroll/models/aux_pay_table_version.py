# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxPayTableVersion(models.Model):
    """The lines of a pay table valid from a start date until the next
    version of the same table starts.

    A change of rates is a new version: a version already used by a
    confirmed payslip cannot be edited or deleted.
    """

    _name = "aux.pay.table.version"
    _description = "Pay Table Version"
    _inherit = ["mail.thread"]
    _order = "table_id, date_from desc"

    name = fields.Char(required=True, track_visibility="onchange",
                       help="E.g. the decision that set these rates: 2026 pay rise.")
    table_id = fields.Many2one("aux.pay.table", string="Pay Table", required=True,
                               index=True, ondelete="cascade")
    kind = fields.Selection(related="table_id.kind", readonly=True)
    date_from = fields.Date(string="Valid From", required=True, index=True,
                            track_visibility="onchange")
    date_to = fields.Date(string="Valid To", compute="_compute_date_to",
                          help="The day before the next version starts; empty while "
                               "this is the latest version.")
    line_ids = fields.One2many("aux.pay.table.line", "version_id", string="Lines", copy=True)
    note = fields.Text()

    _sql_constraints = [
        ("table_date_uniq", "unique(table_id, date_from)",
         "A pay table has only one version per start date."),
    ]

    @api.multi
    def _compute_date_to(self):
        others = self.search([("table_id", "in", self.mapped("table_id").ids)])
        for version in self:
            later = [o.date_from for o in others
                     if o.table_id == version.table_id and o.date_from > version.date_from]
            version.date_to = later and fields.Date.to_string(
                fields.Date.from_string(min(later)) - timedelta(days=1)) or False

    @api.multi
    def _aux_used_by_payslip(self):
        """{version: a confirmed (done) payslip computed with the version} for
        the versions in ``self``: its period end falls in the validity of the
        version and it was computed after the version was created (a version
        created later, back-dated, was not used by it: it pays arrears)."""
        versions = self.filtered("id")
        if not versions:
            return {}
        Slip = self.env["hr.payslip"].sudo()
        used = {}
        for version in versions:
            domain = [("state", "=", "done"), ("date_to", ">=", version.date_from),
                      ("aux_rates_date", ">=", version.create_date)]
            if version.date_to:
                domain.append(("date_to", "<=", version.date_to))
            slip = Slip.search(domain, limit=1)
            if slip:
                used[version] = slip
        return used

    @api.multi
    def _aux_check_not_used(self):
        for version, slip in self._aux_used_by_payslip().items():
            raise ValidationError(_(
                "Version %(version)s of pay table %(table)s was used by the confirmed "
                "payslip %(slip)s: it cannot be changed. Create a new version with a "
                "start date instead (a back-dated version pays arrears).") % {
                "version": version.name, "table": version.table_id.display_name,
                "slip": slip.number or slip.name})

    @api.multi
    def write(self, vals):
        if set(vals) - {"note", "message_follower_ids"}:
            self._aux_check_not_used()
        res = super(AuxPayTableVersion, self).write(vals)
        if "date_from" in vals:
            self._aux_check_not_used()
        return res

    @api.multi
    def unlink(self):
        self._aux_check_not_used()
        return super(AuxPayTableVersion, self).unlink()
