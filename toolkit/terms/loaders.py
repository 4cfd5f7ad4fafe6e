"""Reading termbase files: CSV, TOML and simple ``term<TAB>replacement`` lists.

Each format registers a loader for its file suffixes, so supporting a new format is
one decorated function. Every problem a user can make in a file (unknown column,
missing term, duplicate, bad UTF-8) is a :class:`TermbaseError` naming the file and
the line, because a translator fixing a 500-row sheet needs to know where to look.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, Callable

from ..errors import ToolkitError
from ..registry import Registry
from .entry import COLUMNS, LIST_COLUMNS, TermEntry

Loader = Callable[[str, str], list[TermEntry]]
#: suffix (".csv") -> loader(text, source) -> entries
LOADERS: Registry[Loader] = Registry("termbase loader")


class TermbaseError(ToolkitError):
    """A termbase file that cannot be used; the message names the file and line."""


def _split_list(value: str) -> tuple[str, ...]:
    """``"a; b;;c"`` -> ``("a", "b", "c")``."""
    return tuple(part.strip() for part in value.split(";") if part.strip())


def _entry(values: dict[str, Any], source: str) -> TermEntry:
    """A TermEntry from column -> value, stripping text and splitting list columns."""
    kwargs: dict[str, Any] = {}
    for name in COLUMNS:
        value = values.get(name)
        if name in LIST_COLUMNS:
            if isinstance(value, (list, tuple)):
                kwargs[name] = tuple(str(v).strip() for v in value if str(v).strip())
            else:
                kwargs[name] = _split_list(value or "")
        else:
            kwargs[name] = (value or "").strip()
    return TermEntry(**kwargs, source=source)


def _check_term(term: str, where: str, source: str, seen: dict[str, str]) -> None:
    """A term must be present, on one line, and appear once per file."""
    if not term:
        raise TermbaseError(f"{where}: the 'term' field is empty", path=source)
    if any(ch in term for ch in "\t\r\n"):
        raise TermbaseError(f"{where}: term {term!r} contains a tab or line break", path=source)
    if term in seen:
        raise TermbaseError(f"{where}: duplicate term {term!r} (first at {seen[term]})", path=source)
    seen[term] = where


def _decode(data: bytes, source: str) -> str:
    """UTF-8 text with any BOM removed; a clear error (with line) otherwise.

    UTF-16 with a byte-order mark is accepted too, because that is what Excel's
    "Unicode Text" export (a tab-separated file) writes.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TermbaseError("damaged UTF-16 text; save the termbase as UTF-8", path=source) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermbaseError(
            f"line {line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the termbase as UTF-8"
            " (in Excel: CSV UTF-8)",
            path=source,
        ) from None


