# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    is_auxiliary = fields.Boolean(
        string="Auxiliary", index=True,
        help="Auxiliary personnel (contract staff) as opposed to sworn staff "
             "kept in the same register.")
    aux_category = fields.Selection(
        [("duty", "Duty auxiliary"),
         ("civilian", "Civilian-support auxiliary"),
         ("coordinator", "Coordinator"),
         ("temporary", "Temporary")],
        string="Auxiliary Category", index=True)
