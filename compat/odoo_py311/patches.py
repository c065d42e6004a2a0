"""The patches, one per removed or changed API, each named after the change.

A patch either applies at interpreter start (``module=None``: it restores a
standard-library name that Odoo imports at its own import time) or right after
the named module has been executed (a post-import hook).

Three more patches close ``safe_eval`` sandbox escapes that Python 3
introspection (str.format, coroutines, frames, module attributes) opens on
Odoo 11 and that later Odoo releases close: ``safe_eval_str_format``,
``safe_eval_introspection_attributes``, ``safe_eval_module_attributes``.

Found by searching the installed ``odoo`` tree for every removed name
(see README.md, "Python 3.11 compatibility layer"). Not patched, on purpose:
``imp`` (still in 3.11), ``cgi.escape`` and ``HTMLParser.unescape`` (no use in
the Odoo tree; ``link_tracker`` uses werkzeug's ``unescape``),
``array.tostring`` in ``odoo.tools.misc.detect_ip_addr`` (that function passes
a ``str`` to ``array('B')`` and was already broken on Python 3.5).
"""
import ast
import builtins
import collections
import collections.abc
import functools
import importlib.machinery
import inspect
import re
import string
import types
from collections import namedtuple


class Patch:
    def __init__(self, name, module, apply, doc):
        self.name = name
        self.module = module
        self.apply = apply
        self.doc = doc

    def __repr__(self):
        return "<Patch %s>" % self.name


PATCHES = []


def patch(name, module=None):
    def decorator(func):
        PATCHES.append(Patch(name, module, func, (func.__doc__ or "").strip()))
        return func
    return decorator


# ---------------------------------------------------------------------------
# Python 3.10 (bpo-37324): ABC aliases removed from ``collections``.
# Odoo imports ``from collections import Mapping, Iterable, ...`` and calls
# ``collections.Set.register(BaseModel)``.
_ABC_NAMES = (
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
    "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
    "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
    "Sequence", "MutableSequence", "ByteString",
)


@patch("collections_abc_aliases")
def collections_abc_aliases(_module):
    """collections.Mapping & co. (removed in 3.10) point to collections.abc."""
    for name in _ABC_NAMES:
        if not hasattr(collections, name) and hasattr(collections.abc, name):
            setattr(collections, name, getattr(collections.abc, name))


# ---------------------------------------------------------------------------
# Python 3.11: inspect.getargspec and inspect.formatargspec removed.
# ``odoo.api`` and ``odoo.tools.cache`` import them at import time.
ArgSpec = namedtuple("ArgSpec", "args varargs keywords defaults")


def _getargspec(func):
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def _formatargspec(args, varargs=None, varkw=None, defaults=None,
                   kwonlyargs=(), kwonlydefaults=None, annotations=None,
                   formatarg=str,
                   formatvarargs=lambda name: "*" + name,
                   formatvarkw=lambda name: "**" + name,
                   formatvalue=lambda value: "=" + repr(value),
                   formatreturns=lambda text: " -> " + text,
                   formatannotation=inspect.formatannotation):
    kwonlydefaults = kwonlydefaults or {}
    annotations = annotations or {}

    def with_annotation(arg):
        text = formatarg(arg)
        if arg in annotations:
            text += ": " + formatannotation(annotations[arg])
        return text

    parts = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for index, arg in enumerate(args):
        text = with_annotation(arg)
        if defaults and index >= first_default:
            text += formatvalue(defaults[index - first_default])
        parts.append(text)
    if varargs is not None:
        parts.append(formatvarargs(with_annotation(varargs)))
    elif kwonlyargs:
        parts.append("*")
    for kwonly in kwonlyargs or ():
        text = with_annotation(kwonly)
        if kwonly in kwonlydefaults:
            text += formatvalue(kwonlydefaults[kwonly])
        parts.append(text)
    if varkw is not None:
        parts.append(formatvarkw(with_annotation(varkw)))
    result = "(" + ", ".join(parts) + ")"
    if "return" in annotations:
        result += formatreturns(formatannotation(annotations["return"]))
    return result


