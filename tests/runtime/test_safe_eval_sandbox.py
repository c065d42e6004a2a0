"""safe_eval, with the 3.11 op names added, still refuses what its sandbox
exists to refuse: salary rules and server actions are typed by users.

Also: a corpus of known escapes (str.format, mro, generator / coroutine /
frame / traceback / code / cell internals, modules of evaluation contexts)
that must all be refused, and the legitimate expressions that must still
evaluate."""
import datetime
import importlib
import os
import subprocess
import sys
import time
from opcode import opmap

import dateutil
import dateutil.relativedelta
import dateutil.tz
import pytest

from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

safe_eval_module = importlib.import_module("odoo.tools.safe_eval")

REFUSED_EXPRESSIONS = [
    "__import__('os').system('true')",
    "().__class__.__bases__[0].__subclasses__()",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "(lambda: 0).__code__",
    "getattr(1, '__class__')",
    "open('/etc/passwd').read()",
    "eval('1')",
    "exec('x = 1')",
    "compile('1', '', 'eval')",
    "__builtins__",
    "globals()",
    "f'{().__class__}'",
    "(x for x in ()).gi_frame.f_globals",
    "type(1)",
]


@pytest.mark.parametrize("expression", REFUSED_EXPRESSIONS)
def test_refused_expressions(expression):
    with pytest.raises((NameError, ValueError, ImportError)):
        safe_eval(expression, {})


REFUSED_STATEMENTS = [
    "import os",
    "from os import path",
    "import subprocess as s",
    "result.x = 1",                      # STORE_ATTR was never allowed
    "del result.x",
    "global g\ng = 1",
    "with open('/etc/passwd') as f:\n    result = f.read()",
    "def f():\n    x = 1\n    return lambda: x\nresult = f()",  # closures (cells)
    "__builtins__['open']('/etc/passwd')",
    "result = [].__class__",
]


@pytest.mark.parametrize("statement", REFUSED_STATEMENTS)
def test_refused_statements(statement):
    context = {"result": None}
    with pytest.raises((NameError, ValueError, ImportError, SyntaxError)):
        safe_eval(statement, context, mode="exec", nocopy=True)


def test_python_code_check_used_by_rule_editors():
    # the check the form of a server action or salary rule runs on save
    assert safe_eval_module.test_python_expr("result = contract.wage * 0.1", mode="exec") is False
    assert "forbidden opcode(s)" in safe_eval_module.test_python_expr("import os", mode="exec")


# ---------------------------------------------------------------------------
# Known escapes: each one must be refused, never return the object it aims at.
# "check": refused when the code is checked (test_expr, before it runs: also
# for aux_payroll's engine, which compiles with test_expr and runs the code
# itself); "run": the code passes the check, the objects refuse at run time.
SECRET = "master-password-of-the-test"
EXPLOIT = ("'{0.__globals__[__builtins__][__import__].__globals__[odoo].tools.config"
           ".options[admin_passwd]}'.format(lambda: 0)")
