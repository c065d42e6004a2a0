# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AuxPayslipReport(models.AbstractModel):
    """The payslip PDF renders the payslips the user may read (an auxiliary:
    his own, once done) with the fields of the file it prints, some of which
    the user does not read himself (e.g. his ID number and bank account)."""

    _name = "report.aux_payroll.aux_payslip_document"
    _description = "Payslip PDF"

    @api.model
    def get_report_values(self, docids, data=None):
        slips = self.env["hr.payslip"].browse(docids)
        slips.check_access_rights("read")
        slips.check_access_rule("read")
        return {"doc_ids": slips.ids, "doc_model": "hr.payslip", "docs": slips.sudo(),
                "data": data}
