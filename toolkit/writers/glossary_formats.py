"""Glossary exports: the files translators and their tools import.

- ``json``: the contract in the README (a list of entries with the core keys).
- ``csv``: every field a column, UTF-8 with BOM so Excel reads the Chinese, cells that
  Excel would run as a formula neutralised.
- ``tsv``: OmegaT's glossary format: source<TAB>target<TAB>comment.
- ``xlsx``: one row per term, header frozen, filters on, widths set.
- ``tbx``: TBX-Basic (TBX v2, ``martif``): one ``termEntry`` per concept with a
  ``langSet`` each for zh-Hans, zh-Hant and en; definitions and contexts as ``descrip``.
- ``md``: a readable table rendered by ``templates/glossary.md``.

Every writer takes ``render(entries, script="hans"|"hant"|"tw"|"hk")``: with a
traditional script the term column and the Chinese text (definition, context) are
written in that script; the TBX file always carries both scripts.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
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

    XML = "{http://www.w3.org/XML/1998/namespace}"
    entries = [_clean_entry(e) for e in entries]
    root = etree.Element("martif", type="TBX-Basic")
    root.set(XML + "lang", "zh-Hans")
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    title_stmt = etree.SubElement(file_desc, "titleStmt")
    etree.SubElement(title_stmt, "title").text = "Glossary exported by toolkit"
    source_desc = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source_desc, "p").text = "Terms extracted from articles; built-in termbase written for toolkit."
    note = _attribution(entries)
    if note:
        etree.SubElement(source_desc, "p").text = note
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    trad = localise(entries, script if script != "hans" else "hant")
    for i, (e, t) in enumerate(zip(entries, trad, strict=True), 1):
        entry = etree.SubElement(body, "termEntry", id=f"c{i}")
        if e.domains:
            etree.SubElement(entry, "descrip", type="subjectField").text = "; ".join(e.domains)
        if e.note:
            etree.SubElement(entry, "note").text = e.note
        # simplified
        hans = etree.SubElement(entry, "langSet")
        hans.set(XML + "lang", "zh-Hans")
        if e.definition:
            etree.SubElement(hans, "descrip", type="definition").text = e.definition
        tig = _tig(etree, hans, e.term, origin=e.origin)
        if e.pinyin:
            etree.SubElement(tig, "note").text = f"pinyin: {e.pinyin}"
        if e.context:
            etree.SubElement(tig, "descrip", type="context").text = e.context
        etree.SubElement(tig, "note").text = f"frequency: {e.frequency}; sources: {'; '.join(e.sources)}"
        # traditional (+ Taiwan / Hong Kong where they differ)
        hant = etree.SubElement(entry, "langSet")
        hant.set(XML + "lang", "zh-Hant")
        if t.definition:
            etree.SubElement(hant, "descrip", type="definition").text = t.definition
        hant_form = e.hant or t.term
        tig = _tig(etree, hant, hant_form)
        if t.context:
            etree.SubElement(tig, "descrip", type="context").text = t.context
        for form, region in ((e.tw, "zh-TW"), (e.hk, "zh-HK")):
            if form and form != hant_form:
                extra = _tig(etree, hant, form)
                etree.SubElement(extra, "termNote", type="geographicalUsage").text = region
        # English
        if e.english:
            en = etree.SubElement(entry, "langSet")
            en.set(XML + "lang", "en")
            if e.definition_en:
                etree.SubElement(en, "descrip", type="definition").text = e.definition_en
            tig = _tig(etree, en, e.english)
            etree.SubElement(tig, "note").text = f"english_source: {e.english_source}" + (
                " (CC-CEDICT gloss: review)" if e.english_source == "dictionary" else ""
            )
            for alt in e.english_alt:
                _tig(etree, en, alt, status="admittedTerm-admn-sts")
    data = etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True,
        doctype='<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
    )
    return data.decode("utf-8")


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


def _tig(etree: Any, lang_set: Any, term: str, *, origin: str | None = None, status: str | None = None) -> Any:
    tig = etree.SubElement(lang_set, "tig")
    etree.SubElement(tig, "term").text = term
    if status:
        etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    if origin:
        etree.SubElement(tig, "termNote", type="termType").text = "abbreviation" if origin == "abbreviation" else "fullForm"
    return tig


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
