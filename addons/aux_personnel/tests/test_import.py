# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import AuxPersonnelCase, make_id

FIELDS = ["name", "identification_id", "department_id", "aux_grade_id",
          "entry_date", "is_auxiliary", "aux_category", "education"]


class TestImport(AuxPersonnelCase):
    """The standard import (base_import calls ``load``) with ID numbers,
    units and grades by name."""

    def _row(self, name, seq, grade="Level 6", date="2020-03-01", unit="Squadron A1"):
        return [name, make_id(birthday="19960405", seq=seq), unit, grade, date,
                "1", "duty", "college"]

    def test_good_file_imports_people_with_grade_history(self):
        rows = [self._row("Import One", 201), self._row("Import Two", 202, grade="Level 7")]
        result = self.Employee.load(FIELDS, rows)
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"],
                         result["messages"])
        people = self.Employee.browse(result["ids"])
        self.assertEqual(people.mapped("department_id"), self.squad_a1)
        self.assertEqual(people[0].aux_grade_id, self.grades[6])
        self.assertEqual(people[1].aux_grade_id, self.grades[7])
        self.assertEqual(people[0].aux_grade_history_ids.date_from, "2020-03-01")
        self.assertEqual(people[0].birthday, "1996-04-05")

    def test_any_bad_row_imports_nothing_and_names_each_row(self):
        good = self._row("Good Person", 301)
        bad_check = self._row("Bad Check", 302)
        bad_check[1] = bad_check[1][:17] + ("0" if bad_check[1][17] != "0" else "1")
        unknown_grade = self._row("Unknown Grade", 303, grade="Level 99")
        bad_date = self._row("Bad Date", 304, date="2021-02-30")
        duplicate = self._row("Duplicate", 301)
        rows = [good, bad_check, unknown_grade, bad_date, duplicate]
        count_before = self.Employee.with_context(active_test=False).search_count([])
        result = self.Employee.load(FIELDS, rows)
        self.assertFalse(result["ids"])
        self.assertEqual(
            self.Employee.with_context(active_test=False).search_count([]), count_before)
        errors = [m for m in result["messages"] if m["type"] == "error"]
        bad_rows = {m["rows"]["from"] for m in errors}
        self.assertEqual(bad_rows, {1, 2, 3, 4}, errors)
        text = " ".join(m["message"] for m in errors)
        self.assertIn("Bad Check", text)
        self.assertIn("Level 99", text)
        self.assertIn("Good Person", text)  # the duplicate names the first holder
        # the message of a rule, not Python's view of the exception
        check_error = [m["message"] for m in errors if m["rows"]["from"] == 1][0]
        self.assertNotIn("<class", check_error)
        self.assertNotIn("None)", check_error)
        self.assertNotIn("Unknown error", check_error)

    def test_csv_through_the_import_screen(self):
        """The same through base_import (what the Import button does)."""
        if "base_import.import" not in self.env.registry:
            self.skipTest("base_import is not installed")
        header = "name,identification_id,department_id,aux_grade_id,entry_date,aux_category\n"
        good = "CSV Good,%s,Squadron A1,Level 6,2021-05-01,duty\n" % make_id(seq=401)
        bad = "CSV Bad,%s,Squadron A1,Level 6,2021-05-01,duty\n" % (
            make_id(seq=402)[:17] + "Z")
        options = {"headers": True, "separator": ",", "quoting": '"',
                   "encoding": "utf-8", "date_format": "%Y-%m-%d"}
        columns = header.strip().split(",")
        importer = self.env["base_import.import"].create({
            "res_model": "hr.employee", "file": (header + good + bad).encode(),
            "file_name": "people.csv", "file_type": "text/csv"})
        messages = importer.do(columns, options)
        self.assertTrue(any("CSV Bad" in m["message"] for m in messages), messages)
        self.assertFalse(self.Employee.search([("name", "like", "CSV ")]))
        importer = self.env["base_import.import"].create({
            "res_model": "hr.employee", "file": (header + good).encode(),
            "file_name": "people.csv", "file_type": "text/csv"})
        self.assertFalse(importer.do(columns, options))
        person = self.Employee.search([("name", "=", "CSV Good")])
        self.assertEqual(person.aux_grade_id, self.grades[6])
