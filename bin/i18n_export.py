"""Rewrite each aux addon's i18n/zh_CN.po from the terms Odoo exports (run
by ``bin/i18n-export`` inside ``odoo shell`` on a database with the addons
installed, as ``env``).

Every term gets Odoo's own "#: type:name:res_id" references (Odoo skips an
entry without them: its label stays English in the web client) and keeps
the translation the catalogue has for it; a term the catalogue does not
translate yet is written with an empty translation, which
tests/setup/test_translations.py reports. The header of the catalogue is
kept. Prints, per addon, the terms written, those still untranslated and the
catalogue entries no longer exported (dropped)."""
import io
import os
import sys

from babel.messages.pofile import read_po

from odoo.tools.translate import PoFile, trans_generate

ROOT = os.getcwd()  # bin/i18n-export runs it from the repository root
ADDONS = ["aux_personnel", "aux_assessment", "aux_payroll", "aux_training", "aux_welfare",
          "aux_duty"]


def export(env, name):
    path = os.path.join(ROOT, "addons", name, "i18n", "zh_CN.po")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    header = text[:text.index("\n\n") + 2]  # up to the end of the msgid "" block
    with open(path, "rb") as handle:
        known = {message.id: message.string for message in read_po(handle)
                 if message.id and message.string}
    grouped = {}
    for module, kind, target, res_id, source, _trad, comments in trans_generate(
            "zh_CN", [name], env.cr):
        if module != name or not source:
            continue
        row = grouped.setdefault(source, {"targets": [], "comments": set()})
        if (kind, target, res_id) not in row["targets"]:
            row["targets"].append((kind, target, res_id))
        row["comments"].update(comments)
    buffer = io.BytesIO()
    writer = PoFile(buffer)
    writer.buffer.write(header)
    missing = []
    for source, row in sorted(grouped.items()):
        translation = known.get(source, "")
        if not translation:
            missing.append(source)
        writer.write([name], row["targets"], source, translation, sorted(row["comments"]))
    writer.buffer.flush()
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue())
    dropped = sorted(set(known) - set(grouped))
    sys.stdout.write("%s: %d terms, %d untranslated %s, %d dropped %s\n" % (
        name, len(grouped), len(missing), missing[:5], len(dropped), dropped[:5]))


# the demo bureau's addon, on a database that has it (the demo database)
DEMO_ADDON = "aux_demo"
if env["ir.module.module"].search([("name", "=", DEMO_ADDON),  # noqa: F821
                                   ("state", "=", "installed")]):
    ADDONS.append(DEMO_ADDON)
for addon in ADDONS:
    export(env, addon)  # noqa: F821 (odoo shell's env)
