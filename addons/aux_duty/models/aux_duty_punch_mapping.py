# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

EMPLOYEE_KEYS = [
    ("barcode", "Badge ID"),
    ("identification_id", "Resident ID number"),
    ("id", "Database ID"),
]


class AuxDutyPunchMapping(models.Model):
    """How to read the CSV export of a clock-in terminal: which column holds
    the person's number, which the time, in which format and encoding.
    Columns are named by their header (the first line of the file)."""

    _name = "aux.duty.punch.mapping"
    _description = "Clock-in File Mapping"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    employee_column = fields.Char(required=True, help="Header of the person's number column.")
    employee_key = fields.Selection(
        EMPLOYEE_KEYS, required=True, default="barcode",
        help="Which field of the personnel file the number is: the Badge ID (set on "
             "the file, as on the terminal), the resident ID number, or the database id.")
    datetime_column = fields.Char(
        help="Header of the column holding date and time together. Leave empty when the "
             "terminal writes the date and the time in two columns.")
    date_column = fields.Char(help="Header of the date column (when separate).")
    time_column = fields.Char(help="Header of the time column (when separate).")
    datetime_format = fields.Char(
        required=True, default="%Y-%m-%d %H:%M:%S",
        help="Python strptime format of date and time (joined by a space when in two "
             "columns), e.g. %Y-%m-%d %H:%M:%S or %Y/%m/%d %H:%M.")
    device_column = fields.Char(help="Header of the terminal (device) column, optional.")
    delimiter = fields.Char(required=True, default=",", size=1)
    encoding = fields.Selection(
        [("utf-8-sig", "UTF-8"), ("gb18030", "GBK / GB18030")],
        required=True, default="utf-8-sig")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env["res.company"]._company_default_get("aux.duty.punch.mapping"))

    @api.constrains("datetime_column", "date_column", "time_column")
    def _check_columns(self):
        for mapping in self:
            if not mapping.datetime_column and not (mapping.date_column
                                                    and mapping.time_column):
                raise ValidationError(_(
                    "Mapping %s: name the date-and-time column, or both the date and the "
                    "time columns.") % mapping.name)
