# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import TrainingCase


class TestViews(TrainingCase):

    def test_every_view_of_every_action_renders(self):
        actions = self.env["ir.actions.act_window"].search(
            [("res_model", "like", "aux.%")]).filtered(
            lambda a: a.xml_id and a.xml_id.startswith("aux_training."))
        self.assertGreaterEqual(len(actions), 10)
        for action in actions:
            model = self.env[action.res_model].sudo(self.user_officer)
            for view_type in action.view_mode.split(",") + ["search"]:
                arch = model.fields_view_get(view_type=view_type)["arch"]
                self.assertTrue(arch, "%s %s" % (action.res_model, view_type))

    def test_employee_form_shows_training_record(self):
        arch = self.env["hr.employee"].sudo(self.user_leader).fields_view_get(
            view_type="form")["arch"]
        self.assertIn("action_open_training_record", arch)
        self.assertIn("training_enrolment_ids", arch)
