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
        "views/menus.xml",
    ],
}
