"""Every ``must`` item of ../shared/corpus/seeds/expected.json, and the ``should`` items we meet.

The expectations file is the acceptance test of ``toolkit parse`` on the five seed
articles. Each (seed, item) pair is its own test so a failure names exactly what broke.
``inferred_sections_*`` items belong to section inference (transforms/segment.py) and
are checked there, not here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest

from toolkit.model import Document, Figure, ListBlock, Paragraph, Table
from toolkit.readers import read
from toolkit.writers.document import document_json

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
EXPECTED = SEEDS / "expected.json"

#: should items this suite asserts (the others are reported as unmet in docs/parse-structure.md)
SHOULD_CHECKED = {"authors_contains", "publisher", "tags_contains", "title", "glued_headings_split"}


def norm(text: str) -> str:
    """Headings are compared without spaces and the 、.．:： between number and text."""
    return re.sub(r"[\s、.．:：]", "", text)


def explicit_headings(doc: Document) -> list[tuple[int, str]]:
    return [(s.level, (s.number or "") + " " + s.heading) for s in doc.walk_sections() if not s.inferred]


def blocks(doc: Document) -> list[Any]:
    return [b for _, b in doc.iter_blocks()]


def removed_texts(doc: Document) -> list[str]:
    return [r.text for r in doc.removed]


def meta_texts(doc: Document) -> list[str]:
    m = doc.meta
    return [m.title or "", m.lead or "", m.rights or "", m.publisher or "", *m.authors, *m.tags]


def check_headings(doc: Document, expected: list[list[Any]]) -> None:
    found = explicit_headings(doc)
    assert len(found) == len(expected), f"found {[h for _, h in found]}"
    for (level, text), (want_level, want) in zip(found, expected, strict=True):
        assert norm(text).startswith(norm(want)), f"{text!r} != {want!r}"
        assert level == want_level, f"{text!r}: level {level}, expected {want_level}"


def check_tables(doc: Document, expected: list[dict[str, Any]]) -> None:
    tables = {b.label: b for b in blocks(doc) if isinstance(b, Table)}
    for want in expected:
        table = tables.get(want["label"])
        assert table is not None, f"no table {want['label']} among {list(tables)}"
        assert (table.caption_en or "").startswith(want["caption_en_startswith"])
        assert len(table.rows) == want["rows"]
        assert max(len(r) for r in table.rows) == want["cols"]
        r, c, cell = want["cell"]
        assert table.rows[r][c] == cell


def check_figures(doc: Document, expected: list[dict[str, Any]]) -> None:
    figures = {b.label: b for b in blocks(doc) if isinstance(b, Figure)}
    for want in expected:
        fig = figures.get(want["label"])
        assert fig is not None, f"no figure {want['label']} among {list(figures)}"
        assert (fig.caption or "").startswith(want.get("caption_startswith", ""))
        assert (fig.caption_en or "").startswith(want.get("caption_en_startswith", ""))


def count_markers(doc: Document, marker: str) -> int:
    return sum(1 for b in blocks(doc) if isinstance(b, ListBlock) for i in b.items if i.marker == marker)


CHECKS: dict[str, Callable[[Document, Any], None]] = {
    "title": lambda d, v: _eq(d.meta.title, v),
    "date": lambda d, v: _eq(d.meta.date, v),
    "lead_startswith": lambda d, v: _true((d.meta.lead or "").startswith(v), d.meta.lead),
    "explicit_headings": check_headings,
    "removed_contains": lambda d, v: [_true(any(s in r for r in removed_texts(d)), s) for s in v],
    "removed_or_meta_contains": lambda d, v: [_true(any(s in r for r in removed_texts(d) + meta_texts(d)), s) for s in v],
    "text_contains": lambda d, v: [_true(s in d.plain_text(), s) for s in v],
    "text_not_contains": lambda d, v: [_true(s not in d.plain_text(), s) for s in v],
    "min_paragraphs": lambda d, v: _true(sum(isinstance(b, Paragraph) for b in blocks(d)) >= v, "paragraphs"),
    "tables": check_tables,
    "figures": check_figures,
    "notes_contains": lambda d, v: [_true(any(s in n.text for n in d.notes), s) for s in v],
    "text_not_contains_as_heading": lambda d, v: [
        _true(not any(norm(h).startswith(norm(s)) for _, h in explicit_headings(d)), s) for s in v
    ],
    "authors": lambda d, v: _eq(list(d.meta.authors), v),
    "authors_contains": lambda d, v: [_true(a in d.meta.authors, a) for a in v],
    "publisher": lambda d, v: _eq(d.meta.publisher, v),
    "tags_contains": lambda d, v: [_true(t in d.meta.tags, t) for t in v],
    "references": lambda d, v: _eq(len(d.references), v),
    "reference_1_contains": lambda d, v: _true(v in d.references[0].text, d.references[0].text),
    "list_items_with_markers": lambda d, v: [_eq(count_markers(d, m), n) for m, n in v.items()],
    "glued_headings_split": lambda d, v: [_true(s in [h.heading for h in d.walk_sections()], s) for s in v],
}


def _eq(actual: Any, expected: Any) -> None:
    assert actual == expected


def _true(ok: bool, what: Any) -> None:
    assert ok, what


def _cases() -> list[Any]:
    if not EXPECTED.exists():
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason="../shared is absent"))]
    data = json.loads(EXPECTED.read_text(encoding="utf-8"))
    cases = []
    for name, spec in data.items():
        if name.startswith("_"):
            continue
        for key, value in spec.get("must", {}).items():
            cases.append(pytest.param(name, key, value, id=f"{name[:3]}-must-{key}"))
        for key, value in spec.get("should", {}).items():
            if key in SHOULD_CHECKED:
                cases.append(pytest.param(name, key, value, id=f"{name[:3]}-should-{key}"))
    return cases


_docs: dict[str, Document] = {}


def _doc(name: str) -> Document:
    if name not in _docs:
        _docs[name] = read(SEEDS / name)
    return _docs[name]


@pytest.mark.parametrize(("seed", "key", "value"), _cases())
def test_seed_expectation(seed: str, key: str, value: Any) -> None:
    CHECKS[key](_doc(seed), value)


def test_seeds_parse_deterministically(shared: Path) -> None:
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        assert document_json(read(path)) == document_json(read(path))


def test_seed_003_enumerations_are_eleven_whole_paragraph_items(shared: Path) -> None:
    doc = read(shared / "corpus" / "seeds" / "003_c609a4907a715972.txt")
    items = [i for b in blocks(doc) if isinstance(b, ListBlock) and b.kind == "enumeration" for i in b.items]
    assert len(items) == 11
    assert all(i.marker in ("第一", "第二", "第三") and i.text.startswith(i.marker) for i in items)
    assert any(i.text.startswith("第一,TikTok困境折射出全球化挑战的不断加码。") and len(i.text) > 200 for i in items)


def test_seed_002_table_captions_in_both_languages(shared: Path) -> None:
    doc = read(shared / "corpus" / "seeds" / "002_e716ca76fa1bb901.txt")
    table = next(b for b in blocks(doc) if isinstance(b, Table) and b.label == "表1")
    assert (table.caption, table.caption_en) == ("业务体系", "Business system")
    assert [n.label for n in doc.notes] == ["1"]