ESCAPES = [
    # str.format and its relatives
    ("format_class", "check", "eval", "'{0.__class__}'.format(1)"),
    ("format_globals", "check", "eval", "'{0.__globals__}'.format(f)"),
    ("format_attribute", "check", "eval", "'{0.real}'.format(1)"),
    ("format_item", "check", "eval", "'{0[k]}'.format(d)"),
    ("format_named_attribute", "check", "eval", "'{x.real}'.format(x=1)"),
    ("format_map", "check", "eval", "'{x.real}'.format_map(d)"),
    ("str_format_map", "check", "eval", "str.format_map('{k}', d)"),
    ("map_str_format", "check", "eval", "list(map(str.format, ['{0.real}'], [1]))"),
    ("format_bound_indirectly", "check", "eval", "(lambda s: s.format)('{0.real}')(1)"),
    ("format_through_dict", "check", "eval", "dict(fmt=str.format)['fmt']('{0.real}', 1)"),
    ("format_concatenated_dunder", "check", "eval", "('{0.__cl' + 'ass__}').format(1)"),
    ("format_joined", "check", "eval", "''.join(['{0.', 'real}']).format(1)"),
    ("format_builtin", "check", "eval", "format(1, 'x')"),
    ("format_string_attribute", "check", "eval", "'{0.real}'"),
    ("format_string_item", "check", "eval", "'{0[k]}'"),
    ("format_string_auto_item", "check", "eval", "['{[0]}']"),
    ("format_string_dunder", "check", "eval", "'{__import__}'"),
    ("format_string_in_spec", "check", "eval", "'{0:{1.real}}'"),
    ("format_string_exec", "check", "exec", "template = '{0.__class__}'\nresult = template"),
    ("known_exploit", "check", "eval", EXPLOIT),
    # class hierarchy
    ("mro_method", "check", "eval", "str.mro()"),
    ("mro_of_type", "check", "eval", "type.mro(str)"),
    # generators, coroutines, async generators
    ("gi_code", "check", "eval", "(x for x in ()).gi_code"),
    ("gi_frame", "check", "eval", "(x for x in ()).gi_frame"),
    ("gi_yieldfrom", "check", "eval", "(x for x in ()).gi_yieldfrom"),
    ("cr_frame", "check", "exec", "async def co():\n    return 1\nresult = co().cr_frame"),
    ("cr_code", "check", "exec", "async def co():\n    return 1\nresult = co().cr_code"),
    ("cr_await", "check", "eval", "coroutine.cr_await"),
    ("coroutine_reaches_safe_eval_frame", "check", "exec",
     "async def co():\n    return c.cr_frame.f_back.f_back\nc = co()\n"
     "try:\n    c.send(None)\nexcept Exception as e:\n    result = e.value"),
    ("coroutine_without_attribute", "check", "exec",
     "async def co():\n    return 1\nresult = co()"),
    ("ag_frame", "check", "eval", "agen.ag_frame"),
    ("ag_code", "check", "eval", "agen.ag_code"),
    ("async_generator", "check", "exec", "async def ag():\n    yield 1\nresult = ag()"),
    # frames, tracebacks, code objects, closures
    ("f_back", "check", "eval", "(x for x in ()).gi_frame.f_back"),
    ("f_back_alone", "check", "eval", "frame.f_back"),
    ("f_globals", "check", "eval", "frame.f_globals"),
    ("f_locals", "check", "eval", "frame.f_locals"),
    ("f_builtins", "check", "eval", "frame.f_builtins"),
    ("f_code", "check", "eval", "frame.f_code"),
    ("tb_frame", "check", "exec",
     "try:\n    1 / 0\nexcept Exception as e:\n    result = tb.tb_frame"),
    ("tb_next", "check", "eval", "tb.tb_next"),
    ("traceback_dunder", "check", "exec",
     "try:\n    1 / 0\nexcept Exception as e:\n    result = e.__traceback__"),
    ("co_code", "check", "eval", "code.co_code"),
    ("co_consts", "check", "eval", "code.co_consts"),
    ("dunder_code", "check", "eval", "(lambda: 0).__code__"),
    ("func_globals", "check", "eval", "f.func_globals"),
    ("dunder_globals", "check", "eval", "f.__globals__"),
    ("dunder_closure", "check", "eval", "f.__closure__"),
    ("cell_contents", "check", "eval", "cell.cell_contents"),
    # modules of the evaluation contexts (server actions, automated actions)
    ("datetime_sys", "run", "eval",
     "datetime.sys.modules['odoo'].tools.config['admin_passwd']"),
    ("dateutil_tz_os", "run", "eval", "dateutil.tz.os.environ"),
    ("dateutil_relativedelta_datetime", "run", "eval", "dateutil.relativedelta.datetime.sys"),
    ("module_private_attribute", "run", "eval", "dateutil._version"),
]


