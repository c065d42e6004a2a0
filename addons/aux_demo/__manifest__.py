# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Auxiliary Personnel Demo Bureau",
    "summary": "A realistic demo bureau for the auxiliary addons: people, a year of "
               "assessment, training, care, duty and payroll, one login per role",
    "version": "11.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/aux-personnel/aux-personnel",
    "author": "Auxiliary Personnel Project",
    "license": "LGPL-3",
    "depends": ["aux_personnel", "aux_assessment", "aux_payroll", "aux_training",
                "aux_welfare", "aux_duty"],
    "demo": [
        "demo/aux_training_demo.xml",
        "demo/aux_welfare_demo.xml",
        "demo/aux_demo.xml",
    ],
    "pre_init_hook": "pre_init_hook",
}
