"""Headings: numbering schemes, which numbered lines really are headings, their levels.

Chinese articles number their headings with a handful of schemes (``一、`` ``（一）``
``1.`` ``1.1.`` ``6.2.1.`` ``第一章`` ``第一节`` ``01``). A numbered line is not always a
heading, though: numbered list items and numbered paragraphs use the same marks. So
lines are judged per *run* (a sequence 1, 2, 3 … of one scheme), not one by one:

* a member is *strong* when its text is short and not a sentence, *glued* when a short
  heading runs straight into its first sentence and a safe split point exists, *weak*
  otherwise;
* a run is a heading run when its members are spread over the article (a run whose
  members follow each other line after line is a list) and mostly strong; a run of only
  glued members counts when the same scheme is otherwise clearly used for headings.

Levels come from the order schemes appear in (``一、`` then ``1.`` makes ``1.`` level 2):
a stack of open schemes, where meeting a scheme already on the stack closes everything
below it, and a new scheme opens one level deeper. Explicit headings from markup
(Markdown ``#``, ``<hN>``, docx styles) keep their markup ranks instead and only have
their number parsed out (``一、前置仓出海`` -> number 一, heading 前置仓出海).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import cn_number
from .units import RUN_ON_END, Unit

_CN = "一二三四五六七八九十百零〇两"
#: (scheme, pattern) in matching order: longer forms before the forms they contain
SCHEMES: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^(?P<num>第(?P<n>[{_CN}\d]{{1,4}})章)\s*[:：、.．]?\s*(?P<t>.*)$", re.S)),
    ("jie", re.compile(rf"^(?P<num>第(?P<n>[{_CN}\d]{{1,4}})[节節])\s*[:：、.．]?\s*(?P<t>.*)$", re.S)),
    ("part", re.compile(rf"^(?P<num>第(?P<n>[{_CN}\d]{{1,3}})部分)\s*[:：、.．]?\s*(?P<t>.*)$", re.S)),
    ("cn_dun", re.compile(rf"^(?P<num>(?P<n>[{_CN}]{{1,3}}))\s*[、.．]\s*(?P<t>\S.*)$", re.S)),
    ("cn_paren", re.compile(rf"^[(（]\s*(?P<num>(?P<n>[{_CN}]{{1,3}}))\s*[)）]\s*[、.．]?\s*(?P<t>\S.*)$", re.S)),
    ("dec3", re.compile(r"^(?P<num>\d{1,2}[.．]\d{1,2}[.．](?P<n>\d{1,2}))(?:[.．、]\s*|\s+)(?P<t>\S.*)$", re.S)),
    ("dec2", re.compile(r"^(?P<num>\d{1,2}[.．](?P<n>\d{1,2}))(?:[.．、]\s*|\s+)(?P<t>\S.*)$", re.S)),
    ("dec1", re.compile(r"^(?P<num>(?P<n>\d{1,2}))(?:[.．、](?![\d.．])\s*)(?P<t>\S.*)$", re.S)),
    ("paren", re.compile(r"^[(（](?P<num>(?P<n>\d{1,2}))[)）]\s*(?P<t>\S.*)$", re.S)),
    ("alone", re.compile(r"^(?P<num>(?P<n>0\d|\d{1,2}))$|^(?P<num2>(?P<n2>0\d))\s+(?P<t>\S.*)$", re.S)),
    # 价值一：… 方向二：… (a word + an ordinal + a colon)
    ("ordinal", re.compile(r"^(?P<num>(?P<p>[\u4e00-\u9fff]{1,4}?)(?P<n>[一二三四五六七八九十]{1,2}))\s*[:：]\s*(?P<t>\S.*)$", re.S)),
    ("part_en", re.compile(r"^(?P<num>(?:PART|Part)\s*(?P<n>\d{1,2}))\s*[:：.．]?\s*(?P<t>.*)$", re.S)),
]
#: explicit headings may also be written "1 引言" (space only)
_EXPLICIT_EXTRA = [("dec1", re.compile(r"^(?P<num>(?P<n>\d{1,2}))\s+(?P<t>\S.*)$", re.S))]
#: closing headings that need no number
CLOSING = re.compile(
    r"^(?:写在最后(?:的话)?|寫在最後(?:的話)?|结语|結語|结束语|結束語|结论|結論|总结|總結|小结|小結|尾声|尾聲"
    r"|最后的话|最後的話|最后想说|最後想說|最后|最後|后记|後記|写在后面|寫在後面)[:：]?$"
)
#: a heading longer than this is a sentence
MAX_HEADING = 32
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")
_SPLIT_PUNCT = re.compile(r"[，,。；;：:]")


@dataclass
class Candidate:
    index: int
    scheme: str
    number: str
    value: int
    text: str
    grade: str  # strong, glued, weak
    split: int = 0  # for glued: length of the heading part of ``text``


def parse_number(text: str, *, explicit: bool = False) -> tuple[str | None, str, str, int | None]:
    """(number, heading text, scheme, value) of a heading's text; number None if unnumbered."""
    text = text.strip()
    rules = SCHEMES + (_EXPLICIT_EXTRA if explicit else [])
    for scheme, rx in rules:
        m = rx.match(text)
        if m:
            groups = m.groupdict()
            num = re.sub(r"\s+", "", groups.get("num") or groups.get("num2") or "").replace("．", ".")
            value = cn_number(groups.get("n") or groups.get("n2") or "")
            if scheme == "ordinal":
                scheme = "ordinal:" + m.group("p")
            if value is None:
                continue
            return num, (m.group("t") or "").strip(), scheme, value
    return None, text, "", None


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-&'’]*")


