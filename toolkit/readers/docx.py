"""Word (.docx) reader: python-docx, walking the body XML in order.

python-docx's ``Document.paragraphs`` and ``.tables`` are two separate lists, which
would lose where each table sits; so the reader walks ``w:body``'s children in order
(paragraphs, tables, and content controls that wrap them). Paragraph styles say what a
paragraph is: ``Title``, ``Heading 1..9``, list styles or numbering; everything else is
a line. Core properties (title, author, created, keywords, subject) become metadata.

``sniff.check_docx`` has already refused truncated archives and zip bombs before this
module parses any XML; what python-docx still cannot read becomes CorruptDocument.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from typing import Any, Iterator, Union

from ..errors import CorruptDocument
from . import READERS
from .metadata import as_list, normalise_date, promote_title
from .raw import Raw, RawArticle

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}
_QUOTE_STYLES = {"quote", "intense quote", "block text", "引用", "明显引用"}
#: python-docx's default template fills these in; they say nothing about the article
_TEMPLATE_AUTHORS = {"python-docx"}
_TEMPLATE_CREATED = _dt.datetime(2013, 12, 23, 23, 15)


@READERS.register("docx")
def read_docx(content: Union[str, bytes]) -> RawArticle:
    """Read .docx bytes into Raw items and core-property metadata."""
    if isinstance(content, str):
        raise CorruptDocument("a .docx must be read as bytes")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(content))
    except PackageNotFoundError:
        raise CorruptDocument("not a Word document (python-docx found no document part)") from None
    except Exception as exc:  # noqa: BLE001 - lxml/zip errors of a damaged file
        raise CorruptDocument(f"damaged .docx ({type(exc).__name__}: {exc})") from None
    meta = _core_meta(document)
    items: list[Raw] = []
    counters: dict[tuple[str, str], int] = {}
    title_from_style: str | None = None
    for kind, element in _body_elements(document):
        if kind == "table":
            rows = _table_rows(element, document)
            if rows:
                items.append(Raw(kind="table", rows=rows))
            continue
        paragraph = element
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        images = _images(paragraph)
        if text:
            raw = _paragraph_raw(paragraph, text, style, counters)
            if raw.kind == "heading" and raw.level == 0:  # the Title style
                if title_from_style is None and not meta.get("title"):
                    title_from_style = text
                    meta["title"], meta["title_source"] = text, "docx_title"
                elif meta.get("title") and re.sub(r"\s+", "", str(meta["title"])) == re.sub(r"\s+", "", text):
                    items.append(Raw(kind="removed", text=text, reason="duplicate_title"))  # repeats the core title
                else:
                    items.append(Raw(kind="line", text=text))
            else:
                items.append(raw)
        items.extend(images)
    if meta.get("title") and "title_source" not in meta:
        meta["title_source"] = "docx_core"
    items = promote_title(items, meta, "docx_heading")
    return RawArticle(items=items, meta=meta, format="docx")


def _core_meta(document: Any) -> dict[str, object]:
    props = document.core_properties
    meta: dict[str, object] = {}
    if (props.title or "").strip():
        meta["title"] = props.title.strip()
        meta["title_source"] = "docx_core"
    authors = [a for a in as_list(props.author) if a not in _TEMPLATE_AUTHORS]
    if authors:
        meta["authors"] = authors
    created = props.created
    if created is not None and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        date = normalise_date(created)
        if date:
            meta["date"] = date
    tags = as_list(props.keywords) + [s for s in as_list(props.subject) if s not in as_list(props.keywords)]
    if tags:
        meta["tags"] = tags
    return meta


def _body_elements(document: Any) -> Iterator[tuple[str, Any]]:
    """Paragraphs and tables of the body in document order (content controls opened)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any) -> Iterator[tuple[str, Any]]:
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield "paragraph", Paragraph(child, document.part)
                yield from text_boxes(child)
            elif tag == "tbl":
                yield "table", Table(child, document.part)
            elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
                yield from walk(child)

    def text_boxes(paragraph: Any) -> Iterator[tuple[str, Any]]:
        """Paragraphs in text boxes anchored to ``paragraph`` (python-docx's .text skips
        them); the VML fallback copy of the same box is left out so nothing doubles."""
        for box in paragraph.iter(f"{_W}txbxContent"):
            if any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
                continue
            yield from walk(box)

    yield from walk(document.element.body)


