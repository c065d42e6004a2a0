# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salary rules guarded by the Salary Rule Editor group (``aux.rule.editor.guard``)."""
from odoo import models


class HrSalaryRule(models.Model):
    _name = "hr.salary.rule"
    _inherit = ["hr.salary.rule", "aux.rule.editor.guard"]
