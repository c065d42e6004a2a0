# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Personnel",
    "summary": "Register, grades, quotas, posts and contracts of auxiliary "
               "police and coordinators",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "application": True,
    "depends": ["hr", "hr_contract"],
    "data": [
        "security/aux_personnel_security.xml",
        "security/ir.model.access.csv",
        "views/hr_employee_views.xml",
        "views/menus.xml",
    ],
}
