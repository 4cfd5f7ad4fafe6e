"""Glossary exports: the files translators and their tools import.

- ``json``: the contract in the README (a list of entries with the core keys).
- ``csv``: every field a column, UTF-8 with BOM so Excel reads the Chinese, cells that
  Excel would run as a formula neutralised.
- ``tsv``: OmegaT's glossary format: source<TAB>target<TAB>comment.
- ``xlsx``: one row per term, header frozen, filters on, widths set.
- ``tbx``: TBX-Basic (TBX v2, ``martif``): one ``termEntry`` per concept with a
  ``langSet`` each for zh-Hans, zh-Hant and en; definitions and contexts as ``descrip``.
- ``tbx3``: the same content as TBX-Basic in TBX v3 (ISO 30042:2019, DCA style):
  ``conceptEntry`` / ``langSec`` / ``termSec`` in the ISO namespace; files end in ``.tbx``.
- ``md``: a readable table rendered by ``templates/glossary.md``.

Every writer takes ``render(entries, script="hans"|"hant"|"tw"|"hk")``: with a
traditional script the term column and the Chinese text (definition, context) are
written in that script; the TBX files always carry both scripts.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

from ..errors import UsageError
from ..model import GlossaryEntry
from . import register

SCRIPTS = ("hans", "hant", "tw", "hk")
#: csv/xlsx columns: the JSON contract's keys, then the richer fields
COLUMNS = (
    "term", "hant", "tw", "hk", "pinyin", "english", "english_alt", "english_source", "definition",
    "definition_en", "context", "frequency", "sources", "origin", "domains", "note", "score",
)
#: a leading character that makes Excel/LibreOffice evaluate a cell as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LANG = {"hans": "zh-Hans", "hant": "zh-Hant", "tw": "zh-TW", "hk": "zh-HK"}


#: characters XML 1.0 (and so TBX and XLSX) cannot hold; a pasted article may carry them
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    """``value`` without the control characters an XML file cannot contain."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


def _attribution(entries: Sequence[GlossaryEntry]) -> str | None:
    if any(e.english_source == "dictionary" for e in entries):
        from ..transforms.english_gloss import ATTRIBUTION

        return ATTRIBUTION
    return None


def localise(entries: Iterable[GlossaryEntry], script: str = "hans") -> list[GlossaryEntry]:
    """Entries with the term and Chinese text written in ``script``.

    The termbase's own Taiwan/Hong Kong forms win over OpenCC's (they are why a
    termbase exists); definitions and contexts go through the converter with those
    terms locked, so a term reads the same in the term column and in its sentence.
    """
    entries = list(entries)
    if script not in SCRIPTS:
        raise UsageError(f"unknown script '{script}' (use one of {', '.join(SCRIPTS)})")
    if script == "hans":
        return entries
    forms = {e.term: _form(e, script) for e in entries}
    convert = _converter(script, forms)
    out = []
    for e in entries:
        out.append(
            replace(
                e,
                term=forms[e.term],
                definition=convert(e.definition) if e.definition else e.definition,
                context=convert(e.context) if e.context else e.context,
                note=convert(e.note) if e.note else e.note,
            )
        )
    return out


def _form(entry: GlossaryEntry, script: str) -> str:
    if script == "tw":
        return entry.tw or entry.hant or entry.term
    if script == "hk":
        return entry.hk or entry.hant or entry.term
    return entry.hant or entry.term


def _converter(script: str, forms: dict[str, str]):
    try:
        from ..transforms.convert import Converter

        conv = Converter(to=script, terms={k: v for k, v in forms.items() if k != v})
        return conv.convert
    except ImportError:  # pragma: no cover - conversion module absent
        import opencc

        cc = opencc.OpenCC({"hant": "s2t", "tw": "s2tw", "hk": "s2hk"}[script])
        return cc.convert


def _cell(entry: GlossaryEntry, name: str) -> Any:
    value = getattr(entry, name)
    if isinstance(value, tuple):
        return "; ".join(value)
    return "" if value is None else value


