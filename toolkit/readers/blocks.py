"""Blocks inside running text: flattened tables, bilingual captions, lists, enumerations.

* Flattened tables: PDF-to-text and copy-paste turn a table into one cell per line, each
  ending in `` |`` (an empty cell is a bare ``|``). The column count is not written down,
  so it is inferred: the smallest count whose columns are most consistent in kind
  (numbers / words / empty) and length wins.
* Captions: ``Table 1. …`` + ``表1. …`` (either order) label the table that follows;
  ``Figure 1. …`` + ``图1. …`` become one figure with both captions.
* Lists: ①②③, ``1)`` / ``1）``, bullets (``-`` ``•`` ``·``), ``一是/二是``; and
  ``第一,…第二,…`` paragraphs, which carry an article's key points, become enumeration
  items that keep their whole paragraph.
"""

from __future__ import annotations

import re
from statistics import median

from .units import Unit

_CELL = re.compile(r"^(?P<cell>.*?)\s*\|$")
_PIPE_ROW = re.compile(r"^\|?(?:[^|]+\|){2,}[^|]*\|?$")
_FIG_EN = re.compile(r"^(?:Figure|Fig\.?)\s*(?P<n>\d+(?:[.-]\d+)?)\s*[.:：．]?\s*(?P<cap>.*)$", re.I)
_TAB_EN = re.compile(r"^(?:Table|Tab\.?)\s*(?P<n>\d+(?:[.-]\d+)?)\s*[.:：．]?\s*(?P<cap>.*)$", re.I)
_FIG_ZH = re.compile(r"^[图圖]\s*(?P<n>\d+(?:[.-]\d+)?)(?:[.．:：、]\s*|\s+)(?P<cap>\S.*)$")
_TAB_ZH = re.compile(r"^(?:表|表格)\s*(?P<n>\d+(?:[.-]\d+)?)(?:[.．:：、]\s*|\s+)(?P<cap>\S.*)$")
_NUMERIC = re.compile(r"^[−\-+]?[\d,，.．]+%?$|^[−\-+]?\d[\d,.]*\s*[%万亿元美]*$")

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ITEM_RULES: list[tuple[re.Pattern[str], bool, str]] = [
    (re.compile(rf"^(?P<m>[{CIRCLED}])\s*(?P<t>.*)$", re.S), True, "list"),
    (re.compile(r"^(?P<m>\d{1,2}[)）])\s*(?P<t>\S.*)$", re.S), True, "list"),
    (re.compile(r"^(?P<m>[-•·●▪■◆◇○*+])\s+(?P<t>\S.*)$", re.S), False, "list"),
    (re.compile(r"^(?P<m>[•●▪■◆◇])\s*(?P<t>\S.*)$", re.S), False, "list"),
    (re.compile(r"^(?P<m>[一二三四五六七八九十]是)(?P<t>.+)$", re.S), True, "enumeration"),
]
_ENUM = re.compile(r"^(?P<m>第(?P<n>[一二三四五六七八九十]{1,3}))(?:[,，、:：.．]|是|步[,，、:：]?|点[,，、:：])")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十三 -> 23, 百 numbers up to 999; None when not a numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, cur = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


# --- tables and figures -------------------------------------------------------------


def _cell_kind(cell: str) -> str:
    if not cell:
        return "empty"
    if _NUMERIC.match(cell.replace(" ", "")):
        return "num"
    return "text"


def _column_score(cells: list[str], cols: int) -> float:
    """How consistent the columns are when ``cells`` is cut into rows of ``cols``."""
    rows = [cells[i : i + cols] for i in range(0, len(cells), cols)]
    body = rows[1:] if len(rows) > 2 else rows
    score = 0.0
    for c in range(cols):
        column = [r[c] for r in body]
        kinds = [_cell_kind(x) for x in column if x]
        if kinds:
            top = max(kinds.count(k) for k in set(kinds))
            score += top / len(kinds)
        else:
            score += 0.5
        lengths = [len(x) for x in column if x]
        if len(lengths) > 1:
            med = median(lengths) or 1
            spread = sum(abs(v - med) for v in lengths) / len(lengths) / med
            score += 0.25 * max(0.0, 1.0 - spread)
    return score / cols


