"""Key figures: the statistics an article states, each with its sentence and section.

Analysts quote figures; a figure without its unit, its subject or its sentence cannot be
checked. Each KeyFigure keeps the value exactly as written (number, magnitude and unit:
2.63万亿元, 12-17天), a change with both ends (120万 → 90万), a short comparison that
follows it (28分钟(Instagram为96分钟)), the words it measures and where it was said.

Tables state figures too: a cell that is a number with its unit (12-17天, 8%) is a key
figure whose subject is its row's first cell and its column header (美国 妥投时效), and
whose text is the row, so it can be checked against the table.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Document, KeyFigure, ListBlock, Paragraph, Quote, Table
from ..text.numbers import find_quantities
from ..text.sentence_index import Sent, document_sentences, section_label

#: a table cell longer than this is prose, not a figure
_MAX_CELL = 24


def key_figures(doc: Document, sents: Sequence[Sent] | None = None, limit: int | None = None) -> list[KeyFigure]:
    """Statistics of ``doc`` in reading order, deduplicated.

    A figure repeated with the same subject (the article restating its headline
    number) is kept once, at its first mention; so is one value stated twice in a
    sentence.

    Args:
        doc: the article.
        sents: its sentence index, when the caller already built it.
        limit: keep at most this many (the first ones), None for all.
    """
    sents = sents if sents is not None else document_sentences(doc)
    tables = _table_figures(doc)
    seen: dict[str, list[str]] = {}  # value -> subjects already reported with it
    out: list[KeyFigure] = []

    def add(figure: KeyFigure, in_sentence: set[str]) -> bool:
        """Keep ``figure`` unless already reported; True once ``limit`` is reached."""
        subjects = seen.setdefault(figure.value, [])
        subject = figure.subject or ""
        if figure.value in in_sentence or any(_same_subject(subject, other) for other in subjects):
            return False
        subjects.append(subject)
        in_sentence.add(figure.value)
        out.append(figure)
        return limit is not None and len(out) >= limit

    t = 0
    for s in sents:
        while t < len(tables) and tables[t][0] <= s.para_no:
            if add(tables[t][1], set()):
                return out
            t += 1
        if s.framing and s.text.endswith(("?", "？")):
            continue  # a question states no figure
        in_sentence: set[str] = set()
        for q in find_quantities(s.text):
            if add(KeyFigure(text=s.text, value=q.value, section=s.heading, subject=q.subject), in_sentence):
                return out
    for _, figure in tables[t:]:
        if add(figure, set()):
            return out
    return out


def _table_figures(doc: Document) -> list[tuple[int, KeyFigure]]:
    """Figures stated in table cells, each with the paragraph number it precedes.

    The paragraph count follows ``document_sentences`` (one per paragraph, quote or
    list item) so table figures merge into reading order with ``Sent.para_no``. Only
    cells that are a figure and little else count: a cell of prose with a number in
    it is not a statistic of the table.
    """
    out: list[tuple[int, KeyFigure]] = []
    para_no = 0
    for section, block in doc.iter_blocks():
        if isinstance(block, (Paragraph, Quote)):
            para_no += 1
        elif isinstance(block, ListBlock):
            para_no += len(block.items)
        elif isinstance(block, Table) and block.rows:
            out.extend((para_no, f) for f in _cells(block, section_label(section)))
    return out


def _cell_figure(cell: str) -> str | None:
    """The value of a cell that is one figure (12-17天, 约8%, 78.9万辆), else None."""
    cell = cell.strip()
    if not cell or len(cell) > _MAX_CELL:
        return None
    found = find_quantities(cell)
    if len(found) != 1:
        return None
    q = found[0]
    rest = cell[: q.start] + cell[q.end :]
    # what is left may only qualify the figure (约, 超过, 以上), not say something else
    if len(rest.strip(" 约近超过逾以上下内左右多余+~≈<>≤≥")) > 2:
        return None
    return q.value


def _cells(table: Table, section: str | None) -> list[KeyFigure]:
    """Key figures of one table: subject = row's first cell + column header."""
    rows = [tuple(c.strip() for c in r) for r in table.rows]
    header: tuple[str, ...] = ()
    if len(rows) > 1 and not any(_cell_figure(c) for c in rows[0]):
        header, rows = rows[0], rows[1:]
    out: list[KeyFigure] = []
    for row in rows:
        if len(row) < 2:
            continue
        for j, cell in enumerate(row[1:], start=1):
            value = _cell_figure(cell)
            if value is None:
                continue
            column = header[j] if j < len(header) else ""
            subject = " ".join(p for p in (row[0], column) if p) or None
            text = " | ".join(row)
            if table.caption:
                text = f"{table.caption}: {text}"
            out.append(KeyFigure(text=text, value=value, section=section, subject=subject))
    return out


def _same_subject(a: str, b: str) -> bool:
    """后来丢件率 and 丢件率 name the same thing: one ends with the other."""
    if not a or not b:
        return a == b
    return a.endswith(b) or b.endswith(a)
