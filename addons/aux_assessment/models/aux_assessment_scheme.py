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


class AuxAssessmentSection(models.Model):
    """A weighted part of a scheme (德, 能, 勤, 绩, 廉)."""

    _name = "aux.assessment.section"
    _description = "Assessment Scheme Section"
    _order = "scheme_id, sequence, id"

    scheme_id = fields.Many2one("aux.assessment.scheme", required=True,
                                ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    weight = fields.Float(
        string="Weight (Points)", required=True,
        help="Maximum points of the section; the section subtotal of a sheet "
             "never exceeds it.")
    item_ids = fields.One2many("aux.assessment.item", "section_id", string="Items",
                               copy=True)

    @api.constrains("weight", "item_ids")
    def _check_weight(self):
        for section in self:
            fixed = sum(section.item_ids.filtered(
                lambda i: i.item_type == "fixed").mapped("max_score"))
            if fixed > section.weight + 0.001:
                raise ValidationError(
                    _("Section %(section)s: its fixed items add up to %(fixed)s points, "
                      "more than its weight %(weight)s.")
                    % {"section": section.name, "fixed": fixed, "weight": section.weight})

    @api.model
    def create(self, vals):
        if vals.get("scheme_id"):
            self.env["aux.assessment.scheme"].browse(vals["scheme_id"])._check_not_in_use()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("scheme_id")._check_not_in_use()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("scheme_id")._check_not_in_use()
        return super().unlink()


class AuxAssessmentItem(models.Model):
    """A scored item of a section.

    A fixed item starts at its default score (usually the maximum) and loses
    points through penalties; a flexible item starts at its default (usually
    0) and earns points through rewards. The score stays between 0 and the
    item maximum.
    """

    _name = "aux.assessment.item"
    _description = "Assessment Scheme Item"
    _order = "scheme_id, section_sequence, sequence, id"

    section_id = fields.Many2one("aux.assessment.section",
                                 required=True, ondelete="cascade", index=True)
    scheme_id = fields.Many2one(related="section_id.scheme_id", store=True, readonly=True)
    section_sequence = fields.Integer(related="section_id.sequence", store=True,
                                      readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Stable code shared by the versions of a scheme; events are posted "
             "to the sheet line whose item has the code of the event's item.")
    item_type = fields.Selection(
        [("fixed", "Fixed"), ("flexible", "Flexible")], string="Type",
        required=True, default="fixed")
    max_score = fields.Float(string="Maximum", required=True)
    default_score = fields.Float(
        string="Starting Score",
        help="Score a new sheet line starts with, before events.")
    description = fields.Text(translate=True)

    @api.constrains("max_score", "default_score")
    def _check_scores(self):
        for item in self:
            if item.max_score <= 0 or not 0 <= item.default_score <= item.max_score:
                raise ValidationError(
                    _("Item %s: the maximum must be positive and the starting score "
                      "between 0 and the maximum.") % item.name)

    @api.constrains("max_score", "item_type", "section_id")
    def _check_section_weight(self):
        self.mapped("section_id")._check_weight()

    @api.multi
    def name_get(self):
        return [(item.id, "%s / %s" % (item.section_id.name, item.name)) for item in self]

    @api.model
    def create(self, vals):
        section = self.env["aux.assessment.section"].browse(vals.get("section_id"))
        section.mapped("scheme_id")._check_not_in_use()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("scheme_id")._check_not_in_use()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("scheme_id")._check_not_in_use()
        return super().unlink()