def _visible_len(text: str) -> int:
    """Length as a reader sees it: a Latin word or a number counts as one, spaces not at all."""
    return len(_WORD.sub("w", re.sub(r"\s+", "", text.replace(" ", "")))) if _WORD.search(text) else len(re.sub(r"\s+", "", text))


def _grade(text: str, scheme: str) -> tuple[str, int]:
    """strong / glued (with split length) / weak for a candidate's heading text."""
    t = text.strip()
    if not t:
        return ("strong", 0) if scheme in ("alone", "chapter", "jie", "part", "part_en") else ("weak", 0)
    short = _visible_len(t) <= MAX_HEADING
    if short and "。" not in t and t[-1] not in "。；;…" and t[-1] not in RUN_ON_END and "|" not in t:
        return "strong", 0
    cut = glued_split(t)
    if cut:
        return "glued", cut
    return "weak", 0


def glued_split(t: str) -> int:
    """Where a heading glued to its first sentence ends (0 when no safe point exists).

    Two signals, both inside the first clause (before any , 。 ; :): a figure starting
    the sentence (``…策略失效2018-2023年间,``) or the head noun after the first 的
    (``流量获取与留存的悖论依赖…``: 的 + a two-character noun, skipping a quoted phrase).
    """
    if len(t) <= 16:
        return 0
    m = _CLAUSE_END.search(t)
    clause = t[: m.start()] if m else t
    if len(clause) < 6:
        return 0
    md = re.search(r"(?<=[\u4e00-\u9fff”」》)])\d", clause)
    if md and 6 <= md.start() <= 24 and len(t) - md.start() >= 10:
        return md.start()
    k = clause.find("的")
    if 2 <= k <= 20:
        j = k + 1
        if j < len(clause) and clause[j] in "“「《\"":
            close = re.search(r"[”」》\"]", clause[j + 1 :])
            if not close:
                return 0
            j = j + 1 + close.end()
        end = j + 2
        if end <= 24 and re.fullmatch(r"[\u4e00-\u9fff]{2}", clause[j:end]) and len(clause) - end >= 4 and re.match(r"[\u4e00-\u9fff“「]", clause[end:]):
            return end
    return 0


def _between(units: list[Unit], a: int, b: int) -> int:
    """Units of content between positions a and b (removed furniture does not count)."""
    return sum(1 for u in units[a + 1 : b] if u.role not in ("removed", "skip"))


