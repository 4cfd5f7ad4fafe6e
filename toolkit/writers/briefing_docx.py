"""Briefings as Word documents, with python-docx.

What python-docx does not do by itself, and this writer therefore does (see the traps
in DESIGN.md):

- East Asian fonts: python-docx never writes ``w:eastAsia``, and the default template
  points East Asian text at a theme font whose language is Japanese. Every style the
  briefing uses (and the document defaults) gets ``w:eastAsia`` = Noto Sans CJK SC/TC
  (or ``font=``), with the theme attribute that would override it removed.
- Language: ``w:lang w:eastAsia`` (zh-CN/zh-TW/zh-HK) on the defaults and the styles,
  and ``w:themeFontLang`` in settings.xml.
- Contents: a TOC field whose cached result already lists the headings (so viewers
  that do not update fields still show them) and ``w:updateFields`` so Word rebuilds
  it, with page numbers, on open.
- Page numbers: a PAGE field in the footer (unless a reference doc brings its own).
- Tables: the header row repeats on every page (``w:tblHeader``).

``reference_doc`` works like pandoc's ``--reference-doc``: the user's .docx is opened
as the base document and its body cleared, so its styles, page size, margins, header
and footer carry over.
"""

from __future__ import annotations

import io
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union

from ..errors import CorruptDocument, InputNotFound
from . import register

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as DocxDocument

    from ..briefing import Briefing

#: East Asian font per script, used unless the caller names one
FONTS = {"hans": "Noto Sans CJK SC", "hant": "Noto Sans CJK TC", "tw": "Noto Sans CJK TC", "hk": "Noto Sans CJK TC"}

#: XML 1.0 cannot hold these; Word refuses a file that does
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

#: style names the briefing uses, and what to base them on if a reference doc lacks them
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
          "Intense Quote", "Table Grid", "Caption", "TOC Heading", "Header", "Footer")

#: relative column widths of the tables
_FIGURE_COLS = (2, 5, 3)
_GLOSSARY_COLS = (2.2, 2.2, 2.6, 3.2, 5.5)


@register("briefing", "docx", binary=True)
def briefing_docx(
    briefing: Briefing,
    *,
    reference_doc: Union[str, os.PathLike[str], None] = None,
    font: str | None = None,
    **_: Any,
) -> bytes:
    """The briefing as .docx bytes.

    Args:
        briefing: from ``toolkit.briefing.brief``.
        reference_doc: a .docx whose styles, page setup, header and footer to use.
        font: East Asian font for every style (default: Noto Sans CJK SC or TC).

    Raises:
        InputNotFound: the reference doc does not exist.
        CorruptDocument: the reference doc is not a readable .docx.
    """
    from ..briefing.context import template_context

    doc = _base_document(reference_doc)
    writer = _Writer(doc, briefing, font or FONTS.get(briefing.script, FONTS["hans"]), own_setup=reference_doc is None)
    writer.build(template_context(briefing))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def check_reference_doc(reference_doc: Union[str, os.PathLike[str]]) -> None:
    """Open the reference doc once, so a damaged one fails before a batch starts.

    Raises:
        InputNotFound, CorruptDocument: as ``briefing_docx`` would for every file.
    """
    _base_document(reference_doc)


def _base_document(reference_doc: Union[str, os.PathLike[str], None]) -> DocxDocument:
    """A fresh copy of the default template, or of the user's reference doc with its body emptied.

    Opening a .docx costs python-docx more than a deep copy of one already open (the
    package, its parts and relationships are rebuilt), so each base is opened once per
    process and copied for every briefing.
    """
    import copy

    if reference_doc is None:
        return copy.deepcopy(_pristine(None, 0.0, 0))
    path = os.fspath(reference_doc)
    if not os.path.isfile(path):
        raise InputNotFound("reference doc not found", path=path)
    stat = os.stat(path)
    return copy.deepcopy(_pristine(os.path.abspath(path), stat.st_mtime, stat.st_size))


