# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salary rule categories guarded by the Salary Rule Editor group (``aux.rule.editor.guard``)."""
from odoo import models


class HrSalaryRuleCategory(models.Model):
    _name = "hr.salary.rule.category"
    _inherit = ["hr.salary.rule.category", "aux.rule.editor.guard"]
