# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import SavepointCase

from odoo.addons.aux_demo import pre_init_hook


class TestFormerDemoDatabase(SavepointCase):

    def test_the_bureau_of_a_former_demo_database_is_kept(self):
        """A demo database built before aux_demo (updated by bin/demo) has its
        bureau under aux_personnel's xmlids: installing aux_demo adopts them,
        so the generator finds the bureau and makes no second one; the
        addons' own records and crons keep their xmlids."""
        env = self.env
        Data = env["ir.model.data"]
        Department = env["hr.department"]
        bureau = Department.create({"name": "Former demo bureau"})
        brigade = Department.create({"name": "Former demo brigade", "parent_id": bureau.id})
        squadron = Department.create({"name": "Former demo squadron",
                                      "parent_id": brigade.id})
        for name, record in (("hr_department_bureau_demo", bureau),
                             ("hr_department_brigade_1_demo", brigade),
                             ("hr_department_squadron_1_1_demo", squadron)):
            Data.create({"module": "aux_personnel", "name": name, "model": record._name,
                         "res_id": record.id, "noupdate": True})
        cron = env["ir.cron"].search([], limit=1)
        Data.create({"module": "aux_welfare", "name": "ir_cron_former_demo",
                     "model": "ir.cron", "res_id": cron.id, "noupdate": True})
        pre_init_hook(env.cr)
        Data.clear_caches()
        self.assertEqual(env.ref("aux_demo.hr_department_bureau_demo"), bureau)
        self.assertEqual(env.ref("aux_demo.hr_department_squadron_1_1_demo"), squadron)
        self.assertEqual(env.ref("aux_welfare.ir_cron_former_demo"), cron)
        self.assertTrue(env.ref("aux_personnel.aux_grade_l1"))
        self.assertFalse(env["aux.demo.personnel"]._generate(), "the bureau exists")
        self.assertFalse(Department.search([("name", "=", "示范市公安局")]), "no second bureau")
        self.assertEqual(Department.search_count([("id", "child_of", bureau.id)]), 3)