@lru_cache(maxsize=4)
def _pristine(path: str | None, mtime: float, size: int) -> DocxDocument:
    """The opened base document (``mtime``/``size`` key the cache to the file's version)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if path is None:
        return docx.Document()
    try:
        doc = docx.Document(path)
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise CorruptDocument(f"not a readable .docx reference doc ({type(exc).__name__})", path=path) from None
    except Exception as exc:  # noqa: BLE001 - zipfile/lxml errors of a damaged file
        raise CorruptDocument(f"not a readable .docx reference doc ({type(exc).__name__})", path=path) from None
    body = doc.element.body
    for child in list(body):
        # keep the final section properties: page size, margins, header/footer links
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    return doc


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _text(value: Any) -> str:
    return _ILLEGAL.sub("", str(value or ""))


class _Writer:
    """Builds the body of one briefing into a python-docx document."""

    def __init__(self, doc: DocxDocument, briefing: Briefing, font: str, *, own_setup: bool) -> None:
        self.doc = doc
        self.briefing = briefing
        self.font = font
        self.own_setup = own_setup
        self.labels = briefing.labels
        self.styles = self._prepare_styles()
        self.style_ids = {name: style.style_id for name, style in self.styles.items()}
        self.body = doc.element.body
        #: (level, text) of every heading, for the cached TOC result
        self.headings: list[tuple[int, str]] = []
        #: heading levels the contents list shows (articles only in a combined digest)
        self.toc_depth = 2

    # --- document-wide setup -------------------------------------------------

    def _prepare_styles(self) -> dict[str, Any]:
        """Look every style up once (lookups by name are slow) and give it the CJK font."""
        from docx.enum.style import WD_STYLE_TYPE

        styles = self.doc.styles
        found: dict[str, Any] = {}
        for name in STYLES:
            kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
            try:
                style = styles[name]
            except KeyError:
                style = styles.add_style(name, kind)
                if kind == WD_STYLE_TYPE.PARAGRAPH and name != "Normal":
                    style.base_style = styles["Normal"] if "Normal" in [s.name for s in styles] else None
                    _default_look(style, name)
            found[name] = style
        lang = self.briefing.lang
        _set_rpr_font(self.doc.styles.element.find(_qn("w:docDefaults")), self.font, lang, defaults=True)
        for style in found.values():
            _set_rpr_font(style.element, self.font, lang)
        self._settings(lang)
        return found

    def _settings(self, lang: str) -> None:
        """``w:updateFields`` (rebuild the TOC on open) and the East Asian theme language.

        Both are inserted where CT_Settings' schema order puts them: Word refuses a
        settings part whose children are out of order.
        """
        from docx.oxml import OxmlElement

        settings = self.doc.settings.element
        update = settings.find(_qn("w:updateFields"))
        if update is None:
            update = OxmlElement("w:updateFields")
            settings.insert_element_before(update, *_after("updateFields"))
        update.set(_qn("w:val"), "true")
        theme_lang = settings.find(_qn("w:themeFontLang"))
        if theme_lang is None:
            theme_lang = OxmlElement("w:themeFontLang")
            settings.insert_element_before(theme_lang, *_after("themeFontLang"))
        theme_lang.set(_qn("w:eastAsia"), lang)

    def _properties(self, context: dict[str, Any]) -> None:
        props = self.doc.core_properties
        articles = self.briefing.articles
        props.title = _text(context["title"])[:255]
        authors = [a for art in articles for a in art.authors]
        props.author = _text("、".join(dict.fromkeys(authors)) or "toolkit")[:255]
        props.subject = _text(articles[0].takeaway if len(articles) == 1 else self.labels.get("combined_title", ""))[:255]
        terms = [row["term"] for row in context["glossary"][:12]]
        tags = [t for art in articles for t in art.tags]
        props.keywords = _text("; ".join(dict.fromkeys(tags + terms)))[:255]
        props.language = self.briefing.lang
        # a working title is the document's title too, so the properties say it is one
        note = context["labels"]["title_derived"] if context.get("title_derived") else ""
        props.comments = _text(" | ".join(p for p in (note, context["footer"]) if p))[:255]
        props.last_modified_by = "toolkit"

    def _page_setup(self) -> None:
        """A4 with 2.5 cm margins (the base template is US Letter); a reference doc keeps its own."""
        from docx.shared import Cm

        section = self.doc.sections[-1]
        if self.own_setup:
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.5)
            section.top_margin = section.bottom_margin = Cm(2.5)
        footer = section.footer
        has_content = any(p.text.strip() for p in footer.paragraphs) or footer._element.xpath(".//w:fldChar | .//w:fldSimple")
        if footer.is_linked_to_previous or not has_content:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            footer.is_linked_to_previous = False
            para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_field(para._p, "PAGE", "1")
        if self.own_setup:
            # the briefing's title at the head of every page, small, as briefings carry it
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            header = section.header
            header.is_linked_to_previous = False
            para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if _text(self.title):
                para._p.append(_run(_text(self.title)))

    def _text_width(self) -> int:
        section = self.doc.sections[-1]
        try:
            return int(section.page_width - section.left_margin - section.right_margin)
        except TypeError:  # a reference doc without page size: A4 minus 2.5 cm margins
            return 5760000

    # --- body ----------------------------------------------------------------

    def build(self, context: dict[str, Any]) -> None:
        self.title = context["title"]
        self._properties(context)
        self._page_setup()
        self.para(context["title"], "Title")
        articles = context["articles"]
        if context["combined"]:
            # the contents list is the TOC field: article titles (level 1) only
            self.toc_depth = 1
            toc = self._toc_anchor()
            for article in articles:
                self.heading(article["title"], 1, new_page=True)
                self.article(article, 2)
        else:
            article = articles[0] if articles else None
            if article:
                self.cover(article)
            toc = self._toc_anchor()
            if article:
                self.article(article, 1, cover=False)
        self.glossary(context["glossary"], 1, new_page=context["combined"])
        self.para(context["footer"], "Caption")
        self._fill_toc(toc)

    def para(self, text: str, style: str = "Normal", *, label: str | None = None, italic: bool | None = None) -> Any:
        """A paragraph (``w:p``) of ``text`` with a bold ``label`` first; never an empty run.

        Built on the oxml layer: python-docx's ``add_paragraph(style=...)`` resolves the
        style by walking every style in the document, which made it most of the
        writer's time (see benchmarks/bench_brief.py --profile).
        """
        p = self.body.add_p()
        if style != "Normal":
            p.style = self.style_ids[style]
        label, text = _text(label), _text(text)
        if label:
            p.append(_run(label + self.labels.get("colon", "："), bold=True, italic=italic))
        if text:
            p.append(_run(text, italic=italic))
        return p

    def heading(self, text: str, level: int, *, note: str | None = None, new_page: bool = False) -> Any:
        level = max(1, min(level, 3))
        p = self.para(text, f"Heading {level}")
        if new_page:
            p.get_or_add_pPr().pageBreakBefore_val = True
        if _text(note):
            p.append(_run(_text(f"（{note}）"), bold=False, italic=True))
        self.headings.append((level, _text(text)))
        return p

    def cover(self, article: dict[str, Any]) -> None:
        for item in article["cover"]:
            self.para(item["value"], label=item["label"])
        if article["takeaway"]:
            # upright: slanted CJK is synthesised by the renderer and hard to read
            self.para(article["takeaway"], "Intense Quote", label=self.labels["takeaway"], italic=False)

    def article(self, article: dict[str, Any], level: int, *, cover: bool = True) -> None:
        labels = self.labels
        if cover:
            self.cover(article)
        self.heading(labels["summary"], level)
        self.para(article["summary"] or labels["none"])
        self.heading(labels["key_points"], level)
        if article["key_points"]:
            for point in article["key_points"]:
                self.para(point["text"], "List Bullet")
        else:
            self.para(labels["none"])
        self.heading(labels["key_figures"], level)
        if article["key_figures"]:
            rows = [(f["value"], f["measures"], f["section"]) for f in article["key_figures"]]
            self.table((labels["figure"], labels["measures"], labels["section"]), rows, _FIGURE_COLS)
        else:
            self.para(labels["none"])
        if article["sections"]:
            self.heading(labels["sections"], level)
            for section in article["sections"]:
                sub = min(level + section["level"], 3)
                self.heading(section["heading"], sub, note=labels["inferred"] if section["inferred"] else None)
                if section["digest"]:
                    self.para(section["digest"])
        if article["references"]:
            self.heading(labels["references"], level)
            # numbered in the text, not with Word's list numbering, which would run on
            # from one article's references to the next in a combined briefing
            for i, ref in enumerate(article["references"], 1):
                text = " ".join(p for p in (ref["label"] or f"{i}.", ref["text"]) if p)
                if ref["url"] and ref["url"] not in text:
                    text = f"{text} {ref['url']}"
                self.para(text)

    def glossary(self, rows: list[dict[str, str]], level: int, *, new_page: bool = False) -> None:
        labels = self.labels
        self.heading(labels["glossary"], level, new_page=new_page)
        if not rows:
            self.para(labels["none"])
            return
        header = (labels["term"], labels["traditional"], labels["pinyin"], labels["english"], labels["definition"])
        body = [(r["term"], r["traditional"], r["pinyin"], r["english"], r["definition"]) for r in rows]
        self.table(header, body, _GLOSSARY_COLS)

    def table(self, header: tuple[str, ...], rows: list[tuple[str, ...]], weights: tuple[float, ...]) -> Any:
        """A grid table (``w:tbl``) whose header row repeats on every page it runs across."""
        from docx.oxml import OxmlElement
        from docx.oxml.table import CT_Tbl

        total = self._text_width()
        widths = [int(total * w / sum(weights)) for w in weights]
        tbl = CT_Tbl.new_tbl(0, len(header), total)
        self.body._insert_tbl(tbl)
        tbl.tblPr.style = self.style_ids["Table Grid"]
        tbl.tblPr.autofit = False  # fixed layout: the column widths below hold
        for col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
            col.w = width
        for r, values in enumerate([header, *rows]):
            tr = tbl.add_tr()
            if r == 0:
                flag = OxmlElement("w:tblHeader")
                flag.set(_qn("w:val"), "true")
                tr.get_or_add_trPr().append(flag)
            for value, width in zip(values, widths, strict=True):
                text = _text(value)
                tr.append(_cell(width, _run(text, bold=r == 0 or None) if text else None))
        return tbl

    # --- table of contents -----------------------------------------------------

    def _toc_anchor(self) -> Any:
        self.para(self.labels["contents"], "TOC Heading")
        return self.para("")

    def _fill_toc(self, anchor: Any) -> None:
        """Turn the anchor paragraph into a TOC field listing the headings (levels 1-2).

        The cached result lists the headings (without page numbers) so viewers that
        never update fields still show a contents list; Word rebuilds it on open.
        """
        from docx.shared import Pt

        depth = self.toc_depth
        entries = [(lvl, text) for lvl, text in self.headings if lvl <= depth and text] or [(1, self.labels["toc_hint"])]
        paragraphs = [anchor]
        for _ in entries[1:]:
            new = self.body.add_p()
            paragraphs[-1].addnext(new)
            paragraphs.append(new)
        for i, (p, (lvl, text)) in enumerate(zip(paragraphs, entries, strict=True)):
            ppr = p.get_or_add_pPr()
            ppr.ind_left = Pt(14 * (lvl - 1))
            ppr.spacing_after = Pt(2)
            if i == 0:
                _field_begin(p, f'TOC \\o "1-{depth}" \\h \\z \\u')
            if _text(text):
                p.append(_run(_text(text)))
            if i == len(entries) - 1:
                _field_end(p)


# --- low-level XML helpers ------------------------------------------------------

#: the tail of CT_Settings' child sequence (ECMA-376 17.15.1.78), from updateFields on
_SETTINGS_ORDER = ("updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                   "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                   "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                   "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _after(name: str) -> list[str]:
    """Qualified names of the settings children that must follow ``name``."""
    i = _SETTINGS_ORDER.index(name)
    return [f"w:{n}" for n in _SETTINGS_ORDER[i + 1:]]



def _set_rpr_font(parent: Any, font: str, lang: str, *, defaults: bool = False) -> None:
    """Give ``parent``'s run properties the East Asian font and language.

    The theme attribute (``w:eastAsiaTheme``) wins over ``w:eastAsia`` in Word, so it
    is removed; the Latin fonts are left as the style (or reference doc) has them.
    """
    from docx.oxml import OxmlElement

    if parent is None:
        return
    if defaults:
        rpr_default = parent.find(_qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            parent.insert(0, rpr_default)
        rpr = rpr_default.find(_qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
    else:
        rpr = parent.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(_qn("w:eastAsia"), font)
    fonts.attrib.pop(_qn("w:eastAsiaTheme"), None)
    lang_el = rpr.find(_qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
        if defaults:
            lang_el.set(_qn("w:val"), "en-US")
    lang_el.set(_qn("w:eastAsia"), lang)
    _reorder_rpr(rpr)


#: CT_RPr child order (ECMA-376 17.3.2.28) for the children this writer adds
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _reorder_rpr(rpr: Any) -> None:
    """Put run-property children in schema order: Word rejects files that do not."""
    rank = {_qn(f"w:{name}"): i for i, name in enumerate(_RPR_ORDER)}
    children = list(rpr)
    ordered = sorted(children, key=lambda el: rank.get(el.tag, len(rank)))
    if ordered != children:
        for el in children:
            rpr.remove(el)
        rpr.extend(ordered)


def _default_look(style: Any, name: str) -> None:
    """A plain look for a style a reference doc lacks (headings bold, sized by level)."""
    from docx.shared import Pt

    sizes = {"Title": 22, "Heading 1": 16, "Heading 2": 14, "Heading 3": 12, "TOC Heading": 14, "Caption": 9}
    if name in sizes:
        style.font.size = Pt(sizes[name])
    if name.startswith(("Heading", "Title", "TOC")):
        style.font.bold = True
    if name.startswith("Heading"):
        level = int(name.split()[-1])
        ppr = style.element.get_or_add_pPr()
        from docx.oxml import OxmlElement

        outline = OxmlElement("w:outlineLvl")
        outline.set(_qn("w:val"), str(level - 1))
        ppr.append(outline)


def _run(text: str, *, bold: bool | None = None, italic: bool | None = None) -> Any:
    """A ``w:r`` holding ``text`` (spaces preserved), bold/italic set only when asked."""
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    if bold is not None or italic is not None:
        rpr = OxmlElement("w:rPr")
        for tag, value in (("w:b", bold), ("w:i", italic)):
            if value is not None:
                el = OxmlElement(tag)
                if not value:
                    el.set(_qn("w:val"), "0")
                rpr.append(el)
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def _cell(width: int, run: Any | None) -> Any:
    """A ``w:tc`` of one paragraph (empty when ``run`` is None) and a fixed width in EMU.

    Built element by element: python-docx's ``add_tc`` parses an XML string per cell.
    """
    from docx.oxml import OxmlElement

    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(_qn("w:w"), str(width // 635))  # EMU -> twentieths of a point
    tcw.set(_qn("w:type"), "dxa")
    tcpr.append(tcw)
    tc.append(tcpr)
    p = OxmlElement("w:p")
    if run is not None:
        p.append(run)
    tc.append(p)
    return tc


def _fld_char(kind: str) -> Any:
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    el = OxmlElement("w:fldChar")
    el.set(_qn("w:fldCharType"), kind)
    if kind == "begin":
        el.set(_qn("w:dirty"), "true")
    r.append(el)
    return r


def _field_begin(p: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement

    p.append(_fld_char("begin"))
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    p.append(r)
    p.append(_fld_char("separate"))


def _field_end(p: Any) -> None:
    p.append(_fld_char("end"))


def _add_field(p: Any, instruction: str, cached: str) -> None:
    """A complex field (``begin instr separate result end``) with a cached result."""
    _field_begin(p, instruction)
    p.append(_run(cached))
    _field_end(p)
