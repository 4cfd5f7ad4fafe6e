"""Term candidates of one article: what the text itself marks as a term, plus statistics.

Authors mark their terms in a few recognisable ways: they define them (所谓X, X是指…,
X概念由…提出,是指…, X的定义:“…”), gloss them in English in brackets
(乌普萨拉国际化模型(Uppsala Model), VOC(Voice of Customer)), put them in quotes
(“加拉帕戈斯化”), or write an abbreviation (GMV, SKU). Each of those is a strong
signal and is kept with where it came from (``origin``). Terms nobody marks are found
statistically: jieba words are joined into multi-word candidates, and each is scored
by a C-value (frequency, discounted when the candidate only occurs inside a longer
one) times how specific its words are (jieba's own IDF table as the background
corpus), so 柔性供应链 outranks 企业.

Everything here works on one Document and returns plain picklable data, so a batch
can extract in worker processes and merge in the parent (see ``glossary.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..model import Document, Figure, Table

_CJK = "\u4e00-\u9fff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9.+&\-]*$")
_URL = re.compile(r"(?:https?://|www\.)\S+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

# -- quoted terms: short, no clause punctuation inside, not a whole sentence ----------
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{2,16})[”」』\"]")
_CLAUSE_PUNCT = re.compile(r"[，,。！？!?；;：:、…()（）\s]")

# -- parenthetical English: 乌普萨拉国际化模型(Uppsala Model), VOC(Voice of Customer) --
_PAREN_EN = re.compile(
    r"(?P<before>[^\s（(]{1,40}?)[（(]\s*(?P<en>[A-Za-z][A-Za-z0-9 .,&'’\-/]{1,80}?)\s*[)）]"
)
_PAREN_ALIAS = re.compile(
    rf"(?P<before>[{_CJK}]{{3,}})[（(]\s*(?P<alias>[A-Za-z0-9]{{2,8}}[{_CJK}]{{1,6}}|[{_CJK}]{{2,8}})\s*[)）]"
)
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&]{1,9})$")
_ROMAN = re.compile(r"^(?:[ivxlcdm]+|[IVXLCDM]+)$")
_EN_FUNCTION = frozenset({"of", "and", "the", "for", "to", "in", "on", "by", "with", "a", "an"})
#: an English function word glued to the next capitalised word ("ofCustomer")
_GLUED = re.compile(r"\b(of|and|for|the|to|in|on|by|with)(?=[A-Z])")

# -- abbreviations: GMV, DAU, C2M, SKU, KOL, MCN, B2B ---------------------------------
_ABBREV = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,5})(?![A-Za-z0-9])")

# -- definitional sentences ------------------------------------------------------------
_Q_OPEN, _Q_CLOSE = "[“「『\"]?", "[”」』\"]?"
_TERM = rf"[{_CJK}A-Za-z0-9·\-]{{2,14}}"
_DEF_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    # 所谓X,就是… / 所谓“X”是指…
    (re.compile(rf"所谓的?{_Q_OPEN}(?P<term>{_TERM}){_Q_CLOSE}[,，]?\s*(?:就是|是指|指的是|即|是)"), 3),
    # X概念由…提出,是指… / X这一概念最早由…提出，指…
    (re.compile(rf"^{_Q_OPEN}(?P<term>{_TERM}){_Q_CLOSE}(?:这一|这个)?(?:概念|理论|模型|术语)(?:最早)?由[^。！？]{{1,40}}?提出[,，]\s*(?:是指|指的是|指|即)"), 3),
    # X是指… / X指的是… / X,即… (at the start of a sentence or clause)
    (re.compile(rf"(?:^|[;；，,])\s*{_Q_OPEN}(?P<term>{_TERM}?){_Q_CLOSE}\s*(?:则|就|也)?(?:是指|指的是|意指|又称|也称|即是)"), 3),
    # X的定义:“…” (the definition is the quoted text)
    (re.compile(rf"(?P<term>{_TERM})的定义(?:是|为)?[:：]\s*[“「](?P<body>[^”」]{{6,}})[”」]"), 3),
    # “X”则更强调… / “X”更强调… (quoted: unquoted, 这种融合更加注重… is no definition)
    (re.compile(rf"[“「『](?P<term>{_TERM})[”」』](?:则|则是)?更?(?:强调|侧重|注重)"), 2),
    # “X”,即… / “X”,借助… : an apposition that explains a quoted term
    (re.compile(rf"[“「『](?P<term>{_TERM})[”」』][,，]\s*(?:即|也就是|就是|指|借助|通过|依靠)"), 1),
)
#: a candidate in the title is what the article is about
TITLE_BOOST = 2.0
#: a word jieba's corpus never saw, relative to the median IDF (new terms, names)
NEW_WORD_IDF = 1.0
#: past this many characters a candidate is more often a phrase than a term
LONG_TERM = 4
#: below this IDF a dictionary word is common usage, not a term (具体, 假设)
COMMON_WORD_IDF = 9.0
#: verbs and particles that end the words before a term (提出了|拥有|作为 ...)
_LEAD_TAGS = {"v", "p", "c", "u", "r", "d", "m", "q", "uj", "ul", "ud", "ug", "uz", "uv", "y", "zg", "ad", "vd"}


@dataclass
class Candidate:
    """One term as found in one article (merged across articles by glossary.py)."""

    term: str
    count: int = 0
    origins: set[str] = field(default_factory=set)
    definition: str | None = None
    definition_strength: int = 0
    context: str | None = None
    english: str | None = None
    aliases: set[str] = field(default_factory=set)
    #: other ways the same term is written in the text (traditional form, other case)
    variants: set[str] = field(default_factory=set)
    #: statistical salience in this article (C-value x specificity), 0 if not scored
    stat: float = 0.0
    in_title: bool = False
    #: the termbase entry's simplified term when this candidate matched one
    termbase_term: str | None = None


@dataclass
class ArticleTerms:
    """All candidates of one article, by term."""

    source: str
    candidates: dict[str, Candidate] = field(default_factory=dict)
    #: True once glossary.prune kept the salient candidates; ``stat`` then holds each
    #: candidate's share of the article's best score
    pruned: bool = False

    def get(self, term: str) -> Candidate:
        found = self.candidates.get(term)
        if found is None:
            found = self.candidates[term] = Candidate(term=term)
        return found


# -- resources loaded once per process --------------------------------------------------


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Generic words that are never glossary terms on their own (whitespace-separated, # comments)."""
    text = resources.files(__package__).joinpath("glossary_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags (word -> flag), without running posseg."""
    from ..text import tokens

    tokens.tokenizer()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (the background corpus) and its median."""
    from ..text import tokens

    tokens.tokenizer()
    import jieba.analyse

    model = jieba.analyse.default_tfidf
    return model.idf_freq, model.median_idf


def idf(word: str) -> float:
    table, median = idf_table()
    found = table.get(word)
    if found is not None:
        return found
    # a word jieba's corpus never saw is usually a new term or a name: rate it high,
    # but Latin tokens (often units, code, English filler) only as the median
    return median if _LATIN_WORD.match(word) else median * NEW_WORD_IDF


def sentences_of(text: str) -> list[str]:
    from ..text.sentences import split_sentences

    return [s.strip() for s in split_sentences(text) if s.strip()]


# -- helpers ------------------------------------------------------------------------------


def normalise_english(text: str) -> str:
    """Tidy an English gloss taken from the text: unglue 'ofCustomer', squeeze spaces."""
    text = _GLUED.sub(r"\1 ", text)
    return re.sub(r"\s+", " ", text).strip(" .,;")


def plausible_term(term: str) -> bool:
    """A quoted or defined string short and term-like enough to be a glossary entry."""
    if len(term) < 2 or len(term) > 16 or _CLAUSE_PUNCT.search(term):
        return False
    if not _HAS_CJK.search(term) and not _ABBREV.fullmatch(term):
        return False
    if term in stopwords() or term.isdigit():
        return False
    # a quoted string with a verb-particle frame is a phrase, not a term (说了算, 走出去了)
    if re.search(r"[了着过吗呢吧啊的]$", term) or term.startswith(("的", "了", "和", "这", "那", "该", "其")):
        return False
    if term[0] in "·•" or term[-1] in "·•":  # ·布斯克: a name cut at its dot
        return False
    if re.search(r"[—–→+/|]", term):  # 平台—工厂, 内容+电商: a chain, not one term
        return False
    cjk = len(_HAS_CJK.findall(term))
    return cjk <= 10


def trailing_term(prefix: str, max_words: int = 4, span: int = 0) -> str | None:
    """The term that ends ``prefix``: its last content words, before any verb or particle.

    ``旗下拥有速卖通`` -> ``速卖通``; ``提出了双边市场`` -> ``双边市场``.

    Args:
        span: how many words the term is known to have (the English gloss's content
            words); up to that many, verbs count as part of the term, since Chinese
            terms often hold one (承诺升级 (Increasing Commitment), 出海).
    """
    from ..text import tokens

    prefix = re.split(r"[，,。！？!?；;：:、“”「」『』\"()（）\s]", prefix.rstrip("”」』\"' "))[-1]
    if not prefix:
        return None
    words = tokens.cut(prefix)
    tags = word_tags()
    dotted = re.search(rf"(?:[·•][{_CJK}]+)+$", prefix)
    if dotted and dotted.start() > 0:
        # a transliterated name (艾伦·伊斯特利) is one term, whatever title comes before
        # it (创始人马克斯·马伦): its given name is the last word before the first dot
        given = tokens.cut(prefix[: dotted.start()])[-1]
        term = given + dotted.group(0) if _HAS_CJK.search(given) else dotted.group(0).lstrip("·•")
        return term if plausible_term(term) else None
    kept: list[str] = []
    for word in reversed(words):
        tag = tags.get(word, "new")
        if len(kept) >= max_words or (tag in _LEAD_TAGS and kept and not (tag == "v" and len(kept) < span)):
            break
        if tag in _LEAD_TAGS and not kept and not (tag == "v" and span):
            # a one-character suffix jieba split off (生态/位, 国际/化) still ends the term
            if len(word) == 1 and _HAS_CJK.match(word) and word not in "的了着过吗呢吧啊和与及或":
                kept.append(word)
                continue
            return None
        kept.append(word)
    # a leading place, person or time word qualifies the term, it is not part of it
    while len(kept) > 1 and tags.get(kept[-1], "") in ("ns", "nr", "nrfg", "t"):
        kept.pop()
    term = "".join(reversed(kept))
    return term if plausible_term(term) else None


# -- the extractors -------------------------------------------------------------------------


def article_units(doc: Document) -> list[str]:
    """The article's running text, headings and captions, as sentences."""
    units: list[str] = []
    if doc.meta.title:
        units.append(doc.meta.title)
    if doc.meta.lead:
        units.extend(sentences_of(doc.meta.lead))
    for section in doc.walk_sections():
        if section.heading:
            units.append(section.heading)
    for _, text in doc.paragraphs():
        units.extend(sentences_of(text))
    for _, block in doc.iter_blocks():
        if isinstance(block, (Table, Figure)) and block.caption:
            units.append(block.caption)
    return units


def _note(found: ArticleTerms, term: str, origin: str, sentence: str) -> Candidate:
    cand = found.get(term)
    cand.origins.add(origin)
    if cand.context is None:
        cand.context = sentence
    return cand


def find_parenthetical(found: ArticleTerms, sentence: str) -> None:
    for match in _PAREN_EN.finditer(sentence):
        english = normalise_english(match.group("en"))
        if len(english) < 2 or _ROMAN.match(english) or re.fullmatch(r"[\d\s.,\-]+", english):
            continue
        before = match.group("before")
        acronym = _ACRONYM_BEFORE.search(before)
        if acronym and not _HAS_CJK.search(acronym.group(1)) and " " in english:
            term = acronym.group(1)
        else:
            content = [w for w in english.split() if w.lower() not in _EN_FUNCTION]
            term = trailing_term(before, span=len(content))
            # a Latin word in brackets after a Chinese phrase is its English only when
            # it looks like a name or a term, not code or a unit
            if term is None or not _HAS_CJK.search(term):
                continue
        cand = _note(found, term, "parenthetical", sentence)
        if cand.english is None:
            cand.english = english
    for match in _PAREN_ALIAS.finditer(sentence):
        term = trailing_term(match.group("before"))
        alias = match.group("alias")
        # an alias shares a character with its term or is an acronym form (OLI范式);
        # 吴艾莉(化名) or 营收(同比) are annotations, not aliases
        related = bool(set(_HAS_CJK.findall(alias)) & set(term or "")) or bool(re.search("[A-Za-z]", alias))
        if term and related and plausible_term(alias) and alias != term:
            cand = _note(found, term, "parenthetical", sentence)
            cand.aliases.add(alias)
            other = _note(found, alias, "parenthetical", sentence)
            other.aliases.add(term)


#: words that make a quoted string a clause or a list, not one term
_CLAUSE_WORDS = frozenset("我 你 他 她 我们 你们 他们 她们 自己 什么 怎么 为什么 吗".split())
_COORDINATORS = frozenset("和 与 及 以及 或 或者 跟".split())


def quoted_phrase(term: str) -> bool:
    """Whether a quoted string is a phrase rather than a term.

    Authors quote slogans and remarks as often as terms: a string with a pronoun or
    question word (你最后悔的事情是什么), a list of two things (木材和木制品, 文化和潮流),
    or a long 的-phrase (未被满足的需求; short ones like 看不见的手 stay) is not a term.
    """
    from ..text import tokens

    words = tokens.cut(term)
    if any(w in _CLAUSE_WORDS for w in words):
        return True
    if len(words) >= 3 and any(w in _COORDINATORS for w in words[1:-1]):
        return True
    return len(term) >= 6 and "的" in words[1:-1]


def find_quoted(found: ArticleTerms, sentence: str) -> None:
    for match in _QUOTED.finditer(sentence):
        term = match.group(1).strip()
        if plausible_term(term) and len(term) < len(sentence) - 2 and not quoted_phrase(term):
            _note(found, term, "quoted", sentence)


def _definable(term: str, sentence: str, match: re.Match[str]) -> bool:
    """Whether a defined-looking term is a term: 具体是指 and 假设是指 are not.

    A quoted term is the author's own marking and always counts; an unquoted one must
    not be a common word of jieba's dictionary (rated by its IDF).
    """
    start = match.start("term")
    if start and sentence[start - 1] in "“「『\"":
        return True
    if "所谓" in match.group(0) or "的定义" in match.group(0) or "概念" in match.group(0):
        return True
    return not (term in word_tags() and idf(term) < COMMON_WORD_IDF)


def _definition_text(sentence: str, match: re.Match[str], term: str) -> str:
    """The defining clause: the quoted definition, or from the term to the clause's end.

    A sentence often defines two terms side by side (“A”是指…;“B”则更强调…), so the
    clause stops at the next semicolon after the match.
    """
    body = match.groupdict().get("body")
    if body:
        return body
    start = match.start("term")
    # the term may have been trimmed (我所说的虚荣式创新 -> 虚荣式创新): start at it
    found = sentence.find(term, start, match.end("term"))
    start = found if found != -1 else start
    if start and sentence[start - 1] in "“「『\"":
        start -= 1
    end = len(sentence)
    for stop in (";", "；"):
        at = sentence.find(stop, match.end())
        if at != -1:
            end = min(end, at + 1)
    return sentence[start:end].rstrip(";；")


def find_definitions(found: ArticleTerms, sentence: str) -> None:
    for pattern, strength in _DEF_PATTERNS:
        for match in pattern.finditer(sentence):
            term = match.group("term")
            quoted = match.start("term") > 0 and sentence[match.start("term") - 1] in "“「『\""
            if not plausible_term(term):
                # 提出了双边市场的定义 -> the term is the last words before 的定义
                term = trailing_term(term) or ""
            elif not quoted:
                # 我所说的虚荣式创新是指… -> 虚荣式创新; 海外仓或者前置仓 -> 前置仓
                term = trailing_term(term, span=2) or term
            if not plausible_term(term) or not _definable(term, sentence, match):
                continue
            definition = _definition_text(sentence, match, term)
            cand = _note(found, term, "defined", sentence)
            if strength > cand.definition_strength:
                cand.definition = definition.strip()
                cand.definition_strength = strength


def find_abbreviations(found: ArticleTerms, sentence: str, ignore: frozenset[str]) -> None:
    for match in _ABBREV.finditer(sentence):
        abbr = match.group(1)
        if abbr in ignore or _ROMAN.match(abbr) or sum(c.isalpha() for c in abbr) < 2:
            continue
        _note(found, abbr, "abbreviation", sentence)


#: characters that start a count or a prepositional phrase, not a term, when jieba's
#: HMM makes a new word of them (每家, 从种 of 从种内竞争)
_COUNT_LEAD = frozenset("个几每各从把被")
#: a numeral and a counted unit (三县, 两家): 二维 or 一阶 in a paper are terms
_COUNT = re.compile("[一二三四五六七八九十百千万两][个家次年月天县村镇省市区人名位件种类项条]")
#: particles that end a phrase, not a term
_PARTICLE_END = frozenset("得的了着过吗呢吧啊")


@lru_cache(maxsize=262144)
def _content(word: str, tag: str, position: str) -> bool:
    """Whether a word may sit at ``position`` (first/inner/last) of a multi-word term."""
    if not (_HAS_CJK.search(word) or tag == "eng+" or _latin_name(word)):
        return False
    if tag == "new" and (word[0] in _COUNT_LEAD or _COUNT.fullmatch(word) or word[-1] in _PARTICLE_END):
        return False  # jieba's HMM glued a count or a particle on: 个村, 三县, 动得
    if tag.startswith("n") or tag in ("vn", "eng", "eng+", "new", "j", "nz", "an", "l"):
        return True
    if position == "first" and tag in ("b", "f", "s", "a") and len(word) >= 2:
        return True
    if position == "inner" and tag == "b" and len(word) >= 2:
        return True
    # a verb may close a term after a noun (姿态控制, 故障诊断) but never sit inside one
    return position == "last" and tag == "v" and len(word) >= 2 and word not in stopwords()


def _words_and_flags(text: str, tags: dict[str, str]) -> tuple[list[str], list[str]]:
    """jieba words of ``text`` (whitespace dropped) with their dictionary tags.

    A capitalised Latin word written right against Chinese (Lyapunov函数) is part of
    a term and tagged ``eng+``; one set off by spaces (the English of a bracketed gloss,
    "Overseas Warehouse") is prose and keeps the plain ``eng`` tag.
    """
    from ..text import tokens

    raw = list(tokens.tokenizer().cut(text))
    words: list[str] = []
    flags: list[str] = []
    for i, word in enumerate(raw):
        if not word.strip():
            continue
        tag = tags.get(word)
        if tag is None:
            if _LATIN_WORD.match(word):
                glued = any(0 <= j < len(raw) and _HAS_CJK.match(raw[j][-1:] if j < i else raw[j][:1]) for j in (i - 1, i + 1))
                # "TikTok Shop在": Shop ends a spaced English name, it is no term alone
                spaced = i > 0 and not raw[i - 1].strip()
                capital = word[:1].isupper() and sum(c.isalpha() for c in word) >= 3
                tag = "eng+" if glued and capital and not spaced else "eng"
            else:
                tag = "new"
        words.append(word)
        flags.append(tag)
    return words, flags


def _latin_name(word: str) -> bool:
    """A Latin token that reads as a name or abbreviation (GMV, TikTok, B2B), not English prose.

    Lower-case and Title-case words in Chinese text are URLs, code or the English of a
    bracketed gloss (海外仓(Overseas Warehouse)); those are not candidates of their own.
    """
    if not _LATIN_WORD.match(word) or sum(c.isalpha() for c in word) < 2:
        return False
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)


