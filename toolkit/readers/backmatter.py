"""References and notes: the apparatus after the article, kept apart from its body.

A reference list starts at a label line (``参考文献:``, ``References``, ``参考资料``) and
runs over ``[n]`` entries (or unnumbered citation-looking lines); a run of two or more
``[n]`` lines ending the article counts even without the label. Notes start at
``NOTES`` / ``注释`` and run over numbered lines (``1本文数据…`` -> label 1).
"""

from __future__ import annotations

import re

from .units import Unit

_REF_LABEL = re.compile(r"^(?:参考文献|参考资料|参考书目|引用文献|文献参考|References?|Bibliography|REFERENCES)\s*[:：]?\s*$", re.I)
_NOTE_LABEL = re.compile(r"^(?:NOTES?|Notes?|注释|脚注|尾注|附注)\s*[:：]?\s*$")
_REF_ENTRY = re.compile(r"^\s*[\[［【](?P<label>\d{1,3})[\]］】]\s*(?P<text>.*)$", re.S)
#: what makes an unnumbered line under a reference label a citation: a GB/T 7714 type
#: mark, a DOI or URL, a year in brackets, volume(issue), or a work title in 《》
_REF_LOOSE = re.compile(r"\[(?:J|M|C|D|R|N|EB/OL|Z|P|S|A)\]|\b(?:doi|DOI)\b|https?://|\(\d{4}\)|\d{4}[,，]\s*\d+\s*\(\d+\)|《[^》]{2,}》")
_NOTE_ENTRY = re.compile(r"^\s*(?:[\[［(（]?(?P<label>\d{1,3}|[①-⑳]|\*)[\]］)）.．、:：]?)\s*(?P<text>\S.*)$", re.S)
_URL = re.compile(r"https?://[^\s<>\"'，。；）)\]]+")


def _url(text: str) -> str | None:
    m = _URL.search(text)
    if not m:
        return None
    return m.group(0).rstrip(".,;:)")


def _claimable(u: Unit) -> bool:
    return not u.role and u.kind in ("line", "list_item")


def extract(units: list[Unit]) -> None:
    """Claim reference and note units (role "reference"/"note", data label/text/url)."""
    n = len(units)
    i = 0
    while i < n:
        u = units[i]
        if not _claimable(u) and not (u.kind == "heading" and not u.role):
            i += 1
            continue
        text = u.key.strip()
        if _REF_LABEL.match(text):
            u.role, u.reason = "removed", "reference_label"
            i = _take_refs(units, i + 1)
            continue
        if _NOTE_LABEL.match(text):
            u.role, u.reason = "removed", "note_label"
            i = _take_notes(units, i + 1)
            continue
        i += 1
    _trailing_refs(units)


def _take_refs(units: list[Unit], i: int) -> int:
    while i < len(units):
        u = units[i]
        if u.role == "removed" or u.kind == "image":
            i += 1
            continue
        if not _claimable(u):
            break
        text = u.text.strip()
        m = _REF_ENTRY.match(text)
        if m:
            _ref(u, m.group("label"), m.group("text"))
        elif _REF_LOOSE.search(text):
            _ref(u, None, text)
        else:
            break
        i += 1
    return i


def _ref(u: Unit, label: str | None, text: str) -> None:
    u.role = "reference"
    u.data.update(label=label, text=text.strip(), url=_url(text))


def _take_notes(units: list[Unit], i: int) -> int:
    while i < len(units):
        u = units[i]
        if u.role == "removed":
            i += 1
            continue
        if not _claimable(u):
            break
        m = _NOTE_ENTRY.match(u.text.strip())
        if not m:
            break
        u.role = "note"
        u.data.update(label=m.group("label"), text=m.group("text").strip())
        i += 1
    return i


def _trailing_refs(units: list[Unit]) -> None:
    """Two or more ``[n]`` lines closing the article are a reference list without a label."""
    run: list[Unit] = []
    for u in reversed(units):
        if u.role == "removed":
            continue
        if _claimable(u) and _REF_ENTRY.match(u.text.strip()) and _REF_LOOSE.search(u.text):
            run.append(u)
            continue
        break
    if len(run) >= 2:
        for u in run:
            m = _REF_ENTRY.match(u.text.strip())
            assert m is not None
            _ref(u, m.group("label"), m.group("text"))
