# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class AuxPayrollCost(models.Model):
    """One row per payslip of the auxiliary runs with its gross, employer
    contributions, net and total cost (read-only SQL view); the average of
    the total cost grouped by unit is the per-head cost of the unit."""

    _name = "aux.payroll.cost"
    _description = "Payroll Cost per Head"
    _auto = False
    _rec_name = "employee_id"
    _order = "date desc"

    date = fields.Date(string="Month", readonly=True)
    run_id = fields.Many2one("hr.payslip.run", string="Payroll Run", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    grade_id = fields.Many2one("aux.grade", readonly=True)
    headcount = fields.Integer(string="Payslips", readonly=True)
    gross = fields.Float(readonly=True, digits=(16, 2))
    employer = fields.Float(string="Employer Contributions", readonly=True, digits=(16, 2))
    net = fields.Float(readonly=True, digits=(16, 2))
    cost = fields.Float(string="Total Cost", readonly=True, digits=(16, 2))
    cost_per_head = fields.Float(
        string="Cost per Head", readonly=True, digits=(16, 2), group_operator="avg")
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # category codes GROSS / COMP / NET are those of the salary structure
        self.env.cr.execute("""
            CREATE VIEW aux_payroll_cost AS (
                SELECT s.id, s.date_from AS date, s.payslip_run_id AS run_id,
                       s.employee_id, COALESCE(s.aux_unit_id, e.department_id) AS department_id,
                       COALESCE(c.aux_grade_id, e.aux_grade_id) AS grade_id, 1 AS headcount,
                       t.gross, t.employer, t.net, t.gross + t.employer AS cost,
                       t.gross + t.employer AS cost_per_head, s.company_id
                  FROM hr_payslip s
                  JOIN hr_payslip_run r ON r.id = s.payslip_run_id AND r.is_aux
                  JOIN hr_employee e ON e.id = s.employee_id
                  LEFT JOIN hr_contract c ON c.id = s.contract_id
                  JOIN (SELECT l.slip_id,
                               SUM(CASE WHEN k.code = 'GROSS' THEN l.total ELSE 0 END) AS gross,
                               SUM(CASE WHEN k.code = 'COMP' THEN l.total ELSE 0 END) AS employer,
                               SUM(CASE WHEN k.code = 'NET' THEN l.total ELSE 0 END) AS net
                          FROM hr_payslip_line l
                          JOIN hr_salary_rule_category k ON k.id = l.category_id
                      GROUP BY l.slip_id) t ON t.slip_id = s.id
                 WHERE s.state != 'cancel' AND NOT s.credit_note
            )""")
