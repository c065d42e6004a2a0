# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scoring grid (issue 11, item 3): a unit leader scores his unit's
sheets of the month in one editable list, a column per item of the scheme,
with the total and band of each row previewed as he types."""
import json

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_assessment.models.aux_assessment_sheet import GRID_COLUMNS, GRID_FIELDS

from .common import AssessmentCase

GRID_VIEW = "aux_assessment.aux_assessment_sheet_view_tree_grid"


class TestScoringGrid(AssessmentCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sheets = cls.generate(cls.jan, cls.emp_a | cls.emp_a2 | cls.emp_a1 | cls.emp_b)
        cls.sheet_a = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_a)
        cls.sheet_a2 = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_a2)
        cls.sheet_b = cls.sheets.filtered(lambda s: s.employee_id == cls.emp_b)
        cls.items = cls.scheme.item_ids
        cls.column = {item.code: GRID_FIELDS[index] for index, item in enumerate(cls.items)}

    def grid_view(self, user, scheme=None):
        return self.Sheet.sudo(user).with_context(
            aux_grid_scheme_id=(scheme or self.scheme).id).fields_view_get(
            self.env.ref(GRID_VIEW).id, "tree", toolbar=True)

    def line(self, sheet, code):
        return sheet.line_ids.filtered(lambda ln: ln.item_id.code == code)

    def row_values(self, sheet, view):
        """The values the web client sends for a row of the grid."""
        values = sheet.read([name for name in view["fields"]])[0]
        return {name: value[0] if isinstance(value, tuple) else value
                for name, value in values.items()}

    def test_columns_are_the_items_of_the_scheme(self):
        view = self.grid_view(self.user_leader)
        arch = etree.fromstring(view["arch"])
        for index, name in enumerate(GRID_FIELDS):
            node = arch.xpath("//field[@name='%s']" % name)[0]
            modifiers = json.loads(node.get("modifiers") or "{}")
            if index < len(self.items):
                item = self.items[index]
                self.assertEqual(node.get("string"),
                                 "%s (max %g)" % (item.name, item.max_score))
                self.assertFalse(modifiers.get("column_invisible"), name)
                # editable while the sheet is a draft only
                self.assertEqual(modifiers.get("readonly"), [["state", "not in", ["draft"]]])
            else:
                self.assertTrue(modifiers.get("column_invisible"), name)
        self.assertEqual(arch.get("editable"), "bottom")

    def test_columns_show_the_scores_given(self):
        self.line(self.sheet_a, "QIN1").base_score = 12
        sheet = self.sheet_a.sudo(self.user_leader)
        self.assertEqual(sheet[self.column["QIN1"]], 12)
        self.assertEqual(sheet[self.column["DE1"]], 10)
        self.assertEqual(sheet[self.column["JI2"]], 0)

    def test_leader_scores_a_row(self):
        sheet = self.sheet_a.sudo(self.user_leader)
        self.assertEqual(sheet.total_score, 95)
        sheet.write({self.column["DE1"]: 6, self.column["QIN1"]: 10})
        self.assertEqual(self.line(self.sheet_a, "DE1").base_score, 6)
        self.assertEqual(self.line(self.sheet_a, "QIN1").base_score, 10)
        self.assertEqual(self.sheet_a.total_score, 86)
        self.assertEqual(self.sheet_a.band_id, self.band_competent)

    def test_preview_of_total_and_band_equals_the_saved_result(self):
        """The row's total and band change as the leader types (onchange),
        with the confirmed events counted, and saving gives the same."""
        self.event(self.emp_a2, self.type_absence, "%s-01-10" % 2011)  # -5 on attendance
        self.assertEqual(self.sheet_a2.total_score, 90)
        view = self.grid_view(self.user_leader)
        sheet = self.sheet_a2.sudo(self.user_leader)
        spec = sheet._onchange_spec(view_info=view)
        values = self.row_values(sheet, view)
        values[self.column["JI1"]] = 12  # results: 25 -> 12
        result = sheet.onchange(values, self.column["JI1"], spec)
        self.assertEqual(result["value"]["total_score"], 77)
        self.assertEqual(result["value"]["band_id"][0], self.band_competent.id)
        self.assertEqual(result["value"]["grid_band"], self.band_competent.name)
        values[self.column["DE2"]] = 0  # ethics: 10 -> 0
        result = sheet.onchange(values, self.column["DE2"], spec)
        self.assertEqual(result["value"]["total_score"], 67)
        self.assertEqual(result["value"]["band_id"][0], self.band_basic.id)
        self.assertNotIn("warning", result)
        # nothing was written by the preview
        self.assertEqual(self.sheet_a2.total_score, 90)
        sheet.write({self.column["JI1"]: 12, self.column["DE2"]: 0})
        self.assertEqual(self.sheet_a2.total_score, 67)
        self.assertEqual(self.sheet_a2.band_id, self.band_basic)

    def test_preview_keeps_the_lowest_band_of_a_veto(self):
        self.event(self.emp_a2, self.type_veto, "2011-01-12")
        self.assertEqual(self.sheet_a2.band_id, self.band_incompetent)
        view = self.grid_view(self.user_leader)
        sheet = self.sheet_a2.sudo(self.user_leader)
        values = self.row_values(sheet, view)
        values[self.column["JI2"]] = 5  # a full score on commendations
        result = sheet.onchange(values, self.column["JI2"], sheet._onchange_spec(view_info=view))
        self.assertGreater(result["value"]["total_score"], sheet.total_score)
        # the band stays the lowest whatever the score (unchanged: not sent back)
        self.assertNotIn("band_id", result["value"])

    def test_out_of_range_score_is_refused_with_a_message(self):
        view = self.grid_view(self.user_leader)
        sheet = self.sheet_a.sudo(self.user_leader)
        values = self.row_values(sheet, view)
        values[self.column["DE1"]] = 12
        result = sheet.onchange(values, self.column["DE1"], sheet._onchange_spec(view_info=view))
        self.assertIn("between 0 and 10", result["warning"]["message"])
        with self.assertRaisesRegex(ValidationError, "between 0 and 10"):
            sheet.write({self.column["DE1"]: 12})
        self.assertEqual(self.line(self.sheet_a, "DE1").base_score, 10)

    def test_leader_scores_only_his_units_draft_sheets(self):
        with self.assertRaises(AccessError):
            self.sheet_b.sudo(self.user_leader).write({self.column["DE1"]: 5})
        self.assertEqual(self.line(self.sheet_b, "DE1").base_score, 10)
        self.sheet_a.sudo(self.user_leader).action_submit()
        with self.assertRaisesRegex(UserError, "Draft"):
            self.sheet_a.sudo(self.user_leader).write({self.column["DE1"]: 5})
        self.assertEqual(self.line(self.sheet_a, "DE1").base_score, 10)
        # the auxiliary reads his own confirmed sheet, and writes nothing
        self.confirm(self.sheet_b)
        with self.assertRaises(AccessError):
            self.sheet_b.sudo(self.user_self_b).write({self.column["DE1"]: 5})

    def test_menu_opens_the_grid_of_the_leaders_unit_and_latest_draft_month(self):
        feb = self.generate(self.feb, self.emp_a | self.emp_a1)
        Score = self.env["aux.assessment.score"].sudo(self.user_leader)
        action = Score.action_open_default()
        self.assertEqual(action["res_model"], "aux.assessment.sheet")
        self.assertEqual(action["views"][0][0], self.env.ref(GRID_VIEW).id)
        self.assertEqual(action["context"]["aux_grid_scheme_id"], self.scheme.id)
        self.assertEqual(action["context"]["search_default_period_id"], self.feb.id)
        self.assertEqual(action["context"]["search_default_department_id"], self.unit_a.id)
        self.assertIn(("scheme_id", "=", self.scheme.id), action["domain"])
        # what the grid lists with its default filters: the unit's draft sheets
        shown = self.Sheet.sudo(self.user_leader).search(action["domain"] + [
            ("state", "=", "draft"), ("period_id", "=", self.feb.id),
            ("department_id", "child_of", self.unit_a.id)])
        self.assertEqual(shown, feb)
        feb.sudo(self.user_leader).action_submit_selected()
        action = Score.action_open_default()
        self.assertEqual(action["context"]["search_default_period_id"], self.jan.id)

    def test_dialog_when_the_unit_uses_several_schemes(self):
        special = self.scheme.copy({"name": "Squadron A1 scheme", "department_ids":
                                    [(6, 0, self.unit_a1.ids)]})
        self.generate(self.feb, self.emp_a | self.emp_a1)
        Score = self.env["aux.assessment.score"].sudo(self.user_leader)
        action = Score.action_open_default()
        self.assertEqual(action["res_model"], "aux.assessment.score")
        wizard = Score.create({})
        self.assertEqual(wizard.period_id, self.feb)
        self.assertEqual(wizard.scheme_ids, self.scheme | special)
        wizard.department_id = self.unit_a1
        wizard._onchange_period_unit()
        self.assertEqual(wizard.scheme_id, special)
        self.assertEqual(wizard.draft_count, 1)
        action = wizard.action_open()
        self.assertEqual(action["context"]["aux_grid_scheme_id"], special.id)
        self.assertEqual(action["context"]["search_default_department_id"], self.unit_a1.id)

    def test_scheme_wider_than_the_grid_is_refused_with_a_message(self):
        wide = self.env["aux.assessment.scheme"].create({
            "name": "Wide scheme", "date_from": "2000-01-01",
            "section_ids": [(0, 0, {"name": "All", "code": "ALL", "weight": 100, "item_ids": [
                (0, 0, {"name": "Item %d" % n, "code": "W%d" % n, "max_score": 5,
                        "default_score": 5}) for n in range(GRID_COLUMNS + 1)]})]})
        with self.assertRaisesRegex(UserError, "at most %d" % GRID_COLUMNS):
            self.Sheet._grid_action(self.jan, self.unit_a, wide)

    def run_bulk(self, user, step, sheets):
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action_server_%s" % step)
        return action.sudo(user).with_context(
            active_model="aux.assessment.sheet", active_ids=sheets.ids,
            active_id=sheets[:1].id).run()

    def test_bulk_submit_check_and_confirm_from_the_action_menu(self):
        unit_a = self.sheet_a | self.sheet_a2 | self.sheets.filtered(
            lambda s: s.employee_id == self.emp_a1)
        self.sheet_a.action_submit()
        self.run_bulk(self.user_leader, "submit", unit_a)
        self.assertEqual(set(unit_a.mapped("state")), {"unit_submitted"})
        self.assertEqual(self.sheet_a2.submit_user_id, self.user_leader)
        with self.assertRaisesRegex(UserError, "None of the 3 selected sheets"):
            self.run_bulk(self.user_leader, "submit", unit_a)
        with self.assertRaises(AccessError):
            self.run_bulk(self.user_leader, "check", unit_a)
        self.run_bulk(self.user_office, "check", unit_a)
        self.run_bulk(self.user_office, "confirm", unit_a)
        self.assertEqual(set(unit_a.mapped("state")), {"confirmed"})
        self.assertEqual(self.sheet_b.state, "draft")

    def test_action_menu_offers_each_step_to_its_groups(self):
        def steps(user):
            actions = self.grid_view(user)["toolbar"]["action"]
            return {self.env["ir.actions.server"].browse(a["id"]).get_external_id()[a["id"]]
                    .rsplit("_", 1)[1] for a in actions
                    if a.get("id") and a.get("type") == "ir.actions.server"} \
                & {"submit", "check", "confirm"}
        self.assertEqual(steps(self.user_self), set())
        self.assertEqual(steps(self.user_leader), {"submit"})
        self.assertEqual(steps(self.user_office), {"submit", "check", "confirm"})