@LOADERS.register(".csv")
def load_csv(text: str, source: str) -> list[TermEntry]:
    """CSV with a header row naming some of :data:`COLUMNS` (``term`` required).

    Rows whose first cell starts with ``#`` are comments; blank rows are skipped.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise TermbaseError("the file is empty (a header row is required)", path=source) from None
    except csv.Error as exc:
        raise TermbaseError(f"line 1: {exc}", path=source) from None
    names = [h.strip().lower() for h in header]
    allowed = ", ".join(COLUMNS)
    for name in names:
        # an unnamed column is allowed (spreadsheets export trailing empty columns)
        # as long as no row puts a value in it; see below
        if name and name not in COLUMNS:
            raise TermbaseError(f"line 1: unknown column {name!r}; allowed columns: {allowed}", path=source)
    if "term" not in names:
        raise TermbaseError(f"line 1: the header has no 'term' column; allowed columns: {allowed}", path=source)
    dupes = sorted({n for n in names if n and names.count(n) > 1})
    if dupes:
        raise TermbaseError(f"line 1: column {dupes[0]!r} appears twice", path=source)
    entries: list[TermEntry] = []
    seen: dict[str, str] = {}
    try:
        for row in reader:
            where = f"line {reader.line_num}"
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(names):
                raise TermbaseError(
                    f"{where}: {len(row)} fields but the header has {len(names)} columns", path=source
                )
            unnamed = [i + 1 for i, (n, cell) in enumerate(zip(names, row, strict=False)) if not n and cell.strip()]
            if unnamed:
                raise TermbaseError(f"{where}: a value in column {unnamed[0]}, which has no header", path=source)
            entry = _entry(dict(zip(names, row, strict=False)), source)
            _check_term(entry.term, where, source, seen)
            entries.append(entry)
    except csv.Error as exc:
        raise TermbaseError(f"line {reader.line_num}: {exc}", path=source) from None
    return entries


_TOML_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*term[ \t]*\]\]", re.MULTILINE)


def _key_line(text: str, starts: list[int], index: int, key: str) -> int | None:
    """The line of ``key = ...`` inside the ``index``-th ``[[term]]`` table, if found."""
    if index >= len(starts):
        return None
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)
    m = pattern.search(text, starts[index], end)
    return text.count("\n", 0, m.start()) + 1 if m else None


@LOADERS.register(".toml")
def load_toml(text: str, source: str) -> list[TermEntry]:
    """TOML with one ``[[term]]`` table per entry, keys as the CSV columns.

    ``english_alt`` and ``domains`` may be arrays or ``;``-separated strings.
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TermbaseError(f"invalid TOML: {exc}", path=source) from None
    extra = sorted(set(data) - {"term"})
    if extra:
        raise TermbaseError(f"unknown top-level key {extra[0]!r}; use [[term]] tables", path=source)
    tables = data.get("term", [])
    if not isinstance(tables, list):
        raise TermbaseError("'term' must be an array of tables: write each entry as [[term]]", path=source)
    # tomllib does not report positions, so find each [[term]] header's line ourselves
    starts = [m.start() for m in _TOML_TABLE.finditer(text)]
    lines = [text.count("\n", 0, start) + 1 for start in starts]
    allowed = ", ".join(COLUMNS)
    entries: list[TermEntry] = []
    seen: dict[str, str] = {}
    for index, table in enumerate(tables):
        where = f"line {lines[index]}" if index < len(lines) else f"entry {index + 1}"
        for key, value in table.items():
            line = _key_line(text, starts, index, key)
            at = f"line {line}" if line else where
            if key not in COLUMNS:
                raise TermbaseError(f"{at}: unknown key {key!r}; allowed keys: {allowed}", path=source)
            ok = isinstance(value, str) or (
                key in LIST_COLUMNS and isinstance(value, list) and all(isinstance(v, str) for v in value)
            )
            if not ok:
                kind = "a string or a list of strings" if key in LIST_COLUMNS else "a string"
                raise TermbaseError(f"{at}: {key!r} must be {kind}", path=source)
        entry = _entry(table, source)
        _check_term(entry.term, where, source, seen)
        entries.append(entry)
    return entries


@LOADERS.register(".tsv", ".txt", ".tab")
def load_tsv(text: str, source: str) -> list[TermEntry]:
    """Lines of ``term<TAB>replacement[<TAB>comment]``; ``#`` lines are comments.

    The replacement is the form the converter must write in every traditional
    target (it fills ``hant``); with no replacement the term is kept exactly as
    written. An optional third column (as in OmegaT glossaries) becomes the note.
    """
    entries: list[TermEntry] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        where = f"line {number}"
        if len(parts) > 3:
            raise TermbaseError(
                f"{where}: {len(parts)} tab-separated fields; expected term<TAB>replacement[<TAB>comment]",
                path=source,
            )
        term = parts[0]
        replacement = parts[1] if len(parts) > 1 and parts[1] else term
        note = parts[2] if len(parts) > 2 else ""
        _check_term(term, where, source, seen)
        entries.append(TermEntry(term=term, hant=replacement, note=note, source=source))
    return entries


def load_entries(path: str | Path) -> list[TermEntry]:
    """The entries of one termbase file, chosen by suffix (.csv, .toml, .tsv/.txt).

    Raises:
        TermbaseError: the file is missing, not UTF-8, or malformed; the message
            names the file and the line.
    """
    p = Path(path)
    source = str(path)
    suffix = p.suffix.lower()
    if suffix not in LOADERS:
        known = ", ".join(LOADERS.names())
        raise TermbaseError(f"unknown termbase format {suffix or '(no suffix)'!r}; use one of {known}", path=source)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise TermbaseError("termbase file not found", path=source) from None
    except IsADirectoryError:
        raise TermbaseError("is a directory, not a termbase file", path=source) from None
    except OSError as exc:
        raise TermbaseError(f"cannot read termbase: {exc.strerror}", path=source) from None
    return LOADERS.get(suffix)(_decode(data, source), source)
