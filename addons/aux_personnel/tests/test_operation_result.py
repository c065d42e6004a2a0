# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Producing the monthly team-situation pack says what it produced (issue
11, item 4): the Export button answers with a dialog giving the number of
sheets and data rows of the workbook, the time taken and the file."""
import base64

import xlrd

from odoo.exceptions import AccessError

from .test_post_common import AuxPostCommon
from .test_situation_pack import read_pack


class TestPackOperationResult(AuxPostCommon):

    @classmethod
    def setUpClass(cls):
        super(TestPackOperationResult, cls).setUpClass()
        cls.report = cls.env.ref("aux_personnel.aux_situation_pack_xlsx_report")

    def test_pack_reports_its_sheets_and_rows_with_the_file(self):
        wizard = self.env["aux.situation.pack"].create(
            {"month": self._date(), "department_id": self.brigade.id})
        action = wizard.action_produce()
        self.assertEqual((action["res_model"], action["target"]),
                         ("aux.operation.result", "new"))
        result = self.env["aux.operation.result"].browse(action["res_id"])
        sheets = read_pack(self.report, wizard)
        # rows of data: below the title, note, blank and header rows of each
        # sheet (a sheet without data says so in one line, not counted)
        sections = wizard._aux_situation_sections()
        rows = sum(len(section["rows"]) for section in sections)
        self.assertTrue(rows)
        self.assertEqual(result.record_count, rows)
        self.assertIn("%d sheets, %d rows" % (len(sheets), rows), result.message)
        month = self._date()[:7]
        self.assertIn(month, result.message)
        self.assertEqual(result.filename, "team_situation_%s.xlsx" % month)
        book = xlrd.open_workbook(file_contents=base64.b64decode(result.data))
        self.assertEqual([sheet.name for sheet in book.sheets()], list(sheets))
        self.assertGreaterEqual(result.duration, 0.0)

    def test_pack_of_another_unit_is_refused_before_anything_is_produced(self):
        leader = self._user("h1_result_leader", "aux_personnel.group_aux_personnel_unit_leader",
                            self._employee("H1 Result Leader", self.other_unit, False))
        wizard = self.env["aux.situation.pack"].sudo(leader).create(
            {"month": self._date(), "department_id": self.brigade.id})
        count = self.env["aux.operation.result"].sudo().search_count([])
        with self.assertRaises(AccessError):
            wizard.action_produce()
        self.assertEqual(self.env["aux.operation.result"].sudo().search_count([]), count)

    def test_a_unit_leaders_pack_names_his_units_not_all_units(self):
        """Without a unit chosen, a unit leader's pack covers his own units
        and says so (it read "All units")."""
        leader = self._user("h1_result_own", "aux_personnel.group_aux_personnel_unit_leader",
                            self._employee("H1 Own Leader", self.brigade, False))
        wizard = self.env["aux.situation.pack"].sudo(leader).create({"month": self._date()})
        result = self.env["aux.operation.result"].sudo(leader).browse(
            wizard.action_produce()["res_id"])
        self.assertIn(self.brigade.display_name, result.message)
        self.assertNotIn("All units", result.message)
