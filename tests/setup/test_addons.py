"""The six addons and the demo addon: manifests in the OCA 11.0 form, the
dependency direction of conventions.md, the six installed in the test
database and the demo addon not (it is never installed in production), and a
clean uninstall and reinstall (on a copy of the test database made by
bin/test)."""
import ast
import os
import subprocess
import sys
import textwrap

import pytest

import odoo
from odoo.tests.common import TransactionCase

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AUX_ADDONS = ["aux_personnel", "aux_assessment", "aux_payroll", "aux_training", "aux_welfare",
              "aux_duty"]
# the demo bureau's generators: installed by bin/demo only
DEMO_ADDON = "aux_demo"
# who may depend on whom (conventions.md): personnel <- assessment <- payroll,
# personnel <- training, personnel <- welfare; payroll <- duty (attendance feeds
# the assessment and the payroll)
ALLOWED_AUX_DEPENDS = {
    "aux_personnel": set(),
    "aux_assessment": {"aux_personnel"},
    "aux_payroll": {"aux_personnel", "aux_assessment"},
    "aux_training": {"aux_personnel"},
    "aux_welfare": {"aux_personnel"},
    "aux_duty": {"aux_personnel", "aux_assessment", "aux_payroll"},
    DEMO_ADDON: set(AUX_ADDONS),
}


def manifest(name):
    with open(os.path.join(ROOT, "addons", name, "__manifest__.py"), encoding="utf-8") as handle:
        return ast.literal_eval(handle.read())


@pytest.mark.parametrize("name", AUX_ADDONS + [DEMO_ADDON])
def test_manifest_form(name):
    data = manifest(name)
    assert data["version"].startswith("11.0.") and len(data["version"].split(".")) == 5
    assert data["license"] == "LGPL-3"
    assert "description" not in data
    for key in ("name", "summary", "author", "website", "category", "depends"):
        assert data.get(key), key
    # the addons ship data, the demo addon only demo data (the bureau)
    assert data.get("data") if name in AUX_ADDONS else data.get("demo")
    if name in AUX_ADDONS:
        assert not data.get("demo"), "the demo bureau is %s's" % DEMO_ADDON
    assert set(data["depends"]) & set(AUX_ADDONS + [DEMO_ADDON]) <= ALLOWED_AUX_DEPENDS[name]
    for path in data.get("data", []) + data.get("demo", []):
        assert os.path.isfile(os.path.join(ROOT, "addons", name, path)), path
    for fragment in ("DESCRIPTION.rst", "USAGE.rst"):
        assert os.path.isfile(os.path.join(ROOT, "addons", name, "readme", fragment))
    assert os.path.isfile(os.path.join(ROOT, "addons", name, "i18n", "zh_CN.po"))


class TestInstalled(TransactionCase):

    def test_all_aux_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", AUX_ADDONS)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(AUX_ADDONS))
        self.assertEqual(set(modules.mapped("state")), {"installed"})

    def test_the_demo_addon_is_not_installed(self):
        """The test database is built as a production database: without
        the demo bureau's generators."""
        demo = self.env["ir.module.module"].search([("name", "=", DEMO_ADDON)])
        self.assertFalse(demo.filtered(lambda module: module.state != "uninstalled"))

    def test_english_and_chinese_are_both_active(self):
        """Users pick either language in their preferences: loading Chinese
        must not leave English inactive (Odoo activates only the languages
        named by --load-language)."""
        active = self.env["res.lang"].search([]).mapped("code")
        self.assertIn("en_US", active)
        self.assertIn("zh_CN", active)

    def test_top_menu_and_sub_menus(self):
        root = self.env.ref("aux_personnel.aux_root_menu")
        self.assertEqual(root.name, "Auxiliary Personnel")
        self.assertEqual(root.with_context(lang="zh_CN").name, "辅警管理")
        for name in AUX_ADDONS[1:]:
            menu = self.env.ref("%s.%s_menu" % (name, name))
            self.assertEqual(menu.parent_id, root)

    def test_category_and_groups(self):
        category = self.env.ref("aux_personnel.module_category_aux")
        user = self.env.ref("aux_personnel.group_aux_personnel_user")
        manager = self.env.ref("aux_personnel.group_aux_personnel_manager")
        self.assertEqual(user.category_id, category)
        self.assertIn(user, manager.implied_ids)


LIFECYCLE = """
import odoo
from odoo import api, SUPERUSER_ID
odoo.tools.config.parse_config(['-c', 'odoo.conf', '-d', %(db)r, '--log-level=warn'])
names = %(names)r
def modules(env):
    return env['ir.module.module'].search([('name', 'in', names)])
def state(env):
    return sorted(set(modules(env).mapped('state')))
registry = odoo.registry(%(db)r)
with api.Environment.manage(), registry.cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    modules(env).button_immediate_uninstall()
registry = odoo.registry(%(db)r)
with api.Environment.manage(), registry.cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    print('after-uninstall', state(env), env.ref('aux_personnel.aux_root_menu', False))
    cr.execute("select count(*) from ir_model_data where module in %%s", [tuple(names)])
    print('leftover-xmlids', cr.fetchone()[0])
    modules(env).button_immediate_install()
registry = odoo.registry(%(db)r)
with api.Environment.manage(), registry.cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    print('after-reinstall', state(env), bool(env.ref('aux_personnel.aux_root_menu', False)))
"""


def test_uninstall_and_reinstall_cleanly():
    db = os.environ.get("AUX_LIFECYCLE_DB")
    assert db, "bin/test copies the test database to AUX_LIFECYCLE_DB for this test"
    code = textwrap.dedent(LIFECYCLE % {"db": db, "names": AUX_ADDONS})
    env = {k: v for k, v in os.environ.items() if k not in ("USER", "HOST", "PORT", "PASSWORD")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    assert "after-uninstall ['uninstalled'] None" in lines, result.stdout + result.stderr[-3000:]
    assert "leftover-xmlids 0" in lines, result.stdout
    assert "after-reinstall ['installed'] True" in lines, result.stdout + result.stderr[-3000:]
    assert odoo.release.version_info[:2] == (11, 0)
