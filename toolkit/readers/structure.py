"""RawArticle -> Document: the structure detection shared by every input format.

Format readers only translate syntax into ``Raw`` items; deciding what a line *is*
happens here, once, so a .txt paste and the same article as HTML or docx come out as
the same document. The passes run in a fixed order over one working list of units
(``units.Unit``), each claiming what it recognises:

1. ``bylines``    author bios and bylines (-> meta.authors), rights, editor's lead
2. ``boilerplate`` prompts, comment boxes, footers, page chrome, ads, share widgets
3. title         from reader metadata, else a first line that reads as a title
4. ``backmatter`` reference lists and notes
5. ``blocks``     flattened tables, bilingual table/figure captions
6. ``headings``   explicit markup headings, or numbered/closing headings in plain lines
7. ``blocks``     lists and 第一/第二 enumerations
8. assembly       blocks grouped, sections nested by level

Order matters: furniture is claimed before headings so ``全部评论 (0)`` can never be
a heading, and tables before headings so a cell ``01 |`` is never a number heading.
Nothing is dropped: a claimed unit ends up in a block, the metadata, ``references``,
``notes`` or ``removed``; an unclaimed one is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import fields

from ..model import (
    Block,
    Document,
    Figure,
    ListBlock,
    ListItem,
    Meta,
    Note,
    Paragraph,
    Quote,
    Reference,
    Removed,
    Section,
    Table,
)
from . import backmatter, blocks, boilerplate, bylines, headings
from .raw import Raw, RawArticle
from .units import RUN_ON_END, Unit

_META_FIELDS = {f.name for f in fields(Meta)}
#: a first line longer than this is running text, not a title
MAX_TITLE = 50


def build(raw: RawArticle) -> Document:
    """Detect the structure of one article (see the module docstring for the passes)."""
    meta: dict = {k: v for k, v in raw.meta.items() if k in _META_FIELDS and v not in (None, "", [], ())}
    units = _units(raw.items)
    script = _script_keys(units)
    bylines.extract(units, meta)
    boilerplate.mark(units, meta)
    _lead_quote(units, meta)
    _title(units, meta)
    backmatter.extract(units)
    blocks.tables_and_figures(units)
    blocks.title_alts(units, meta.get("title"))
    if _has_explicit_headings(units, meta.get("title")):
        headings.detect_explicit(units)
    else:
        headings.detect_plain(units, meta.get("title"))
    headings.numbered_lists(units)
    blocks.lists(units)
    return _assemble(units, meta, raw, script)


def _units(items: list[Raw]) -> list[Unit]:
    out: list[Unit] = []
    for item in items:
        text = (item.text or "").strip()
        if item.kind == "removed":
            out.append(Unit(kind="removed", text=item.text, raw=item, role="removed", reason=item.reason or "markup"))
            continue
        if item.kind in ("line", "heading", "quote", "list_item", "code") and not text:
            continue
        if item.kind == "code":
            text = item.text
        out.append(Unit(kind=item.kind, text=text, raw=item, level=item.level))
    return out


def _script_keys(units: list[Unit]) -> str | None:
    """Detect the script; for traditional text give each short unit a simplified match key."""
    from .script import convert_t2s, detect_script

    # the script shows in the first few thousand characters; reading more only costs time
    script = detect_script("".join(u.text for u in units[:400])[:20000])
    if script in ("hant", "mixed"):
        for u in units:
            if u.kind in ("line", "heading", "quote", "list_item", "image") and u.text and len(u.text) <= 400:
                u.data["key"] = convert_t2s(u.text)
    return script


def _lead_quote(units: list[Unit], meta: dict) -> None:
    """A block quote before any running text is the editor's lead; a repeat of it is chrome."""
    lead = meta.get("lead")
    for u in units:
        if u.role in ("removed", "lead", "skip"):
            continue
        if u.kind == "quote":
            if lead is None:
                u.role, u.reason = "lead", "lead"
                meta["lead"] = lead = u.text
                continue
            if u.text.strip() == lead.strip():
                u.role, u.reason = "removed", "duplicate_lead"
                continue
            break
        if u.kind in ("image", "heading"):
            continue
        if u.kind == "line" and len(u.text) <= MAX_TITLE:
            continue
        break


def _title(units: list[Unit], meta: dict) -> None:
    """A first short line that is not a sentence, a number or furniture is the title."""
    if meta.get("title"):
        meta.setdefault("title_source", "metadata")
        return
    first = next((u for u in units if u.role not in ("removed", "skip") and u.kind != "image"), None)
    if first is None or first.role or first.kind != "line":
        return
    text = first.text.strip()
    rest = [u for u in units if u is not first and not u.role and u.kind in ("line", "heading", "list_item", "quote")]
    if not rest or len(text) > MAX_TITLE or len(text) < 4:
        return
    if "。" in text or text[-1] in RUN_ON_END or text[-1] in "。；;":
        return
    if headings.parse_number(text)[0] is not None or blocks.list_item(text) or blocks.caption_of(first) or re.match(r"^[(（\[【]", text):
        return
    if text.endswith("|") or re.match(r"^[\d\s,.%|-]+$", text):
        return
    first.role = "title"
    meta["title"] = text
    meta["title_source"] = "first_line"


