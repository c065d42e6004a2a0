# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Conversion to bureau-employed cadre: the eligibility criteria are data
(aux.cadre.rule) shown in the wizard with the person's value, a person who
misses one is refused with the reason, and a converted cadre is no longer
taken for sworn staff by the posts reserved to them."""
from odoo.exceptions import UserError, ValidationError

from .test_post_common import AuxPostCommon


class TestCadreConversion(AuxPostCommon):

    @classmethod
    def setUpClass(cls):
        super(TestCadreConversion, cls).setUpClass()
        cls.manager = cls._user("cadre_manager", "aux_personnel.group_aux_personnel_manager")
        cls.criteria = cls.env.ref("aux_personnel.aux_cadre_rule_default")
        values = {"min_years_service": 5, "min_education": "college",
                  "min_grade_id": cls.env.ref("aux_personnel.aux_grade_l4").id,
                  "max_age": 0}
        if "min_band_id" in cls.criteria._fields:
            values["min_band_id"] = False  # the annual results: aux_assessment's tests
        cls.criteria.write(values)
        # 6 years of service, bachelor, level 4: eligible
        cls.aux1.write({"entry_date": cls._date(years=-6), "education": "bachelor"})
        cls.env["aux.grade.history"].create({
            "employee_id": cls.aux1.id, "grade_id": cls.env.ref("aux_personnel.aux_grade_l4").id,
            "date_from": cls._date(years=-6), "reason": "entry"})
        # 4 years of service, high school, level 7: three criteria missed
        cls.aux2.write({"entry_date": cls._date(years=-4), "education": "high_school"})
        cls.env["aux.grade.history"].create({
            "employee_id": cls.aux2.id, "grade_id": cls.env.ref("aux_personnel.aux_grade_l7").id,
            "date_from": cls._date(years=-4), "reason": "entry"})

    def wizard(self, employee):
        return self.env["aux.cadre.convert"].sudo(self.manager).with_context(
            active_model="hr.employee", active_id=employee.id).create({
                "date": self._date(days=1), "decision": "Bureau decision 7",
                "wage": 5000.0, "term_months": 36})

    def test_criteria_shown_and_unmet_refused_with_reasons(self):
        wizard = self.wizard(self.aux2)
        self.assertEqual(wizard.rule_id, self.criteria)
        self.assertFalse(wizard.eligible)
        for text in ("Years of service", "Education", "Grade", "NOT MET"):
            self.assertIn(text, wizard.eligibility)
        with self.refused(UserError, "Li Na does not meet.*Years of service 4.0, required "
                                     "at least 5.0.*Grade .*Education High school"):
            wizard.action_convert()
        self.assertTrue(self.aux2.is_auxiliary)
        self.assertFalse(self.aux2.aux_is_cadre)

    def test_criteria_are_data(self):
        """Lowering the criteria makes the same person eligible."""
        self.criteria.sudo(self.manager).write({
            "min_years_service": 3, "min_education": "high_school",
            "min_grade_id": self.env.ref("aux_personnel.aux_grade_l7").id})
        wizard = self.wizard(self.aux2)
        self.assertTrue(wizard.eligible)
        wizard.action_convert()
        self.assertTrue(self.aux2.aux_is_cadre)

    def test_no_criteria_in_force_refuses(self):
        self.criteria.write({"date_to": self._date(days=-1)})
        wizard = self.wizard(self.aux1)
        self.assertFalse(wizard.rule_id)
        with self.refused(UserError, "No cadre conversion criteria are in force"):
            wizard.action_convert()

    def test_overlapping_criteria_refused(self):
        with self.refused(ValidationError, "overlap"):
            self.env["aux.cadre.rule"].sudo(self.manager).create({
                "name": "Second", "date_from": self._date(years=-1)})

    def test_cadre_is_not_sworn_staff(self):
        """A converted cadre may not hold a post reserved to sworn staff; sworn
        staff may; the cadre keeps mixed posts."""
        wizard = self.wizard(self.aux1)
        self.assertTrue(wizard.eligible, wizard.eligibility)
        wizard.action_convert()
        self.assertFalse(self.aux1.is_auxiliary)
        self.assertTrue(self.aux1.aux_is_cadre)
        self.assertFalse(self.aux1.aux_is_sworn)
        self.assertTrue(self.sworn.aux_is_sworn)
        with self.refused(ValidationError, "Case handling may only be held by sworn staff: "
                                           "Zhang Wei is a bureau-employed cadre"):
            self.Assignment.create({"employee_id": self.aux1.id, "post_id": self.case_post.id,
                                    "date_from": self._date(days=2)})
        self.Assignment.create({"employee_id": self.sworn.id, "post_id": self.case_post.id,
                                "date_from": self._date(days=2)})
        self.Assignment.create({"employee_id": self.aux1.id, "post_id": self.window.id,
                                "date_from": self._date(days=2)})
