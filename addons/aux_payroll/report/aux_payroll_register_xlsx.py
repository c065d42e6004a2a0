# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError


class AuxPayrollRegisterXlsx(models.AbstractModel):
    """Payroll register of one or more runs: one row per payslip, one column
    per salary rule code found in the slips (in rule sequence order),
    subtotals per unit, totals, and the employer cost (gross + employer
    contributions)."""

    _name = "report.aux_payroll.payroll_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    @api.model
    def _aux_check_runs(self, runs):
        runs.check_access_rights("read")
        runs.check_access_rule("read")
        if not self.env.user.has_group("aux_payroll.group_aux_payroll_officer"):
            raise AccessError(_("Only payroll officers and finance may print the "
                                "payroll register."))

    @api.model
    def _aux_currency(self, runs):
        """The currency of the runs' company (amounts of runs in several
        currencies are not added up)."""
        currencies = runs.mapped("company_id.currency_id")
        if len(currencies) > 1:
            raise UserError(_(
                "Payroll runs %s are paid in different currencies: print them "
                "separately.") % ", ".join(runs.mapped("name")))
        return currencies

    @api.model
    def _aux_register(self, runs):
        """Return {"columns": [(code, name, category code)], "units": [(unit name,
        [row], subtotal)], "total": {code: amount}, "employer_cost": amount}
        where a row is {"name", "identification", "grade", "values": {code: amount}}.

        Parameterised SQL (two queries) instead of reading the ~200,000
        payslip lines of a 10,000-person run through the ORM: the register
        of 10,000 rows must come out in seconds."""
        self._aux_check_runs(runs)
        cr = self.env.cr
        cr.execute("""
            SELECT r.code, MIN(r.name), MIN(r.sequence), MIN(k.code)
              FROM hr_payslip_line l
              JOIN hr_payslip s ON s.id = l.slip_id
              JOIN hr_salary_rule r ON r.id = l.salary_rule_id
              LEFT JOIN hr_salary_rule_category k ON k.id = r.category_id
             WHERE s.payslip_run_id IN %s AND s.state != 'cancel'
          GROUP BY r.code
          ORDER BY MIN(r.sequence), r.code
        """, (tuple(runs.ids),))
        columns = [(code, name, category) for code, name, _seq, category in cr.fetchall()]
        cr.execute("""
            SELECT s.id, COALESCE(s.aux_unit_id, e.department_id), e.name,
                   e.identification_id, g.name, r.code,
                   SUM(CASE WHEN s.credit_note THEN -l.total ELSE l.total END)
              FROM hr_payslip s
              JOIN hr_employee e ON e.id = s.employee_id
              LEFT JOIN aux_grade g ON g.id = e.aux_grade_id
              JOIN hr_payslip_line l ON l.slip_id = s.id
              JOIN hr_salary_rule r ON r.id = l.salary_rule_id
             WHERE s.payslip_run_id IN %s AND s.state != 'cancel'
          GROUP BY s.id, 2, e.name, e.identification_id, g.name, r.code
        """, (tuple(runs.ids),))
        slips = {}
        for slip_id, unit_id, name, ident, grade, code, amount in cr.fetchall():
            row = slips.setdefault(slip_id, {
                "unit_id": unit_id, "name": name, "identification": ident or "",
                "grade": grade or "", "values": {}})
            row["values"][code] = row["values"].get(code, 0.0) + amount
        unit_names = dict(
            self.env["hr.department"].sudo().browse(
                {r["unit_id"] for r in slips.values() if r["unit_id"]}).name_get())
        by_unit = {}
        for row in slips.values():
            by_unit.setdefault(row["unit_id"], []).append(row)
        currency = self._aux_currency(runs)
        employer_codes = {code for code, _n, category in columns if category == "COMP"}
        gross_codes = {code for code, _n, category in columns if category == "GROSS"}
        total = {}
        units = []
        for unit_id in sorted(by_unit, key=lambda u: unit_names.get(u, "")):
            rows = sorted(by_unit[unit_id], key=lambda r: r["name"])
            subtotal = {}
            for row in rows:
                row["employer_cost"] = currency.round(sum(
                    row["values"].get(code, 0.0) for code in gross_codes | employer_codes))
                for code, amount in row["values"].items():
                    subtotal[code] = subtotal.get(code, 0.0) + amount
            subtotal = {code: currency.round(amount) for code, amount in subtotal.items()}
            for code, amount in subtotal.items():
                total[code] = total.get(code, 0.0) + amount
            units.append((unit_names.get(unit_id, _("(no unit)")), rows, subtotal))
        total = {code: currency.round(amount) for code, amount in total.items()}
        employer_cost = currency.round(sum(
            total.get(code, 0.0) for code in gross_codes | employer_codes))
        return {"columns": columns, "units": units, "total": total,
                "employer_cost": employer_cost, "count": len(slips)}

    def generate_xlsx_report(self, workbook, data, objs):
        register = self._aux_register(objs)
        sheet = workbook.add_worksheet(_("Payroll Register")[:31])
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1,
                                      "text_wrap": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        sub = workbook.add_format({"bold": True, "num_format": "#,##0.00",
                                   "bg_color": "#F2F2F2"})
        tot = workbook.add_format({"bold": True, "num_format": "#,##0.00", "top": 2})
        sheet.write(0, 0, ", ".join(objs.mapped("name")), title)
        fixed = [_("Unit"), _("Name"), _("ID Number"), _("Grade")]
        heads = fixed + ["%s\n%s" % (code, name) for code, name, _c in register["columns"]] \
            + [_("Employer Cost")]
        for col, head in enumerate(heads):
            sheet.write(2, col, head, header)
        sheet.set_row(2, 30)
        sheet.set_column(0, 1, 18)
        sheet.set_column(2, 2, 20)
        sheet.set_column(4, len(heads), 12)
        sheet.freeze_panes(3, 2)
        codes = [code for code, _n, _c in register["columns"]]
        first = len(fixed)
        row_index = 3
        for unit_name, rows, subtotal in register["units"]:
            for row in rows:
                sheet.write_string(row_index, 0, unit_name)
                sheet.write_string(row_index, 1, row["name"] or "")
                sheet.write_string(row_index, 2, row["identification"])
                sheet.write_string(row_index, 3, row["grade"])
                values = row["values"]
                for offset, code in enumerate(codes):
                    sheet.write_number(row_index, first + offset, values.get(code, 0.0), money)
                sheet.write_number(row_index, first + len(codes), row["employer_cost"], money)
                row_index += 1
            sheet.write_string(row_index, 0, _("Subtotal %s") % unit_name, sub)
            for offset, code in enumerate(codes):
                sheet.write_number(row_index, first + offset, subtotal.get(code, 0.0), sub)
            sheet.write_number(row_index, first + len(codes), sum(
                r["employer_cost"] for r in rows), sub)
            row_index += 1
        sheet.write_string(row_index, 0, _("Total"), tot)
        sheet.write_string(row_index, 1, _("%s payslips") % register["count"], tot)
        for offset, code in enumerate(codes):
            sheet.write_number(row_index, first + offset, register["total"].get(code, 0.0), tot)
        sheet.write_number(row_index, first + len(codes), register["employer_cost"], tot)
