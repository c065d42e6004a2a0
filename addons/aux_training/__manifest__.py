# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Training",
    "summary": "Training requirements, courses, sessions, exams, certificates and mentoring",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "depends": ["aux_personnel", "mail", "report_xlsx"],
    "data": [
        "security/aux_training_security.xml",
        "security/ir.model.access.csv",
        "data/aux_training_data.xml",
        "report/aux_training_reports.xml",
        "wizards/aux_training_enrol_unit_views.xml",
        "views/aux_training_category_views.xml",
        "views/aux_training_requirement_views.xml",
        "views/aux_training_session_views.xml",
        "views/aux_training_course_views.xml",
        "views/aux_training_enrolment_views.xml",
        "views/aux_training_certificate_views.xml",
        "views/aux_training_plan_views.xml",
        "views/aux_training_compliance_views.xml",
        "views/aux_training_competition_views.xml",
        "views/aux_mentorship_views.xml",
        "views/hr_employee_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/aux_training_demo.xml",
    ],
}
