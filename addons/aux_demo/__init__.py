# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import models

# the addons that made the demo bureau before aux_demo existed
FORMER_DEMO_ADDONS = ("aux_personnel", "aux_assessment", "aux_payroll", "aux_training",
                      "aux_welfare", "aux_duty")


def pre_init_hook(cr):
    """A demo database built before aux_demo existed has the bureau's
    records under xmlids of the addons (``aux_personnel.hr_department_bureau_demo``,
    ``aux_payroll.user_aux_finance_demo``, ...): they become aux_demo's, so
    that the generators find the bureau and make nothing twice.  Only the
    generated records (noupdate, ``..._demo``), not the models or crons the
    addons had."""
    cr.execute("""
        UPDATE ir_model_data SET module = 'aux_demo'
         WHERE module IN %s AND noupdate AND name LIKE %s AND model NOT LIKE %s""",
               (FORMER_DEMO_ADDONS, r"%\_demo", "ir.%"))
