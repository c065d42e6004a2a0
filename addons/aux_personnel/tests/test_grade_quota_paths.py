# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The grade quota rules hold on every path that changes who holds a level
in a unit (issue 12, item 6), on the effective date of the change.

Hand-computed case: Squadron A1 has a head-count quota of 14, so the shipped
rule "levels 3-1 at most 30% of the unit quota" allows floor(14 x 30%) = 4
people in levels 3-1.  Three hold them (A and B in level 3, C in level 2),
four are in level 4 (D, E, F, G): one place is left.  Brigade B has a quota
of 20 (6 places) and one person in level 3 (T), so the rule "level 1 at most
30% of levels 3-1" allows floor(1 x 30%) = 0 people in level 1 there."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import AuxPersonnelCase

UPPER = r"Squadron A1, Level 1, Level 2, Level 3 on %s: 5 people, but the rule " \
        r"\"Levels 3-1 at most 30%% of the unit quota\" allows at most 4 " \
        r"\(30.0%% of 14\)"


def day(offset=0):
    return fields.Date.to_string(
        fields.Date.from_string(fields.Date.today()) + relativedelta(days=offset))


class TestGradeQuotaPaths(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestGradeQuotaPaths, cls).setUpClass()
        year = fields.Date.from_string(fields.Date.today()).year
        cls.Quota.create({"department_id": cls.squad_a1.id, "quota": 14,
                          "year_from": year - 10})
        cls.Quota.create({"department_id": cls.brigade_b.id, "quota": 20,
                          "year_from": year - 10})
        entry = day(-3650)
        cls.people = {}
        for name, level in (("A", 3), ("B", 3), ("C", 2), ("D", 4), ("E", 4), ("F", 4),
                            ("G", 4)):
            cls.people[name] = cls._employee("Quota %s" % name, cls.squad_a1,
                                             aux_grade_id=cls.grades[level].id,
                                             entry_date=entry)
        cls.people["T"] = cls._employee("Quota T", cls.brigade_b,
                                        aux_grade_id=cls.grades[3].id, entry_date=entry)
        cls.officer = cls._user("aux_gq_officer", cls.group_user)

    def as_officer(self, model):
        return self.env[model].sudo(self.officer)

    def promote_by_hand(self, name, level, date, lang="en_US"):
        """What the office types on the grade history of a file: close the
        line in force the day before, add the new one, save."""
        person = self.people[name]
        current = person.aux_grade_history_ids.filtered(lambda h: not h.date_to)
        person.sudo(self.officer).with_context(lang=lang).write({"aux_grade_history_ids": [
            (1, current.id, {"date_to": fields.Date.to_string(
                fields.Date.from_string(date) - relativedelta(days=1))}),
            (0, 0, {"grade_id": self.grades[level].id, "date_from": date,
                    "reason": "selection", "decision_ref": "D-%s" % name})]})

    def promote_by_wizard(self, name, level, date):
        wizard = self.as_officer("aux.grade.promote").with_context(
            active_model="hr.employee", active_ids=self.people[name].ids).create({
                "decision_ref": "Decision %s" % name, "reason": "selection", "date": date})
        wizard.line_ids.write({"new_grade_id": self.grades[level].id})
        return wizard.action_apply()

    def lines(self, name):
        return self.History.search_count([("employee_id", "=", self.people[name].id)])

    def test_hand_entered_line_beyond_cap_refused(self):
        """D takes the last place; E's line, typed on E's file the same
        way (the open line closed the day before), is refused and nothing
        of the save is written."""
        self.promote_by_hand("D", 3, day())
        self.assertEqual(self.people["D"].aux_grade_id, self.grades[3])
        person = self.people["E"]
        current = person.aux_grade_history_ids
        with self.assertRaisesRegex(ValidationError, UPPER % day()):
            person.sudo(self.officer).write({"aux_grade_history_ids": [
                (1, current.id, {"date_to": day(-1)}),
                (0, 0, {"grade_id": self.grades[3].id, "date_from": day(),
                        "reason": "selection"})]})
        self.assertEqual(self.lines("E"), 1)
        self.assertFalse(current.date_to)
        self.assertEqual(person.aux_grade_id, self.grades[4])

    def test_hire_at_capped_level_refused(self):
        Employee = self.as_officer("hr.employee")
        values = {"department_id": self.squad_a1.id, "is_auxiliary": True,
                  "aux_category": "duty", "entry_date": day(-30)}
        Employee.create(dict(values, name="Hire 1", aux_grade_id=self.grades[2].id))
        with self.assertRaisesRegex(ValidationError, UPPER % day(-30)):
            Employee.create(dict(values, name="Hire 2", aux_grade_id=self.grades[3].id))
        self.assertFalse(self.Employee.search([("name", "=", "Hire 2")]))
        # a hire below the capped levels is not concerned
        Employee.create(dict(values, name="Hire 3", aux_grade_id=self.grades[5].id))

    def test_hire_at_level_1_needs_levels_3_1(self):
        """Brigade B: 1 person in levels 3-1, 30% of 1 rounds down to 0."""
        with self.assertRaisesRegex(
                ValidationError, r"Brigade B, Level 1 on .*: 1 people, but the rule "
                                 r"\"Level 1 at most 30% of levels 3-1\" allows at most 0"):
            self.as_officer("hr.employee").create({
                "name": "Hire L1", "department_id": self.brigade_b.id, "is_auxiliary": True,
                "aux_category": "duty", "aux_grade_id": self.grades[1].id})

    def test_transfer_into_full_unit_refused(self):
        self.promote_by_hand("D", 3, day())
        transfer = self.people["T"].sudo(self.officer)
        with self.assertRaisesRegex(ValidationError, UPPER % day()):
            transfer.department_id = self.squad_a1
        self.assertEqual(self.people["T"].department_id, self.brigade_b)
        # into a unit with room, or a person below the capped levels: accepted
        level4 = self._employee("Quota H", self.brigade_b, aux_grade_id=self.grades[4].id)
        level4.sudo(self.officer).department_id = self.squad_a1
        self.assertEqual(level4.department_id, self.squad_a1)

    def test_reactivated_holder_counts(self):
        """A leaves (archived): B, C, D and E fill the 4 places; A cannot come back."""
        self.people["A"].sudo(self.officer).active = False
        self.promote_by_hand("D", 3, day())
        self.promote_by_hand("E", 3, day())
        with self.assertRaisesRegex(ValidationError, UPPER % day()):
            self.people["A"].sudo(self.officer).active = True
        self.assertFalse(self.people["A"].active)

    def test_two_future_promotions_counted_on_their_dates(self):
        """Each alone fits today's counts; on day +60 both hold level 3."""
        self.promote_by_wizard("D", 3, day(30))
        self.assertEqual(self.people["D"].aux_grade_id, self.grades[4], "not before day +30")
        with self.assertRaisesRegex(UserError, UPPER % day(60)):
            self.promote_by_wizard("E", 3, day(60))
        self.assertEqual(self.lines("E"), 1)

    def test_later_promotion_entered_first_is_counted(self):
        """Entered in the other order, the earlier promotion is refused on
        the date the later one starts, when both hold the level."""
        self.promote_by_wizard("E", 3, day(60))
        with self.assertRaisesRegex(UserError, UPPER % day(60)):
            self.promote_by_wizard("D", 3, day(30))
        self.assertEqual(self.lines("D"), 1)

    def test_place_freed_on_effective_date(self):
        """D takes the last place today; A is demoted from day +40: E may be
        promoted from day +40, not from day +20."""
        self.promote_by_hand("D", 3, day())
        wizard = self.as_officer("aux.grade.promote").with_context(
            active_model="hr.employee", active_ids=self.people["A"].ids).create({
                "decision_ref": "Demotion A", "reason": "demotion", "date": day(40)})
        wizard.line_ids.write({"new_grade_id": self.grades[4].id})
        wizard.action_apply()
        with self.assertRaisesRegex(UserError, UPPER % day(20)):
            self.promote_by_wizard("E", 3, day(20))
        self.promote_by_wizard("E", 3, day(40))
        self.assertEqual(self.History.search([
            ("employee_id", "=", self.people["E"].id), ("date_to", "=", False)]).grade_id,
            self.grades[3])

    def test_unit_already_over_cap_refuses_only_what_makes_it_worse(self):
        """The quota is cut to 10 (3 places) while 3 hold levels 3-1 and D
        is promoted: 4 > 3.  Moving a level-4 person in changes nothing of
        the levels and passes; one more in levels 3-1 is refused."""
        self.promote_by_hand("D", 3, day())
        self.Quota.search([("department_id", "=", self.squad_a1.id)]).quota = 10
        level4 = self._employee("Quota H", self.brigade_b, aux_grade_id=self.grades[4].id)
        level4.sudo(self.officer).department_id = self.squad_a1
        with self.assertRaisesRegex(ValidationError, r"Squadron A1.*: 5 people.*at most 3"):
            self.promote_by_hand("E", 3, day(10))

    def test_refusal_is_translated(self):
        self.promote_by_hand("D", 3, day())
        with self.assertRaisesRegex(ValidationError, "(?s)层级比例规则.*Squadron A1.*最多 4 人"):
            self.promote_by_hand("E", 3, day(5), lang="zh_CN")