def _has_explicit_headings(units: list[Unit], title: str | None) -> bool:
    return any(u.kind == "heading" and not u.role and u.text.strip() != (title or "").strip() for u in units)


# --- assembly ------------------------------------------------------------------------


class _SectionBuilder:
    def __init__(self, u: Unit) -> None:
        self.number = u.number
        self.heading = u.heading
        self.level = u.level or 1
        self.body: list[Block] = []
        self.children: list[_SectionBuilder] = []

    def freeze(self) -> Section:
        return Section(
            number=self.number,
            heading=self.heading,
            level=self.level,
            body=tuple(self.body),
            sections=tuple(c.freeze() for c in self.children),
        )


def _assemble(units: list[Unit], meta: dict, raw: RawArticle, script: str | None) -> Document:
    root_body: list[Block] = []
    top: list[_SectionBuilder] = []
    stack: list[_SectionBuilder] = []
    removed: list[Removed] = []
    refs: list[Reference] = []
    notes: list[Note] = []
    pending: list[tuple[str, Unit]] = []  # list items waiting to be grouped

    def target() -> list[Block]:
        return stack[-1].body if stack else root_body

    def flush() -> None:
        if not pending:
            return
        group: list[Unit] = []
        group_key: tuple | None = None
        for key, u in pending:
            k = (key, u.ordered)
            if group and (k != group_key or not _continues(group[-1], u)):
                target().append(_list_block(group))
                group = []
            group.append(u)
            group_key = k
        if group:
            target().append(_list_block(group))
        pending.clear()

    for u in units:
        role = u.role
        if role in ("list_item", "enumeration") or (u.kind == "list_item" and not role):
            pending.append((u.data.get("kind", "list"), u))
            continue
        if role in ("skip", "title"):
            continue
        if role == "removed":
            if u.text.strip():
                removed.append(Removed(text=u.text, reason=u.reason or "markup"))
            continue
        if role == "reference":
            refs.append(Reference(label=u.data.get("label"), text=u.data["text"], url=u.data.get("url")))
            continue
        if role == "note":
            notes.append(Note(label=u.data.get("label"), text=u.data["text"]))
            continue
        if role == "lead":
            if u.data.get("label"):
                removed.append(Removed(text=u.data["label"].strip(), reason="label"))
            continue
        flush()
        if role == "heading":
            sb = _SectionBuilder(u)
            while stack and stack[-1].level >= sb.level:
                stack.pop()
            (stack[-1].children if stack else top).append(sb)
            stack.append(sb)
            rest = u.data.get("glued_rest")
            if rest:
                sb.body.append(Paragraph(text=rest))
            continue
        if u.data.get("alt_removed"):  # alt text a caption line superseded (blocks._caption_image)
            removed.append(Removed(text=u.data["alt_removed"], reason="image_alt"))
        block = _block(u)
        if block is not None:
            target().append(block)
    flush()

    meta_obj = _meta(meta, raw, script)
    return Document(
        meta=meta_obj,
        body=tuple(root_body),
        sections=tuple(s.freeze() for s in top),
        references=tuple(refs),
        notes=tuple(notes),
        removed=tuple(removed),
    )


def _continues(prev: Unit, u: Unit) -> bool:
    """Does ``u`` continue the list ``prev`` is in? (第一 restarts an enumeration)."""
    if u.role == "enumeration":
        return u.data.get("value") == (prev.data.get("value") or 0) + 1
    return True


def _list_block(group: list[Unit]) -> ListBlock:
    kind = group[0].data.get("kind", "list")
    items = []
    for u in group:
        if u.role == "enumeration":
            items.append(ListItem(marker=u.marker, text=u.text))
        elif u.role == "list_item":
            items.append(ListItem(marker=u.marker, text=u.data.get("text", u.text)))
        else:  # explicit list item from markup
            items.append(ListItem(marker=(u.raw.marker if u.raw else "") or "", text=u.text))
    ordered = group[0].ordered if group[0].role else bool(group[0].raw and group[0].raw.ordered)
    return ListBlock(ordered=ordered, items=tuple(items), kind=kind)


def _block(u: Unit) -> Block | None:
    d = u.data
    if u.role == "table" or u.kind == "table":
        rows = d.get("rows")
        if rows is None:
            rows = u.raw.rows if u.raw else ()
        return Table(rows=tuple(tuple(r) for r in rows), label=d.get("label"), caption=d.get("caption"), caption_en=d.get("caption_en"))
    if u.role == "figure" or u.kind == "image":
        src = u.raw.src if (u.raw and u.kind == "image") else None
        alt = u.text if u.kind == "image" and u.text and not d.get("alt_removed") else None
        caption = d.get("caption") or alt
        return Figure(label=d.get("label"), caption=caption, caption_en=d.get("caption_en"), src=src)
    if u.kind == "quote":
        return Quote(text=u.text)
    if u.text:
        return Paragraph(text=u.text)
    return None


def _meta(meta: dict, raw: RawArticle, script: str | None) -> Meta:
    values = dict(meta)
    for key in ("authors", "tags"):
        if key in values:
            values[key] = tuple(str(v) for v in values[key])
    values["format"] = raw.format
    values["encoding"] = raw.encoding
    values["source_path"] = raw.source_path
    if not values.get("title"):
        values["title_source"] = None
    values["script"] = script
    return Meta(**values)