@patch("inspect_getargspec")
def inspect_getargspec(_module):
    """inspect.getargspec / formatargspec (removed in 3.11)."""
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = _getargspec
    if not hasattr(inspect, "formatargspec"):
        inspect.formatargspec = _formatargspec


# ---------------------------------------------------------------------------
# Python 3.9: base64.encodestring / decodestring removed.
@patch("base64_encodestring")
def base64_encodestring(_module):
    """base64.encodestring / decodestring (removed in 3.9)."""
    import base64
    if not hasattr(base64, "encodestring"):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, "decodestring"):
        base64.decodestring = base64.decodebytes


# ---------------------------------------------------------------------------
# Python 3.9: threading.Thread.isAlive removed (odoo.service.server).
@patch("thread_isalive")
def thread_isalive(_module):
    """threading.Thread.isAlive (removed in 3.9)."""
    import threading
    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = threading.Thread.is_alive


# ---------------------------------------------------------------------------
# Python 3.8: time.clock removed.
@patch("time_clock")
def time_clock(_module):
    """time.clock (removed in 3.8) as time.perf_counter."""
    import time
    if not hasattr(time, "clock"):
        time.clock = time.perf_counter


# ---------------------------------------------------------------------------
# Python 3.11: random.sample() no longer accepts a set (mass_mailing A/B).
@patch("random_sample_set")
def random_sample_set(_module):
    """random.sample(a_set, k) (refused since 3.11) samples tuple(a_set)."""
    import random
    original = random.Random.sample
    if getattr(original, "_odoo_py311", False):
        return

    def sample(self, population, k, *args, **kwargs):
        if isinstance(population, collections.abc.Set):
            population = tuple(population)
        return original(self, population, k, *args, **kwargs)

    sample._odoo_py311 = True
    random.Random.sample = sample
    random.sample = random._inst.sample


# ---------------------------------------------------------------------------
# PyYAML 6: yaml.load() requires a Loader. Odoo's YAML tags (the base demo
# data) are registered on the default full Loader, which PyYAML < 6 used.
@patch("yaml_load_loader", module="yaml")
def yaml_load_loader(yaml):
    """yaml.load(stream) without Loader (mandatory since PyYAML 6)."""
    original = yaml.load
    if getattr(original, "_odoo_py311", False):
        return

    def load(stream, Loader=None):  # noqa: N803 (PyYAML's own name)
        return original(stream, Loader=Loader or yaml.Loader)

    load._odoo_py311 = True
    yaml.load = load


# ---------------------------------------------------------------------------
# PEP 451 (import specs; Python 3.4+, relied upon by importlib since): Odoo's
# AddonsHook.load_module builds each ``odoo.addons.<name>`` module by hand and
# leaves ``__spec__`` unset, so importlib.util.find_spec() (pytest, pkgutil)
# fails with "odoo.addons.web.__spec__ is None". The hook executes the
# addon's __init__ with ``exec(source, new_mod.__dict__)``: give that module
# namespace an ``exec`` that first fills in a proper package spec.
def _exec_with_spec(source, globals_=None, locals_=None):
    if (isinstance(globals_, dict) and globals_.get("__spec__") is None
            and "__path__" in globals_ and "__name__" in globals_):
        spec = importlib.machinery.ModuleSpec(
            globals_["__name__"], globals_.get("__loader__"),
            origin=globals_.get("__file__"), is_package=True)
        spec.submodule_search_locations = list(globals_["__path__"])
        spec.has_location = True
        globals_["__spec__"] = spec
        if isinstance(source, bytes) and globals_.get("__file__"):
            # compile with the file name so tracebacks and coverage point to it
            source = compile(source, globals_["__file__"], "exec")
    return builtins.exec(source, globals_, locals_)


