# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AuxDemo(models.AbstractModel):
    """The demo bureau, part by part (one model per addon: ``aux.demo.<addon>``),
    each part after the parts it reads."""
    _name = "aux.demo"
    _description = "Demo Bureau"

    @api.model
    def _generate(self, **size):
        """Build the demo bureau (``size``: see ``aux.demo.personnel``'s
        ``_generate``; the tests build a small one).  Each part is made once;
        run again (an update of aux_demo), only the demo logins and posts
        added since are made."""
        self.env["aux.demo.payroll"]._check_chart_of_accounts()
        self.env["aux.demo.personnel"]._generate(**size)
        self.env["aux.demo.assessment"]._generate()
        self.env["aux.demo.training"]._generate()
        self.env["aux.demo.welfare"]._generate()
        # attendance exceptions become assessment events; payroll pays what
        # duty recorded
        self.env["aux.demo.duty"]._generate()
        self.env["aux.demo.payroll"]._generate()
        # the paid care payments go to the Care line of payroll's budget
        self.env["aux.demo.welfare"]._demo_care_budget()
        return True
