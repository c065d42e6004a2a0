"""The text of a PDF made by wkhtmltopdf, enough for a test to check that a
report shows a name: PyPDF2 1.26 does not decode the Type0 (CID) fonts that
carry the Chinese text, so the text operators of each page are decoded
through the fonts' ToUnicode maps here.  The Noto CJK fonts map some
characters to their Kangxi-radical forms (文 as U+2F42): the text is
NFKC-normalised."""
import io
import re
import unicodedata

import PyPDF2

# a font selection, a hex string, a literal string, or a line-moving operator
TOKEN = re.compile(rb"/([A-Za-z0-9_.+-]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>"
                   rb"|(\((?:\\.|[^\\)])*\))|(T\*|Tj|TJ|'|\")")


def _cmap(stream):
    """{code: text} of a ToUnicode CMap (bfchar and bfrange)."""
    data = stream.getData().decode("latin-1")
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if dst.startswith("["):  # one destination per code
                targets = [bytes.fromhex(t).decode("utf-16-be", "replace")
                           for t in re.findall(r"<([0-9A-Fa-f]+)>", dst)]
            else:
                start = int(dst[1:-1], 16)
                targets = [chr(start + offset) for offset in range(len(codes))]
            mapping.update(zip(codes, targets, strict=False))
    return mapping


def pdf_text(data):
    """The text of the PDF ``data`` (bytes), pages one after the other."""
    reader = PyPDF2.PdfFileReader(io.BytesIO(data))
    texts = []
    for number in range(reader.getNumPages()):
        page = reader.getPage(number)
        fonts = page["/Resources"].getObject().get("/Font", {})
        maps = {}
        for name, font in fonts.items():
            font = font.getObject()
            if "/ToUnicode" in font:
                width = 2 if font.get("/Subtype") == "/Type0" else 1
                maps[name.lstrip("/")] = (width, _cmap(font["/ToUnicode"].getObject()))
        width, current = 1, {}
        for match in TOKEN.finditer(page.getContents().getData()):
            font, hexa, literal, operator = match.groups()
            if font:
                width, current = maps.get(font.decode(), (1, {}))
            elif hexa is not None:
                raw = bytes.fromhex(hexa.decode().replace(" ", "").replace("\n", ""))
                texts.append("".join(current.get(int.from_bytes(raw[i:i + width], "big"), "")
                                     for i in range(0, len(raw), width)))
            elif literal:
                texts.append(literal[1:-1].decode("latin-1"))
            elif operator in (b"T*", b"'", b'"'):
                texts.append("\n")
    return unicodedata.normalize("NFKC", "".join(texts))
