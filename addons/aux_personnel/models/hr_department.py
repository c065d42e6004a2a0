# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.local_time import local_today


class HrDepartment(models.Model):
    _inherit = "hr.department"

    aux_quota_ids = fields.One2many(
        "aux.establishment.quota", "department_id", string="Establishment Quotas")
    aux_headcount = fields.Integer(
        compute="_compute_aux_headcount", string="Auxiliaries",
        help="Active auxiliaries of this unit (sub-units not included).")
    aux_quota = fields.Integer(
        compute="_compute_aux_headcount", string="Auxiliary Quota",
        help="Establishment quota in force this year (all categories and cohorts).")
    aux_over_quota = fields.Boolean(compute="_compute_aux_headcount", string="Over Quota")

    @api.model
    def _name_search(self, name, args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        """Find a unit by its full path or, failing that, by its own name, so
        that an import file may just say "Squadron A1"."""
        result = super(HrDepartment, self)._name_search(
            name, args=args, operator=operator, limit=limit, name_get_uid=name_get_uid)
        if not result and name and operator in ("=", "ilike", "=ilike"):
            units = self.search([("name", operator, name)] + list(args or []), limit=limit)
            result = units.sudo(name_get_uid or self.env.uid).name_get()
        return result

    @api.multi
    def _compute_aux_headcount(self):
        data = self.env["hr.employee"].sudo().read_group(
            [("is_auxiliary", "=", True), ("department_id", "in", self.ids)],
            ["department_id"], ["department_id"])
        counts = {d["department_id"][0]: d["department_id_count"] for d in data}
        quotas = self.env["aux.establishment.quota"].sudo()._unit_quota(
            self, local_today(self))
        for dept in self:
            dept.aux_headcount = counts.get(dept.id, 0)
            dept.aux_quota = quotas.get(dept.id, 0)
            dept.aux_over_quota = dept.id in quotas and dept.aux_headcount > dept.aux_quota
