"""A readable outline of a document, for people (``toolkit parse`` without --json)."""

from __future__ import annotations

from .model import Document, Figure, ListBlock, Paragraph, Quote, Section, Table


def _clip(text: str, width: int | None = 60) -> str:
    if width is None:
        return text
    return text if len(text) <= width else text[: width - 1] + "…"


def _block_line(block: object, width: int | None = 60) -> str:
    """One line describing a block; ``width=None`` leaves clipping to the caller."""
    if isinstance(block, Paragraph):
        return f"¶ {_clip(block.text, width)}"
    if isinstance(block, Quote):
        return f"> {_clip(block.text, width)}"
    if isinstance(block, ListBlock):
        first = _clip(block.items[0].marker + ' ' + block.items[0].text, width) if block.items else ''
        return f"list ({block.kind}, {len(block.items)} items): {first}"
    if isinstance(block, Table):
        cols = max((len(r) for r in block.rows), default=0)
        return f"table {block.label or ''} {len(block.rows)}×{cols} {_clip(block.caption or '', width)}".strip()
    if isinstance(block, Figure):
        return f"figure {block.label or ''} {_clip(block.caption or block.caption_en or block.src or '', width)}".strip()
    return type(block).__name__


def _trailer(doc: Document) -> list[tuple[str, str]]:
    """Counts shown under the tree: references, notes, and removed text by reason."""
    out: list[tuple[str, str]] = []
    if doc.references:
        out.append(("references", str(len(doc.references))))
    if doc.notes:
        out.append(("notes", str(len(doc.notes))))
    if doc.removed:
        reasons: dict[str, int] = {}
        for r in doc.removed:
            reasons[r.reason] = reasons.get(r.reason, 0) + 1
        out.append(("removed", ", ".join(f"{k} {v}" for k, v in sorted(reasons.items()))))
    return out


def outline_text(doc: Document) -> str:
    """Plain-text tree: metadata, then sections with their blocks, then the rest."""
    m = doc.meta
    lines = [f"{m.source_path or '<text>'} [{m.format}, {m.encoding or '-'}]"]
    lines.append(f"title: {m.title or '-'} ({m.title_source or 'none'})")
    for label, value in (("authors", ", ".join(m.authors)), ("publisher", m.publisher), ("date", m.date),
                         ("tags", ", ".join(m.tags)), ("lead", m.lead and _clip(m.lead)), ("rights", m.rights and _clip(m.rights))):
        if value:
            lines.append(f"{label}: {value}")
    for block in doc.body:
        lines.append("  " + _block_line(block))

    def walk(section: Section, depth: int) -> None:
        mark = " (inferred)" if section.inferred else ""
        number = f"{section.number} " if section.number else ""
        lines.append("  " * depth + f"§ {number}{section.heading}{mark}")
        for block in section.body:
            lines.append("  " * (depth + 1) + _block_line(block))
        for child in section.sections:
            walk(child, depth + 1)

    for section in doc.sections:
        walk(section, 0)
    lines.extend(f"{label}: {value}" for label, value in _trailer(doc))
    return "\n".join(lines) + "\n"


def outline_tree(doc: Document, width: int = 100):  # -> rich.tree.Tree (rich imported lazily: fast --help)
    """The same outline as a rich Tree, for a terminal ``width`` cells wide.

    Each node is clipped to one terminal line (CJK characters take two cells), so the
    tree's shape stays readable instead of wrapping.
    """
    from rich.cells import cell_len
    from rich.markup import escape
    from rich.tree import Tree

    def fit(text: str, depth: int) -> str:
        room = max(20, width - 4 * depth - 2)
        if cell_len(text) <= room:
            return escape(text)
        out, used = [], 0
        for ch in text:
            used += cell_len(ch)
            if used > room - 1:
                break
            out.append(ch)
        return escape("".join(out) + "…")

    m = doc.meta
    root = Tree(f"[bold]{fit(m.title or '(no title)', 0)}[/]")
    where = f"{m.source_path or '<text>'} [{m.format}, {m.encoding or '-'}] title: {m.title_source or 'none'}"
    root.add(f"[dim]{fit(where, 1)}[/]")
    for label, value in (("authors", ", ".join(m.authors)), ("publisher", m.publisher), ("date", m.date),
                         ("tags", ", ".join(m.tags)), ("lead", m.lead), ("rights", m.rights)):
        if value:
            line = fit(f"{label}: {value}", 1)  # the label is plain ASCII: escape() leaves it as is
            root.add(f"[cyan]{label}[/]{line[len(label):]}")
    for block in doc.body:
        root.add(f"[dim]{fit(_block_line(block, None), 1)}[/]")

    def walk(parent, section: Section, depth: int) -> None:
        mark = " [dim](inferred)[/]" if section.inferred else ""
        number = f"{section.number} " if section.number else ""
        node = parent.add(f"[bold green]{fit('§ ' + number + section.heading, depth)}[/]{mark}")
        for block in section.body:
            node.add(f"[dim]{fit(_block_line(block, None), depth + 1)}[/]")
        for child in section.sections:
            walk(node, child, depth + 1)

    for section in doc.sections:
        walk(root, section, 1)
    for label, value in _trailer(doc):
        root.add(f"[{'red' if label == 'removed' else 'magenta'}]{label}[/]: {value}")
    return root
