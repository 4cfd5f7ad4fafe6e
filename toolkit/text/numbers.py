"""Finding statistics in Chinese text: a number with its magnitude and unit, as written.

A key figure is only useful with its unit (78.9万辆, not 78.9) and only honest when a
change keeps both ends (120万 → 90万, not just 90万). Dates, years, list numbers and
citation marks are numbers too, but not statistics, so they are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scripts import TRADITIONAL, both_scripts

_NUM = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_MAG = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)"
_UNIT = (
    r"(?:个百分点|百分点|%|％|‰|倍|成"
    r"|美元|美金|欧元|日元|英镑|港元|港币|韩元|卢布|元|块"
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
#: what stands between the two ends of a change: 缩短到, 降至, 增长了…至
_CHANGE_LINK = re.compile(both_scripts(
    r"[^，,。；;！？!?\d]{0,8}?(?:增至|增长至|增长到|增加到|增加至|提升至|提升到|提高到|提高至|上升至|上升到|升至|涨至|涨到"
    r"|降至|降到|下降至|下降到|降低到|降低至|减少到|减少至|跌至|跌到|压缩至|压缩到|缩短至|缩短到|缩减至|到|至)[^，,。；;！？!?\d]{0,4}"
))
_FROM = re.compile(both_scripts("从"))
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
_LINK = re.compile(both_scripts(r"(?:的|达到|高达|约为|约|达|为|是|超过|超|逾|近|仅为|仅|不足|不到|突破|已|占比?|至|在|有|了|到|由|将|共|累计|合计)+$"))


# --- figures written in Chinese numerals -------------------------------------------
# These patterns run on a simplified copy of the sentence (one character for one, so
# offsets hold): the rules below are written once, in simplified characters.

_CN_CHARS = "零〇一二两三四五六七八九十百千万亿几"
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_PCT = ("个百分点", "百分点", "%", "％", "倍", "成")
_CN_TIME = ("个月", "个小时", "小时", "分钟", "秒钟", "天", "周", "年")
_CN_COUNT = ("个国家和地区", "个国家", "个城市", "个市场", "人次", "个", "家", "款", "名", "人", "位", "项", "辆", "台", "次", "件", "座", "户")
_CN_MONEY = ("美元", "美金", "欧元", "日元", "英镑", "港元", "港币", "韩元", "卢布", "元")
_CN_UNITS = "|".join(sorted((*_CN_PCT, *_CN_TIME, *_CN_COUNT, *_CN_MONEY, "级"), key=len, reverse=True))
#: a Chinese-numeral quantity candidate: 近四成, 三天, 上千家, 数十亿元, 十二个国家;
#: most candidates (一些, 第一, 一个) are turned down by ``_cn_value``
CN_QUANTITY = re.compile(
    rf"(?<![{_CN_CHARS}\d.])(?P<pre>超过|上|数|近|超|逾|过|破)?"
    rf"(?P<n>[{_CN_CHARS}]+(?:[到至~～\-—][{_CN_CHARS}]+)?(?:点[{_CN_DIGITS}]+)?)"
    rf"(?P<approx>多|余)?(?P<unit>{_CN_UNITS})?"
)
#: a quick test on the original sentence: any Chinese numeral at all
_CN_ANY = re.compile(both_scripts(f"[{_CN_CHARS}兩幾]"))
#: 三分之一, 百分之三十, 百分之三点五, 千分之五
CN_FRACTION = re.compile(rf"(?<![{_CN_CHARS}])[{_CN_CHARS}]+分之[{_CN_CHARS}]+(?:点[{_CN_DIGITS}]+)?")
#: 一半 counts only when quantified: 近一半, 超过一半, 减少了一半, 一半以上 (not 另一半)
CN_HALF = re.compile(
    r"(?:(?<=近)|(?<=约)|(?<=超过)|(?<=超)|(?<=逾)|(?<=不到)|(?<=不足)|(?<=将近)|(?<=接近)|(?<=了)"
    r"|(?<=减少)|(?<=下降)|(?<=降低)|(?<=缩短)|(?<=减)|(?<=占))一半|一半(?=以上|以下|左右)"
)
#: characters before a numeral that make it an ordinal, a date, a name or a pointer
#: (第一, 周三, 初五, 双十一, 这两年, 每一天, 前十名, 唯一, 统一), not a statistic
_CN_BEFORE_NOT = frozenset("第周初双这那每某哪其之唯统老再头前礼拜期另")
#: characters after a unit that make it part of another word (年代, 天猫, 九成新, 成本)
_CN_AFTER_NOT = {
    "年": "代级轻纪龄华货会终初底中末前后来度",
    "天": "猫然下空价才生地堂气津前后来",
    "周": "年边末期围前后来",
    "秒": "杀懂变回",
    "个月": "前后来",
    "小时": "前后候",
    "个小时": "前后",
    "分钟": "前后",
    "倍": "速数",
    "成": "本功长熟员果交立就型效绩品新败",
    "家": "长庭族乡园具电居属",
    "人": "民生类工才们性气格物士",
    "元": "素宇年旦气老首化论",
    "名": "义字单列称气牌片额",
}
#: a period named as a window of time rather than measured (过去十年, 未来三年, 十年来)
_CN_WINDOW_BEFORE = re.compile(r"(?:过去|未来|最近|今后|此后|经过|下一个|上一个|这|那|的)$")
_CN_WINDOW_AFTER = re.compile(r"(?:多|余)?(?:来|以来|里|间|之后|之前|后|前|计划|规划|未有之)")
#: what may stand before a lone 一 so that it is a figure (近一倍, 增长了一倍, 约一小时)
_CN_ONE_BEFORE = re.compile(
    r"(?:近|约|超过|超|逾|不到|不足|将近|接近|仅|只需|只要|翻了?|高出|多出"
    r"|(?:增长|增加|提升|提高|下降|减少|降低|缩短|上涨|下跌)了?"
    r"|(?:增|升|涨|降|减少|下降|降低|缩短|缩减|压缩|提升|提高|增长|增加|上升|跌)(?:至|到))$"
)
_CN_ONE_AFTER = re.compile(r"以上|以内|之内|内|左右|多")
#: set phrases made of numerals and units
_CN_IDIOMS = ("十万火急", "十年如一日", "十年磨一剑", "百分之百", "一日千里", "三天打鱼", "千家万户", "万人空巷")
#: traditional -> simplified, one character for one, for the characters the rules use
_TO_SIMPLE = str.maketrans(
    {t: s for s, trads in TRADITIONAL.items() for t in trads}
    | dict(zip("兩幾數國場劃統雙週禮頭貓邊圍殺變員績敗鄉園電屬們氣紀齡華貨終價義稱額論輕", "两几数国场划统双周礼头猫边围杀变员绩败乡园电属们气纪龄华货终价义称额论轻", strict=True))
)


def _cn_has_scale(n: str) -> bool:
    """True for numerals of ten or more (十二, 几十, 三百万): counts worth quoting."""
    return any(c in "十百千万亿" for c in n)


def _cn_bare(n: str) -> bool:
    """百, 千万, 万亿: a magnitude with no digit, vague on its own (百家, 千万别)."""
    return all(c in "百千万亿" for c in n)


def _cn_value(text: str, m: re.Match[str]) -> int | None:
    """Where a Chinese-numeral candidate's value starts, or None to turn it down.

    Precision comes first: small counts (三个问题, 两家公司), lone 一 (一天, 一个),
    ordinals and pointers (第一, 这两年), time windows (过去两年), bare magnitudes
    (百家争鸣, 千万别) and set phrases (三天两头) are not statistics. ``text`` is the
    simplified sentence.
    """
    pre, n, unit = m.group("pre") or "", m.group("n"), m.group("unit")
    start = m.start()
    before = text[max(0, start - 1) : start]
    if before and before in _CN_BEFORE_NOT:
        return None
    after = text[m.end() : m.end() + 1]
    if after and after in _CN_CHARS:  # 三天两头, 千家万户, 三年五载
        return None
    window = text[max(0, start - 2) : m.end() + 3]
    if any(idiom in window for idiom in _CN_IDIOMS):
        return None
    if not n.replace("几", ""):
        return None
    if n[0] in "百千万亿" and not _cn_bare(n.split("点")[0]):
        return None  # 万一, 千百: a numeral never starts with its magnitude
    if pre == "上" and n[0] not in "百千万亿":
        return None  # 上一个, 以上三项, 算不上一个: 上 is vague-large only before 百/千/万/亿
    keep_pre = pre in ("上", "数")
    if _cn_bare(n.split("点")[0]):
        if pre and (unit or any(c in n for c in "万亿")):
            return start
        if unit == "级" or (len(n) >= 2 and unit in _CN_MONEY):
            return m.start("n")
        return None
    value_start = start if keep_pre else m.start("n")
    if unit is None:
        # 两万, 三亿, 五十万: a count with a magnitude needs no unit
        return value_start if any(c in "万亿" for c in n) else None
    if after and after in _CN_AFTER_NOT.get(unit, ""):
        return None
    if unit in _CN_TIME and (
        pre == "近"
        or _CN_WINDOW_BEFORE.search(text[max(0, m.start("n") - 3) : m.start("n")])
        or _CN_WINDOW_AFTER.match(text, m.end())
    ):
        return None  # 过去两年, 近三年, 十年来, 五年多前, 三年计划: a time window, not a measure
    if unit == "级":
        return value_start if any(c in "百千万亿" for c in n) else None
    if unit in _CN_COUNT or unit in _CN_MONEY:
        return value_start if _cn_has_scale(n) or keep_pre else None
    if unit == "年" and len(n) >= 4 and not _cn_has_scale(n):
        return None  # 二〇二四年 is a year
    if n == "一":
        qualified = pre or _CN_ONE_BEFORE.search(text[max(0, start - 4) : start]) or _CN_ONE_AFTER.match(text, m.end())
        return value_start if qualified else None
    return value_start


def _chinese_quantities(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of statistics written in Chinese numerals, outside the ``taken`` spans."""
    if not _CN_ANY.search(text):
        return []
    text = text.translate(_TO_SIMPLE)
    spans: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in (*taken, *spans))

    if "分之" in text:
        for m in CN_FRACTION.finditer(text):
            if any(idiom in text[max(0, m.start() - 2) : m.end() + 2] for idiom in _CN_IDIOMS):
                continue
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end()))
    if "一半" in text:
        for m in CN_HALF.finditer(text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end()))
    for m in CN_QUANTITY.finditer(text):
        if m.group("unit") is None and "万" not in m.group("n") and "亿" not in m.group("n"):
            continue  # 一些, 一起, 三大: no unit and no magnitude, the common case
        start = _cn_value(text, m)
        if start is not None and free(start, m.end()):
            spans.append((start, m.end()))
    return spans


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
#: words right after a figure that qualify it, not what it measures (以上, 的)
_AFTER_FILLER = re.compile(both_scripts(r"^(?:以上|以下|以内|之内|左右|上下|内|的)+"))


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
    words = _head_words(_AFTER_FILLER.sub("", after.group(0)), 8)
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
    is never a figure and 从2021年的4.9%增长到2024年的6% is one change. A change with a
    Chinese-numeral end (从十天缩短到三天, 从12天缩短至三天) is joined after both ends
    are found, since the change pattern reads Arabic digits only.
    """
    original = text
    text = _CALENDAR.sub(lambda m: _MASK * len(m.group(0)), text)
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for m in CHANGE.finditer(text):
        a, b = original[m.start("a") : m.end("a")], original[m.start("b") : m.end("b")]
        if _is_date_or_year(a, text[m.end("a") : m.end("a") + 1]) or _is_date_or_year(b, text[m.end() : m.end() + 1]):
            continue
        found.append(_Found(f"{a} → {b}", m.start("a"), m.end("b"), m.start(), m.end(), "change"))
        taken.append((m.start("a"), m.end("b")))
    for m in QUANTITY.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _is_date_or_year(m.group(0), text[m.end() : m.end() + 1]):
            continue
        value = original[m.start() : m.end()]
        if not _HAS_UNIT.search(value):
            continue
        found.append(_with_aside(original, text, value, m.start(), m.end(), "arabic"))
        taken.append((found[-1].start, found[-1].end))
    for start, end in _chinese_quantities(text, taken):
        found.append(_with_aside(original, text, original[start:end], start, end, "chinese"))
    found.sort(key=lambda f: f.start)
    found = _join_changes(text, found)
    return [Quantity(f.value, f.start, f.end, _subject(text, f.subject_start, f.subject_end)) for f in found]


@dataclass
class _Found:
    """A figure before its subject is looked for (the subject costs a jieba cut)."""

    value: str
    start: int
    end: int
    subject_start: int
    subject_end: int
    kind: str  # "change", "arabic" or "chinese"


def _with_aside(original: str, text: str, value: str, start: int, end: int, kind: str) -> _Found:
    """The figure with a short comparison that follows it: 28分钟(Instagram为96分钟)."""
    aside = _ASIDE.match(text, end)
    if aside:
        value += original[aside.start() : aside.end()].strip()
        end = aside.end()
    return _Found(value, start, end, start, end, kind)


def _join_changes(text: str, found: list[_Found]) -> list[_Found]:
    """Join 从A…降至B into one change when an end is written in Chinese numerals."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and "change" not in (a.kind, b.kind)
            and "chinese" in (a.kind, b.kind)
            and _CHANGE_LINK.fullmatch(text, a.end, b.start)
        ):
            clause_start = max(text.rfind(c, 0, a.start) for c in _STOPS) + 1
            frm = _FROM.search(text, max(clause_start, a.start - 20), a.start)
            if frm:
                out.append(_Found(f"{a.value} → {b.value}", a.start, b.end, frm.start(), b.end, "change"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
