# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Translated messages in plain functions.

Odoo 11's ``_`` finds the language and the cursor in its caller's frame
(``self.env``, else a local ``context`` and ``cr``), which a plain function
of the engine does not have: there it would give the English text outside
an HTTP request.  ``translator(env)`` gives a ``_`` for the language of
``env`` (``env.lang``), looked up as ``_`` does (the code terms of
``ir.translation``, cached).  A function binds it as ``_ = translator(env)``
so that Odoo's term export still finds its ``_("...")`` calls.
"""

TYPES = ("code", "sql_constraint")


def translator(env):
    """A ``_(source)`` translating into ``env``'s language."""
    lang = env.lang
    if not lang or lang == "en_US":
        return _untranslated
    Translation = env["ir.translation"]

    def translate(source):
        return Translation._get_source(None, TYPES, lang, source)
    return translate


def _untranslated(source):
    return source
