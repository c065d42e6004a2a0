"""Python 3.11 compatibility layer for Odoo 11.0.

Odoo 11 was written for Python 3.5/3.6. This package restores, at import time
of the module concerned, the few APIs that later Pythons (and PyYAML 6)
removed or changed, without touching the installed ``odoo`` files.

It is activated at interpreter start by ``odoo_py311.pth`` in the virtual
environment (written by ``bin/setup``), so it reaches every way Odoo runs:
the server, ``odoo shell``, pytest and one-off scripts.

Every patch is named after the change it answers (see ``patches.py``) and can
be switched off for a test with ``ODOO_PY311_DISABLE=name1,name2``.
"""
import os
import sys

from . import hooks, patches

_installed = False


def disabled_patches():
    """Names listed in ODOO_PY311_DISABLE (used by the tests only)."""
    value = os.environ.get("ODOO_PY311_DISABLE", "")
    return {name.strip() for name in value.split(",") if name.strip()}


def install():
    """Apply every patch (idempotent). Called from the .pth file."""
    global _installed
    if _installed:
        return
    _installed = True
    if sys.version_info < (3, 8):
        return
    skip = disabled_patches()
    for patch in patches.PATCHES:
        if patch.name in skip:
            continue
        if patch.module is None:
            patch.apply(None)
        else:
            hooks.when_imported(patch.module, patch.apply)
    hooks.activate()


def applied():
    """Names of the patches that are active in this interpreter."""
    skip = disabled_patches()
    return [p.name for p in patches.PATCHES if p.name not in skip] if _installed else []
