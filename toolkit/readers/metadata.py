"""Small helpers the format readers share for metadata the formats state outright.

Dates come as ``Fri, 28 Jan 2022 00:00:00 GMT``, ``2022-09-19``, ``2022年1月28日`` or
datetime objects (YAML, docx core properties); names and tags as lists or as one string
with separators. Every reader normalises them the same way here.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from .raw import Raw

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_SEPARATORS = re.compile(r"\s*[,，;；、|/]\s*")
_HASHTAG_LABEL = re.compile(r"^#[^#\s][^#]*#$")


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from whatever a format gives, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    for pattern in (_ISO, _CJK_DATE):
        match = pattern.search(text)
        if match:
            return _valid(*match.groups())
    from email.utils import parsedate_tz

    parsed = parsedate_tz(text)
    if parsed and parsed[0]:
        return _valid(parsed[0], parsed[1], parsed[2])
    return None


def _valid(year: object, month: object, day: object) -> str | None:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()  # type: ignore[arg-type]
    except ValueError:
        return None


def as_list(value: object) -> list[str]:
    """Names or tags as a clean list: lists stay lists, strings split on , ， ; 、 |."""
    if value is None:
        return []
    items: Iterable[object] = value if isinstance(value, (list, tuple, set)) else _SEPARATORS.split(str(value))
    out: list[str] = []
    for item in items:
        text = str(item).strip() if item is not None else ""
        if text and text not in out:
            out.append(text)
    return out


def is_hashtag_label(text: str) -> bool:
    """``#专栏作家#``: a Weibo-style label set in a heading tag, not a section heading."""
    return bool(_HASHTAG_LABEL.match(text.strip()))


def promote_title(items: list[Raw], meta: dict[str, object], source: str) -> list[Raw]:
    """Take the article title out of the headings, and make the rest start at level 1.

    The first heading is the title when it is the only heading of its level and comes
    before any other content, or when it repeats a title the metadata already gave
    (front matter, <title>). Remaining heading levels are shifted so the top one is 1:
    an article whose sections are ``##`` has level-1 sections once ``#`` is the title.
    """
    items = list(items)
    first = next((i for i, item in enumerate(items) if item.kind not in ("removed",) and (item.text or item.kind != "line")), None)
    if first is not None and items[first].kind == "heading":
        head = items[first]
        same_level = sum(1 for item in items if item.kind == "heading" and item.level <= head.level)
        known = meta.get("title")
        if known and _norm(str(known)) == _norm(head.text):
            # a second copy of a title the metadata gave: out of the body, kept in removed
            items[first] = Raw(kind="removed", text=head.text, reason="duplicate_title")
        elif not known and same_level == 1:
            meta["title"] = head.text
            meta["title_source"] = source
            del items[first]
    levels = [item.level for item in items if item.kind == "heading" and item.level > 0]
    if levels and min(levels) > 1:
        shift = min(levels) - 1
        items = [Raw(kind="heading", text=it.text, level=it.level - shift) if it.kind == "heading" else it for it in items]
    return items


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)