def _context():
    return {
        "f": lambda: 0, "d": {"k": 1}, "frame": None, "tb": None, "code": None,
        "cell": None, "coroutine": None, "agen": None,
        "datetime": datetime, "dateutil": dateutil, "time": time,
    }


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setitem(config.options, "admin_passwd", SECRET)
    return SECRET


@pytest.mark.parametrize("when, mode, source", [case[1:] for case in ESCAPES],
                         ids=[case[0] for case in ESCAPES])
def test_known_escapes_are_refused(secret, when, mode, source):
    context = _context()
    with pytest.raises((NameError, ValueError)) as refused:
        result = safe_eval(source, context, mode=mode, nocopy=True)
        pytest.fail("escape not refused, returned %r" % (result,))
    assert secret not in str(refused.value)
    assert secret not in repr(context.get("result"))
    if when == "check":
        with pytest.raises((NameError, ValueError)):
            safe_eval_module.test_expr(source, safe_eval_module._SAFE_OPCODES, mode=mode)
    else:
        safe_eval_module.test_expr(source, safe_eval_module._SAFE_OPCODES, mode=mode)


def test_only_the_check_stops_the_known_exploit(secret):
    """Run with safe_eval's builtins but without its check, the exploit
    returns the password: the refusal above is what protects it."""
    code = compile(EXPLOIT, "", "eval")
    assert safe_eval_module.unsafe_eval(code, {"__builtins__": safe_eval_module._BUILTINS}) \
        == secret


# ---------------------------------------------------------------------------
# What salary rules, record rules and XML data legitimately do still works.
class _Contract:
    wage = 5000.0
    date_start = datetime.date(2020, 3, 1)
    name = "C-001"


LEGITIMATE = [
    ("arithmetic", "(1 + 2) * 3 - 4 / 2 + 7 // 2 + 7 % 3 + 2 ** 3", 19.0),
    ("comparisons", "1 < 2 <= 2 and 3 != 4 and d is not None and 2 in (1, 2)", True),
    ("conditional", "'high' if contract.wage > 3000 else 'low'", "high"),
    ("list_comprehension", "[x * 2 for x in range(4) if x % 2]", [2, 6]),
    ("dict_comprehension", "{k: v * 10 for k, v in {'a': 1, 'b': 2}.items()}",
     {"a": 10, "b": 20}),
    ("set_comprehension", "{x % 3 for x in range(7)}", {0, 1, 2}),
    ("generator_sum", "sum(x for x in [1.5, 2.5])", 4.0),
    ("min_max_round", "(min(3, 1, 2), max([4, 9]), round(2.675 * 100) / 100)", (1, 9, 2.68)),
    ("abs_len_zip", "(abs(-2), len('abc'), list(zip([1], [2])))", (2, 3, [(1, 2)])),
    ("method_call", "'a'.upper() + ' b '.strip() + ','.join(['x', 'y'])", "Abx,y"),
    ("dict_get", "d.get('k', 0) + d.get('missing', 5)", 6),
    ("string_percent", "'%s: %.2f' % (contract.name, contract.wage)", "C-001: 5000.00"),
    ("string_percent_mapping", "'%(code)s-%(n)03d' % {'code': 'AUX', 'n': 7}", "AUX-007"),
    ("datetime_arithmetic",
     "(datetime.date(2024, 1, 31) - contract.date_start).days", 1431),
    ("datetime_relativedelta",
     "str(datetime.date(2024, 1, 31) + dateutil.relativedelta.relativedelta(months=1))",
     "2024-02-29"),
    ("relativedelta_name", "relativedelta(datetime.date(2024, 3, 1), "
                           "contract.date_start).years", 4),
    ("datetime_strftime", "datetime.date(2024, 5, 6).strftime('%Y-%m-01')", "2024-05-01"),
    ("time_strftime", "len(time.strftime('%Y-%m-%d'))", 10),
    ("datetime_isinstance", "isinstance(contract.date_start, datetime.date)", True),
    ("large_dict_literal", "len({" + ", ".join("'k%d': %d" % (i, i) for i in range(40)) + "})",
     40),
    ("unpacking_call", "dict(*[[('a', 1)]], **{'b': 2})", {"a": 1, "b": 2}),
    ("string_with_braces", "'{0}, {name}: {0:.2f} ${object.id or 1}'",
     "{0}, {name}: {0:.2f} ${object.id or 1}"),
    ("domain", "[('date', '<=', time.strftime('%Y-12-31')), ('user_id', '=', uid)]",
     [("date", "<=", time.strftime("%Y-12-31")), ("user_id", "=", 1)]),
]


