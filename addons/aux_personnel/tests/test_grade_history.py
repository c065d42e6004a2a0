# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import AuxPersonnelCase


def years_ago(years, months=0, days=0):
    day = fields.Date.from_string(fields.Date.today()) - relativedelta(
        years=years, months=months, days=days)
    return fields.Date.to_string(day)


class TestGradeHistory(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestGradeHistory, cls).setUpClass()
        cls.env.user.company_id.aux_probation_months = 6

    def test_entry_grade_from_education_table(self):
        for education, level in (("high_school", 7), ("college", 6),
                                 ("bachelor", 5), ("master", 4)):
            emp = self._employee("E %s" % education, self.squad_a1, education=education,
                                 entry_date=years_ago(1))
            self.assertEqual(emp.aux_grade_id, self.grades[level], education)
            self.assertEqual(emp.aux_grade_history_ids.reason, "entry")
            self.assertEqual(emp.aux_grade_history_ids.date_from, emp.entry_date)

    def test_entry_table_is_data(self):
        """Changing the table changes the entry grade: no number in code."""
        self.env.ref("aux_personnel.aux_entry_level_bachelor").grade_id = self.grades[4]
        emp = self._employee("Bachelor", self.squad_a1, education="bachelor")
        self.assertEqual(emp.aux_grade_id, self.grades[4])

    def test_grade_set_on_create_records_entry_line(self):
        emp = self._employee("Imported", self.squad_a1, aux_grade_id=self.grades[6].id,
                             entry_date=years_ago(2))
        self.assertEqual(emp.aux_grade_id, self.grades[6])
        self.assertEqual(len(emp.aux_grade_history_ids), 1)
        self.assertEqual(emp.aux_grade_history_ids.date_from, emp.entry_date)

    def test_hire_with_grade_and_login_keeps_both(self):
        # a hire recorded with its grade and its login at once (form, import):
        # the grade's history line used to wipe the login from the new file
        user = self._user("aux_hired_with_login", self.group_self)
        emp = self._employee("Hired with login", self.squad_a1, aux_grade_id=self.grades[6].id,
                             user_id=user.id)
        emp.invalidate_cache()
        self.assertEqual(emp.user_id, user)
        self.assertEqual(emp.aux_grade_id, self.grades[6])
        self.assertEqual(emp.aux_grade_history_ids.mapped("reason"), ["entry"])
        self.assertEqual(user.employee_ids, emp)

    def test_current_grade_follows_history(self):
        emp = self._employee("Qian Bo", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(5))
        emp.aux_grade_history_ids.date_to = years_ago(1, days=1)
        self.assertFalse(emp.aux_grade_id, "no line in force today")
        self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                             "date_from": years_ago(1), "reason": "seniority"})
        self.assertEqual(emp.aux_grade_id, self.grades[6])

    def test_grade_cannot_be_typed_over_history(self):
        emp = self._employee("Kong Yu", self.squad_a1, aux_grade_id=self.grades[7].id)
        with self.assertRaises(UserError):
            emp.aux_grade_id = self.grades[3]

    def test_overlap_refused_with_names(self):
        emp = self._employee("Feng Tao", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(3))
        with self.assertRaisesRegex(ValidationError, "Feng Tao"):
            self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                                 "date_from": years_ago(1), "reason": "seniority"})
        with self.assertRaises(ValidationError):
            self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                                 "date_from": years_ago(5), "date_to": years_ago(2),
                                 "reason": "entry"})

    def test_end_before_start_refused(self):
        emp = self._employee("Chu Lin", self.squad_a1)
        with self.assertRaises(ValidationError):
            self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                                 "date_from": years_ago(1), "date_to": years_ago(2),
                                 "reason": "entry"})

    def test_cron_recomputes_grade_when_a_line_starts(self):
        emp = self._employee("Wei Dong", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(4))
        tomorrow = fields.Date.to_string(
            fields.Date.from_string(fields.Date.today()) + relativedelta(days=1))
        emp.aux_grade_history_ids.date_to = fields.Date.today()
        self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                             "date_from": tomorrow, "reason": "seniority"})
        self.assertEqual(emp.aux_grade_id, self.grades[7])
        # a day passes (simulated by moving the lines one day back in SQL, so
        # that no ORM write triggers a recompute): the daily job switches it
        self.env.cr.execute("UPDATE aux_grade_history SET date_from = date_from - 1, "
                            "date_to = date_to - 1 WHERE employee_id = %s", (emp.id,))
        self.History.invalidate_cache()
        self.Employee._cron_aux_grade_recompute()
        emp.invalidate_cache()
        self.assertEqual(emp.aux_grade_id, self.grades[6])

    def test_years_of_service_exclude_probation(self):
        """When the years of service rule says the probation does not count
        (see test_service_years for the rule itself)."""
        self.env.ref("aux_personnel.aux_service_rule_default").probation_counts = False
        emp = self._employee("Jiang Min", self.squad_a1, entry_date=years_ago(3))
        self.assertAlmostEqual(emp.years_of_service, 2.5, delta=0.02)
        found = self.Employee.search([("id", "=", emp.id), ("years_of_service", ">=", 2.4)])
        self.assertEqual(found, emp)
        found = self.Employee.search([("id", "=", emp.id), ("years_of_service", ">=", 2.6)])
        self.assertFalse(found)
        found = self.Employee.search([("id", "=", emp.id), ("years_of_service", "<", 2.6)])
        self.assertEqual(found, emp)

    def test_due_for_seniority_promotion(self):
        # level 7 -> 6 needs 3 years (band of level 6); the rule excludes the
        # 6 months of probation of the entry line
        self.env.ref("aux_personnel.aux_service_rule_default").probation_counts = False
        due = self._employee("Due", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(3, months=7))
        not_yet = self._employee("Not yet", self.squad_a1, aux_grade_id=self.grades[7].id,
                                 entry_date=years_ago(3, months=3))
        # level 4 -> 3 is by selection: never on the seniority list
        selection = self._employee("Selection", self.squad_a1,
                                   aux_grade_id=self.grades[4].id,
                                   entry_date=years_ago(10))
        listed = self.Employee.search([("aux_promotion_due", "=", True)])
        self.assertIn(due, listed)
        self.assertNotIn(not_yet, listed)
        self.assertNotIn(selection, listed)
        self.assertTrue(due.aux_promotion_due)
        self.assertFalse(not_yet.aux_promotion_due)

    def test_promotion_counts_years_as_the_service_rule_says(self):
        """Item 7 of issue 12: one definition of years of service. With the
        shipped rule (probation counts), 3 years and 3 months in the entry
        grade reach the 3-year band of level 6; when the rule excludes the 6
        months of probation, they are 2 years and 9 months: not yet due."""
        rule = self.env.ref("aux_personnel.aux_service_rule_default")
        self.assertTrue(rule.probation_counts)
        emp = self._employee("Counted", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(3, months=3))
        self.assertTrue(emp.aux_promotion_due)
        self.assertAlmostEqual(emp.aux_grade_years, 3.3, delta=0.01)  # one decimal
        self.assertIn(emp, self.Employee.search([("aux_promotion_due", "=", True)]))
        rule.probation_counts = False
        emp.invalidate_cache()
        self.assertFalse(emp.aux_promotion_due)
        self.assertAlmostEqual(emp.aux_grade_years, 2.8, delta=0.01)
        self.assertNotIn(emp, self.Employee.search([("aux_promotion_due", "=", True)]))

    def test_band_is_data(self):
        emp = self._employee("Band", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(2, months=7))
        self.assertFalse(emp.aux_promotion_due)
        self.grades[6].min_years = 2
        emp.invalidate_cache()
        self.assertTrue(emp.aux_promotion_due)

    def test_grade_changes_tracked_in_chatter(self):
        Employee = self.env["hr.employee"].with_context(tracking_disable=False)
        emp = Employee.create({
            "name": "Tracked", "is_auxiliary": True, "aux_category": "duty",
            "department_id": self.squad_a1.id})
        before = len(emp.message_ids)
        emp.write({"department_id": self.brigade_b.id, "aux_category": "civilian"})
        self.assertGreater(len(emp.message_ids), before)
        values = emp.message_ids[0].tracking_value_ids.mapped("field")
        self.assertIn("department_id", values)
        self.assertIn("aux_category", values)

    def test_grade_change_posted_in_chatter(self):
        emp = self._employee("Posted", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(4))
        emp.aux_grade_history_ids.date_to = years_ago(1, days=1)
        self.History.with_context(tracking_disable=False).create({
            "employee_id": emp.id, "grade_id": self.grades[6].id,
            "date_from": years_ago(1), "reason": "seniority", "decision_ref": "Doc 7"})
        self.assertIn("Doc 7", emp.message_ids[0].body)

    def test_category_specific_entry_level_wins(self):
        self.env["aux.entry.level"].create({
            "education": "college", "category": "civilian", "grade_id": self.grades[5].id})
        civilian = self._employee("Civ", self.squad_a1, aux_category="civilian",
                                  education="college")
        duty = self._employee("Dut", self.squad_a1, education="college")
        self.assertEqual(civilian.aux_grade_id, self.grades[5])
        self.assertEqual(duty.aux_grade_id, self.grades[6])

    def test_entry_level_outside_validity_ignored(self):
        self.env.ref("aux_personnel.aux_entry_level_master").date_to = "2000-12-31"
        emp = self._employee("Master", self.squad_a1, education="master")
        self.assertFalse(emp.aux_grade_id)

    def test_quota_rule_needs_base_grades(self):
        with self.assertRaises(ValidationError):
            self.env["aux.grade.quota.rule"].create({
                "name": "Bad", "grade_ids": [(6, 0, [self.grades[1].id])],
                "base": "grades", "max_share": 10})
        with self.assertRaises(ValidationError):
            self.rule_upper.max_share = 150

    def test_signed_document_year_from_date(self):
        emp = self._employee("Signer", self.squad_a1)
        doc = self.env["aux.signed.document"].create({
            "employee_id": emp.id, "doc_type": "responsibility", "date_signed": "2025-01-15"})
        self.assertEqual(doc.year, 2025)
        self.assertEqual(emp.aux_signed_document_ids, doc)

    def test_years_in_grade_exclude_probation_on_entry_line(self):
        self.env.ref("aux_personnel.aux_service_rule_default").probation_counts = False
        emp = self._employee("Years", self.squad_a1, aux_grade_id=self.grades[7].id,
                             entry_date=years_ago(2))
        self.assertAlmostEqual(emp.aux_grade_years, 1.5, delta=0.02)
        emp.aux_grade_history_ids.date_to = years_ago(1, days=1)
        self.History.create({"employee_id": emp.id, "grade_id": self.grades[6].id,
                             "date_from": years_ago(1), "reason": "seniority"})
        emp.invalidate_cache()
        self.assertAlmostEqual(emp.aux_grade_years, 1.0, delta=0.02)
