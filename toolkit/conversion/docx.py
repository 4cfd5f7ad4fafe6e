"""Word (.docx): text converts in place, run by run, and every run keeps its formatting.

python-docx does not reach footnotes, endnotes or comments and would rewrite the whole
package, so this works on the package XML directly: every part holding text (body,
headers, footers, footnotes, endnotes, comments) has its ``w:t`` texts converted, one
paragraph at a time so a phrase spanning runs converts as a phrase (see ``align``);
field codes, deleted text and all other parts are left byte for byte. Core
properties (title, subject, keywords, description, category) convert too, and the
East Asian language (``w:lang/@w:eastAsia``) is set to the target everywhere it is
declared and in the document defaults.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from ..errors import CorruptDocument
from . import FORMATS, Options
from .align import convert_groups

if TYPE_CHECKING:
    from ..transforms.convert import Converter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DC = "http://purl.org/dc/elements/1.1/"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

#: parts whose paragraphs hold text a reader sees
TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
#: core properties that are human text (authors' names stay as written)
CORE_TEXT = {f"{{{DC}}}title", f"{{{DC}}}subject", f"{{{DC}}}description", f"{{{CP}}}keywords", f"{{{CP}}}category"}
#: run content that ends a phrase: a phrase never continues across a tab or a break
_BREAKS = {f"{_W}{n}" for n in ("tab", "br", "cr", "ptab", "sym", "noBreakHyphen", "softHyphen")}
#: limits against zip bombs
MAX_PART_BYTES = 256 * 1024 * 1024


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def _paragraph_groups(paragraph: Any) -> list[list[Any]]:
    """The ``w:t`` elements of a paragraph, grouped between tabs and breaks.

    Nested paragraphs (text boxes) are skipped here: they are paragraphs of their own.
    """
    groups: list[list[Any]] = [[]]

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == f"{_W}p":
                continue
            if tag == f"{_W}t":
                groups[-1].append(child)
            elif tag in _BREAKS:
                if groups[-1]:
                    groups.append([])
            elif tag in (f"{_W}delText", f"{_W}instrText", f"{_W}rPr", f"{_W}pPr"):
                continue
            else:
                walk(child)

    walk(paragraph)
    return [g for g in groups if g]


def convert_part_xml(root: Any, converter: Converter, eastasia: str) -> None:
    """Convert every paragraph's text in one XML part and set its East Asian language."""
    groups: list[list[Any]] = []
    for paragraph in root.iter(f"{_W}p"):
        groups.extend(_paragraph_groups(paragraph))
    converted = convert_groups(converter, [[t.text or "" for t in g] for g in groups])
    for group, texts in zip(groups, converted, strict=True):
        for element, text in zip(group, texts, strict=True):
            if element.text != text:
                element.text = text
                if text != text.strip():
                    element.set(XML_SPACE, "preserve")
    for lang in root.iter(f"{_W}lang"):
        if lang.get(f"{_W}eastAsia") is not None:
            lang.set(f"{_W}eastAsia", eastasia)


def _set_default_lang(root: Any, eastasia: str) -> None:
    """Ensure styles.xml's document defaults name the East Asian language."""
    from lxml import etree

    defaults = root.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{_W}docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{_W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{_W}rPr")
    lang = rpr.find(f"{_W}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{_W}lang")
    lang.set(f"{_W}eastAsia", eastasia)
    for el in root.iter(f"{_W}lang"):
        if el.get(f"{_W}eastAsia") is not None:
            el.set(f"{_W}eastAsia", eastasia)


def _serialize(root: Any) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def convert_docx_bytes(data: bytes, converter: Converter) -> bytes:
    """Convert a .docx package held in memory and return the new package.

    Raises:
        CorruptDocument: not a zip, no ``word/document.xml``, broken XML, or a part
            too large to be a real document.
    """
    from lxml import etree

    from ..transforms.convert import WORD_LANGS

    eastasia = WORD_LANGS[converter.script]
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        names = zin.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise CorruptDocument("not a valid .docx (the zip container is damaged)") from None
    if "word/document.xml" not in names:
        raise CorruptDocument("not a .docx (no word/document.xml)")
    out_buf = io.BytesIO()
    try:
        with zin, zipfile.ZipFile(out_buf, "w") as zout:
            for info in zin.infolist():
                if info.file_size > MAX_PART_BYTES:
                    raise CorruptDocument(f"part {info.filename} is too large ({info.file_size} bytes)")
                raw = zin.read(info)
                name = info.filename
                if TEXT_PARTS.match(name) or name in ("word/styles.xml", "word/settings.xml", "docProps/core.xml"):
                    root = etree.fromstring(raw, _parser())
                    if TEXT_PARTS.match(name):
                        convert_part_xml(root, converter, eastasia)
                    elif name == "word/styles.xml":
                        _set_default_lang(root, eastasia)
                    elif name == "word/settings.xml":
                        for el in root.iter(f"{_W}themeFontLang"):
                            el.set(f"{_W}eastAsia", eastasia)
                    else:
                        _convert_core(root, converter)
                    raw = _serialize(root)
                zout.writestr(info, raw)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument(f"broken XML in the .docx ({exc.msg})") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError) as exc:
        raise CorruptDocument(f"damaged .docx ({exc})") from None
    return out_buf.getvalue()


def _convert_core(root: Any, converter: Converter) -> None:
    elements = [el for el in root if el.tag in CORE_TEXT and el.text]
    for el, text in zip(elements, converter.convert_many([el.text for el in elements]), strict=True):
        el.text = text


@FORMATS.register("docx")
def convert_docx(data: bytes, converter: Converter, options: Options) -> bytes:
    return convert_docx_bytes(data, converter)
