# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every field a view's modifiers test is loaded by the view.

The web client evaluates the modifiers of each row (``attrs``, ``states``,
and the ``states=`` of a field's definition, which become a modifier on
``state``) against the fields the view loads; a field it did not load breaks
the page ("Unknown field state in domain") as soon as there are rows."""
import json

from lxml import etree

from odoo.tests.common import SavepointCase

AUX_ADDONS = ("aux_personnel", "aux_assessment", "aux_payroll", "aux_training", "aux_welfare")
SUBVIEWS = ("tree", "form", "kanban")


def _leaf_fields(domain):
    if not isinstance(domain, list):
        return []
    return [leaf[0] for leaf in domain
            if isinstance(leaf, list) and len(leaf) == 3 and isinstance(leaf[0], str)]


def unloaded_modifier_fields(arch):
    """["<node> <modifier>: <field>"] for each field named in a modifier that
    the view (or the x2many sub-view the node is in) does not load."""
    problems = []

    def loaded(view):
        names = set()
        for node in view.iterchildren():
            if not isinstance(node.tag, str):
                continue
            if node.tag == "field":
                names.add(node.get("name"))
                if any(sub.tag in SUBVIEWS for sub in node):
                    continue
            names |= loaded(node)
        return names

    def check(view, names):
        for node in view.iterchildren():
            if not isinstance(node.tag, str):
                continue
            for key, domain in json.loads(node.get("modifiers") or "{}").items():
                for name in _leaf_fields(domain):
                    if name.split(".")[0] not in names and not name.startswith("parent."):
                        problems.append("%s %s: %s" % (
                            node.get("name") or node.tag, key, name))
            subviews = [sub for sub in node if sub.tag in SUBVIEWS]
            if node.tag == "field" and subviews:
                for sub in subviews:
                    check(sub, loaded(sub))
            else:
                check(node, names)

    root = etree.fromstring(arch)
    check(root, loaded(root))
    return problems


class TestRunViews(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestRunViews, cls).setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.officer = Users.create({
            "name": "Run View Officer", "login": "run_view_officer",
            "email": "run_view_officer@example.com",
            "groups_id": [(6, 0, [cls.env.ref("aux_payroll.group_aux_payroll_officer").id])]})

    def test_payroll_run_views_load_the_fields_of_their_modifiers(self):
        """The Payroll Runs list and form as the payroll officer: ``name`` and
        the unit are read-only by the run's ``state`` (their definitions'
        ``states=``), so ``state`` must be loaded."""
        Run = self.env["hr.payslip.run"].sudo(self.officer)
        for xmlid, view_type in (("aux_payroll.hr_payslip_run_view_tree", "tree"),
                                 ("aux_payroll.hr_payslip_run_view_form", "form")):
            view = Run.fields_view_get(view_id=self.env.ref(xmlid).id, view_type=view_type)
            self.assertEqual(unloaded_modifier_fields(view["arch"]), [], xmlid)

    def test_every_view_of_the_suite_loads_the_fields_of_its_modifiers(self):
        views = self.env["ir.ui.view"].search([
            ("type", "in", ("tree", "form")), ("mode", "=", "primary"),
            ("model_data_id.module", "in", AUX_ADDONS)])
        self.assertTrue(views)
        problems = []
        for view in views:
            if view.model not in self.env:
                continue
            arch = self.env[view.model].fields_view_get(
                view_id=view.id, view_type=view.type)["arch"]
            problems += ["%s: %s" % (view.xml_id, problem)
                         for problem in unloaded_modifier_fields(arch)]
        self.assertEqual(problems, [])

    def test_the_check_sees_a_missing_field(self):
        arch = ('<tree><field name="name" modifiers=\'{"readonly": [["state", "!=", "draft"]]}\'/>'
                '<field name="slip_ids"><tree><field name="number" '
                'modifiers=\'{"invisible": [["state", "=", "done"]]}\'/>'
                '<field name="state"/></tree></field></tree>')
        self.assertEqual(unloaded_modifier_fields(arch), ["name readonly: state"])
