"""The Python 3.11 compatibility layer: each patch does its job, and the
behaviour it restores really breaks without it (checked in a fresh
interpreter with only that patch switched off)."""
import importlib.util
import inspect
import os
import random
import subprocess
import sys
import textwrap

import odoo
import pytest

import odoo_py311

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADDONS_PATH = os.path.join(os.path.dirname(os.path.abspath(__import__("odoo").__file__)), "addons")


def run_without(patch_name, code):
    """Run ``code`` in a new interpreter of this venv with one patch off."""
    assert patch_name in {p.name for p in odoo_py311.patches.PATCHES}
    env = dict(os.environ, ODOO_PY311_DISABLE=patch_name)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)


def assert_fails_without(patch_name, code, expected_error):
    result = run_without(patch_name, code)
    assert result.returncode != 0, "ran without patch %s:\n%s" % (patch_name, result.stdout)
    assert expected_error in result.stderr, result.stderr[-2000:]


def test_every_patch_is_active_in_this_process():
    assert odoo_py311.applied() == [p.name for p in odoo_py311.patches.PATCHES]
    assert len(odoo_py311.applied()) == 17


def test_collections_abc_aliases():
    import collections
    import collections.abc
    import odoo.models
    assert collections.Mapping is collections.abc.Mapping
    assert isinstance(odoo.models.BaseModel, type)
    assert_fails_without("collections_abc_aliases", "import odoo.models",
                         "cannot import name")


def test_inspect_getargspec():
    def method(self, a, b=1, *args, **kwargs):
        return a

    spec = inspect.getargspec(method)
    assert spec == (["self", "a", "b"], "args", "kwargs", (1,))
    assert inspect.formatargspec(*spec) == "(self, a, b=1, *args, **kwargs)"
    from odoo.tools import ormcache  # imports getargspec/formatargspec

    class Cached:
        @ormcache("a")
        def compute(self, a):
            return a * 2
    assert Cached().compute.__name__ == "compute"
    assert_fails_without("inspect_getargspec", "import odoo.tools.cache",
                         "cannot import name 'formatargspec'")


def test_base64_encodestring():
    import base64
    assert base64.encodestring(b"odoo") == b"b2Rvbw==\n"
    assert base64.decodestring(b"b2Rvbw==\n") == b"odoo"
    assert_fails_without("base64_encodestring", "import base64; base64.encodestring(b'x')",
                         "has no attribute 'encodestring'")


def test_thread_isalive():
    import threading
    thread = threading.Thread(target=lambda: None)
    assert thread.isAlive() is False
    assert_fails_without("thread_isalive",
                         "import threading; threading.current_thread().isAlive()",
                         "has no attribute 'isAlive'")


def test_time_clock():
    import time
    first = time.clock()
    assert time.clock() >= first
    assert_fails_without("time_clock", "import time; time.clock()", "has no attribute 'clock'")


def test_random_sample_accepts_a_set():
    population = {1, 2, 3, 4}
    picked = random.sample(population, 2)
    assert len(picked) == 2 and set(picked) <= population
    assert_fails_without("random_sample_set", "import random; random.sample({1, 2}, 1)",
                         "Population must be a sequence")


def test_yaml_load_without_loader():
    import yaml
    assert yaml.load("a: [1, 2]") == {"a": [1, 2]}
    assert_fails_without("yaml_load_loader", "import yaml; yaml.load('a: 1')",
                         "missing 1 required positional argument: 'Loader'")


SPEC_CODE = """
import importlib.util, odoo
odoo.tools.config.parse_config(['--addons-path=%s'])
odoo.modules.module.initialize_sys_path()
import odoo.addons.web
spec = importlib.util.find_spec('odoo.addons.web')
assert spec.submodule_search_locations, spec
""" % ADDONS_PATH


def test_addon_modules_have_a_spec():
    spec = importlib.util.find_spec("odoo.addons.base")
    assert spec is not None and spec.name == "odoo.addons.base"
    assert spec.submodule_search_locations
    assert_fails_without("addon_module_spec", SPEC_CODE, "odoo.addons.web.__spec__ is None")


