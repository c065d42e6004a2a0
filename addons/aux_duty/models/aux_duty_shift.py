# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

TZ_PARAM = "aux_duty.timezone"
DEFAULT_TZ = "Asia/Shanghai"

SHIFT_KINDS = [
    ("day", "Day shift"),
    ("night", "Night shift"),
    ("duty24", "24-hour duty"),
    ("rest", "Rest"),
]


def duty_timezone(env):
    """The time zone of rosters and clock-in terminals (system parameter
    ``aux_duty.timezone``, Asia/Shanghai by default)."""
    return env["ir.config_parameter"].sudo().get_param(TZ_PARAM) or DEFAULT_TZ


class AuxDutyShift(models.Model):
    """A kind of shift on the roster: when it starts, how long it lasts, the
    grace before a punch counts as late or early, and what it is worth to the
    payroll (night duties)."""

    _name = "aux.duty.shift"
    _description = "Duty Shift"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, translate=True,
                       help="Short label shown in the roster grid, e.g. 白 / 夜 / 24 / 休.")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(SHIFT_KINDS, required=True, default="day")
    start_hour = fields.Float(string="Starts At", default=8.0,
                              help="Local time the shift starts (hours, e.g. 8.5 = 08:30).")
    duration = fields.Float(string="Hours", default=9.0,
                            help="Length of the shift in hours (24 for a 24-hour duty).")
    late_grace = fields.Integer(string="Late Grace (min)", default=5,
                                help="A first punch later than the start plus these "
                                     "minutes is a late arrival.")
    early_grace = fields.Integer(string="Early Grace (min)", default=5,
                                 help="A last punch earlier than the end minus these "
                                      "minutes is an early departure.")
    punch_window = fields.Float(string="Punch Window (h)", default=3.0,
                                help="Punches this many hours before the start or after "
                                     "the end still count for the shift.")
    night_duty_count = fields.Float(
        string="Night Duties",
        help="Night duties the shift counts for on the payslip (input NIGHT_DUTY): "
             "1 for a night shift or a 24-hour duty, 0 for a day shift.")
    holds_duty_phone = fields.Boolean(
        string="Holds the Duty Phone",
        help="Whoever has this shift on a day answers the unit's duty phone.")
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("aux.duty.shift"))

    @api.multi
    @api.depends("name", "code")
    def name_get(self):
        if self.env.context.get("aux_shift_code"):
            return [(shift.id, shift.code) for shift in self]
        return [(shift.id, "%s (%s)" % (shift.name, shift.code)) for shift in self]

    @api.constrains("start_hour", "duration", "late_grace", "early_grace", "punch_window",
                    "night_duty_count", "kind")
    def _check_times(self):
        for shift in self:
            if not 0 <= shift.start_hour < 24:
                raise ValidationError(_(
                    "Shift %s: the start must be a time of day between 0 and 24.")
                    % shift.name)
            if shift.kind != "rest" and not 0 < shift.duration <= 24:
                raise ValidationError(_(
                    "Shift %s: a working shift lasts more than 0 and at most 24 hours.")
                    % shift.name)
            if min(shift.late_grace, shift.early_grace, shift.punch_window,
                   shift.night_duty_count) < 0:
                raise ValidationError(_(
                    "Shift %s: grace minutes, punch window and night duties cannot be "
                    "negative.") % shift.name)
