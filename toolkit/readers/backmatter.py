"""References and notes: the apparatus after the article, kept apart from its body.

A reference list starts at a label line (``参考文献:``, ``References``, ``参考资料``) and
runs over ``[n]`` entries (or unnumbered citation-looking lines); a run of two or more
``[n]`` lines ending the article counts even without the label. Notes start at
``NOTES`` / ``注释`` and run over numbered lines (``1本文数据…`` -> label 1).
"""

from __future__ import annotations

import re

from .units import Unit

_REF_LABEL = re.compile(
    r"^(?:参考文献|参考资料|参考书目|引用文献|文献参考|参考文章|参考链接|参考来源|References?|Bibliography|REFERENCES)\s*[:：]?\s*$", re.I
)
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


#: a line that is only an address: under a reference it is that reference's link
_URL_ONLY = re.compile(r"^<?https?://\S+>?$")
#: the longest line an unnumbered ``出处，标题`` reference takes
_MAX_PLAIN_REF = 120


def _plain_ref(text: str) -> bool:
    """A short line that is not a sentence: a ``媒体，标题`` entry of a closing list."""
    return len(text) <= _MAX_PLAIN_REF and not text.endswith(("。", "；", ";", "：", ":", "，", ","))


def _closing(units: list[Unit], i: int) -> bool:
    """Is everything from ``i`` to the end short non-sentence lines (or already removed)?

    Unnumbered entries without a citation mark (``晚点，美国邮政的半日闹剧…``) are only
    taken as references when the label closes the article: a label followed by running
    text or headings is not a list of sources.
    """
    for u in units[i:]:
        if u.role or u.kind == "image":
            continue
        if u.kind not in ("line", "list_item") or not _plain_ref(u.text.strip()):
            return False
    return True


def _take_refs(units: list[Unit], i: int) -> int:
    plain = _closing(units, i)
    last: Unit | None = None
    while i < len(units):
        u = units[i]
        if u.role == "removed" or u.kind == "image":
            i += 1
            continue
        if not _claimable(u):
            break
        text = u.text.strip()
        m = _REF_ENTRY.match(text)
        if _URL_ONLY.match(text) and last is not None and not last.data.get("url"):
            last.data["url"] = _url(text)  # the link line under its entry
            u.role = "skip"
        elif m:
            _ref(u, m.group("label"), m.group("text"))
        elif _REF_LOOSE.search(text) or (plain and _plain_ref(text)):
            _ref(u, None, text)
        else:
            break
        last = u if u.role == "reference" else last
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
