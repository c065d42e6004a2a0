# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aux_duty_roster import DAY_FIELDS, DAYS, month_end


class AuxDutyRosterRow(models.Model):
    """One person's line of a roster: the shift of each day of the month."""

    _name = "aux.duty.roster.row"
    _description = "Duty Roster Row"
    _inherit = ["aux.workflow.child.mixin"]
    _order = "roster_id, employee_id"
    _aux_lock_parent = "roster_id"
    # the roster's unit, month and state, and the counts: the server's
    _aux_workflow_fields = ("department_id", "date_from", "state", "day_count", "night_count",
                            "rest_count")

    roster_id = fields.Many2one("aux.duty.roster", required=True, ondelete="cascade",
                                index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    department_id = fields.Many2one(related="roster_id.department_id", store=True,
                                    readonly=True, string="Unit")
    date_from = fields.Date(related="roster_id.date_from", store=True, readonly=True,
                            string="Month")
    state = fields.Selection(related="roster_id.state", store=True, readonly=True)
    # d01 ... d31: the shift of each day (the class body's namespace is a dict)
    for _day in DAYS:
        locals()["d%02d" % _day] = fields.Many2one(
            "aux.duty.shift", string=str(_day), ondelete="restrict")
    del _day
    day_count = fields.Integer(compute="_compute_counts", store=True, string="Duty Days")
    night_count = fields.Float(compute="_compute_counts", store=True, string="Night Duties")
    rest_count = fields.Integer(compute="_compute_counts", store=True, string="Rest Days")

    _sql_constraints = [
        ("roster_employee_uniq", "unique (roster_id, employee_id)",
         "A person has one row on a roster."),
    ]

    @api.multi
    @api.depends(*DAY_FIELDS)
    def _compute_counts(self):
        for row in self:
            shifts = [row[name] for name in DAY_FIELDS if row[name]]
            row.day_count = len([s for s in shifts if s.kind != "rest"])
            row.rest_count = len([s for s in shifts if s.kind == "rest"])
            row.night_count = sum(s.night_duty_count for s in shifts)

    @api.multi
    def name_get(self):
        return [(row.id, "%s %s" % (row.employee_id.name, (row.date_from or "")[:7]))
                for row in self]

    @api.constrains(*DAY_FIELDS)
    def _check_days_in_month(self):
        for row in self:
            last = month_end(row.roster_id.date_from).day
            for day in range(last + 1, 32):
                if row[DAY_FIELDS[day - 1]]:
                    raise ValidationError(_(
                        "Roster %(roster)s, %(person)s: the month has %(last)s days; day "
                        "%(day)s must stay empty.") % {
                        "roster": row.roster_id.name, "person": row.employee_id.name,
                        "last": last, "day": day})

    @api.constrains("employee_id", "roster_id")
    def _check_unit(self):
        """A roster holds the people of its unit and sub-units (a leader
        plans his own people only)."""
        for row in self.sudo():
            units = self.env["hr.department"].search(
                [("id", "child_of", row.roster_id.department_id.id)])
            if row.employee_id.department_id not in units:
                raise ValidationError(_(
                    "%(person)s is not in unit %(unit)s: he cannot be on its roster.") % {
                    "person": row.employee_id.name, "unit": row.roster_id.department_id.name})
