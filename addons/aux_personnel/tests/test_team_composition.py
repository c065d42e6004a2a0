# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile

from odoo.exceptions import AccessError, ValidationError

from .test_post_common import AuxPostCommon


class TestTeamComposition(AuxPostCommon):
    """A small bureau whose composition is counted by hand.

    person  staff      age (years)        service (years)     main post  education
    A       auxiliary  20       -> 18-25  0.5      -> <1       window     college
    B       auxiliary  26 today -> 26-39  1 today  -> 1-3      road       college
    C       auxiliary  40 today -> 40+    3 today  -> 3-10     -          high school
    D       sworn      30       -> 26-39  12       -> 10+      -          bachelor
    E       sworn      unknown  -> not set 10 today -> 10+     -          -  (sub-unit)
    F       cadre      25 today -> 18-25  5        -> 3-10     -          bachelor
    G       auxiliary, archived: not counted.
    """

    @classmethod
    def setUpClass(cls):
        super(TestTeamComposition, cls).setUpClass()
        cls.unit = cls._aux_unit("H2 Composition Unit")
        cls.sub_unit = cls._aux_unit("H2 Composition Squadron", cls.unit)

        def person(name, department, auxiliary, birthday, entry, **values):
            return cls._employee(name, department, auxiliary, birthday=birthday,
                                 entry_date=entry, **values)

        cls.person_a = person("A", cls.unit, True, cls._date(years=-20),
                              cls._date(months=-6), education="college")
        cls.person_b = person("B", cls.unit, True, cls._date(years=-26), cls._date(years=-1),
                              education="college")
        cls.person_c = person("C", cls.unit, True, cls._date(years=-40), cls._date(years=-3),
                              education="high_school")
        cls.person_d = person("D", cls.unit, False, cls._date(years=-30),
                              cls._date(years=-12), education="bachelor")
        cls.person_e = person("E", cls.sub_unit, False, False, cls._date(years=-10))
        cls.person_f = person("F", cls.unit, False, cls._date(years=-25),
                              cls._date(years=-5), aux_is_cadre=True, education="bachelor")
        person("G", cls.unit, True, cls._date(years=-30), cls._date(years=-2), active=False)
        for employee, post in ((cls.person_a, cls.window), (cls.person_b, cls.road)):
            cls.Assignment.create({"employee_id": employee.id, "post_id": post.id,
                                   "date_from": cls._date(months=-1)})
        cls.Report = cls.env["aux.team.composition.report"]

    def _rows(self, result, field_name):
        dimension = [d for d in result["dimensions"] if d["field"] == field_name][0]
        return {row["label"]: (row["count"], row["percent"], row["aux_count"],
                               row["aux_percent"]) for row in dimension["rows"]}

    def test_counts_and_percentages_by_hand(self):
        result = self.Report._composition(self.unit)
        self.assertEqual(result["total"], 6)
        self.assertEqual(result["auxiliaries"], 3)
        self.assertEqual(result["share"], 50.0)
        self.assertEqual(self._rows(result, "staff_type"), {
            "Sworn staff": (2, 33.3, 0, 0.0),
            "Auxiliary": (3, 50.0, 3, 100.0),
            "Bureau-employed cadre": (1, 16.7, 0, 0.0)})
        self.assertEqual(self._rows(result, "age_band_id"), {
            "18-25": (2, 33.3, 1, 33.3),
            "26-39": (2, 33.3, 1, 33.3),
            "40+": (1, 16.7, 1, 33.3),
            "Not set": (1, 16.7, 0, 0.0)})
        # Boundaries: from <= years < below, so exactly 1 year is in 1-3,
        # exactly 3 years in 3-10 and exactly 10 years in 10+.
        self.assertEqual(self._rows(result, "service_band_id"), {
            "<1": (1, 16.7, 1, 33.3),
            "1-3": (1, 16.7, 1, 33.3),
            "3-10": (2, 33.3, 1, 33.3),
            "10+": (2, 33.3, 0, 0.0)})
        self.assertEqual(self._rows(result, "education"), {
            "High school": (1, 16.7, 1, 33.3),
            "College (junior)": (2, 33.3, 2, 66.7),
            "Bachelor": (2, 33.3, 0, 0.0),
            "Not set": (1, 16.7, 0, 0.0)})
        posts = self._rows(result, "post_id")
        self.assertEqual(posts[self.window.display_name], (1, 16.7, 1, 33.3))
        self.assertEqual(posts[self.road.display_name], (1, 16.7, 1, 33.3))
        self.assertEqual(posts["Not set"], (4, 66.7, 1, 33.3))
        grades = self._rows(result, "grade_id")
        self.assertEqual(sum(row[0] for row in grades.values()), 6)

    def test_sub_unit_only(self):
        result = self.Report._composition(self.sub_unit)
        self.assertEqual((result["total"], result["auxiliaries"], result["share"]),
                         (1, 0, 0.0))

    def test_bands_are_data(self):
        self.env.ref("aux_personnel.aux_report_band_age_40").min_years = 41
        self.env.ref("aux_personnel.aux_report_band_age_26").max_years = 41
        result = self.Report._composition(self.unit)
        # C (exactly 40) moves from 40+ to the widened band.
        self.assertEqual(self._rows(result, "age_band_id")["26-39"][0], 3)
        with self.refused(ValidationError, "overlap"):
            self.env["aux.report.band"].create({"name": "30-35", "band_type": "age",
                                                "min_years": 30, "max_years": 35})

    def test_xlsx_export(self):
        wizard = self.env["aux.team.composition.export"].create(
            {"department_id": self.unit.id})
        action = wizard.action_export()
        self.assertEqual(action.get("report_name"), "aux_personnel.team_composition_xlsx")
        content, file_type = self.env.ref(
            "aux_personnel.aux_team_composition_xlsx_report").render_xlsx(wizard.ids, {})
        self.assertEqual(file_type, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            workbook = book.read("xl/workbook.xml").decode()
            summary = book.read("xl/worksheets/sheet1.xml").decode()
            self.assertEqual(workbook.count("<sheet "), 7)
        self.assertIn('name="Summary"', workbook)
        self.assertIn("<v>50</v>", summary)

    def test_unit_leader_sees_only_own_unit(self):
        leader = self._user("h2_report_leader", "aux_personnel.group_aux_personnel_unit_leader",
                            self._employee("Leader Zhou", self.sub_unit, False))
        rows = self.Report.sudo(leader).search([])
        self.assertEqual(rows.mapped("department_id"), self.sub_unit)
        with self.refused(AccessError):
            self.Report.sudo(leader).browse(self.person_a.id).read(["staff_type"])
