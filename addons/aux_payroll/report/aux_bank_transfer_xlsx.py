# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class AuxBankTransferXlsx(models.AbstractModel):
    """Bank transfer list of one or more runs: name, ID number, bank, bank
    account and net pay of every payslip with a positive net (category NET),
    with the total; people without a bank account are listed first so that
    finance sees them."""

    _name = "report.aux_payroll.bank_transfer_xlsx"
    _inherit = "report.report_xlsx.abstract"

    @api.model
    def _aux_transfers(self, runs):
        """[{"name", "identification", "bank", "account", "net"}] and the total."""
        self.env["report.aux_payroll.payroll_register_xlsx"]._aux_check_runs(runs)
        # one aggregate over the run's NET lines (see the register)
        self.env.cr.execute("""
            SELECT s.employee_id,
                   SUM(CASE WHEN s.credit_note THEN -l.total ELSE l.total END)
              FROM hr_payslip_line l
              JOIN hr_payslip s ON s.id = l.slip_id
              JOIN hr_salary_rule_category k ON k.id = l.category_id
             WHERE s.payslip_run_id IN %s AND s.state != 'cancel' AND k.code = 'NET'
          GROUP BY s.employee_id
        """, (tuple(runs.ids),))
        nets = dict(self.env.cr.fetchall())
        currency = self.env["report.aux_payroll.payroll_register_xlsx"]._aux_currency(runs)
        employees = self.env["hr.employee"].sudo().browse(list(nets))
        rows = []
        for employee in employees:
            net = currency.round(nets[employee.id])
            if net <= 0:
                continue
            bank_account = employee.bank_account_id
            rows.append({
                "name": employee.name, "identification": employee.identification_id or "",
                "bank": bank_account.bank_id.name or "",
                "account": bank_account.acc_number or "", "net": net,
            })
        rows.sort(key=lambda r: (bool(r["account"]), r["name"] or ""))
        return rows, currency.round(sum(r["net"] for r in rows))

    def generate_xlsx_report(self, workbook, data, objs):
        rows, total = self._aux_transfers(objs)
        sheet = workbook.add_worksheet(_("Bank Transfers")[:31])
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        missing = workbook.add_format({"bg_color": "#F8CBAD"})
        bold = workbook.add_format({"bold": True, "num_format": "#,##0.00"})
        heads = [_("Name"), _("ID Number"), _("Bank"), _("Bank Account"), _("Net Pay")]
        for col, head in enumerate(heads):
            sheet.write(0, col, head, header)
        sheet.set_column(0, 3, 22)
        sheet.set_column(4, 4, 14)
        for index, row in enumerate(rows, 1):
            sheet.write_string(index, 0, row["name"] or "")
            sheet.write_string(index, 1, row["identification"])
            sheet.write_string(index, 2, row["bank"])
            if row["account"]:
                sheet.write_string(index, 3, row["account"])
            else:
                sheet.write_string(index, 3, _("(no bank account)"), missing)
            sheet.write_number(index, 4, row["net"], money)
        sheet.write_string(len(rows) + 1, 0, _("Total"), bold)
        sheet.write_number(len(rows) + 1, 4, total, bold)
