# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Duty, Attendance and Leave",
    "summary": "Duty rosters, clock-in imports, daily exceptions, leave and "
               "report-back (请销假) feeding the assessment and the payroll",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "depends": ["aux_assessment", "aux_payroll", "hr_attendance", "hr_holidays",
                "hr_holidays_public"],
    "data": [
        "security/aux_duty_security.xml",
        "security/ir.model.access.csv",
        "security/aux_duty_company_security.xml",
        "data/aux_duty_shift_data.xml",
        "data/hr_holidays_status_data.xml",
        "data/hr_holidays_public_data.xml",
        "data/aux_leave_approval_rule_data.xml",
        "data/aux_duty_punch_mapping_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "views/aux_duty_shift_views.xml",
        "views/aux_duty_roster_views.xml",
        "views/aux_duty_punch_views.xml",
        "views/aux_duty_exception_views.xml",
        "views/aux_leave_request_views.xml",
        "views/aux_leave_approval_rule_views.xml",
        "wizards/aux_duty_punch_import_views.xml",
        "report/aux_duty_attendance_report_views.xml",
        "views/menus.xml",
    ],
    "post_init_hook": "post_init_hook",
    "demo": [
        "demo/aux_duty_demo.xml",
    ],
}
