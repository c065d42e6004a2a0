# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxPayTableLine(models.Model):
    """One value of a pay table version.

    Which fields matter depends on the kind of the table: the key (grade,
    post, key or lower bound) and the amount; rates and base limits for
    contributions; rate and quick deduction for tax brackets; the cap of
    counted years for seniority pay.  A line without key is the default of
    the table.
    """

    _name = "aux.pay.table.line"
    _description = "Pay Table Line"
    _order = "version_id, lower_bound, sequence, id"

    version_id = fields.Many2one("aux.pay.table.version", required=True,
                                 index=True, ondelete="cascade")
    table_id = fields.Many2one(related="version_id.table_id", store=True, readonly=True)
    kind = fields.Selection(related="version_id.table_id.kind", readonly=True)
    sequence = fields.Integer(default=10)
    grade_id = fields.Many2one("aux.grade", ondelete="restrict")
    post_id = fields.Many2one("aux.post", ondelete="restrict")
    key_code = fields.Char(string="Key",
                           help="Key of per-key tables, e.g. a month number (6 for June) "
                                "or a commendation level (unit, bureau, county...).")
    lower_bound = fields.Float(
        string="From",
        help="Years of service (per-year tables) or monthly taxable income (tax "
             "brackets) from which this line applies.")
    amount = fields.Float(digits=(16, 4),
                          help="Monthly amount, amount per year or per unit, or coefficient.")
    rate = fields.Float(string="Rate (%)", digits=(16, 4),
                        help="Employee contribution rate, or tax rate of the bracket.")
    employer_rate = fields.Float(string="Employer Rate (%)", digits=(16, 4))
    base_floor = fields.Float(digits=(16, 2),
                              help="Lowest contribution base.")
    base_ceiling = fields.Float(digits=(16, 2),
                                help="Highest contribution base; 0 means no ceiling.")
    quick_deduction = fields.Float(digits=(16, 2),
                                   help="Quick deduction of the tax bracket.")
    cap = fields.Float(string="Cap (years)",
                       help="Seniority pay: at most this many years are paid; 0 means "
                            "no cap.")
    note = fields.Char()

    @api.constrains("grade_id", "post_id", "key_code", "lower_bound", "version_id",
                    "base_floor", "base_ceiling", "rate", "employer_rate", "amount", "cap")
    def _check_line(self):
        Table = self.env["aux.pay.table"]
        for line in self:
            table = line.version_id.table_id
            if min(line.rate, line.employer_rate, line.base_floor, line.base_ceiling,
                   line.cap) < 0:
                raise ValidationError(_(
                    "Pay table %(table)s, version %(version)s: rates, bases and caps "
                    "cannot be negative.") % {
                    "table": table.display_name, "version": line.version_id.name})
            if line.base_ceiling and line.base_floor > line.base_ceiling:
                raise ValidationError(_(
                    "Pay table %(table)s, version %(version)s: the base floor %(floor)s "
                    "is above the base ceiling %(ceiling)s.") % {
                    "table": table.display_name, "version": line.version_id.name,
                    "floor": line.base_floor, "ceiling": line.base_ceiling})
        for version in self.mapped("version_id"):
            kind = version.table_id.kind
            seen = {}
            for line in version.line_ids:
                key = Table._aux_line_key(kind, {
                    "grade_id": line.grade_id and (line.grade_id.id,),
                    "post_id": line.post_id and (line.post_id.id,),
                    "key_code": line.key_code, "lower_bound": line.lower_bound})
                if kind == "bracket":
                    key = line.lower_bound
                if key in seen:
                    raise ValidationError(_(
                        "Pay table %(table)s, version %(version)s has two lines for the "
                        "same key %(key)s: keep one.") % {
                        "table": version.table_id.display_name, "version": version.name,
                        "key": line.grade_id.name or line.post_id.name or line.key_code
                        or line.lower_bound or _("(default)")})
                seen[key] = line

    @api.model
    def create(self, vals):
        if vals.get("version_id"):
            self.env["aux.pay.table.version"].browse(vals["version_id"])._aux_check_not_used()
        return super(AuxPayTableLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("version_id")._aux_check_not_used()
        res = super(AuxPayTableLine, self).write(vals)
        if "version_id" in vals:
            self.mapped("version_id")._aux_check_not_used()
        return res

    @api.multi
    def unlink(self):
        self.mapped("version_id")._aux_check_not_used()
        return super(AuxPayTableLine, self).unlink()
