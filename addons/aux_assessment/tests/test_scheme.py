# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import YEAR, AssessmentCase


class TestScheme(AssessmentCase):

    def test_default_scheme_is_five_parts_of_100_points(self):
        self.assertEqual(self.scheme.total_max, 100)
        self.assertEqual(self.scheme.section_ids.mapped("code"),
                         ["DE", "NENG", "QIN", "JI", "LIAN"])
        self.assertIn("flexible", self.scheme.item_ids.mapped("item_type"))

    def unused_scheme(self):
        """A copy of the default scheme that no sheet uses (the default one is in
        use in a database with demo data)."""
        return self.scheme.copy({"name": "Unused copy"})

    def test_scheme_in_use_is_frozen(self):
        scheme = self.unused_scheme()
        item = scheme.item_ids[0]
        item.max_score = item.max_score  # editable while unused
        self.Sheet._generate(self.jan, self.emp_b, scheme=scheme)
        with self.assertRaisesRegex(UserError, "New version"):
            item.write({"max_score": 12})
        with self.assertRaises(UserError):
            scheme.section_ids[0].write({"weight": 30})
        with self.assertRaises(UserError):
            self.env["aux.assessment.item"].create({
                "section_id": scheme.section_ids[0].id, "name": "Extra",
                "code": "X", "max_score": 1})
        # the name and the end of validity may still change
        scheme.write({"name": "Renamed", "date_to": "%s-12-31" % (YEAR + 5)})

    def test_new_version_copies_items_and_closes_old(self):
        self.generate(self.jan, self.emp_b)
        action = self.scheme.with_context(
            aux_version_date="%s-07-01" % YEAR).action_new_version()
        new = self.env["aux.assessment.scheme"].browse(action["res_id"])
        self.assertEqual(new.version, self.scheme.version + 1)
        self.assertEqual(new.previous_id, self.scheme)
        self.assertEqual(new.date_from, "%s-07-01" % YEAR)
        self.assertEqual(self.scheme.date_to, "%s-06-30" % YEAR)
        self.assertEqual(sorted(new.item_ids.mapped("code")),
                         sorted(self.scheme.item_ids.mapped("code")))
        self.assertNotEqual(new.item_ids, self.scheme.item_ids)
        new.item_ids[0].write({"name": "Changed in the new version"})
        # July sheets use the new version, January kept the old one
        july = self.env["aux.assessment.period"].search(
            [("name", "=", "%s-07" % YEAR)])
        sheet = self.generate(july, self.emp_b)
        self.assertEqual(sheet.scheme_id, new)

    def test_fixed_items_cannot_exceed_section_weight(self):
        with self.assertRaises(ValidationError):
            self.unused_scheme().section_ids[-1].item_ids[0].write(
                {"max_score": 30, "default_score": 30})
