# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Payroll",
    "summary": "Pay tables as data, the auxiliary salary structure, monthly runs and the per-head budget",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "depends": ["aux_assessment", "hr_payroll_account", "account_budget", "report_xlsx"],
    "data": [
        "security/aux_payroll_security.xml",
        "security/ir.model.access.csv",
        "data/hr_salary_rule_category_data.xml",
        "data/aux_salary_structure_data.xml",
        "data/aux_pay_table_data.xml",
        "data/aux_budget_cost_data.xml",
        "views/menus.xml",
        "views/aux_pay_table_views.xml",
        "views/hr_payslip_views.xml",
        "views/hr_contract_views.xml",
        "wizards/aux_payroll_run_reopen_views.xml",
        "wizards/aux_budget_plan_views.xml",
        "views/hr_payslip_run_views.xml",
        "views/aux_budget_cost_views.xml",
        "views/aux_payroll_analysis_views.xml",
        "views/aux_payroll_run_menus.xml",
        "report/aux_payroll_reports.xml",
    ],
    "demo": [
        "demo/aux_payroll_run_demo.xml",
    ],
}
