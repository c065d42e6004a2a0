"""Every label of the five addons is translated into Chinese: the terms Odoo
exports from the installed addons (fields, selections, views, menus, actions,
messages in code) each have a non-empty translation in the addon's
i18n/zh_CN.po, which is itself a valid catalogue."""
import os
import re

from babel.messages.pofile import read_po

from odoo.tests.common import TransactionCase
from odoo.tools.translate import PoFile, trans_generate

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AUX_ADDONS = ["aux_personnel", "aux_assessment", "aux_payroll", "aux_training", "aux_welfare",
              "aux_duty"]
# Descriptions Odoo derives from a technical model name (nobody reads them).
TECHNICAL = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


def catalogue(name):
    with open(os.path.join(ROOT, "addons", name, "i18n", "zh_CN.po"), "rb") as handle:
        return read_po(handle)


class TestChineseCatalogues(TransactionCase):

    def test_every_exported_term_has_a_chinese_translation(self):
        untranslated = {}
        for name in AUX_ADDONS:
            terms = {row[4] for row in trans_generate("zh_CN", [name], self.env.cr)
                     if row[0] == name and row[4]}
            translated = {message.id for message in catalogue(name)
                          if message.id and message.string}
            missing = sorted(term for term in terms - translated if not TECHNICAL.match(term))
            if missing:
                untranslated[name] = missing
        self.assertEqual(untranslated, {})

    def test_catalogues_declare_their_language(self):
        for name in AUX_ADDONS:
            self.assertEqual(str(catalogue(name).locale), "zh_Hans_CN", name)

    def test_odoo_loads_every_translation_of_the_catalogues(self):
        """Odoo skips a catalogue entry without its "#: type:name:id"
        references (the label stays English in the web client): every
        translated entry of each catalogue is one Odoo's reader returns
        (bin/i18n-export writes the references)."""
        skipped = {}
        for name in AUX_ADDONS:
            path = os.path.join(ROOT, "addons", name, "i18n", "zh_CN.po")
            with open(path, "rb") as handle:
                loaded = {row[3] for row in PoFile(handle)}
            translated = {message.id for message in catalogue(name)
                          if message.id and message.string}
            if translated - loaded:
                skipped[name] = sorted(translated - loaded)
        self.assertEqual(skipped, {})