def _paragraph_raw(paragraph: Any, text: str, style: str, counters: dict[tuple[str, str], int]) -> Raw:
    name = style.strip()
    lowered = name.lower()
    if lowered in _TITLE_STYLES:
        return Raw(kind="heading", text=text, level=0)
    heading = _HEADING_STYLE.match(name)
    if heading:
        return Raw(kind="heading", text=text, level=max(1, int(heading.group(1))))
    outline = _outline_level(paragraph)
    if outline is not None:
        return Raw(kind="heading", text=text, level=outline + 1)
    if lowered in _QUOTE_STYLES:
        return Raw(kind="quote", text=text)
    numbering = _numbering(paragraph)
    if numbering is not None or lowered.startswith("list"):
        ordered = "number" in lowered or (numbering is not None and numbering[2])
        key = (numbering[0], numbering[1]) if numbering else (name, "0")
        counters[key] = counters.get(key, 0) + 1
        level = int(numbering[1]) if numbering else 0
        marker = f"{counters[key]}." if ordered else "-"
        return Raw(kind="list_item", text=text, marker=marker, ordered=ordered, level=level)
    return Raw(kind="line", text=text)


def _outline_level(paragraph: Any) -> int | None:
    """``w:outlineLvl`` set directly on a paragraph (headings without heading styles)."""
    ppr = paragraph._p.pPr
    if ppr is None:
        return None
    found = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
    if found is None:
        return None
    value = found.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
    return int(value) if value is not None and value.isdigit() and int(value) < 9 else None


def _numbering(paragraph: Any) -> tuple[str, str, bool] | None:
    """(numId, ilvl, ordered) when the paragraph is in a numbered/bulleted list."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    num_id = str(ppr.numPr.numId.val)
    if num_id == "0":  # numbering explicitly switched off
        return None
    ilvl = str(ppr.numPr.ilvl.val) if ppr.numPr.ilvl is not None else "0"
    return num_id, ilvl, _is_ordered(paragraph, num_id, ilvl)


def _is_ordered(paragraph: Any, num_id: str, ilvl: str) -> bool:
    """Whether the list level's number format is a number (not a bullet)."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        numbering = paragraph.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return False
    for num in numbering.iter(f"{ns}num"):
        if num.get(f"{ns}numId") != num_id:
            continue
        abstract = num.find(f"{ns}abstractNumId")
        if abstract is None:
            return False
        abstract_id = abstract.get(f"{ns}val")
        for node in numbering.iter(f"{ns}abstractNum"):
            if node.get(f"{ns}abstractNumId") != abstract_id:
                continue
            for lvl in node.iter(f"{ns}lvl"):
                if lvl.get(f"{ns}ilvl") == ilvl:
                    fmt = lvl.find(f"{ns}numFmt")
                    return fmt is not None and fmt.get(f"{ns}val") not in ("bullet", "none")
    return False


def _table_rows(table: Any, document: Any) -> tuple[tuple[str, ...], ...]:
    """Cell texts row by row; a merged cell counts once (python-docx repeats it)."""
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell._tc))
        if any(cells):
            rows.append(tuple(cells))
    return tuple(rows)


def _cell_text(tc: Any) -> str:
    """All paragraphs of a cell, tables nested in it included (``cell.paragraphs`` skips those)."""
    from docx.text.paragraph import Paragraph

    texts = []
    for p in tc.iter(f"{_W}p"):
        if any(a.tag == f"{_MC}Fallback" for a in p.iterancestors()):
            continue  # the VML copy of a text box already read from its DrawingML twin
        text = Paragraph(p, None).text.strip()
        if text:
            texts.append(text)
    return " ".join(texts)


def _images(paragraph: Any) -> list[Raw]:
    """Inline pictures with their alt text (``wp:docPr/@descr``)."""
    out: list[Raw] = []
    for doc_pr in paragraph._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
        out.append(Raw(kind="image", text=alt, src=f"embedded:{doc_pr.get('name') or doc_pr.get('id') or ''}"))
    return out