@patch("addon_module_spec", module="odoo.modules.module")
def addon_module_spec(module):
    """odoo.addons.<name> modules get a __spec__ (PEP 451)."""
    module.exec = _exec_with_spec


# ---------------------------------------------------------------------------
# Python 3.8-3.11 bytecode: safe_eval whitelists op names of Python <= 3.7.
# Added here are only the 3.8-3.11 op names that replace an op Odoo 11
# already allowed on Python 3.6 (same power, new spelling); nothing that its
# sandbox refused there: no IMPORT_*, no STORE_ATTR/DELETE_ATTR, no
# closures/cells (MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, COPY_FREE_VARS), no
# with-statements, no STORE_GLOBAL, no yield from/await (SEND, GET_AWAITABLE);
# the dunder-name check is untouched.  FORMAT_VALUE/BUILD_STRING are added:
# Python 3.11 compiles the %-formatting of a string constant with only %s
# ('<a href="%s">' % (url,), as QWeb compiles t-attf and Odoo's own
# templates write) into them, and an f-string reaches attributes only
# through LOAD_ATTR, which the dunder-name check still refuses.
_CONST_OPS_311 = [
    "RESUME", "NOP",                    # 3.11 function prologue, line markers
    "COPY", "SWAP",                     # replace DUP_TOP*, ROT_* (allowed)
    "LIST_EXTEND", "SET_UPDATE",        # [1, 2, 3] / {1, 2, 3} literals (3.9)
    "LIST_TO_TUPLE", "DICT_UPDATE",     # tuple displays, dict displays > 16 items
]
_EXPR_OPS_311 = [
    "BINARY_OP",                        # replaces BINARY_*/INPLACE_* (3.11)
    "IS_OP", "CONTAINS_OP",             # split out of COMPARE_OP (3.9)
    "FORMAT_VALUE", "BUILD_STRING",     # '%s' % x is compiled to these (3.11)
]
_SAFE_OPS_311 = [
    "PUSH_NULL", "PRECALL", "CALL", "KW_NAMES",  # replace CALL_FUNCTION* (3.11)
    "DICT_MERGE",                       # f(**kw) (3.9), was CALL_FUNCTION_EX
    "RETURN_GENERATOR",                 # generator expressions (3.11)
    "JUMP_BACKWARD",                    # replaces JUMP_ABSOLUTE in loops (3.11)
    "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE",
    "JUMP_IF_NOT_EXC_MATCH",            # try/except (3.9-3.10)
    "PUSH_EXC_INFO", "CHECK_EXC_MATCH", "RERAISE",  # try/except (3.11)
    "LOAD_ASSERTION_ERROR",             # assert (3.9), was LOAD_GLOBAL
]


@patch("safe_eval_opcodes", module="odoo.tools.safe_eval")
def safe_eval_opcodes(module):
    """safe_eval accepts the 3.8-3.11 spellings of the ops it allowed."""
    from opcode import opmap

    def codes(names):
        return {opmap[name] for name in names if name in opmap}

    const, expr, safe = codes(_CONST_OPS_311), codes(_EXPR_OPS_311), codes(_SAFE_OPS_311)
    module._CONST_OPCODES.update(const)
    module._EXPR_OPCODES.update(const | expr)
    module._SAFE_OPCODES.update(const | expr | safe)


def _add_code_check(module, check):
    """Run ``check(code_obj, expr)`` wherever safe_eval checks the names of a
    code object: its ``assert_no_dunder_name`` runs, through the module's
    globals, on the compiled expression and on every nested code object (in
    ``test_expr``, hence also for the callers that compile with it and run
    the code themselves, like aux_payroll's engine)."""
    previous = module.assert_no_dunder_name

    def assert_no_dunder_name(code_obj, expr):
        previous(code_obj, expr)
        check(code_obj, expr)

    assert_no_dunder_name.__wrapped__ = previous
    module.assert_no_dunder_name = assert_no_dunder_name


