# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""aux_demo's labels and messages are in Chinese too, as the addons' are
(tests/setup/test_translations.py checks theirs on the test database, which
has no aux_demo)."""
import os
import re

from babel.messages.pofile import read_po

from odoo.tests.common import TransactionCase
from odoo.tools.translate import PoFile, trans_generate

CATALOGUE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n",
                         "zh_CN.po")
# descriptions Odoo derives from a technical model name (nobody reads them)
TECHNICAL = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


class TestChineseCatalogue(TransactionCase):

    def test_every_exported_term_has_a_chinese_translation_odoo_loads(self):
        with open(CATALOGUE, "rb") as handle:
            translated = {message.id for message in read_po(handle)
                          if message.id and message.string}
        with open(CATALOGUE, "rb") as handle:
            loaded = {row[3] for row in PoFile(handle)}
        terms = {row[4] for row in trans_generate("zh_CN", ["aux_demo"], self.env.cr)
                 if row[0] == "aux_demo" and row[4] and not TECHNICAL.match(row[4])}
        self.assertEqual(sorted(terms - translated), [])
        self.assertEqual(sorted(translated - loaded), [], "entries without references")
