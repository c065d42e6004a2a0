# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salary structures guarded by the Salary Rule Editor group (``aux.rule.editor.guard``)."""
from odoo import models


class HrPayrollStructure(models.Model):
    _name = "hr.payroll.structure"
    _inherit = ["hr.payroll.structure", "aux.rule.editor.guard"]