def test_safe_eval_accepts_311_bytecode():
    from odoo.tools.safe_eval import safe_eval, const_eval, expr_eval
    assert const_eval("[1, 2, (3, 4), {'a': {1, 2}}]") == [1, 2, (3, 4), {"a": {1, 2}}]
    assert expr_eval("(1 + 2) * 3 - 4 // 2") == 7
    assert safe_eval("[x * 2 for x in items if x is not None and x in (1, 3)]",
                     {"items": [1, 2, 3, None]}) == [2, 6]
    assert safe_eval("sum(v for v in d.values())", {"d": {"a": 1, "b": 2}}) == 3
    assert safe_eval("f(*args, **kw)", {"f": lambda *a, **k: (a, k), "args": [1],
                                        "kw": {"x": 2}}) == ((1,), {"x": 2})
    context = {}
    safe_eval("try:\n    result = 1 / 0\nexcept Exception:\n    result = -1",
              context, mode="exec", nocopy=True)
    assert context["result"] == -1
    # a salary rule as hr_payroll evaluates it
    localdict = {"categories": type("C", (), {"BASIC": 1000.0})(), "result": None}
    safe_eval("result = categories.BASIC * 0.08 if categories.BASIC > 500 else 0",
              localdict, mode="exec", nocopy=True)
    assert localdict["result"] == 80.0
    assert_fails_without("safe_eval_opcodes",
                         "from odoo.tools.safe_eval import safe_eval; safe_eval('1 + 2')",
                         "forbidden opcode")


# Each sandbox patch: the escape it answers is refused with it, and returns
# the object (or the master password) in an interpreter without it.
SANDBOX_ESCAPE_CODE = """
import datetime
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval
config['admin_passwd'] = 'secret-of-the-test'
context = {'datetime': datetime}
try:
    value = safe_eval(%r, context, mode=%r, nocopy=True)
except (NameError, ValueError):
    print('refused')
else:
    raise SystemExit('sandbox escape returned %%r' %% (context.get('result', value),))
"""


def assert_sandbox_patch_refuses(patch_name, source, leaked, mode="eval"):
    code = SANDBOX_ESCAPE_CODE % (source, mode)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.stdout.strip() == "refused", result.stderr[-2000:]
    result = run_without(patch_name, code)
    assert result.returncode != 0, "refused without patch %s" % patch_name
    assert "sandbox escape returned" in result.stderr and leaked in result.stderr, \
        result.stderr[-2000:]


def test_safe_eval_str_format():
    assert_sandbox_patch_refuses(
        "safe_eval_str_format",
        "'{0.__globals__[__builtins__][__import__].__globals__[odoo].tools"
        ".config.options[admin_passwd]}'.format(lambda: 0)",
        leaked="secret-of-the-test")


def test_safe_eval_introspection_attributes():
    assert_sandbox_patch_refuses(
        "safe_eval_introspection_attributes",
        "async def co():\n    return 1\nresult = co().cr_frame", mode="exec",
        leaked="<frame at ")


def test_safe_eval_module_attributes():
    assert_sandbox_patch_refuses(
        "safe_eval_module_attributes",
        "datetime.sys.modules['odoo'].tools.config['admin_passwd']",
        leaked="secret-of-the-test")


QWEB_CODE = """
from lxml import etree
from odoo.addons.base.ir.ir_qweb.qweb import QWeb
template = etree.fromstring(
    '<t t-name="x"><div t-if="user is not None and flag == True">'
    '<span t-esc="name"/><t t-foreach="items" t-as="i"><b t-esc="i"/></t></div></t>')
print(QWeb().render(template, {'user': 1, 'flag': True, 'name': 'A&B', 'items': [1, 2]}))
"""


