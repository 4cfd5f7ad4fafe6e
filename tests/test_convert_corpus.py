"""Real articles from ../shared/corpus: every file converts, and markup survives exactly.

With a converter that changes nothing, every file must come back byte for byte (no
reformatting anywhere); with s2twp, the text must change and nothing may fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_fixtures import IdentityConverter

from toolkit.conversion import convert_bytes, format_of
from toolkit.transforms.convert import Converter

SUFFIXES = (".txt", ".md", ".html", ".docx", ".json")




def _files(shared: Path) -> list[Path]:
    files = sorted(p for p in (shared / "corpus").rglob("*") if p.suffix in SUFFIXES and p.name != "README.md")
    if not files:
        pytest.skip("no corpus files")
    return files


def test_identity_conversion_is_byte_exact(shared):
    for path in _files(shared):
        fmt = format_of(path)
        if fmt in ("docx", "html"):
            continue  # docx is re-zipped; html gets lang/charset set on purpose
        data = path.read_bytes()
        out = convert_bytes(data, fmt, IdentityConverter())  # type: ignore[arg-type]
        assert out == data.decode("utf-8-sig").encode("utf-8"), path.name


def test_every_corpus_file_converts(shared):
    conv = Converter(to="twp")
    changed = 0
    for path in _files(shared):
        data = path.read_bytes()
        out = convert_bytes(data, format_of(path), conv)
        changed += out != data
    assert changed > 0