def _add_unsafe_attributes(module, names):
    """Names refused (NameError) as attribute, method or variable."""
    unsafe = module._UNSAFE_ATTRIBUTES
    unsafe.extend(name for name in names if name not in unsafe)


# ---------------------------------------------------------------------------
# str.format (PEP 3101, Python 3.0+): a format string reaches attributes and
# items of its arguments ("{0.__globals__[__builtins__]}"), and safe_eval
# only checks the names of the bytecode, never the text of a string. Odoo 11
# lets a salary rule read the master password with
# '{0.__globals__[__builtins__][__import__].__globals__[odoo].tools.config
# .options[admin_passwd]}'.format(lambda: 0). Like later Odoo, ``format``
# and ``format_map`` are refused as names: that is the lock, since a string
# built at run time cannot be checked. As a second line, a string constant
# is refused when one of its format fields names a dunder, or reaches an
# attribute or an item of a positional or named argument ("{0.x}", "{[k]}",
# "{user.x}"). Not refused: the ``${object.id}`` placeholders of mail
# templates, which stock action contexts carry (crm, mail) and which no
# str.format can use here. The builtin ``format()`` is not among
# safe_eval's builtins; ``%`` formatting reaches no attribute.
_FORMAT_NAMES = ("format", "format_map")
_FORMATTER = string.Formatter()


def _format_fields(template):
    """(literal before, field name) of each field of a format string,
    nested ones (in format specs) included."""
    try:
        for literal, field, spec, _conversion in _FORMATTER.parse(template):
            if field is not None:
                yield literal, field
            if spec:
                yield from _format_fields(spec)
    except ValueError:
        return  # not a valid format string: str.format refuses it too


def _string_constants(consts):
    for const in consts:
        if isinstance(const, str):
            yield const
        elif isinstance(const, (tuple, frozenset)):
            yield from _string_constants(const)


def _is_unsafe_format_field(literal, field):
    if "__" in field:
        return True
    # field: arg_name ("." attribute | "[" index "]")*
    argument = re.match(r"[^.\[]*", field).group()
    if argument == field or literal.endswith("$"):
        return False  # a plain argument, or a mail-template placeholder
    return argument == "" or argument.isdigit() or argument.isidentifier()


def _check_format_strings(code_obj, expr):
    for const in _string_constants(code_obj.co_consts):
        if "{" not in const:
            continue
        for literal, field in _format_fields(const):
            if _is_unsafe_format_field(literal, field):
                raise ValueError("forbidden format string %r in %r: it reaches "
                                 "attributes, items or dunder names" % (const, expr))


@patch("safe_eval_str_format", module="odoo.tools.safe_eval")
def safe_eval_str_format(module):
    """safe_eval refuses str.format/format_map and attribute-reaching format strings."""
    _add_unsafe_attributes(module, _FORMAT_NAMES)
    _add_code_check(module, _check_format_strings)


# ---------------------------------------------------------------------------
# Python 3.5-3.11 introspection: generators, coroutines (3.5) and async
# generators (3.6) expose their frame and code (gi_code, cr_frame, ag_frame,
# gi_yieldfrom, cr_await ...), frames their callers (f_back) and code
# (f_code), tracebacks their frames, closures their cells. Odoo 11 refuses
# only f_builtins, f_globals, f_locals, gi_frame, co_code and func_globals:
# an ``async def`` needs no refused opcode, and a coroutine that reads its
# own ``cr_frame.f_back.f_back`` while it runs hands out safe_eval's frame
# (and from there, its callers'). Refused here: every attribute of those
# types (taken from this interpreter, plus the names of other versions),
# ``mro`` (the class hierarchy, as later Odoo) and coroutine / async
# generator code altogether.
_INTROSPECTION_TYPES = (
    types.FrameType, types.TracebackType, types.CodeType, types.GeneratorType,
    types.CoroutineType, types.AsyncGeneratorType, types.CellType,
)
_INTROSPECTION_PREFIXES = ("f_", "tb_", "co_", "_co_", "gi_", "cr_", "ag_", "cell_")
_INTROSPECTION_NAMES = (
    "f_back", "f_builtins", "f_code", "f_globals", "f_locals", "f_trace",
    "tb_frame", "tb_next", "co_code", "_co_code_adaptive",
    "gi_code", "gi_frame", "gi_yieldfrom", "cr_await", "cr_code", "cr_frame",
    "cr_origin", "ag_await", "ag_code", "ag_frame", "cell_contents",
    "func_code", "func_globals", "func_closure", "func_defaults", "func_dict",
    "mro",
)
_ASYNC_CODE_FLAGS = (inspect.CO_COROUTINE | inspect.CO_ITERABLE_COROUTINE
                     | inspect.CO_ASYNC_GENERATOR)


