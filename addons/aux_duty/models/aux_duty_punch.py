# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxDutyPunch(models.Model):
    """A clock-in or clock-out of a person at a terminal (fingerprint, face)
    or from hr_attendance.  A person punches at most once a second: importing
    the same file again adds nothing."""

    _name = "aux.duty.punch"
    _description = "Clock-in Punch"
    _order = "punch_time desc, id desc"
    _rec_name = "punch_time"

    employee_id = fields.Many2one("hr.employee", required=True, index=True,
                                  ondelete="cascade")
    department_id = fields.Many2one(related="employee_id.department_id", readonly=True,
                                    string="Unit")
    punch_time = fields.Datetime(required=True, index=True)
    device = fields.Char()
    source = fields.Selection([("terminal", "Terminal file"), ("manual", "Entered by hand")],
                              required=True, default="terminal")
    import_ref = fields.Char(string="Imported From", readonly=True)

    _sql_constraints = [
        ("employee_time_uniq", "unique (employee_id, punch_time)",
         "This person already has a punch at that time."),
    ]
