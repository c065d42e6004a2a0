# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Assessment",
    "summary": "Monthly and annual quantitative assessment, rewards and penalties, bands under quota",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "depends": ["aux_personnel", "mail", "report_xlsx", "auditlog"],
    "data": [
        "security/ir.model.access.csv",
        "security/aux_assessment_security.xml",
        "data/aux_assessment_data.xml",
        "data/auditlog_rule_data.xml",
        "wizards/aux_assessment_generate_views.xml",
        "wizards/aux_assessment_sheet_reopen_views.xml",
        "views/aux_assessment_sheet_views.xml",
        "views/aux_assessment_sheet_grid_views.xml",
        "wizards/aux_assessment_score_views.xml",
        "views/aux_assessment_event_views.xml",
        "views/aux_assessment_period_views.xml",
        "views/aux_assessment_scheme_views.xml",
        "views/aux_inspection_finding_views.xml",
        "views/hr_employee_views.xml",
        "views/menus.xml",
        "report/aux_assessment_results_report.xml",
    ],
    "demo": [
        "demo/aux_assessment_demo.xml",
    ],
}