#: a fragment whose one-word extension holds at least this share of its occurrences
#: is part of that longer term (城镇职工基本 of 城镇职工基本养老保险), not a term itself
NESTED_SHARE = 0.8
#: ... counted only for candidates seen this often (a one-off proves nothing)
NESTED_MIN_FREQ = 2
#: the most common Chinese surnames: an unknown 2-3 character word led by one and
#: tagged nr by jieba's HMM is a person's name (王昱), not a domain term
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司"
    "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


def _fragment(
    gram: tuple[str, ...], counts: Counter[tuple[str, ...]], index: dict[tuple[str, ...], list[tuple[str, ...]]]
) -> bool:
    """Whether a candidate nearly always occurs extended by one more word (C-value's nested term).

    Only the longest form is the author's term: 城镇职工基本 is always followed by
    养老保险, so the fragment goes and 城镇职工基本养老保险 stays. A fragment that
    also stands alone often enough (养老保险 outside 基本养老保险) is kept.
    """
    freq = counts[gram]
    if freq < NESTED_MIN_FREQ:
        return False
    return any(counts[longer] >= NESTED_SHARE * freq for longer in index.get(gram, ()))


def _extension_index(counts: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each candidate -> the counted candidates one word longer that hold it at an end."""
    index: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for longer in counts:
        if len(longer) > 1:
            index.setdefault(longer[:-1], []).append(longer)
            index.setdefault(longer[1:], []).append(longer)
    return index


_TRAILING_RUN = re.compile(r"[A-Za-z0-9]+$")


_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")


@dataclass
class LatinRuns:
    """The Latin words of one article: how often each stands whole, and its spaced neighbours."""

    runs: Counter[str]
    #: word -> Capitalised words written after it with one space between (Tik -> Tok)
    followed: dict[str, Counter[str]]
    #: word -> Capitalised words written before it with one space between (Tok -> Tik)
    preceded: dict[str, Counter[str]]

    @classmethod
    def of(cls, text: str) -> LatinRuns:
        matches = list(_LATIN_RUN.finditer(text))
        followed: dict[str, Counter[str]] = {}
        preceded: dict[str, Counter[str]] = {}
        for a, b in zip(matches, matches[1:], strict=False):
            if b.start() == a.end() + 1 and text[a.end()] == " ":
                if b.group()[0].isupper():
                    followed.setdefault(a.group(), Counter())[b.group()] += 1
                if a.group()[0].isupper():
                    preceded.setdefault(b.group(), Counter())[a.group()] += 1
        return cls(Counter(m.group() for m in matches), followed, preceded)


def _latin_fragment(text: str, latin: LatinRuns | str) -> bool:
    """Whether a candidate's Latin end is part of a longer Latin name in the text.

    jieba splits ``Tik Tok`` (and ``TikTok`` beside Chinese, now and then) into
    ``Tik`` + ``Tok``: a candidate whose Latin end never stands as a whole word, or
    that is mostly followed (preceded) by the same Capitalised word after a space, is
    a piece of that name.

    Args:
        latin: the article's Latin words (:meth:`LatinRuns.of`), or its text.
    """
    head, tail = _LATIN_RUN.match(text), _TRAILING_RUN.search(text)
    if head is None and tail is None:
        return False
    if isinstance(latin, str):
        latin = LatinRuns.of(latin)
    edges = {m.group() for m in (head, tail) if m}
    if any(latin.runs[edge] == 0 for edge in edges):
        return True  # only ever inside a longer Latin word
    if head is None or head.group() != text:
        return False
    alone = latin.runs[text]
    neighbours = max(
        max(latin.followed.get(text, Counter()).values(), default=0),
        max(latin.preceded.get(text, Counter()).values(), default=0),
    )
    return neighbours >= NESTED_SHARE * alone


@lru_cache(maxsize=65536)
def _person_name(word: str, tag: str | None) -> bool:
    """Whether a single-word candidate reads as a person's name (王昱, 王千源).

    jieba's dictionary tags many plain nouns nr (显微镜, 平方和), so its tag alone
    proves little; a word it does not know, 2-3 characters led by a common surname,
    that its HMM tags nr, is a name. Names the author marks (quotes, definitions) or
    the termbase lists stay through those origins.
    """
    if not 2 <= len(word) <= 3 or word[0] not in _SURNAMES or not _HAS_CJK.fullmatch(word[0]):
        return False
    if tag is not None and tag not in ("nr", "nrfg", "nrt"):
        return False
    from . import english_gloss

    if tag is not None and english_gloss.senses(word):
        return False  # a dictionary word with an English sense (平方和: sum of squares)
    import jieba.posseg

    pairs = list(jieba.posseg.dt.cut(word))
    if len(pairs) == 1:
        return pairs[0].flag in ("nr", "nrfg", "nrt")
    # 贾樟柯 -> 贾/nr + 樟柯: a surname tagged nr before a given name jieba does not know
    return (
        tag is None
        and len(pairs) == 2
        and pairs[0].word == word[0]
        and pairs[0].flag == "nr"
        and pairs[1].word not in word_tags()
    )


def find_statistical(
    found: ArticleTerms, units: Iterable[str], title: str | None, max_words: int = 4, term_filters: bool = True
) -> None:
    """Score multi-word candidates by C-value x specificity and record the salient ones.

    Args:
        term_filters: drop nested fragments (城镇职工基本), candidates with a verb
            inside (竞争转向种间) and person names (王昱), as a glossary wants; keyword extraction turns this off, since author keyword
            lists name both levels of a nested term and often people too.
    """

    tags = word_tags()
    units = list(units)
    stop = stopwords()
    counts: Counter[tuple[str, ...]] = Counter()
    first_sentence: dict[tuple[str, ...], str] = {}
    for unit in units:
        words, flags = _words_and_flags(_URL.sub(" ", unit), tags)
        n = len(words)
        for i in range(n):
            if not _content(words[i], flags[i], "first"):
                continue
            ended = False
            for j in range(i, min(n, i + max_words)):
                if ended:
                    break
                gram = tuple(words[i : j + 1])
                closes = _content(words[j], flags[j], "last") and (
                    j == i or flags[j] != "v" or flags[j - 1].startswith("n") or flags[j - 1] == "vn"
                )
                inner = j == i or _content(words[j], flags[j], "inner")
                if not closes and not inner:
                    break  # a word that cannot sit inside a term ends all longer candidates
                if not closes:
                    continue
                # for a glossary, a verb may close this candidate (姿态控制) but not sit
                # inside a longer one (竞争转向种间): this one is the last from ``i``
                # (author keywords do hold such phrases: 控制系统设计)
                ended = term_filters and not inner
                text = "".join(gram)
                if len(text) < 2 or len(text) > 12:
                    continue
                # names and places (nr, ns) stay: a translator needs them too, and
                # jieba's dictionary tags many plain nouns nr (显微镜, 平方和)
                if len(gram) == 1 and (text in stop or flags[i] in ("s", "f", "a", "b", "v")):
                    continue
                if all(w in stop for w in gram):  # 中国企业, 用户需求: generic + generic
                    continue
                counts[gram] += 1
                first_sentence.setdefault(gram, unit)
    if not counts:
        return
    full_text = "\n".join(units)
    latin = LatinRuns.of(full_text)
    for gram in [g for g in counts if _latin_fragment("".join(g), latin)]:
        del counts[gram]
    if term_filters:
        index = _extension_index(counts)
        dropped = [g for g in counts if _fragment(g, counts, index)]
        dropped += [g for g in counts if len(g) == 1 and _person_name(g[0], tags.get(g[0]))]
        for gram in dropped:
            counts.pop(gram, None)
    # C-value: discount a candidate by the mean frequency of the longer ones holding it
    holders: dict[tuple[str, ...], list[int]] = {}
    for gram, freq in counts.items():
        for size in range(1, len(gram)):
            for start in range(len(gram) - size + 1):
                sub = gram[start : start + size]
                if sub in counts:
                    holders.setdefault(sub, []).append(freq)
    title_text = title or ""
    for gram, freq in counts.items():
        held = holders.get(gram)
        nested = freq - (sum(held) / len(held) if held else 0.0)
        if nested <= 0:
            continue
        text = "".join(gram)
        specificity = sum(idf(w) for w in gram) / len(gram)
        # terms are short: past 6 characters a candidate is more often a phrase
        length_weight = math.log2(len(gram) + 1) * (1.0 if len(text) >= 3 else 0.7) * min(1.0, LONG_TERM / len(text))
        score = length_weight * nested * specificity
        if text in title_text:
            score *= TITLE_BOOST
        cand = found.get(text)
        cand.stat = max(cand.stat, score)
        cand.origins.add("statistical")
        if cand.context is None:
            cand.context = first_sentence[gram]
        cand.in_title = cand.in_title or text in title_text


def count_occurrences(found: ArticleTerms, full_text: str) -> None:
    """Set each candidate's frequency to its occurrences in the whole text (at least 1)."""
    for term, cand in found.candidates.items():
        if not cand.variants and not _LATIN_WORD.match(term):
            cand.count = max(full_text.count(term), 1)
            continue
        # forms may contain each other (阿里巴巴 / 阿里): one pass, longest form first,
        # so no occurrence is counted twice
        parts = []
        for form in sorted({term, *cand.variants}, key=len, reverse=True):
            body = re.escape(form)
            if _LATIN_WORD.match(form):
                body = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
            parts.append(body)
        cand.count = max(len(re.findall("|".join(parts), full_text)), 1)


def extract(
    doc: Document,
    *,
    source: str | None = None,
    matcher: object | None = None,
    statistical: bool = True,
    term_filters: bool = True,
) -> ArticleTerms:
    """All term candidates of one article.

    Args:
        doc: the article.
        source: the name to record in ``sources`` (defaults to ``doc.meta.source_path``).
        matcher: a ``TermMatcher`` (termbase forms) or None for no termbase.
        statistical: also score unmarked multi-word terms.
        term_filters: drop nested fragments and person names from the statistical
            candidates (see :func:`find_statistical`).
    """
    found = ArticleTerms(source=source or doc.meta.source_path or "<text>")
    units = article_units(doc)
    full_text = "\n".join(units)
    ignore = frozenset(w for w in stopwords() if w.isascii())
    for sentence in units:
        find_parenthetical(found, sentence)
        find_quoted(found, sentence)
        find_definitions(found, sentence)
        find_abbreviations(found, sentence, ignore)
    if matcher is not None:
        matcher.scan(found, units)  # type: ignore[attr-defined]
    if statistical:
        find_statistical(found, units, doc.meta.title, term_filters=term_filters)
    title = doc.meta.title or ""
    for cand in found.candidates.values():
        cand.in_title = cand.in_title or (bool(title) and cand.term in title)
    count_occurrences(found, full_text)
    return found


class TermMatcher:
    """Finds every form (simplified, traditional, Taiwan, Hong Kong, variants) of termbase entries.

    A thin adapter over the termbase's own trie-regex matcher (``toolkit.terms.Matcher``:
    leftmost-longest, Latin forms only as whole words, abbreviations case-sensitive),
    recording each hit as a ``termbase`` candidate under the entry's simplified term.
    English names are not matched: in Chinese text they are glosses, found as such.
    """

    def __init__(self, entries: Iterable[object]) -> None:
        from ..terms import Matcher

        self.matcher = Matcher(list(entries), english=False)  # type: ignore[arg-type]

    def scan(self, found: ArticleTerms, units: Iterable[str]) -> None:
        for sentence in units:
            for match in self.matcher.finditer(sentence):
                term = match.entry.term
                cand = _note(found, term, "termbase", sentence)
                cand.termbase_term = term
                if match.text != term:
                    cand.variants.add(match.text)