def _introspection_attributes():
    names = set(_INTROSPECTION_NAMES)
    for type_ in _INTROSPECTION_TYPES:
        names.update(name for name in dir(type_) if name.startswith(_INTROSPECTION_PREFIXES))
    return sorted(names)


def _check_no_async_code(code_obj, expr):
    if code_obj.co_flags & _ASYNC_CODE_FLAGS:
        raise ValueError("forbidden coroutine or async generator in %r" % (expr,))


@patch("safe_eval_introspection_attributes", module="odoo.tools.safe_eval")
def safe_eval_introspection_attributes(module):
    """safe_eval refuses frame/code/generator/coroutine/traceback/cell internals and mro."""
    _add_unsafe_attributes(module, _introspection_attributes())
    _add_code_check(module, _check_no_async_code)


# ---------------------------------------------------------------------------
# Module attributes: Odoo 11 puts whole modules in evaluation contexts
# (``datetime``, ``dateutil``, ``time`` in server actions, automated actions,
# manual computed fields, gamification goals), and a module's attributes
# include the modules it imported: on Python 3.11 ``datetime.sys`` is ``sys``,
# so ``datetime.sys.modules['odoo'].tools.config['admin_passwd']`` needs no
# dunder at all (``dateutil.tz.os`` likewise). Like later Odoo's wrap_module,
# safe_eval hands the evaluated code, in place of each module of its globals
# and locals, a stand-in exposing only the module's public names and its own
# submodules (``dateutil.relativedelta.relativedelta`` still works).
_sandboxed_modules = {}  # id(module) -> (module, stand-in); a stand-in maps to itself


def _sandboxed_module(module):
    known = _sandboxed_modules.get(id(module))
    if known is not None and known[0] is module:
        return known[1]
    name = module.__name__
    wrapper = types.ModuleType(name, getattr(module, "__doc__", None))

    def __getattr__(attribute):  # noqa: N807 (PEP 562 module __getattr__)
        if attribute.startswith("_"):
            raise AttributeError("module %r has no public attribute %r" % (name, attribute))
        value = getattr(module, attribute)
        if isinstance(value, types.ModuleType):
            if not value.__name__.startswith(name + "."):
                raise AttributeError("module %r: %r is another module, not available in "
                                     "safe_eval" % (name, attribute))
            value = _sandboxed_module(value)
        return value

    wrapper.__getattr__ = __getattr__
    _sandboxed_modules[id(wrapper)] = (wrapper, wrapper)
    _sandboxed_modules[id(module)] = (module, wrapper)
    return wrapper


def _without_modules(namespace, in_place):
    """``namespace`` with its modules replaced by their sandboxed stand-in."""
    if not isinstance(namespace, collections.abc.Mapping):
        return namespace
    modules = [(key, value) for key, value in namespace.items()
               if isinstance(value, types.ModuleType)]
    if not modules:
        return namespace
    if in_place:
        try:
            for key, value in modules:
                namespace[key] = _sandboxed_module(value)
            return namespace
        except (TypeError, NotImplementedError):
            pass  # a read-only mapping (frozendict): nothing to read back from it
    namespace = dict(namespace)
    for key, value in modules:
        namespace[key] = _sandboxed_module(value)
    return namespace