def detect_plain(units: list[Unit], title: str | None) -> None:
    """Find headings among plain lines; set role/number/heading/level/scheme on them."""
    cands: list[Candidate] = []
    for i, u in enumerate(units):
        if not u.open:
            continue
        number, text, scheme, value = parse_number(u.text)
        if number is None or value is None:
            continue
        grade, split = _grade(text, scheme)
        cands.append(Candidate(i, scheme, number, value, text, grade, split))

    by_scheme: dict[str, list[Candidate]] = {}
    for c in cands:
        by_scheme.setdefault(c.scheme, []).append(c)
    accepted: list[Candidate] = []
    for scheme, members in by_scheme.items():
        # long sentences are never headings; chaining only the others lets a run of
        # headings pass over a numbered list of the same scheme between them
        runs = _runs([c for c in members if c.grade != "weak"])
        strong_total = sum(c.grade == "strong" for c in members)
        scheme_is_heading = strong_total >= 2 and strong_total >= 0.5 * len(members)
        runs = [r[:-1] if r[-1].index == len(units) - 1 else r for r in runs]  # the last line heads nothing
        # runs of two or more first; once one of them is accepted, the scheme is in use
        # for headings in this article and a lone member elsewhere counts as well
        for run in sorted((r for r in runs if r), key=len, reverse=True):
            if _accept(run, units, scheme, scheme_is_heading):
                accepted.extend(run)
                scheme_is_heading = scheme_is_heading or len(run) >= 2
    extra = _bare_headings(units, title, has_numbered=len(accepted) >= 2)
    heads = sorted(accepted + extra, key=lambda c: c.index)
    stack: list[str] = []
    for c in heads:
        u = units[c.index]
        if c.scheme == "bare":
            stack = []
            level = 1
        elif c.scheme in stack:
            del stack[stack.index(c.scheme) + 1 :]
            level = len(stack)
        else:
            stack.append(c.scheme)
            level = len(stack)
        u.role, u.level, u.scheme = "heading", level, c.scheme
        u.number = c.number if c.scheme != "bare" else None
        if c.grade == "glued":
            u.heading = c.text[: c.split].strip()
            u.data["glued_rest"] = c.text[c.split :].strip()
        else:
            u.heading = c.text


def _runs(members: list[Candidate]) -> list[list[Candidate]]:
    runs: list[list[Candidate]] = []
    for c in members:
        if runs and c.value == runs[-1][-1].value + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _accept(run: list[Candidate], units: list[Unit], scheme: str, scheme_is_heading: bool) -> bool:
    """Is this run (strong and glued members only) a run of headings?"""
    strong = sum(c.grade == "strong" for c in run)
    if len(run) >= 2:
        adjacent = sum(_between(units, a.index, b.index) == 0 for a, b in zip(run, run[1:], strict=False))
        if adjacent > (len(run) - 1) / 2:
            return False  # consecutive lines: a numbered list
    else:
        if run[0].grade != "strong":
            return False
        if scheme not in ("chapter", "jie", "part", "cn_dun", "cn_paren", "dec2", "dec3") and not scheme_is_heading:
            return False  # a lone "1." or "(1)" is too common in running text
        if run[0].value != 1 and not scheme_is_heading:
            return False
    if strong == 0 and not scheme_is_heading:
        return False  # glued lines only count where the scheme is clearly a heading scheme
    if run[0].value != 1 and len(run) < 3 and not scheme_is_heading:
        return False  # "3. … 4. …" alone is a list fragment, not an outline
    return True


def _bare_headings(units: list[Unit], title: str | None, *, has_numbered: bool) -> list[Candidate]:
    """Unnumbered headings plain text still shows: the title repeated, closing headings,
    and (in articles without numbered headings) short standalone lines between paragraphs."""
    out: list[Candidate] = []
    for i, u in enumerate(units):
        if not u.open or i == len(units) - 1:
            continue
        text = u.text.strip()
        if title and text == title.strip() and i < 30:
            out.append(Candidate(i, "bare", "", 0, text, "strong"))
        elif has_numbered and CLOSING.match(u.key.strip()):
            out.append(Candidate(i, "bare", "", 0, text.rstrip(":："), "strong"))
    if not has_numbered:
        loose = [i for i in range(len(units)) if _standalone_heading(units, i)]
        if len(loose) >= 2:
            taken = {c.index for c in out}
            out.extend(Candidate(i, "bare", "", 0, units[i].text.strip(), "strong") for i in loose if i not in taken)
    return out


