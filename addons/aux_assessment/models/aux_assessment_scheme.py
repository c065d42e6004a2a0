# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.aux_personnel.tools.local_time import local_today

# Scheme fields that may change while the scheme is in use.
SCHEME_FREE_FIELDS = {"name", "date_to", "active", "next_id"}


class AuxAssessmentScheme(models.Model):
    """A scoring template: weighted sections of items.

    Once sheets use a scheme, its sections and items are frozen; a change is
    a new version (action_new_version) that starts on a new date and closes
    the old one.
    """

    _name = "aux.assessment.scheme"
    _description = "Assessment Scheme"
    _inherit = ["mail.thread"]
    _order = "name, version desc"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    version = fields.Integer(default=1, readonly=True)
    previous_id = fields.Many2one("aux.assessment.scheme", string="Previous Version",
                                  readonly=True, copy=False)
    next_id = fields.Many2one("aux.assessment.scheme", string="Next Version",
                              readonly=True, copy=False)
    date_from = fields.Date(string="Valid From", required=True,
                            track_visibility="onchange")
    date_to = fields.Date(string="Valid To", track_visibility="onchange")
    active = fields.Boolean(default=True)
    category_ids = fields.Many2many(
        "aux.assessment.category", string="Applicable Categories",
        help="Auxiliary categories scored with this scheme; empty means all.")
    department_ids = fields.Many2many(
        "hr.department", string="Applicable Units",
        help="Units (with their sub-units) scored with this scheme; empty means all.")
    section_ids = fields.One2many("aux.assessment.section", "scheme_id",
                                  string="Sections", copy=True)
    item_ids = fields.One2many("aux.assessment.item", "scheme_id", string="Items")
    total_max = fields.Float(string="Total Points", compute="_compute_total_max",
                             store=True)
    sheet_count = fields.Integer(compute="_compute_sheet_count")
    in_use = fields.Boolean(compute="_compute_sheet_count")

    @api.depends("section_ids.weight")
    def _compute_total_max(self):
        for scheme in self:
            scheme.total_max = sum(scheme.section_ids.mapped("weight"))

    @api.multi
    def _sheet_counts(self):
        """{scheme id: number of sheets}, read from the database (never cached)."""
        data = self.env["aux.assessment.sheet"].sudo().read_group(
            [("scheme_id", "in", self.ids)], ["scheme_id"], ["scheme_id"])
        return {d["scheme_id"][0]: d["scheme_id_count"] for d in data}

    @api.multi
    def _compute_sheet_count(self):
        counts = self._sheet_counts()
        for scheme in self:
            scheme.sheet_count = counts.get(scheme.id, 0)
            scheme.in_use = bool(scheme.sheet_count)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for scheme in self:
            if scheme.date_to and scheme.date_to < scheme.date_from:
                raise ValidationError(
                    _("Scheme %s: the end of validity is before its start.") % scheme.name)

    @api.multi
    def write(self, vals):
        if {k for k in vals if not k.startswith("message_")} - SCHEME_FREE_FIELDS:
            self._check_not_in_use()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_not_in_use()
        return super().unlink()

    @api.multi
    def _check_not_in_use(self):
        counts = self._sheet_counts()
        for scheme in self.filtered(lambda s: counts.get(s.id)):
            raise UserError(
                _("Scheme %(scheme)s is used by %(count)d assessment sheets: it cannot be "
                  "changed. Use 'New version' to change its sections or items from a new "
                  "date.") % {"scheme": scheme.name, "count": counts[scheme.id]})

    @api.multi
    def action_new_version(self):
        """Copy the scheme with a new start date and close this version."""
        self.ensure_one()
        date_from = self.env.context.get("aux_version_date") or local_today(self)
        if date_from <= self.date_from:
            raise UserError(
                _("Scheme %(scheme)s: a new version must start after %(date)s.")
                % {"scheme": self.name, "date": self.date_from})
        new = self.copy({
            "name": self.name,
            "version": self.version + 1,
            "previous_id": self.id,
            "date_from": date_from,
            "date_to": self.date_to if self.date_to and self.date_to > date_from else False,
        })
        day_before = fields.Date.from_string(date_from) - timedelta(days=1)
        self.write({"date_to": fields.Date.to_string(day_before), "next_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    @api.multi
    def action_view_sheets(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action").read()[0]
        action["domain"] = [("scheme_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.multi
    def _applies_to(self, employee, date):
        """Whether this scheme scores ``employee`` on ``date``."""
        self.ensure_one()
        if self.date_from > date or (self.date_to and self.date_to < date):
            return False
        if self.category_ids and employee.aux_category not in self.category_ids.mapped("code"):
            return False
        if self.department_ids:
            units = self.env["hr.department"].search(
                [("id", "child_of", self.department_ids.ids)])
            if employee.department_id not in units:
                return False
        return True
