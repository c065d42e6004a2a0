# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.local_time import local_today


class AuxSignedDocument(models.Model):
    _name = "aux.signed.document"
    _description = "Signed Document"
    _order = "date_signed desc, id desc"
    _rec_name = "doc_type"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    doc_type = fields.Selection([
        ("integrity", "Integrity commitment letter"),
        ("confidentiality", "Confidentiality undertaking"),
        ("responsibility", "Annual responsibility letter"),
    ], string="Document", required=True)
    date_signed = fields.Date(string="Signed On", required=True,
                              default=local_today)
    year = fields.Integer(compute="_compute_year", store=True, readonly=False,
                          help="Year the document covers (annual letters).")
    attachment = fields.Binary(attachment=True)
    attachment_name = fields.Char()
    note = fields.Char()

    @api.depends("date_signed")
    def _compute_year(self):
        for doc in self:
            if doc.date_signed and not doc.year:
                doc.year = fields.Date.from_string(doc.date_signed).year
