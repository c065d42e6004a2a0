# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contribution registers guarded by the Salary Rule Editor group (``aux.rule.editor.guard``)."""
from odoo import models


class HrContributionRegister(models.Model):
    _name = "hr.contribution.register"
    _inherit = ["hr.contribution.register", "aux.rule.editor.guard"]
