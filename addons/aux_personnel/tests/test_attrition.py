# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .attrition_common import AttritionCommon


class TestAttrition(AttritionCommon):

    @classmethod
    def setUpClass(cls):
        super(TestAttrition, cls).setUpClass()
        cls.Report = cls.env["aux.attrition.report"]
        cls.Rate = cls.env["aux.attrition.rate.report"]

    def _counts(self, domain, groupby):
        groups = self.Report.read_group(domain, ["exit_count"] + groupby, groupby, lazy=False)
        return {tuple(g[name][1] if isinstance(g[name], (list, tuple)) else g[name]
                      for name in groupby): g["exit_count"] for g in groups}

    def test_exits_per_year_and_reason(self):
        counts = self._counts([("department_id", "child_of", self.unit.id)],
                              ["year", "reason_id"])
        self.assertEqual(counts, {
            ("2021", "Resigned"): 1,
            ("2022", "Dismissed"): 1,
            ("2022", "Resigned"): 1,
            ("2023", "Converted to bureau-employed cadre"): 1})
        self.assertEqual(
            self._counts([("department_id", "=", self.other.id)], ["year", "reason_code"]),
            {("2022", "not_renewed"): 1})

    def test_exits_per_unit_and_category(self):
        counts = self._counts([("department_id", "child_of", self.unit.id),
                               ("year", "=", "2022")], ["department_id", "category"])
        self.assertEqual(counts, {(self.unit.display_name, "duty"): 1,
                                  (self.squad.display_name, "civilian"): 1})

    def test_exit_row_details(self):
        row = self.Report.search([("exit_id", "=", self.exit_p1.id)])
        self.assertEqual(row.employee_id, self.p1)
        self.assertEqual((row.date, row.year, row.month), ("2021-03-15", "2021", "2021-03"))
        self.assertEqual(row.grade_id, self.grade_l5)
        # 2015-01-01 to 2021-03-15: 2265 days, 6.2 years, in the 3-10 band.
        self.assertEqual(row.service_years, 6.2)
        self.assertEqual(row.service_band_id.name, "3-10")
        self.assertTrue(row.is_auxiliary)
        conversion = self.Report.search([("employee_id", "=", self.p5.id)])
        self.assertEqual((conversion.exit_type, conversion.date, conversion.is_auxiliary),
                         ("conversion", "2023-01-31", True))

    def test_drafts_are_not_counted(self):
        self.env["aux.employee.exit"].create({
            "employee_id": self.p6.id, "reason_id": self.reasons["resigned"].id,
            "last_day": "2023-05-31"})
        self.assertFalse(self.Report.search([("employee_id", "=", self.p6.id)]))

    def test_rate_per_year_and_unit(self):
        """Unit only (squadron apart): 2021 starts with P1 P2 P5 P6, ends with
        P2 P5 P6; 2022 starts with P2 P5 P6, ends with P5 P6 P7 (P7 joined);
        2023 starts with P5 P6 P7 and ends with P6 P7 (P5 converted)."""
        rows = self.Rate.search([("department_id", "=", self.unit.id),
                                 ("year", "in", ("2021", "2022", "2023"))])
        figures = {r.year: (r.headcount_start, r.headcount_end, r.exit_count,
                            r.attrition_rate) for r in rows}
        self.assertEqual(figures, {"2021": (4, 3, 1, 28.6), "2022": (3, 3, 1, 33.3),
                                   "2023": (3, 2, 1, 40.0)})
        # A group's rate comes from its sums: 3 exits over 9 average people.
        group = self.Rate.read_group(
            [("department_id", "=", self.unit.id), ("year", "in", ("2021", "2022", "2023"))],
            ["department_id", "attrition_rate"], ["department_id"])[0]
        self.assertEqual(group["exit_count"], 3)
        self.assertAlmostEqual(group["attrition_rate"], 33.3)

    def test_unit_leader_reads_only_own_units(self):
        leader = self._user("h1_attrition_leader",
                            "aux_personnel.group_aux_personnel_unit_leader",
                            self._employee("H1 Leader Other", self.other, False))
        rows = self.Report.sudo(leader).search([("year", "in", ("2021", "2022", "2023"))])
        self.assertEqual(rows.mapped("department_id"), self.other)
        with self.refused(AccessError):
            self.Report.sudo(leader).browse(self.exit_p1.id).read(["reason_id"])
        rates = self.Rate.sudo(leader).search([])
        self.assertEqual(rates.mapped("department_id"), self.other)

    def test_self_service_reads_nothing(self):
        user = self._user("h1_attrition_self", "aux_personnel.group_aux_personnel_self",
                          self.p6)
        with self.refused(AccessError):
            self.Report.sudo(user).search([])
        with self.refused(AccessError):
            self.Rate.sudo(user).search([])