def infer_columns(cells: list[str]) -> int:
    """The column count of a flattened table (1 when no count divides evenly)."""
    n = len(cells)
    candidates = [c for c in range(2, min(n, 12) + 1) if n % c == 0 and n // c >= 2]
    if not candidates:
        return 1
    best, best_score = candidates[0], -1.0
    for c in candidates:
        s = _column_score(cells, c)
        if s > best_score + 0.1:  # more columns only when clearly more consistent
            best, best_score = c, s
    return best


def caption_of(u: Unit) -> tuple[str, str, str, str] | None:
    """(what, lang, number, caption) for a caption line, else None."""
    if u.role or u.kind != "line" or len(u.text) > 150 or u.text.rstrip().endswith("。"):
        return None
    text = u.text.strip()
    for what, lang, rx in (("figure", "en", _FIG_EN), ("table", "en", _TAB_EN), ("figure", "zh", _FIG_ZH), ("table", "zh", _TAB_ZH)):
        m = rx.match(text)
        if m:
            if lang == "en" and not re.match(r"^(?:Figure|Fig|Table|Tab)\b", text, re.I):
                return None
            return what, lang, m.group("n"), m.group("cap").strip()
    return None


_IMAGE_NOTE = re.compile(r"^[▲△]|图源|图片来源|图片来自|来源[:：]|截图|^图\s*[/丨|]|^(?:制图|图注|摄影?)\s*[:：/丨|]")


def tables_and_figures(units: list[Unit]) -> None:
    """Rebuild flattened tables, pipe-row tables, and pair bilingual captions."""
    _inline_emoji(units)
    _flattened_tables(units)
    _captions(units)
    _image_notes(units)


def _is_emoji(alt: str) -> bool:
    """Alt text that is only pictographs (flags, symbols, their joiners and selectors)."""
    import unicodedata

    return 0 < len(alt) <= 8 and all(unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") for ch in alt)


def _inline_emoji(units: list[Unit]) -> None:
    """An image whose alt is an emoji is a character of the line after it, not a figure.

    Publishing systems (WordPress's ``s.w.org/images/core/emoji``) swap emoji for small
    images whose alt is the emoji itself; the reader splits the line at the image. The
    emoji goes back in front of the text it started; with no line after it, it is kept
    in ``removed`` as ``emoji``.
    """
    for i, img in enumerate(units):
        alt = img.text.strip()
        if img.kind != "image" or img.role or not _is_emoji(alt):
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        img.role = "removed"
        img.reason = "emoji"
        if nxt is not None and nxt.open:
            nxt.text = alt + nxt.text
            if "key" in nxt.data:
                nxt.data["key"] = alt + nxt.data["key"]
            img.role = "skip"


def _image_notes(units: list[Unit]) -> None:
    """A short line under an image saying what it shows or where it is from is its caption."""
    for i, u in enumerate(units[1:], start=1):
        img = units[i - 1]
        if img.kind != "image" or img.role or not u.open:
            continue
        text = u.text.strip()
        if len(text) <= 60 and _IMAGE_NOTE.search(u.key.strip()):
            _caption_image(img, caption=text)
            u.role = "skip"


def _caption_image(img: Unit, **caption: str | None) -> None:
    """Make an image the figure its caption line describes; its alt text goes to ``removed``.

    Pages write the same picture twice: the ``alt`` of the image and a caption line under
    it (``图1 …``, ``▲ 图源：…``). They are one figure, whose words come from the caption
    line. The alt text is input text all the same (often a shorter or other description,
    sometimes a repeat of the caption, which the nothing-lost count still counts twice), so
    it is kept in ``removed`` as ``image_alt`` rather than dropped.
    """
    img.role = "figure"
    img.data.update(caption)
    alt = img.text.strip()
    if alt:
        img.data["alt_removed"] = alt


#: what does not count when comparing alt text with the title (spaces, punctuation, 原创 marks)
_ALT_NOISE = re.compile(r"[\s\W_]+|原创")


def title_alts(units: list[Unit], title: str | None) -> None:
    """An image whose alt text only repeats the article title has no caption.

    Publishing systems fill every image's ``alt`` with the post title (``原创 | 标题``);
    as a caption that says nothing about the picture, and repeated on each figure it
    reads as chrome. The figure keeps its src; the alt goes to ``removed`` as
    ``image_alt`` so no input text is lost.
    """
    key = _ALT_NOISE.sub("", title or "")
    if len(key) < 4:
        return
    # a title with a subtitle (``主题—副题``, ``栏目｜主题``): an alt may repeat one part of it
    parts = {p for p in (_ALT_NOISE.sub("", x) for x in re.split(r"[—–:：|｜]+", title or "")) if len(p) >= 6}
    for u in units:
        if u.kind != "image" or u.role or not u.text.strip():
            continue
        alt = _ALT_NOISE.sub("", u.key)
        if (key in alt and len(alt) <= len(key) + 4) or alt in parts:
            u.role = "figure"
            u.data["alt_removed"] = u.text.strip()


def _line_type(u: Unit) -> str:
    """"row" for a whole table row on one line, "cell" for a flattened cell, else ""."""
    if u.role or u.kind != "line":
        return ""
    t = u.text.strip()
    if (t.startswith("|") and t.endswith("|") and t.count("|") >= 3) or (not t.endswith("|") and t.count(" | ") >= 2):
        return "row"
    if _CELL.match(t) and len(t) <= 200:
        return "cell"
    return ""


def _flattened_tables(units: list[Unit]) -> None:
    i, n = 0, len(units)
    while i < n:
        kind = _line_type(units[i])
        if not kind:
            i += 1
            continue
        j = i
        while j < n and _line_type(units[j]) == kind:
            j += 1
        run = units[i:j]
        if kind == "row" and len(run) >= 2:
            rows = [tuple(c.strip() for c in v.text.strip().strip("|").split("|")) for v in run]
            rows = [r for r in rows if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
            _make_table(run, tuple(rows))
        elif kind == "cell" and len(run) >= 4:
            cells = [_CELL.match(v.text.strip()).group("cell").strip() for v in run]  # type: ignore[union-attr]
            cols = infer_columns(cells)
            rows = tuple(tuple(cells[k : k + cols]) for k in range(0, len(cells), cols))
            _make_table(run, rows)
        i = j


def _make_table(run: list[Unit], rows: tuple[tuple[str, ...], ...]) -> None:
    head = run[0]
    head.role = "table"
    head.data["rows"] = rows
    for v in run[1:]:
        v.role = "skip"


def _captions(units: list[Unit]) -> None:
    n = len(units)
    for i, u in enumerate(units):
        cap = caption_of(u)
        if cap is None:
            continue
        what, lang, num, text = cap
        # the other-language caption with the same number right after
        pair = None
        if i + 1 < n:
            other = caption_of(units[i + 1])
            if other and other[0] == what and other[2] == num and other[1] != lang:
                pair = units[i + 1]
                pair_text = other[3]
        label = ("图" if what == "figure" else "表") + num
        zh = text if lang == "zh" else (pair_text if pair else None)
        en = text if lang == "en" else (pair_text if pair else None)
        if what == "table":
            target = _next_table(units, i + (2 if pair is not None else 1))
            if target is None:
                # a Chinese table caption with nothing to label stays text; an English one is kept as caption text
                if lang == "zh" and pair is None:
                    continue
                u.role = "table"
                u.data.update(rows=(), label=label, caption=zh, caption_en=en)
            else:
                target.data.update(label=label, caption=zh, caption_en=en)
                u.role = "skip"
                u.data["merged_text"] = True
        else:
            img = _prev_image(units, i)
            if img is not None:
                _caption_image(img, label=label, caption=zh, caption_en=en)
                u.role = "skip"
            else:
                u.role = "figure"
                u.data.update(label=label, caption=zh, caption_en=en)
        if pair is not None:
            pair.role = "skip"


def _next_table(units: list[Unit], start: int) -> Unit | None:
    for v in units[start : start + 3]:
        if v.role == "table" or (v.kind == "table" and not v.role):
            return v
        if v.role not in ("removed", "skip"):
            return None
    return None


def _prev_image(units: list[Unit], i: int) -> Unit | None:
    if i > 0 and units[i - 1].kind == "image" and not units[i - 1].role:
        return units[i - 1]
    return None


# --- lists ---------------------------------------------------------------------------


def list_item(text: str) -> tuple[str, str, bool, str] | None:
    """(marker, text, ordered, kind) when a line is a list item."""
    for rule, ordered, kind in _ITEM_RULES:
        m = rule.match(text)
        if m:
            return m.group("m"), m.group("t").strip(), ordered, kind
    return None


def lists(units: list[Unit]) -> None:
    """Mark list items and 第一/第二 enumeration paragraphs (grouped when assembling)."""
    _marked_items(units)
    _unmarked_items(units)


def _unmarked_items(units: list[Unit]) -> None:
    """Short lines ending in ；, closed by one ending in 。, after a colon or a heading.

    ``但实际运营中:`` followed by ``AI翻译准确率仅82%,…;`` ``合作物流商丢件率…。``: the
    colon (or a heading) announces the items and the semicolons separate them; the first
    line ending in 。 closes the list. Without semicolons nothing is a list, so a colon
    followed by ordinary paragraphs stays as it is.
    """
    i, n = 0, len(units)
    while i < n:
        u = units[i]
        if u.role == "heading":
            intro = u.data.get("glued_rest", "")
            after_heading = not intro
        else:
            intro, after_heading = (u.text if u.open else ""), False
        if not (after_heading or intro.rstrip().endswith((":", "："))):
            i += 1
            continue
        items: list[Unit] = []
        for v in units[i + 1 : i + 13]:
            end = v.text.rstrip()[-1:] if v.open else ""
            if len(v.text) > 100 or end not in ("；", ";", "。"):
                break
            items.append(v)
            if end == "。":
                break
        semis = sum(v.text.rstrip()[-1] in "；;" for v in items)
        if len(items) >= 2 and semis >= (2 if after_heading else 1):
            for v in items:
                v.role, v.marker, v.ordered = "list_item", "", False
                v.data["text"], v.data["kind"] = v.text.strip(), "list"
            i += len(items)
        i += 1


def _marked_items(units: list[Unit]) -> None:
    for u in units:
        if not u.open:
            continue
        text = u.text.strip()
        m = _ENUM.match(text)
        if m and cn_number(m.group("n")) is not None:
            u.role, u.marker, u.ordered = "enumeration", m.group("m"), True
            u.data["value"] = cn_number(m.group("n"))
            u.data["kind"] = "enumeration"
            continue
        item = list_item(text)
        if item:
            marker, body, ordered, kind = item
            u.role, u.marker, u.ordered = "list_item", marker, ordered
            u.data["text"] = body
            u.data["kind"] = kind