@patch("safe_eval_module_attributes", module="odoo.tools.safe_eval")
def safe_eval_module_attributes(module):
    """Modules in safe_eval contexts expose only their public names and submodules."""
    original = module.safe_eval
    if getattr(original, "_odoo_py311", False):
        return

    @functools.wraps(original)
    def safe_eval(expr, globals_dict=None, locals_dict=None, mode="eval",
                  nocopy=False, locals_builtins=False):
        # nocopy: the caller reads results back from its own dicts
        globals_dict = _without_modules(globals_dict, in_place=nocopy)
        locals_dict = _without_modules(locals_dict, in_place=nocopy)
        return original(expr, globals_dict, locals_dict, mode=mode, nocopy=nocopy,
                        locals_builtins=locals_builtins)

    safe_eval._odoo_py311 = True
    module.safe_eval = safe_eval


# ---------------------------------------------------------------------------
# Python 3.8 ast: QWeb builds its template functions as hand-made AST.
# 3.8 added ``arguments.posonlyargs``, refuses ``Name(id='None'|'True'|
# 'False')`` and checks that every node's end position is not before its
# start. QWeb compiles with the builtin ``compile``: give its module a
# ``compile`` that repairs a hand-made AST first.
class _QWebAstFixer(ast.NodeTransformer):
    _CONSTANTS = {"None": None, "True": True, "False": False}

    def visit_Name(self, node):
        if node.id in self._CONSTANTS:
            return ast.copy_location(ast.Constant(value=self._CONSTANTS[node.id]), node)
        return node

    def visit_arguments(self, node):
        for field in ("posonlyargs", "kwonlyargs", "kw_defaults", "defaults"):
            if getattr(node, field, None) is None:
                setattr(node, field, [])
        self.generic_visit(node)
        return node

    def visit_Module(self, node):
        if getattr(node, "type_ignores", None) is None:
            node.type_ignores = []
        self.generic_visit(node)
        return node


def fix_hand_made_ast(tree):
    """Return ``tree`` repaired for the 3.8+ compiler (in place)."""
    tree = _QWebAstFixer().visit(tree)
    ast.fix_missing_locations(tree)
    for node in ast.walk(tree):
        if "lineno" not in node._attributes:
            continue
        if getattr(node, "end_lineno", None) is None or node.end_lineno < node.lineno:
            node.end_lineno = node.lineno
        if getattr(node, "end_col_offset", None) is None or (
                node.end_lineno == node.lineno and node.end_col_offset < node.col_offset):
            node.end_col_offset = node.col_offset
    return tree


