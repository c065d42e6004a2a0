# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AuxFamilyMember(models.Model):
    _name = "aux.family.member"
    _description = "Family Member of an Auxiliary"
    _order = "employee_id, birth_date, id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True,
        ondelete="cascade")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True)
    relation = fields.Selection(
        [("spouse", "Spouse"),
         ("child", "Child"),
         ("father", "Father"),
         ("mother", "Mother"),
         ("father_in_law", "Father-in-law"),
         ("mother_in_law", "Mother-in-law"),
         ("sibling", "Brother or sister"),
         ("other", "Other")],
        required=True)
    name = fields.Char(required=True)
    birth_date = fields.Date()
    phone = fields.Char(string="Contact")
    note = fields.Text()
    active = fields.Boolean(default=True)