_PARA_END = tuple("。！？!?”」…")
_NOT_HEADING_START = re.compile(r"^(?:[▲△▼●■◆★☆※>*\-•·]|图|表|注|来源|资料来源|数据来源|\d|[A-Za-z]+\s*[:：])")


def _neighbour(units: list[Unit], i: int, step: int) -> Unit | None:
    """The nearest unit before/after ``i`` that is content (furniture skipped)."""
    j = i + step
    while 0 <= j < len(units):
        if units[j].role not in ("removed", "skip"):
            return units[j]
        j += step
    return None


def _standalone_heading(units: list[Unit], i: int) -> bool:
    """A short line, not a sentence, with a finished paragraph before it and one after it."""
    u = units[i]
    if not u.open:
        return False
    text = u.text.strip()
    n = _visible_len(text)
    if not 4 <= n <= 22 or _NOT_HEADING_START.match(text):
        return False
    m = re.search(r"[：:]", text)
    head, colon, tail = (text[: m.start()], m.group(0), text[m.end() :]) if m else (text, "", "")
    if colon and (len(head) < 5 or not 1 <= len(tail) <= 12 or re.search(r"[?？]", tail)):
        return False  # "记者：你怎么看？" is a speaker's line; "深耕成熟市场：香港" a heading
    if re.search(r"[。；;、|]", head + tail) or len(re.findall(r"[，,]", text)) > 1 or text[-1] in "，,！!":
        return False  # (an exclamation on its own line is a voice, not a heading)
    if text.startswith(("“", "「", '"')) and text.endswith(("”", "」", '"')):
        return False  # a quoted remark
    prev = _neighbour(units, i, -1)
    nxt = _neighbour(units, i, 1)
    if prev is None or nxt is None or prev.kind != "line" or nxt.kind != "line" or prev.role or nxt.role:
        return False
    finished = len(prev.text) >= 15 and prev.text.rstrip().endswith(_PARA_END)
    return finished and len(nxt.text) >= max(15, n) and bool(re.search(r"[。！？!?]", nxt.text))


def numbered_lists(units: list[Unit]) -> None:
    """Numbered lines that follow each other (1. 2. 3. on consecutive lines) are a list.

    Runs here are strict: the same scheme, numbers going up by one, no other unit in
    between. The marker keeps its punctuation as written (``1.``, ``（1）``, ``一、``).
    """
    i, n = 0, len(units)
    while i < n:
        run = _list_run(units, i)
        if len(run) >= 2:
            for j, (_number, rest) in run:
                u = units[j]
                marker = u.text.strip()[: len(u.text.strip()) - len(rest)].strip() if rest else u.text.strip()
                u.role, u.marker, u.ordered = "list_item", marker, True
                u.data["text"], u.data["kind"] = rest, "list"
            i = run[-1][0] + 1
        else:
            i += 1


def _list_run(units: list[Unit], i: int) -> list[tuple[int, tuple[str, str]]]:
    run: list[tuple[int, tuple[str, str]]] = []
    scheme, value = "", 0
    for j in range(i, len(units)):
        u = units[j]
        if not u.open:
            break
        number, rest, sch, val = parse_number(u.text)
        if number is None or val is None or sch == "alone" or (run and (sch != scheme or val != value + 1)):
            break
        if not rest:
            break
        run.append((j, (number, rest)))
        scheme, value = sch, val
    return run


def detect_explicit(units: list[Unit]) -> None:
    """Explicit markup headings: number parsed out, level = rank of the markup level."""
    levels = sorted({u.level or 1 for u in units if u.kind == "heading" and not u.role})
    rank = {lv: r + 1 for r, lv in enumerate(levels)}
    for u in units:
        if u.kind != "heading" or u.role:
            continue
        number, text, scheme, _ = parse_number(u.text, explicit=True)
        u.role, u.level, u.scheme = "heading", rank[u.level or 1], scheme or "markup"
        u.number, u.heading = number, text
