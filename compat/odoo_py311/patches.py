"""The patches, one per removed or changed API, each named after the change.

A patch either applies at interpreter start (``module=None``: it restores a
standard-library name that Odoo imports at its own import time) or right after
the named module has been executed (a post-import hook).

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
import importlib.machinery
import inspect
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
# already allowed (same power, new spelling); nothing that its sandbox exists
# to refuse (no IMPORT_*, no STORE_ATTR/DELETE_ATTR, no closures/cells,
# no with-statements, no STORE_GLOBAL); the dunder-name check is untouched.
_CONST_OPS_311 = [
    "RESUME", "CACHE", "NOP",           # 3.11 function prologue / inline caches
    "COPY", "SWAP",                     # replace DUP_TOP*, ROT_* (allowed)
    "LIST_EXTEND", "SET_UPDATE",        # [1, 2, 3] / {1, 2, 3} literals (3.9)
    "LIST_TO_TUPLE", "DICT_UPDATE",     # tuple/dict displays with unpacking
    "RETURN_CONST",
]
_EXPR_OPS_311 = [
    "BINARY_OP",                        # replaces BINARY_*/INPLACE_* (3.11)
    "IS_OP", "CONTAINS_OP",             # split out of COMPARE_OP (3.9)
]
_SAFE_OPS_311 = [
    "PUSH_NULL", "PRECALL", "CALL", "KW_NAMES",  # replace CALL_FUNCTION* (3.11)
    "DICT_MERGE",                       # f(**kw) (3.9), was CALL_FUNCTION_EX
    "RETURN_GENERATOR",                 # generator expressions (3.11)
    "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT",  # replace JUMP_ABSOLUTE
    "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE",
    "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE",
    "JUMP_IF_NOT_EXC_MATCH",            # try/except (3.9-3.10)
    "PUSH_EXC_INFO", "CHECK_EXC_MATCH", "RERAISE",  # try/except (3.11)
    "LOAD_ASSERTION_ERROR",             # assert (3.9), was LOAD_GLOBAL
    "FORMAT_VALUE", "BUILD_STRING",     # f-strings; names still dunder-checked
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
