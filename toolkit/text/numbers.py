"""Finding statistics in Chinese text: a number with its magnitude and unit, as written.

A key figure is only useful with its unit (78.9万辆, not 78.9) and only honest when a
change keeps both ends (120万 → 90万, not just 90万). Dates, years, list numbers and
citation marks are numbers too, but not statistics, so they are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scripts import both_scripts

_NUM = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_MAG = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)"
_UNIT = (
    r"(?:个百分点|百分点|%|％|‰|倍|成"
    r"|美元|欧元|日元|英镑|港元|港币|韩元|卢布|元|块"
    r"|个月|个小时|小时|分钟|秒|天|周|年"
    r"|人次|亿次|万次|次|辆|台|部|件|个|家|款|名|人|位|篇|项|条|户|单|笔|张|座|套|只|颗|GW|MW|kWh|TB|GB"
    r"|吨|公斤|千克|克|公里|千米|平方米|平米|米|亩|升)"
)
_APPROX = r"(?:多|余|左右|以上|以下|以内|上下)?"
#: one quantity: 2.63万亿元, 12-17天, 82%, 1600万次, 3倍
_QTY = rf"{_NUM}(?:\s*[-~～—–至到]\s*{_NUM})?\s*(?:{_MAG}{_APPROX}{_UNIT}?|{_APPROX}{_UNIT})"
QUANTITY = re.compile(both_scripts(rf"(?<![\d.A-Za-z])(?:{_QTY})(?![A-Za-z\d])"))

#: a change: 从120万骤降至90万, 从2018年的270亿次增至750亿次
CHANGE = re.compile(both_scripts(
    rf"从[^，,。；;！？!?]{{0,20}}?(?P<a>{_QTY})[^，,。；;！？!?\d]{{0,12}}?"
    rf"(?:增至|增长至|增长到|增加到|增加至|提升至|提升到|提高到|提高至|上升至|上升到|升至|涨至|涨到|跃升至|飙升至"
    rf"|降至|降到|下降至|下降到|降低到|降低至|减少到|减少至|跌至|跌到|骤降至|骤降到|压缩至|压缩到|缩短至|缩减至|到|至)"
    rf"[^，,。；;！？!?\d]{{0,6}}?(?P<b>{_QTY})"
))
_MASK = "\uE000"  # a private-use character: never in text, not a letter or digit
#: calendar expressions, masked before figures are looked for (2024年, 3月19日, 10月底)
_CALENDAR = re.compile(both_scripts(
    r"(?:1[89]|20)\d{2}(?:\s*[-~～—–至到]\s*(?:1[89]|20)?\d{2})?\s*年(?:\d{1,2}\s*[-~～—–至到]?\s*\d{0,2}\s*月)?(?:\d{1,2}[日号])?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*(?:[-~～—–至到]\s*\d{1,2}\s*)?月(?=[份底初末中内间])"
))
#: time phrases that are not part of what a figure measures
_TIME_WORDS = re.compile(both_scripts(
    r"(?:在|于|截至|截止)?(?:\uE000+|\d{1,2}月份?|今年|去年|明年|前年|同期|当年)(?:前三季度|上半年|下半年|全年|[一二三四]季度|以来|的)?"
))
_YEAR = re.compile(both_scripts(r"(?:1[89]|20)\d{2}(?:\s*[-~～—–至到]\s*(?:1[89]|20)?\d{2})?\s*年"))
_MONTHS = re.compile(both_scripts(rf"{_NUM}\s*(?:[-~～—–至到]\s*{_NUM})?\s*个?月"))
_OPENING = re.compile(both_scripts(r"^(?:其中|而|但|并且|并|且|同时|另外|此外|然而|等)"))
_HAS_UNIT = re.compile(both_scripts(rf"{_MAG}|{_UNIT}"))
#: a short comparison right after a figure: 28分钟(Instagram为96分钟)
_ASIDE = re.compile(r"\s*[（(][^（）()]{0,30}\d[^（）()]{0,30}[）)]")
#: words between a subject and its figure that are not part of the subject
_LINK = re.compile(both_scripts(r"(?:的|达到|高达|约为|约|达|为|是|超过|超|逾|近|仅为|仅|不足|突破|已|占比?|至|在|有|了|到|由|将|共|累计|合计)+$"))


@dataclass(frozen=True)
class Quantity:
    """A figure found in a sentence."""

    value: str
    start: int
    end: int
    subject: str | None


def _is_date_or_year(value: str, after: str) -> bool:
    """2025年, 2018-2023年间, 3月19日, 10月: calendar expressions, not statistics.

    ``after`` is the character following the value in the text.
    """
    if _YEAR.fullmatch(value):
        return True
    if _MONTHS.fullmatch(value) and after in "日号份底初末中號":
        return True
    return False


_STOPS = "，,。；;：:！？!?（(、—"


def _subject(text: str, start: int, end: int) -> str | None:
    """What a figure measures: the words just before it in its clause, minus linking
    verbs (达, 为, 超过); when the clause starts with the figure, the words after it."""
    clause_start = max(text.rfind(c, 0, start) for c in _STOPS) + 1
    before = text[clause_start:start].strip()
    before = _TIME_WORDS.sub("", before)
    before = _LINK.sub("", before).strip()
    before = _OPENING.sub("", before)
    if len(before) > 14:
        before = _tail_words(before, 14).lstrip("等的和与及、")
    if before and not before.endswith("等"):  # "A、B等6款应用": the subject follows
        return before
    after = re.match(rf"[^{_STOPS}\d]{{1,12}}", text[end:])
    if not after:
        return None
    words = _head_words(after.group(0), 8)
    return words or None


def _words(text: str) -> list[str]:
    from .tokens import tokenizer

    return [w for w in tokenizer().cut(text)]


def _tail_words(text: str, limit: int) -> str:
    """The last whole words of ``text`` that fit in ``limit`` characters."""
    out = ""
    for word in reversed(_words(text)):
        if len(out) + len(word) > limit:
            break
        out = word + out
    return out.strip()


def _head_words(text: str, limit: int) -> str:
    """The first whole words of ``text`` that fit in ``limit`` characters."""
    out = ""
    for word in _words(text):
        if len(out) + len(word) > limit:
            break
        out += word
    return out.strip()


def find_quantities(text: str) -> list[Quantity]:
    """Statistics in ``text`` in order: changes (A → B) first claim their numbers.

    Calendar expressions are masked first (same length, so offsets hold), so a year
    is never a figure and 从2021年的4.9%增长到2024年的6% is one change.
    """
    original = text
    text = _CALENDAR.sub(lambda m: _MASK * len(m.group(0)), text)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in CHANGE.finditer(text):
        a, b = original[m.start("a") : m.end("a")], original[m.start("b") : m.end("b")]
        if _is_date_or_year(a, text[m.end("a") : m.end("a") + 1]) or _is_date_or_year(b, text[m.end() : m.end() + 1]):
            continue
        out.append(Quantity(f"{a} → {b}", m.start("a"), m.end("b"), _subject(text, m.start(), m.end())))
        taken.append((m.start("a"), m.end("b")))
    for m in QUANTITY.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _is_date_or_year(m.group(0), text[m.end() : m.end() + 1]):
            continue
        value = original[m.start() : m.end()]
        if not _HAS_UNIT.search(value):
            continue
        end = m.end()
        aside = _ASIDE.match(text, end)
        if aside:
            value += original[aside.start() : aside.end()].strip()
            end = aside.end()
        out.append(Quantity(value, m.start(), end, _subject(text, m.start(), end)))
        taken.append((m.start(), end))
    out.sort(key=lambda q: q.start)
    return out
