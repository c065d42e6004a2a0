# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class AuxPayrollAnalysis(models.Model):
    """Payroll cost by unit, component (salary rule), grade and month: one
    row per payslip line of the auxiliary runs (read-only SQL view)."""

    _name = "aux.payroll.analysis"
    _description = "Payroll Cost Analysis"
    _auto = False
    _rec_name = "rule_id"
    _order = "date desc"

    date = fields.Date(string="Month", readonly=True)
    run_id = fields.Many2one("hr.payslip.run", string="Payroll Run", readonly=True)
    slip_id = fields.Many2one("hr.payslip", string="Payslip", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    grade_id = fields.Many2one("aux.grade", readonly=True)
    rule_id = fields.Many2one("hr.salary.rule", string="Component", readonly=True)
    category_id = fields.Many2one(
        "hr.salary.rule.category", string="Component Category", readonly=True)
    state = fields.Selection([
        ("draft", "Draft"), ("verify", "Waiting"), ("done", "Done"), ("cancel", "Rejected"),
    ], string="Payslip Status", readonly=True)
    amount = fields.Float(readonly=True, digits=(16, 2))
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW aux_payroll_analysis AS (
                SELECT l.id, s.date_from AS date, s.payslip_run_id AS run_id,
                       s.id AS slip_id, s.employee_id,
                       COALESCE(s.aux_unit_id, e.department_id) AS department_id,
                       COALESCE(c.aux_grade_id, e.aux_grade_id) AS grade_id,
                       l.salary_rule_id AS rule_id, l.category_id, s.state,
                       CASE WHEN s.credit_note THEN -l.total ELSE l.total END AS amount,
                       s.company_id
                  FROM hr_payslip_line l
                  JOIN hr_payslip s ON s.id = l.slip_id
                  JOIN hr_payslip_run r ON r.id = s.payslip_run_id AND r.is_aux
                  JOIN hr_employee e ON e.id = s.employee_id
                  LEFT JOIN hr_contract c ON c.id = s.contract_id
                 WHERE s.state != 'cancel'
            )""")
