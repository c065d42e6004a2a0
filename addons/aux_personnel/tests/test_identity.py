# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError

from ..models.hr_employee import parse_resident_id
from .common import AuxPersonnelCase, make_id


class TestIdentity(AuxPersonnelCase):

    def test_known_numbers(self):
        """Published sample numbers: check digit 'X' and a digit."""
        self.assertTrue(parse_resident_id("11010519491231002X"))
        self.assertTrue(parse_resident_id("440524188001010014"))
        self.assertFalse(parse_resident_id("110105194912310021"))  # wrong check digit
        self.assertFalse(parse_resident_id("11010519491331002X"))  # month 13
        self.assertFalse(parse_resident_id("1101051949123100"))    # too short

    def test_lowercase_x_is_accepted_and_normalised(self):
        emp = self._employee("Zhang Wei", self.squad_a1,
                             identification_id="11010519491231002x")
        self.assertEqual(emp.identification_id, "11010519491231002X")

    def test_birthday_and_gender_derived_on_create_and_write(self):
        emp = self._employee("Li Na", self.squad_a1,
                             identification_id=make_id(birthday="19950317", seq=7, male=False))
        self.assertEqual(emp.birthday, "1995-03-17")
        self.assertEqual(emp.gender, "female")
        emp.identification_id = make_id(birthday="19880602", seq=8, male=True)
        self.assertEqual(emp.birthday, "1988-06-02")
        self.assertEqual(emp.gender, "male")

    def test_onchange_fills_birthday(self):
        emp = self.Employee.new({"name": "X", "identification_id": make_id(birthday="20000229")})
        emp._onchange_identification_id()
        self.assertEqual(emp.birthday, "2000-02-29")

    def test_bad_check_digit_refused(self):
        good = make_id(seq=40)
        bad = good[:17] + ("0" if good[17] != "0" else "1")
        with self.assertRaisesRegex(ValidationError, "Wang Fang"):
            self._employee("Wang Fang", self.squad_a1, identification_id=bad)

    def test_duplicate_in_company_names_the_other_person(self):
        number = make_id(seq=41)
        self._employee("Zhao Lei", self.squad_a1, identification_id=number)
        with self.assertRaisesRegex(ValidationError, "Zhao Lei"):
            self._employee("Sun Li", self.squad_a1, identification_id=number)

    def test_duplicate_with_archived_person_refused(self):
        number = make_id(seq=42)
        old = self._employee("Zhou Jie", self.squad_a1, identification_id=number)
        old.active = False
        with self.assertRaisesRegex(ValidationError, "Zhou Jie"):
            self._employee("Wu Gang", self.squad_a1, identification_id=number)

    def test_same_number_allowed_in_another_company(self):
        number = make_id(seq=43)
        self._employee("Zheng Hao", self.squad_a1, identification_id=number)
        other = self.env["res.company"].create({"name": "Other Bureau"})
        emp = self.Employee.create({"name": "Zheng Hao", "company_id": other.id,
                                    "identification_id": number})
        self.assertEqual(emp.identification_id, number)

    def test_birth_date_in_the_future_refused(self):
        """Issue 12: a number whose birth date is after today passed the
        checksum and the calendar and was accepted."""
        tomorrow = fields.Date.from_string(fields.Date.today()) + relativedelta(days=1)
        number = make_id(birthday=tomorrow.strftime("%Y%m%d"), seq=44)
        self.assertTrue(parse_resident_id(number), "valid digits and check character")
        self.assertFalse(parse_resident_id(number, fields.Date.from_string(fields.Date.today())))
        with self.assertRaisesRegex(ValidationError, "Qin Yue.*future"), \
                self.env.cr.savepoint():
            self._employee("Qin Yue", self.squad_a1, identification_id=number)
        self.assertFalse(self.Employee.with_context(active_test=False).search(
            [("name", "=", "Qin Yue")]))
        emp = self._employee("Qin Yue", self.squad_a1)
        before = emp.identification_id
        with self.assertRaisesRegex(ValidationError, "future"), self.env.cr.savepoint():
            emp.identification_id = number
        emp.invalidate_cache()
        self.assertEqual(emp.identification_id, before)
        today = fields.Date.from_string(fields.Date.today())
        emp.identification_id = make_id(birthday=today.strftime("%Y%m%d"), seq=45)
        self.assertEqual(emp.birthday, fields.Date.today(), "born today is not the future")