def _compile_fixing_ast(source, filename, mode, *args, **kwargs):
    if isinstance(source, ast.AST):
        source = fix_hand_made_ast(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


@patch("qweb_ast", module="odoo.addons.base.ir.ir_qweb.qweb")
def qweb_ast(module):
    """QWeb's hand-made AST is repaired for the 3.8+ compiler."""
    module.compile = _compile_fixing_ast


# ---------------------------------------------------------------------------
# Python 3.9: xml.etree.ElementTree.Element.getchildren() removed. The web
# client's /web/webclient/qweb concatenates templates with it
# (odoo.addons.web.controllers.main.concat_xml). The C Element type cannot
# take a method, so that module gets the pure-Python ElementTree, whose
# Element class gets getchildren() back (list(element), as it was).
def _pure_python_elementtree():
    import importlib
    import sys
    saved = {name: sys.modules.pop(name, None)
             for name in ("xml.etree.ElementTree", "_elementtree")}
    sys.modules["_elementtree"] = None  # make the module fall back to Python
    try:
        pure = importlib.import_module("xml.etree.ElementTree")
    finally:
        for name, value in saved.items():
            if value is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = value
    if not hasattr(pure.Element, "getchildren"):
        pure.Element.getchildren = lambda self: list(self)
    return pure


@patch("elementtree_getchildren", module="odoo.addons.web.controllers.main")
def elementtree_getchildren(module):
    """Element.getchildren() (removed in 3.9) for the web client's qweb."""
    module.ElementTree = _pure_python_elementtree()


# ---------------------------------------------------------------------------
# Python 3 import locks (per module since 3.3): in the threaded server, the
# HTTP thread answers its first request with Root.load_addons(), which
# imports every addon package, while the main thread is still loading the
# registry, which imports the same packages. When the two import the same
# package tree in a different order, importlib's deadlock detection hands
# one of them a partially executed package, and the registry is built
# without the models that package had not yet defined (seen here as
# "KeyError: 'hr.holidays.summary.employee'", "Field `current_leave_id` does
# not exist", "'account.analytic.account' inherits from non-existing model
# 'mail.thread'"); odoo/http.py itself describes the race. Loading the addons
# under the registry lock makes the HTTP thread wait for a registry being
# built, and a registry wait for the addons being imported.
@patch("http_load_addons_under_registry_lock", module="odoo.http")
def http_load_addons_under_registry_lock(module):
    """Root.load_addons() and registry loading never import addons at once."""
    load_addons = module.Root.load_addons

    def locked_load_addons(self):
        from odoo.modules.registry import Registry
        with Registry._lock:
            return load_addons(self)

    locked_load_addons.__wrapped__ = load_addons
    module.Root.load_addons = locked_load_addons


# ---------------------------------------------------------------------------
# Python 3 str() of an exception with two arguments is the tuple of both, and
# Odoo 11's except_orm (UserError, ValidationError, AccessError...) always has
# two: (message, value). Every place that formats one with "%s", first of all
# the import (BaseModel.load: "Unknown error during import: <class ...>:
# ('Resident ID ... is not valid', None)"), showed the user a Python tuple.
# str() is the message (then the value, when there is one), as in Odoo 12;
# ``args`` is unchanged, so the web client's dialogs read what they read.
def _except_orm_str(self):
    value = self.value
    if value in (None, "", False):
        return "%s" % (self.name,)
    return "%s\n%s" % (self.name, value)


@patch("except_orm_str", module="odoo.exceptions")
def except_orm_str(module):
    """str() of UserError/ValidationError is its message, not a tuple."""
    module.except_orm.__str__ = _except_orm_str


# ---------------------------------------------------------------------------
# Odoo 11's BaseModel.load() reports every error it has no special case for
# as "Unknown error during import: <class 'odoo.exceptions.ValidationError'>:
# <message>" (with a traceback as "more info"), a constraint's message
# included. For the errors written for users (a constraint, a rule, an access
# right) the message is all the user needs: the import names the row beside
# it, as Odoo 12 does. Done here rather than in an addon: an addon would have
# to extend the "base" model, which rebuilds every model of the registry and
# leaves an ir.model.data row behind on uninstall.
_USER_ERROR_PREFIX = re.compile(
    r"^.*?<class 'odoo\.exceptions\.(?:UserError|ValidationError|AccessError|"
    r"MissingError|Warning|RedirectWarning|except_orm)'>: ", re.DOTALL)


@patch("import_user_error_message", module="odoo.models")
def import_user_error_message(module):
    """An import's user error reads as its message, without the "Unknown
    error during import: <class ...>" prefix."""
    load = module.BaseModel.load

    def user_error_load(self, fields, data):
        result = load(self, fields, data)
        for message in result.get("messages") or ():
            text = message.get("message")
            if isinstance(text, str) and _USER_ERROR_PREFIX.match(text):
                message["message"] = _USER_ERROR_PREFIX.sub("", text, count=1)
                message.pop("moreinfo", None)
        return result

    functools.update_wrapper(user_error_load, load)
    user_error_load.__wrapped__ = load
    module.BaseModel.load = user_error_load