def test_qweb_compiles_its_hand_made_ast():
    result = subprocess.run([sys.executable, "-c", QWEB_CODE], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    expected = "b'<div><span>A&amp;B</span><b>1</b><b>2</b></div>'"
    assert result.stdout.strip() == expected, result.stderr
    assert_fails_without("qweb_ast", QWEB_CODE, "Error when compiling AST")


CONCAT_CODE = """
import os, tempfile, odoo
odoo.tools.config.parse_config(['--addons-path=%s'])
odoo.modules.module.initialize_sys_path()
from odoo.addons.web.controllers.main import concat_xml
folder = tempfile.mkdtemp()
paths = []
for index in range(2):
    path = os.path.join(folder, '%%d.xml' %% index)
    with open(path, 'w') as handle:
        handle.write('<templates><t t-name="T%%d"><div/></t></templates>' %% index)
    paths.append(path)
content, checksum = concat_xml(paths)
print(content.decode())
""" % ADDONS_PATH


def test_web_client_template_concatenation():
    result = subprocess.run([sys.executable, "-c", CONCAT_CODE], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert 't-name="T0"' in result.stdout and 't-name="T1"' in result.stdout, result.stderr
    assert_fails_without("elementtree_getchildren", CONCAT_CODE, "getchildren")


def test_the_pth_file_activates_the_layer_at_interpreter_start():
    result = subprocess.run([sys.executable, "-c", "import sys, odoo_py311; "
                             "print('odoo' in sys.modules, len(odoo_py311.applied()),"
                             " len(odoo_py311.patches.PATCHES))"],
                            capture_output=True, text=True, timeout=60)
    # active before odoo is imported, in any interpreter of this environment
    assert result.stdout.split() == ["False", "17", "17"], result.stderr


@pytest.mark.parametrize("name", ["odoo", "odoo.http", "odoo.addons.base.ir.ir_qweb.qweb"])
def test_installed_odoo_files_are_untouched(name):
    module = importlib.import_module(name)
    with open(module.__file__, encoding="utf-8") as handle:
        assert "odoo_py311" not in handle.read()


LOAD_ADDONS_CODE = """
import sys, threading, time
import odoo
from odoo.modules.registry import Registry
odoo.tools.config.parse_config(['-c', 'odoo.conf'])
odoo.modules.module.initialize_sys_path()
root = odoo.http.Root()
addons = lambda: {name for name in sys.modules if name.startswith('odoo.addons.')}
with Registry._lock:                      # a registry is being built
    before = addons()
    thread = threading.Thread(target=root.load_addons)
    thread.start()
    time.sleep(1.0)
    imported = addons() - before
thread.join(120)
assert not thread.is_alive(), 'load_addons never finished'
assert 'odoo.addons.hr_holidays' in sys.modules, 'load_addons imported nothing'
assert not imported, ('load_addons imported addons while a registry was loading: %s'
                      % sorted(imported)[:3])
"""


def test_http_addons_wait_for_the_registry():
    """The first request's load_addons() waits while a registry is built
    (otherwise the two threads can leave a registry without some models)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(LOAD_ADDONS_CODE)],
        capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_fails_without("http_load_addons_under_registry_lock", LOAD_ADDONS_CODE,
                         "load_addons imported addons while a registry was loading")


EXCEPTION_STR_CODE = """
import odoo
from odoo.exceptions import UserError, ValidationError
assert str(ValidationError("Resident ID 123 is not valid")) == "Resident ID 123 is not valid", \\
    str(ValidationError("Resident ID 123 is not valid"))
assert "%s" % UserError("Grade quota exceeded") == "Grade quota exceeded"
assert ValidationError("x").args == ("x", None)  # what the web client reads
"""


def test_user_errors_read_as_their_message():
    """The import's "Unknown error during import: <class ...>: %s" and every
    other "%s" of a UserError/ValidationError shows the message, not the
    Python tuple ('...', None)."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(EXCEPTION_STR_CODE)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert_fails_without("except_orm_str", EXCEPTION_STR_CODE, "AssertionError")


IMPORT_ERROR_CODE = """
import odoo
from odoo import api, SUPERUSER_ID
odoo.tools.config.parse_config(['-c', 'odoo.conf', '--log-level=critical'])
registry = odoo.registry(%(db)r)
with api.Environment.manage(), registry.cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    # a language whose separator format breaks its constraint (ValidationError)
    result = env['res.lang'].load(['name', 'code', 'grouping'], [['Xx', 'xx_XX', 'abc']])
    cr.rollback()
[message] = result['messages']
assert result['ids'] is False
assert message['message'].startswith('The Separator Format should be like'), message
assert 'moreinfo' not in message, message
"""


def test_import_errors_read_as_the_users_message():
    """An import row refused by a constraint shows the constraint's message,
    not "Unknown error during import: <class ...>" and a traceback."""
    code = IMPORT_ERROR_CODE % {"db": odoo.tools.config["db_name"]}
    env = {k: v for k, v in os.environ.items() if k not in ("USER", "HOST", "PORT", "PASSWORD")}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    env["ODOO_PY311_DISABLE"] = "import_user_error_message"
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode != 0 and "Unknown error during import" in result.stderr, (
        result.stderr[-2000:])
