# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the attrition and monthly team-situation tests.

A unit with a squadron and another unit; auxiliaries who left through the
real exit form and the cadre conversion wizard in 2021-2023, and two who
stay. No test method here.

person  unit    category  entry       left        how
P1      unit    duty      2015-01-01  2021-03-15  resigned (grade L5 from 2015)
P2      unit    duty      2015-01-01  2022-06-30  dismissed
P3      squad   civilian  2015-01-01  2022-09-30  resigned
P4      other   duty      2015-01-01  2022-12-31  contract not renewed
P5      unit    duty      2015-01-01  2023-01-31  converted to cadre on 2023-02-01
P6      unit    duty      2015-01-01  -           (grade L5 from 2015)
P7      unit    duty      2022-06-10  -           (grade L7 from 2022-06-10)
"""
from .test_post_common import AuxPostCommon


class AttritionCommon(AuxPostCommon):

    @classmethod
    def setUpClass(cls):
        super(AttritionCommon, cls).setUpClass()
        ref = cls.env.ref
        cls.unit = cls._aux_unit("H1 Attrition Unit")
        cls.squad = cls._aux_unit("H1 Attrition Squad", cls.unit)
        cls.other = cls._aux_unit("H1 Attrition Other")
        cls.reasons = {code: ref("aux_personnel.aux_exit_reason_%s" % code)
                       for code in ("resigned", "dismissed", "not_renewed", "cadre")}
        cls.grade_l5 = ref("aux_personnel.aux_grade_l5")
        cls.grade_l7 = ref("aux_personnel.aux_grade_l7")

        def aux(name, unit, entry="2015-01-01", **values):
            return cls._employee(name, unit, True, entry_date=entry, **values)

        cls.p1 = aux("H1 P1", cls.unit)
        cls.p2 = aux("H1 P2", cls.unit)
        cls.p3 = aux("H1 P3", cls.squad, aux_category="civilian")
        cls.p4 = aux("H1 P4", cls.other)
        cls.p5 = aux("H1 P5", cls.unit)
        cls.p6 = aux("H1 P6", cls.unit)
        cls.p7 = aux("H1 P7", cls.unit, entry="2022-06-10")
        History = cls.env["aux.grade.history"]
        for person, grade, date_from in ((cls.p1, cls.grade_l5, "2015-01-01"),
                                         (cls.p6, cls.grade_l5, "2015-01-01"),
                                         (cls.p7, cls.grade_l7, "2022-06-10")):
            History.create({"employee_id": person.id, "grade_id": grade.id,
                            "date_from": date_from, "reason": "entry"})
        cls.exit_p1 = cls._leave(cls.p1, "resigned", "2021-03-15")
        cls.exit_p2 = cls._leave(cls.p2, "dismissed", "2022-06-30")
        cls._leave(cls.p3, "resigned", "2022-09-30")
        cls._leave(cls.p4, "not_renewed", "2022-12-31")
        # converted under criteria it meets (the criteria: test_cadre_conversion)
        cls.p5.education = "bachelor"
        criteria = ref("aux_personnel.aux_cadre_rule_default")
        if "min_band_id" in criteria._fields:
            criteria.min_band_id = False
        cls.env["aux.cadre.convert"].create({
            "employee_id": cls.p5.id, "date": "2023-02-01", "decision": "H1-2023-01",
            "wage": 4000.0, "term_months": 36}).action_convert()

    @classmethod
    def _leave(cls, person, reason_code, last_day):
        """Exit ``person`` through the exit form, as the office does."""
        record = cls.env["aux.employee.exit"].create({
            "employee_id": person.id, "reason_id": cls.reasons[reason_code].id,
            "last_day": last_day})
        record.action_confirm()
        return record
