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
    "depends": ["aux_personnel"],
    "data": [
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
}
