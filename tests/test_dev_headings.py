"""Headings of the 75 dev articles (../shared/corpus/dev/articles).

1. Read as Markdown, the sections found must equal the ``##``/``###`` headings of the
   source, in order, for every article (including a ``##`` that repeats the title).
2. Flattened to plain text (heading lines kept as ordinary lines, no ``#``), heading
   detection is measured by precision/recall/F1 against those same headings; the
   numbers are printed (``pytest -s``) and must stay above a floor.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from toolkit.readers import read, read_text
from toolkit.readers.markdown import read_markdown

_HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def norm(text: str) -> str:
    """Compare headings without spaces, Markdown emphasis/escapes and the 、.．:： after numbers."""
    text = re.sub(r"(\*\*|__|\\)", "", text)
    return re.sub(r"[\s、.．:：]", "", text)


def source_headings(source: str) -> list[str]:
    """The ##/### heading lines of a Markdown source (not inside code fences)."""
    out, fenced = [], False
    for line in source.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            out.append(norm(match.group(2)))
    return out


def found_headings(doc) -> list[str]:
    return [norm((s.number or "") + s.heading) for s in doc.walk_sections() if not s.inferred]


def articles(shared: Path) -> list[Path]:
    paths = sorted((shared / "corpus" / "dev" / "articles").glob("*.md"))
    if not paths:
        pytest.skip("no dev articles")
    return paths


def test_markdown_headings_equal_source(shared: Path) -> None:
    mismatched = []
    paths = articles(shared)
    for path in paths:
        want = source_headings(path.read_text(encoding="utf-8"))
        got = found_headings(read(path))
        if got != want:
            mismatched.append(f"{path.name}: want {want} got {got}")
    assert len(paths) == 75
    assert not mismatched, "\n".join(mismatched[:5])


def flatten(source: str) -> str:
    """The article as plain text: what a copy-paste from the web page would give.

    The Markdown reader's items are written out one per line: the title first,
    headings as ordinary lines (no ``#``), list items with their marker, table rows
    as ``a | b``; metadata blocks and images are left out.
    """
    raw = read_markdown(source)
    lines = [str(raw.meta["title"])] if raw.meta.get("title") else []
    for item in raw.items:
        if item.kind in ("removed", "image"):
            continue
        if item.kind == "table":
            lines.extend(" | ".join(row) for row in item.rows)
        elif item.kind == "list_item":
            lines.append(f"{item.marker} {item.text}" if item.ordered else item.text)
        else:
            lines.extend(item.text.splitlines())
    return "\n".join(lines) + "\n"


def flat_scores(paths: list[Path]) -> tuple[float, float, float, int, int, int]:
    true_pos = found_total = want_total = 0
    for path in paths:
        source = path.read_text(encoding="utf-8")
        want = Counter(source_headings(source))
        got = found_headings(read_text(flatten(source), format="txt"))
        matched = 0
        for heading in got:
            hit = next((w for w in want if want[w] and (heading == w or heading.startswith(w))), None)
            if hit is not None:
                want[hit] -= 1
                matched += 1
        true_pos += matched
        found_total += len(got)
        want_total += sum(Counter(source_headings(source)).values())
    precision = true_pos / found_total if found_total else 0.0
    recall = true_pos / want_total if want_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, true_pos, found_total, want_total


#: the floor the flat-text F1 must stay above (0.91 measured on 2026-11-22; see README.md)
FLAT_F1_FLOOR = 0.85


def test_flat_text_heading_detection(shared: Path) -> None:
    precision, recall, f1, hits, found, wanted = flat_scores(articles(shared))
    print(f"\nflat-text headings: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
          f"({hits} right of {found} found, {wanted} in the sources)")
    assert f1 >= FLAT_F1_FLOOR
