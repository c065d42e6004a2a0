# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salary rule inputs guarded by the Salary Rule Editor group (``aux.rule.editor.guard``)."""
from odoo import models


class HrRuleInput(models.Model):
    _name = "hr.rule.input"
    _inherit = ["hr.rule.input", "aux.rule.editor.guard"]
