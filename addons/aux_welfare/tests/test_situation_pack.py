# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import xlrd

from odoo import fields

from .common import AuxWelfareCase


class TestSituationPack(AuxWelfareCase):
    """Two must-visits of unit A due this month: one made on time, one open;
    one talk held with an auxiliary of unit A."""

    def test_welfare_section_in_pack(self):
        today = fields.Date.from_string(fields.Date.today())
        first = today.replace(day=1)
        # events dated so that both deadlines fall inside this month
        event = self._create_event(self.emp_aux_a2, date=fields.Date.to_string(first))
        event.action_confirm()
        visit = event.visit_ids
        self.assertEqual(visit.deadline[:7], fields.Date.today()[:7],
                         "fixture: deadline in this month")
        visit.write({"visit_date": min(visit.deadline, fields.Date.today()),
                     "summary": "Talked with the family"})
        visit.action_done()
        other = self._create_event(self.emp_aux_a, date=fields.Date.to_string(
            max(first, today - timedelta(days=1))))
        other.action_confirm()
        if other.visit_ids.deadline[:7] != fields.Date.today()[:7]:
            other.visit_ids.deadline = fields.Date.today()
        talk = self.env["aux.talk"].create({
            "name": "Night shifts", "employee_id": self.emp_aux_a2.id,
            "topics": "Night shifts", "date": fields.Date.today()})
        talk.action_held()
        wizard = self.env["aux.situation.pack"].create(
            {"month": fields.Date.today(), "department_id": self.unit_a.id})
        content, _file_type = self.env.ref(
            "aux_personnel.aux_situation_pack_xlsx_report").render_xlsx(wizard.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_name("Care")
        rows = {sheet.cell_value(r, 0): sheet.row_values(r)[1:] for r in range(4, sheet.nrows)}
        # visits due, on time, late, missing, pending, talks held
        self.assertEqual(rows["W Brigade A"], [1, 1, 0, 0, 0, 1])
        self.assertEqual(rows["W Brigade A / W Squadron A1"], [1, 0, 0, 0, 1, 0])
        self.assertNotIn("W Brigade B", rows)
