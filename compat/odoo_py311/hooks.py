"""Post-import hooks: run a callback right after a named module is executed.

A meta-path finder placed first on ``sys.meta_path`` asks the other finders
for the spec of a watched module and wraps its loader, so the callback runs
once the module body has executed and before anybody else uses it. A module
that is already imported gets its callbacks at once.
"""
import importlib.abc
import sys
import threading

_callbacks = {}
_lock = threading.RLock()


def when_imported(module_name, callback):
    with _lock:
        module = sys.modules.get(module_name)
        if module is not None:
            callback(module)
        else:
            _callbacks.setdefault(module_name, []).append(callback)


def _run_callbacks(module_name, module):
    with _lock:
        callbacks = _callbacks.pop(module_name, [])
    for callback in callbacks:
        callback(module)


class _LoaderWrapper(importlib.abc.Loader):
    def __init__(self, loader, module_name):
        self._loader = loader
        self._module_name = module_name

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        # hand the real loader back to the module (pkg_resources and
        # inspect look at its type) before anything else sees it
        module.__loader__ = self._loader
        if getattr(module, "__spec__", None) is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        _run_callbacks(self._module_name, module)

    def load_module(self, fullname):
        module = self._loader.load_module(fullname)
        _run_callbacks(self._module_name, module)
        return module


class _PostImportFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self._searching = set()

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in _callbacks or fullname in self._searching:
            return None
        self._searching.add(fullname)
        try:
            for finder in sys.meta_path:
                if finder is self:
                    continue
                find_spec = getattr(finder, "find_spec", None)
                spec = find_spec(fullname, path, target) if find_spec else None
                if spec is not None and spec.loader is not None:
                    spec.loader = _LoaderWrapper(spec.loader, fullname)
                    return spec
            return None
        finally:
            self._searching.discard(fullname)


_finder = _PostImportFinder()


def activate():
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
