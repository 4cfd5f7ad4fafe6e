"""A working title for an article that has none.

Plain-text articles often come without a title (the parser rightly leaves
``meta.title`` empty), and a briefing headed by a file name such as
``000_309a2d4caf4016eb`` cannot be sent as it is. The working title is taken from the
article itself, and the briefing marks it as derived, so nobody mistakes it for the
author's.

Where it comes from, best first:

1. The main clause of a top summary sentence: the summariser's best sentences say
   what the article is about. Framing clauses before it (在……背景下, 随着……,
   近年来, 如果……) are skipped; the clause is cut at a clause boundary (，：；—|)
   and kept only when it reads on its own: a subject of its own (no leading 这/其/也/
   但 ...), no first person, balanced quotes, at most ``TITLE_CHARS`` characters. A
   clause that names one of the article's top glossary terms is preferred, so the
   title is about the article's subject and not one of its anecdotes.
2. The top glossary terms: "加拉帕戈斯化 · 比亚迪 · 内循环".

Section headings are not used: a heading names one part of the article (and the
first one is often 引言 or 前言), and the headings the toolkit infers for flat text
are keyword lists or the opening words of a paragraph.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..text.scripts import both_scripts

#: the longest working title, in characters
TITLE_CHARS = 28
#: glossary terms joined when no sentence gives a title, and the terms a title should name
TITLE_TERMS = 3
#: summary sentences (best first) whose clauses are tried
CANDIDATE_SENTENCES = 4
#: the separator between glossary terms in a terms title
TERM_SEPARATOR = " · "

#: traditional forms of characters our cues use that ``both_scripts`` does not know
_EXTRA = {"数": "數", "显": "顯", "换": "換", "话": "話", "边": "邊", "针": "針", "凭": "憑",
          "却": "卻", "则": "則", "几": "幾"}


def _widen(pattern: str) -> str:
    out = both_scripts(pattern)
    for simp, trad in _EXTRA.items():
        out = out.replace(simp, f"(?:{simp}|{trad})")
    return out


#: clause boundaries a title may be cut at; ｜ and | separate a kicker from a statement
_SPLIT = re.compile(r"(——|—|[，,：:；;｜|])")
#: boundaries a title may run on across (a comma); the others end it
_JOINABLE = ("，", ",")

#: clauses that frame the statement after them: when, where, if, according to, firstly ...
_OPENER = re.compile(
    _widen(
        r"""^(?:
        (?:在|于|当|从|自|自从|随着|伴随|伴随着|面对|面临|针对|围绕|围绕着|凭着|凭借|依托|基于|通过|借助|经过|为了|除了|对于|关于|相比|相比于|相比起|相较|相较于|比起|与|和|跟)
            .{0,40}(?:中|下|时|后|前|上|里|外|内|来|间|际|看|言|起|止|到|以后|之后|之前|以前|以外|之外|以来|之际|时候|期间|来看|而言|为例|相比|比较)$
      | 从.{0,30}到
      | 在.{1,10}$
      | .{0,12}(?:作为|以其|凭借|依托).{2,}
      | 随着 | 伴随 | 近年来 | 近些年 | 近几年 | 近年 | 如今 | 现在 | 目前 | 当前 | 当下 | 此前 | 过去 | 去年 | 今年 | 年前 | 前不久 | 最近 | 日前
      | 综合 | 综上 | 总之 | 总的来说 | 总而言之 | 总体来看 | 总体而言 | 整体来看
      | 因此 | 所以 | 因而 | 于是 | 然而 | 但是 | 不过 | 可是 | 同时 | 此外 | 另外 | 另一方面 | 一方面 | 其中 | 其次 | 首先 | 最后 | 再者 | 而且 | 并且
      | 第[一二三四五六七八九十] | 一是 | 二是 | 三是
      | 据 | 根据 | 数据显示 | 报告显示 | 调查显示 | 统计显示 | 资料显示 | 研究表明 | 数据表明
      | 作为 | 例如 | 比如 | 譬如 | 诸如 | 可以说 | 事实上 | 实际上 | 其实 | 显然 | 甚至 | 当然 | 换句话说 | 也就是说 | 简单来说 | 简而言之 | 换言之
      | 通过 | 借助 | 依托 | 凭借 | 凭着 | 基于 | 依靠 | 为了 | 眼看 | 当地时间 | 北京时间
      | 一边 | 另一边 | 一面 | 除了 | 针对 | 围绕 | 面对 | 对于 | 关于 | 至于 | 相比 | 相较 | 比起 | 对比
      | 在.{0,30}(?:时代|阶段|年代|领域|方面|层面|过程|今天|背景|情况|环境|趋势|浪潮|进程|之中)
      | 真要 | 要是 | 如果 | 假如 | 假设 | 倘若 | 若 | 一旦 | 只要 | 只有 | 即使 | 即便 | 哪怕 | 虽然 | 尽管 | 虽 | 由于 | 因为
    )""",
    ),
    re.VERBOSE,
)
#: clauses that make the rest of the sentence conditional: the statement after them is
#: not the article's claim
_CONDITION = re.compile(_widen(r"^(?:真要|要是|如果|假如|假设|倘若|若|一旦|只要|只有|即使|即便|哪怕)"))
#: clauses that end as the set-up of another (……的时候, ……之后, ……的话)
_SUBORDINATE_END = re.compile(
    _widen(r"(?:时|的时候|之时|之际|过程中|背景下|之下|以来|来看|而言|的话|为例|之后|以后|之前|以外|之外|期间|情况下|背后|(?<![落最幕滞延])后|(?<![目当提向超空眼之以])前)$")
)
#: a clause starting like this leans on what came before: no subject of its own
_LEANING = re.compile(
    _widen(
        r"^(?:这|那|它|他|她|其|该|此|彼|而|但|却|也|并|又|还|则|就|才|便|更|都|均|已|正|再|亦|即|乃|是|"
        r"主要|多为|多是|大多|不仅|不只|不但|既|同样|另|对此|对其|为此|因而|从而|进而|以及|或者|或是|甚至|"
        r"最多|至少|最终|终于|仍|依然|始终|一直|往往|通常|常常|总是|将|加上|注意到|可见|看到|发现|值得|需要注意|要知道|不难)"
    )
)
#: conjunctions that may lead a clause joined after a comma
_CONJUNCTION = re.compile(_widen(r"^(?:但是|但|而且|而|却|可是|可|并且|并|且|也)"))
#: the text refers back to something the reader has not seen ("这 3 种", "这些")
_BACK_REFERENCE = re.compile(_widen(r"这(?:些|样|几|\s*\d)|上述|前述|以上|如下|下述|下面"))
#: a clause that waits for its other half: 不仅……(而且), 之所以……(是因为), ……是
_HANGING = re.compile(_widen(r"[。！？!?]|不仅|不只|不但|不光|之所以|^.{1,12}?(?:也|又)|[=×÷]|(?:是|为|包括|在于|即|和|与|及|或|的|把|将|对|给|向|从|在)$"
                             r"|(?:表示|认为|指出|称|说|坦言|透露|提到|强调|介绍|告诉.{0,8})$"))
#: the article or its reader talking, not the subject: never in a title
_FIRST_PERSON = re.compile(_widen(r"^(?:文章|全文|该文)|我|咱|本文|本篇|本报告|这篇文章|笔者|作者|小编|大家|你|您"))
#: a set-up that carries the subject ("小红书作为……平台，"): the clause after it has none
_APPOSITION = re.compile(_widen(r"^.{1,12}(?:作为|以其|凭借|依托)"))
#: a clause that is only a date or a number ("2025年初", "2000年代")
_DATE_ONLY = re.compile(r"^[\d０-９.\s]*(?:年代?|月|日|号)?[初末中底前后]?(?:[\d０-９.\s]*(?:月|日|号)?[初末中底]?)*$")
#: a clause that is only a quoted term ("“加拉帕戈斯化”")
_QUOTED_ONLY = re.compile(r"^[“\"「『《‘'][^“”\"「」『』《》‘’']*[”\"」』》’']$")
_PAIRS = ("“”", "‘’", "《》", "（）", "()", "「」", "『』", "【】", "[]")
_EDGE_MARKUP = re.compile(r"^[\s>#*_`~\-+]+|[\s*_`~]+$")
_END_PUNCT = "。！!…．.；;，,、：: "
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def working_title(sentences: Iterable[str], terms: Sequence[str] = ()) -> str:
    """A working title from an article's best summary sentences and glossary terms.

    Args:
        sentences: summary sentences, best first.
        terms: the article's glossary terms, best first.

    Returns:
        The title, or "" when neither the sentences nor the terms give one.
    """
    top_terms = [t for t in terms[:TITLE_TERMS] if t]
    candidates: list[str] = []
    for sentence in list(sentences)[:CANDIDATE_SENTENCES]:
        title = clause_title(sentence)
        if title and title not in candidates:
            candidates.append(title)
    for title in candidates:
        if any(term in title for term in top_terms):
            return title
    if candidates:
        return candidates[0]
    return terms_title(terms)


def terms_title(terms: Sequence[str]) -> str:
    """The top glossary terms as a title: "加拉帕戈斯化 · 内循环 · 出海"."""
    picked: list[str] = []
    for term in terms:
        term = term.strip()
        # "TikTok" and "TikTok Shop" say the same thing in a title
        if term and not any(term in p or p in term for p in picked):
            picked.append(term)
        if len(picked) == TITLE_TERMS:
            break
    return TERM_SEPARATOR.join(picked)


def clause_title(sentence: str) -> str | None:
    """The main clause of ``sentence`` when it reads as a title on its own, else None.

    Leading framing clauses are skipped; the first clause that is left must stand on
    its own, and the clauses after it that do too are added while the title stays
    within ``TITLE_CHARS`` (only across a comma: a colon or a dash ends it).
    """
    text = _EDGE_MARKUP.sub("", sentence).strip().rstrip(_END_PUNCT)
    if _QUOTED_ONLY.match(text) or (text[:1], text[-1:]) == ("“", "”") and _balanced(text[1:-1]):
        # the whole sentence is a quotation (a kicker): its words, without the marks
        text = text[1:-1].strip().rstrip(_END_PUNCT)
    if not text:
        return None
    parts = _SPLIT.split(text)
    clauses = [c.strip() for c in parts[0::2]]
    seps = parts[1::2] + [""]
    start = 0
    while start < len(clauses) and _is_opener(clauses[start]):
        if _CONDITION.search(clauses[start]) or _APPOSITION.search(clauses[start]):
            return None
        start += 1
    if start == len(clauses) or not _stands_alone(clauses[start]):
        return None
    title = clauses[start]
    for i in range(start, len(clauses) - 1):
        nxt = clauses[i + 1]
        candidate = f"{title}{_comma(seps[i], title, nxt)}{nxt}"
        if seps[i] not in _JOINABLE or len(candidate) > TITLE_CHARS or not _stands_alone(nxt, follower=True):
            break
        title = candidate
    title = title.rstrip(_END_PUNCT)
    return title if len(title) <= TITLE_CHARS and _balanced(title) else None


def _is_opener(clause: str) -> bool:
    """A clause to skip before the statement: framing, empty, a date, a quoted term."""
    return (
        not clause
        or bool(_OPENER.search(clause))
        or bool(_SUBORDINATE_END.search(clause))
        or bool(_DATE_ONLY.match(clause))
        or bool(_QUOTED_ONLY.match(clause))
        or len(_CJK.findall(clause)) < 4
    )


def _stands_alone(clause: str, *, follower: bool = False) -> bool:
    """True when ``clause`` can be read without the sentence around it."""
    if len(_CJK.findall(clause)) < (4 if follower else 5) or len(clause) > TITLE_CHARS:
        return False
    # "但随着……": a set-up for what follows, whatever conjunction leads it
    core = _CONJUNCTION.sub("", clause)
    if any(_OPENER.search(c) for c in (clause, core)) or _SUBORDINATE_END.search(clause) or _DATE_ONLY.match(clause):
        return False
    if _QUOTED_ONLY.match(clause) or _FIRST_PERSON.search(clause) or _BACK_REFERENCE.search(clause):
        return False
    if _is_list(clause):
        return False
    if _HANGING.search(clause):
        return False
    # a clause after a comma may continue the subject ("，下载量飙升"); a first one may not lean
    return follower or not _LEANING.search(clause)


def _is_list(clause: str) -> bool:
    """"SaaS 垂直化、营销自动化、数据安全": an enumeration of short items, not a statement."""
    items = clause.split("、")
    return len(items) >= 3 and all(len(i.strip()) <= 8 for i in items)


def _comma(sep: str, left: str, right: str) -> str:
    """A comma between two Chinese clauses is the full-width one, whatever the source typed."""
    if sep == "," and _CJK.search(left[-1:] + right[:1]) or sep == "," and (left[-1:] in "”’」』》" or right[:1] in "“‘「『《"):
        return "，"
    return sep


def _balanced(text: str) -> bool:
    if any(text.count(a) != text.count(b) for a, b in _PAIRS):
        return False
    return text.count('"') % 2 == 0