def neutralise(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would evaluate (=, +, -, @, tab) with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# -- json -----------------------------------------------------------------------------


@register("glossary", "json")
def render_json(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> str:
    """The JSON contract: a list of entries with the core keys, in rank order."""
    data = [e.to_dict() for e in localise(entries, script)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- csv / tsv ----------------------------------------------------------------------------


@register("glossary", "csv")
def render_csv(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> str:
    """Every field a column, UTF-8 with BOM (Excel), formula-like cells neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in localise(entries, script):
        writer.writerow([neutralise(_cell(e, c)) for c in COLUMNS])
    return "\ufeff" + buf.getvalue()


def _tsv_field(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split())


@register("glossary", "tsv")
def render_tsv(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> str:
    """OmegaT glossary: source, target, comment; one line per term with an English target.

    The comment says where the English came from when it needs review, then the
    definition, so the translator sees both in OmegaT's glossary pane.
    """
    lines = []
    for e in localise(entries, script):
        if not e.english:
            continue
        notes = []
        if e.english_source == "dictionary":
            notes.append("[CC-CEDICT gloss: review]")
        if e.pinyin:
            notes.append(e.pinyin)
        if e.definition:
            notes.append(e.definition)
        lines.append("\t".join(_tsv_field(x) for x in (e.term, e.english, " ".join(notes))))
    return "".join(line + "\n" for line in lines)


# -- xlsx -------------------------------------------------------------------------------

_WIDTHS = {"term": 18, "hant": 18, "tw": 14, "hk": 14, "pinyin": 24, "english": 30, "english_alt": 24,
           "english_source": 12, "definition": 60, "definition_en": 50, "context": 70, "frequency": 10,
           "sources": 30, "origin": 12, "domains": 18, "note": 40, "score": 8}


@register("glossary", "xlsx", binary=True)
def render_xlsx(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> bytes:
    """A workbook: header row bold and frozen, filters on, column widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    localised = localise(entries, script)
    book = Workbook()
    sheet = book.active
    sheet.title = "Glossary"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for e in localised:
        sheet.append([_xml_safe(_cell(e, c)) for c in COLUMNS])
        for cell in sheet[sheet.max_row]:
            # openpyxl would store "=..." as a formula; a glossary cell is always text
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    for i, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 15)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    about = book.create_sheet("About")
    about.append(["Glossary exported by toolkit", f"script: {script}", f"entries: {len(localised)}"])
    note = _attribution(localised)
    if note:
        about.append([note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- tbx ----------------------------------------------------------------------------------

#: TBX v3 (ISO 30042:2019) namespace, as in the TBX-Basic 1.0 dialect schemas that go with it
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class _Tbx:
    """Element names of one TBX version: v2 and v3 share the entry layout, not the names.

    TBX v3 renamed termEntry/langSet/tig to conceptEntry/langSec/termSec and put
    everything in a namespace; where data categories sit (subjectField on the entry,
    definition on the language, context and termNotes on the term) is the same in
    TBX-Basic v2 and in v3's DCA style, so one builder writes both.
    """

    ns: str
    entry: str
    lang: str
    term: str

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}" if self.ns else tag

    def sub(self, etree: Any, parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        el = etree.SubElement(parent, self.q(tag), **attrs)
        if text is not None:
            el.text = text
        return el


_TBX2 = _Tbx(ns="", entry="termEntry", lang="langSet", term="tig")
_TBX3 = _Tbx(ns=TBX3_NS, entry="conceptEntry", lang="langSec", term="termSec")


@register("glossary", "tbx")
def render_tbx(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> str:
    """TBX-Basic (TBX v2 ``martif``): termEntry per concept, langSet per language.

    zh-Hans holds the simplified term with its pinyin, definition and context;
    zh-Hant the traditional form, plus zh-TW / zh-HK variants (``geographicalUsage``)
    where they differ; en the English term, its alternatives, the English definition
    and a note on where the English came from. ``script`` picks which Chinese langSet
    carries the definition and context text.
    """
    from lxml import etree

    entries = [_clean_entry(e) for e in entries]
    root = etree.Element("martif", type="TBX-Basic")
    root.set(_XML_LANG, "zh-Hans")
    header = etree.SubElement(root, "martifHeader")
    _tbx_file_desc(etree, _TBX2, header, entries)
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    _tbx_entries(etree, _TBX2, body, entries, script)
    data = etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True,
        doctype='<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
    )
    return data.decode("utf-8")


@register("glossary", "tbx3", suffix=".tbx")
def render_tbx3(entries: Sequence[GlossaryEntry], *, script: str = "hans", **_: object) -> str:
    """TBX-Basic in TBX v3 (ISO 30042:2019), DCA style: the same content as ``tbx``.

    ``<tbx type="TBX-Basic" style="dca">`` in the ISO namespace, a ``tbxHeader``
    (no XCS file in v3: the dialect is the ``type``), then one ``conceptEntry`` per
    concept with a ``langSec`` for zh-Hans, zh-Hant and en and a ``termSec`` per term.
    Kept beside v2 rather than replacing it because most CAT tools still import only
    v2 ``martif`` files; v3 is for termbase tools and validators that want the ISO format.
    """
    from lxml import etree

    entries = [_clean_entry(e) for e in entries]
    t = _TBX3
    root = etree.Element(t.q("tbx"), nsmap={None: t.ns}, type="TBX-Basic", style="dca")
    root.set(_XML_LANG, "zh-Hans")
    header = t.sub(etree, root, "tbxHeader")
    _tbx_file_desc(etree, t, header, entries)
    body = t.sub(etree, t.sub(etree, root, "text"), "body")
    _tbx_entries(etree, t, body, entries, script)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data.decode("utf-8")


def _tbx_file_desc(etree: Any, t: _Tbx, header: Any, entries: Sequence[GlossaryEntry]) -> None:
    """``fileDesc``: a title and a ``sourceDesc`` with the CC-CEDICT notice when it applies."""
    file_desc = t.sub(etree, header, "fileDesc")
    t.sub(etree, t.sub(etree, file_desc, "titleStmt"), "title", "Glossary exported by toolkit")
    source_desc = t.sub(etree, file_desc, "sourceDesc")
    t.sub(etree, source_desc, "p", "Terms extracted from articles; built-in termbase written for toolkit.")
    note = _attribution(entries)
    if note:
        t.sub(etree, source_desc, "p", note)


def _tbx_entries(etree: Any, t: _Tbx, body: Any, entries: Sequence[GlossaryEntry], script: str) -> None:
    """One entry per concept: zh-Hans, zh-Hant (+ zh-TW / zh-HK forms) and en languages."""
    trad = localise(entries, script if script != "hans" else "hant")
    for i, (e, tr) in enumerate(zip(entries, trad, strict=True), 1):
        entry = t.sub(etree, body, t.entry, id=f"c{i}")
        if e.domains:
            t.sub(etree, entry, "descrip", "; ".join(e.domains), type="subjectField")
        if e.note:
            t.sub(etree, entry, "note", e.note)
        # simplified
        hans = _lang(etree, t, entry, "zh-Hans", e.definition)
        term = _tig(etree, hans, e.term, origin=e.origin, t=t)
        if e.pinyin:
            t.sub(etree, term, "note", f"pinyin: {e.pinyin}")
        if e.context:
            t.sub(etree, term, "descrip", e.context, type="context")
        t.sub(etree, term, "note", f"frequency: {e.frequency}; sources: {'; '.join(e.sources)}")
        # traditional (+ Taiwan / Hong Kong where they differ)
        hant = _lang(etree, t, entry, "zh-Hant", tr.definition)
        hant_form = e.hant or tr.term
        term = _tig(etree, hant, hant_form, t=t)
        if tr.context:
            t.sub(etree, term, "descrip", tr.context, type="context")
        for form, region in ((e.tw, "zh-TW"), (e.hk, "zh-HK")):
            if form and form != hant_form:
                extra = _tig(etree, hant, form, t=t)
                t.sub(etree, extra, "termNote", region, type="geographicalUsage")
        # English
        if e.english:
            en = _lang(etree, t, entry, "en", e.definition_en)
            term = _tig(etree, en, e.english, t=t)
            t.sub(etree, term, "note", f"english_source: {e.english_source}" + (
                " (CC-CEDICT gloss: review)" if e.english_source == "dictionary" else ""
            ))
            for alt in e.english_alt:
                _tig(etree, en, alt, status="admittedTerm-admn-sts", t=t)


def _lang(etree: Any, t: _Tbx, entry: Any, lang: str, definition: str | None) -> Any:
    section = t.sub(etree, entry, t.lang)
    section.set(_XML_LANG, lang)
    if definition:
        t.sub(etree, section, "descrip", definition, type="definition")
    return section


def _clean_entry(entry: GlossaryEntry) -> GlossaryEntry:
    """The entry with every text field XML-safe (lxml refuses control characters)."""
    changes = {}
    for name in COLUMNS:
        value = getattr(entry, name)
        if isinstance(value, str) and _XML_ILLEGAL.search(value):
            changes[name] = _xml_safe(value)
        elif isinstance(value, tuple) and any(_XML_ILLEGAL.search(v) for v in value):
            changes[name] = tuple(_xml_safe(v) for v in value)
    return replace(entry, **changes) if changes else entry


def _tig(
    etree: Any, lang_set: Any, term: str, *, origin: str | None = None, status: str | None = None, t: _Tbx = _TBX2
) -> Any:
    """A term with its termNotes: ``tig`` in TBX v2, ``termSec`` in v3 (``t``)."""
    tig = t.sub(etree, lang_set, t.term)
    t.sub(etree, tig, "term", term)
    if status:
        t.sub(etree, tig, "termNote", status, type="administrativeStatus")
    if origin:
        t.sub(etree, tig, "termNote", term_type(term, origin), type="termType")
    return tig


_ALL_CAPS = re.compile(r"[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*")


def term_type(term: str, origin: str | None) -> str:
    """TBX ``termType``: an all-capital Latin term (VOC, GMV, B2B) is an acronym whatever its origin.

    Such a term reaches the glossary through the termbase or a bracketed gloss as
    often as through the abbreviation finder; a translator's tool should treat it as
    a short form either way.
    """
    if origin == "abbreviation" or _ALL_CAPS.fullmatch(term):
        return "abbreviation"
    return "fullForm"


# -- md ---------------------------------------------------------------------------------


def _md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


@register("glossary", "md")
def render_md(
    entries: Sequence[GlossaryEntry], *, script: str = "hans", template_dir: str | None = None, **_: object
) -> str:
    """A readable Markdown table through ``templates/glossary.md`` (overridable)."""
    import jinja2

    from ..templating import environment

    localised = localise(entries, script)
    env = environment(template_dir)
    env.filters["cell"] = _md_cell
    try:
        return env.get_template("glossary.md").render(
            entries=localised,
            script=script,
            lang=_LANG[script],
            attribution=_attribution(localised),
            review=sum(1 for e in localised if e.english_source == "dictionary"),
        )
    except jinja2.TemplateNotFound:
        raise UsageError("template not found: glossary.md") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template glossary.md line {exc.lineno}: {exc.message}") from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as exc:
        raise UsageError(f"template glossary.md: {exc.message}") from None