@pytest.mark.parametrize("source, expected", [case[1:] for case in LEGITIMATE],
                         ids=[case[0] for case in LEGITIMATE])
def test_legitimate_expressions_still_evaluate(source, expected):
    context = {"contract": _Contract(), "d": {"k": 1}, "uid": 1, "datetime": datetime,
               "dateutil": dateutil, "time": time,
               "relativedelta": dateutil.relativedelta.relativedelta}
    assert safe_eval(source, context) == expected


LEGITIMATE_STATEMENTS = [
    ("salary_rule", "result = contract.wage * 0.08 if contract.wage > 500 else 0", 400.0),
    ("salary_rule_dates",
     "months = (datetime.date(2024, 6, 30).year - contract.date_start.year) * 12\n"
     "result = round(contract.wage * min(months, 36) / 36.0, 2)", 5000.0),
    ("loop_and_break",
     "total = 0\nfor i in range(10):\n    if i == 4:\n        break\n    total += i\n"
     "result = total", 6),
    ("while_loop", "i = 0\nwhile i < 5:\n    i += 2\nresult = i", 6),
    ("try_except",
     "try:\n    result = 1 / 0\nexcept ZeroDivisionError:\n    result = -1", -1),
    ("lambda_and_function",
     "def double(x, factor=2):\n    return x * factor\n"
     "result = list(map(lambda v: double(v), [1, 2]))", [2, 4]),
    ("subscript_assignment", "values = {}\nvalues['a'] = 1\nvalues['a'] += 2\n"
                             "result = values", {"a": 3}),
]


@pytest.mark.parametrize("source, expected", [case[1:] for case in LEGITIMATE_STATEMENTS],
                         ids=[case[0] for case in LEGITIMATE_STATEMENTS])
def test_legitimate_statements_still_run(source, expected):
    context = {"contract": _Contract(), "datetime": datetime, "result": None,
               "ZeroDivisionError": ZeroDivisionError}
    safe_eval(source, context, mode="exec", nocopy=True)
    assert context["result"] == expected


def test_modules_keep_their_public_names_and_the_caller_reads_results_back():
    context = {"datetime": datetime, "dateutil": dateutil, "result": None}
    safe_eval("result = (datetime.datetime(2024, 1, 1, 8).hour, "
              "dateutil.tz.gettz('UTC') is not None)", context, mode="exec", nocopy=True)
    assert context["result"] == (8, True)
    assert context["datetime"].datetime is datetime.datetime


# ---------------------------------------------------------------------------
# The 3.11 opcode patch widens nothing Odoo 11 refused on Python 3.6.
REFUSED_OPS = [
    "IMPORT_NAME", "IMPORT_FROM", "IMPORT_STAR", "STORE_ATTR", "DELETE_ATTR",
    "STORE_GLOBAL", "DELETE_GLOBAL", "MAKE_CELL", "LOAD_CLOSURE", "LOAD_DEREF",
    "STORE_DEREF", "DELETE_DEREF", "COPY_FREE_VARS", "LOAD_CLASSDEREF",
    "LOAD_BUILD_CLASS", "SETUP_ANNOTATIONS", "BEFORE_WITH", "BEFORE_ASYNC_WITH",
    "GET_AWAITABLE", "GET_AITER", "GET_ANEXT", "END_ASYNC_FOR", "ASYNC_GEN_WRAP",
    "SEND", "GET_YIELD_FROM_ITER", "UNPACK_EX",
    "MATCH_CLASS", "MATCH_MAPPING", "MATCH_SEQUENCE", "MATCH_KEYS", "PRINT_EXPR",
    "PREP_RERAISE_STAR", "DELETE_SUBSCR", "LOAD_FAST_CHECK",
]


