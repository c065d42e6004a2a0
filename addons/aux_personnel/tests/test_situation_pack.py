# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xlrd

from odoo.exceptions import AccessError

from .attrition_common import AttritionCommon

PERSONNEL_SHEETS = ["Head count vs quota", "Composition", "Movements", "Grades vs quotas"]


def read_pack(report, wizard):
    """{sheet name: list of rows (lists of cell values)} of the pack's XLSX."""
    content, file_type = report.sudo(wizard.env.uid).render_xlsx(wizard.ids, {})
    assert file_type == "xlsx"
    book = xlrd.open_workbook(file_contents=content)
    return {sheet.name: [sheet.row_values(i) for i in range(sheet.nrows)]
            for sheet in book.sheets()}


class TestSituationPack(AttritionCommon):
    """June 2022 for the unit and its squadron: P6 and P7 (who joined on
    10 June) are in service, P3 and P5 leave later, P2's last day is
    30 June (an exit of the month, no longer counted at its end)."""

    @classmethod
    def setUpClass(cls):
        super(TestSituationPack, cls).setUpClass()
        cls.env["aux.establishment.quota"].create({
            "department_id": cls.unit.id, "category": "duty", "quota": 5,
            "year_from": 2022})
        cls.Pack = cls.env["aux.situation.pack"]
        cls.report = cls.env.ref("aux_personnel.aux_situation_pack_xlsx_report")

    def _pack(self, user=None, **values):
        vals = {"month": "2022-06-15", "department_id": self.unit.id}
        vals.update(values)
        return self.Pack.sudo(user).create(vals) if user else self.Pack.create(vals)

    def test_sections_hook(self):
        sections = self._pack()._aux_situation_sections()
        self.assertEqual([s["title"] for s in sections][:4], PERSONNEL_SHEETS)
        for section in sections:
            self.assertTrue(all(len(row) == len(section["headers"]) for row in section["rows"]),
                            section["title"])

    def test_xlsx_pack(self):
        wizard = self._pack()
        action = wizard.action_export()
        self.assertEqual(action.get("report_name"), "aux_personnel.situation_pack_xlsx")
        sheets = read_pack(self.report, wizard)
        self.assertEqual(list(sheets)[:4], PERSONNEL_SHEETS)
        # Head count vs quota: P5, P6, P7 (duty) against 5; P3 in the squadron.
        rows = {tuple(r[:2]): r[2:] for r in sheets["Head count vs quota"][4:]}
        self.assertEqual(rows[("H1 Attrition Unit", "Duty auxiliary")], [3, 5, 2])
        self.assertEqual(rows[("H1 Attrition Unit", "All categories")], [3, 5, 2])
        self.assertEqual(rows[("H1 Attrition Unit / H1 Attrition Squad",
                               "Civilian-support auxiliary")], [1, "", ""])
        # Movements: P7's entry and P2's exit.
        movements = [(r[0], r[1], r[2], r[4]) for r in sheets["Movements"][4:]]
        self.assertEqual(movements, [("Joined", "2022-06-10", "H1 P7", ""),
                                     ("Exit", "2022-06-30", "H1 P2", "Dismissed")])
        # Grades: P6 in L5 and P7 in L7 (current grades of active auxiliaries).
        grades = {tuple(r[:2]): r[2] for r in sheets["Grades vs quotas"][4:]}
        self.assertEqual(grades[("H1 Attrition Unit", self.grade_l5.name)], 1)
        self.assertEqual(grades[("H1 Attrition Unit", self.grade_l7.name)], 1)
        # Composition of today's register: P5 (cadre), P6, P7.
        composition = sheets["Composition"]
        self.assertEqual(composition[4][2:5], [3, 100.0, 2])

    def test_unit_leader_only_own_units(self):
        leader = self._user("h1_pack_leader", "aux_personnel.group_aux_personnel_unit_leader",
                            self._employee("H1 Pack Leader", self.squad, False))
        with self.refused(AccessError, "own units only"):
            self._pack(leader).action_export()
        with self.refused(AccessError, "own units only"):
            read_pack(self.report, self._pack(leader))
        # Without a unit, the pack covers the leader's own units only.
        sheets = read_pack(self.report, self._pack(leader, department_id=False))
        units = {row[0] for row in sheets["Head count vs quota"][4:]}
        self.assertEqual(units, {"H1 Attrition Unit / H1 Attrition Squad"})
        self.assertEqual([r[0] for r in sheets["Movements"][4:]],
                         ["Nothing to report for this month."])