# Reviewed one by one: each is the 3.8-3.11 spelling of an op allowed on 3.6.
ADDED_311_OPS = {
    "RESUME", "NOP", "COPY", "SWAP", "LIST_EXTEND", "SET_UPDATE", "LIST_TO_TUPLE",
    "DICT_UPDATE", "BINARY_OP", "IS_OP", "CONTAINS_OP", "FORMAT_VALUE", "BUILD_STRING",
    "PUSH_NULL", "PRECALL", "CALL",
    "KW_NAMES", "DICT_MERGE", "RETURN_GENERATOR", "JUMP_BACKWARD",
    "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_TRUE", "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE", "PUSH_EXC_INFO",
    "CHECK_EXC_MATCH", "RERAISE", "LOAD_ASSERTION_ERROR",
}
SAFE_OPS_CODE = ("import importlib; from opcode import opname; "
                 "m = importlib.import_module('odoo.tools.safe_eval'); "
                 "print(' '.join(opname[c] for c in m._SAFE_OPCODES))")


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="op names of Python 3.11")
def test_311_opcode_patch_adds_only_the_reviewed_ops():
    without = subprocess.run(
        [sys.executable, "-c", SAFE_OPS_CODE], capture_output=True, text=True, timeout=120,
        env=dict(os.environ, ODOO_PY311_DISABLE="safe_eval_opcodes"))
    assert without.returncode == 0, without.stderr[-2000:]
    allowed = {safe_eval_module.opname[code] for code in safe_eval_module._SAFE_OPCODES}
    assert allowed - set(without.stdout.split()) == ADDED_311_OPS


@pytest.mark.parametrize("name", [name for name in REFUSED_OPS if name in opmap])
def test_311_opcodes_refused_on_36_stay_refused(name):
    assert opmap[name] not in safe_eval_module._SAFE_OPCODES


@pytest.mark.parametrize("statement", [
    "result = f'{contract.__class__}'",                       # f-string, dunder attribute
    "a, *rest = [1, 2, 3]",                                   # UNPACK_EX
    "def f():\n    x = 1\n    def g():\n        return x\n    return g",  # cells
    "class C:\n    pass",                                    # LOAD_BUILD_CLASS
    "match contract:\n    case int(real=r):\n        result = r",  # MATCH_CLASS
    "d = {'a': 1}\ndel d['a']",                              # DELETE_SUBSCR
    "def g():\n    yield from [1]",                          # yield from
])
def test_constructs_refused_on_36_stay_refused(statement):
    with pytest.raises((NameError, ValueError)):
        safe_eval(statement, {"contract": 1}, mode="exec", nocopy=True)


@pytest.mark.parametrize("expression, expected", [
    # Python 3.11 compiles these to FORMAT_VALUE/BUILD_STRING; QWeb compiles
    # Odoo's templates (web.menu_link among them) to the first form: without
    # them every page of the web client answers 500.
    ("'<a href=\"%s\">%s</a>' % (url, name)", '<a href="/web">Home</a>'),
    ("'%s-%s' % (name, 3)", "Home-3"),
    ("f'{name}:{url!r}'", "Home:'/web'"),
])
def test_percent_formatting_compiled_to_string_building_ops(expression, expected):
    assert safe_eval(expression, {"url": "/web", "name": "Home"}) == expected


def test_qweb_compiles_the_web_client_menu_template():
    """The web client's menu template (web.menu_link) is %-formatting of
    constants: the regression of a sandbox that refused FORMAT_VALUE."""
    from odoo.tools.safe_eval import test_expr, _SAFE_OPCODES
    code = "'<a href=\"%s\" class=\"%s\" data-menu=\"%s\">' % (href, klass, menu)"
    test_expr(code, _SAFE_OPCODES)
