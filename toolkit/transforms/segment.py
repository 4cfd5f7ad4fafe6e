"""Inferred sections for articles that have no headings.

Many articles pasted from WeChat or PDFs arrive as a flat run of paragraphs, yet they
do have parts: the writer changes topic, or starts a new 第一/第二 enumeration. A
briefing, a section digest or an outline needs those parts, so when a document has no
explicit section ``infer_sections`` splits its body:

* at restarts of enumerations: a new 第一 after a 第二 starts a new part; the paragraph
  just before the new 第一 usually introduces it and goes with it (and earlier ones too
  while they are lexically closer to the new part than to the old one);
* at topic shifts found TextTiling-style (Hearst 1997): lexical cohesion between the
  two windows of paragraphs either side of each gap, over jieba tokens weighted by a
  background IDF; gaps in deep valleys of cohesion become boundaries.

Text before the first boundary stays in ``doc.body`` as the article's lead. Each
inferred section is level 1, ``number=None``, ``inferred=True``, and is headed by its
lead clause when that is short and self-contained, else by its key terms. No block is
lost or reordered: the sections are consecutive slices of the old body.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Sequence

from ..model import Block, Document, ListBlock, Paragraph, Quote, Section, block_text
from ..text import similarity
from ..text.scripts import both_scripts
from ..text.sentences import split_sentences
from .keypoints import ENUM_START

#: fewer blocks than this: nothing worth splitting
MIN_BLOCKS = 6
#: an inferred section has at least this many blocks and characters (enumeration
#: restarts are the writer's own structure and may make shorter ones)
MIN_SECTION_BLOCKS = 2
MIN_SECTION_CHARS = 300
#: about one topic boundary per this many characters of text
CHARS_PER_SECTION = 800
#: content words either side of a gap compared by TextTiling
WINDOW = 100
#: longest heading made from a lead clause
HEADING_MAX = 24

_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
#: clauses that cannot stand alone as a heading: adverbials (在…下), back-references (这些)
_NOT_A_HEADING = re.compile(
    both_scripts(
    r"^(?:在|当|从|对于|关于|作为|随着|为了|例如|比如|譬如|如果|假如|虽然|尽管|因为|由于|不管|无论|除了|以前|之前|再有|还有|另一|"
    r"容易|能用|可以|我们|我|你|他|她|有人|据|根据|正如|就像|如同)"
    r"|[下中上时后说道是的了吗呢吧]$|认为|表示|指出|这|那|其|此|该|以上|上述|前者|后者|截图|图片|来源|@"
    )
)
_CONNECTIVE = re.compile(
    both_scripts(
    r"^(?:目前|当前|如今|现在|同时|此外|另外|因此|所以|然而|但是|不过|可见|总之|总的来说|综上|其次|首先|最后|事实上|实际上|其实|而|但)[，,、\s]*"
    )
)


def _ordinal(marker: str) -> tuple[str, int] | None:
    """("di", 2) for 第二, ("shi", 3) for 三是; None for anything else."""
    family = "shi" if marker.endswith("是") else "di"
    digits = marker.strip("第是")
    if not digits or any(c not in _CN_DIGITS for c in digits):
        return None
    if digits == "十":
        return family, 10
    if digits.startswith("十"):
        return family, 10 + _CN_DIGITS[digits[1]]
    if len(digits) == 2 and digits[1] == "十":
        return family, _CN_DIGITS[digits[0]] * 10
    return family, _CN_DIGITS[digits[0]] if len(digits) == 1 else _CN_DIGITS[digits[0]] * 10 + _CN_DIGITS[digits[-1]]


def _enumeration_span(block: Block) -> tuple[str, int, int] | None:
    """(family, first ordinal, last ordinal) when a block is (part of) an enumeration."""
    if isinstance(block, ListBlock) and block.kind == "enumeration" and block.items:
        first = _ordinal(block.items[0].marker.strip(" ,，、:：.．"))
        last = _ordinal(block.items[-1].marker.strip(" ,，、:：.．"))
        if first and last:
            return first[0], first[1], last[1]
        return None
    if isinstance(block, Paragraph):
        m = ENUM_START.match(block.text)
        if m:
            o = _ordinal(m.group("marker") or m.group("shi"))
            if o:
                return o[0], o[1], o[1]
    return None


def _text(block: Block) -> str:
    return "\n".join(block_text(block)) if not isinstance(block, (Paragraph, Quote)) else block.text


def _vectors(blocks: Sequence[Block], simplify: bool = False) -> list[list[str]]:
    return [similarity.words(_text(b), simplify=simplify) for b in blocks]


def _cohesion(words: Sequence[list[str]], gap: int, window: int) -> float:
    """Cosine of the ``window`` words either side of ``gap`` (whole blocks, at least one).

    Windows count words, not blocks, so a run of one-line list items weighs as much
    as one long paragraph.
    """
    left: list[str] = []
    i = gap - 1
    while i >= 0 and (not left or len(left) < window):
        left = words[i] + left
        i -= 1
    right: list[str] = []
    j = gap
    while j < len(words) and (not right or len(right) < window):
        right = right + words[j]
        j += 1
    return similarity.cosine(similarity.vector(left), similarity.vector(right))


def _depths(scores: Sequence[float]) -> list[float]:
    """Hearst's depth score: how far each gap sits below the peaks on either side."""
    out: list[float] = []
    n = len(scores)
    for i, s in enumerate(scores):
        left = s
        for j in range(i - 1, -1, -1):
            if scores[j] < left:
                break
            left = scores[j]
        right = s
        for j in range(i + 1, n):
            if scores[j] < right:
                break
            right = scores[j]
        out.append((left - s) + (right - s))
    return out


def enumeration_boundaries(blocks: Sequence[Block], words: Sequence[list[str]]) -> list[int]:
    """Block indices where a part starts because an enumeration starts again."""
    starts: list[int] = []
    last: dict[str, tuple[int, int]] = {}  # family -> (highest ordinal, block index of it)
    seen_any = False
    for i, block in enumerate(blocks):
        span = _enumeration_span(block)
        if span is None:
            continue
        family, first, top = span
        if family == "shi" and "di" in last:
            continue  # 一是/二是 nested under 第一/第二: not a part of its own
        prev = last.get(family)
        if first == 1 and (prev is None or prev[0] >= 2):
            if prev is None:
                if not seen_any and i > 0:
                    starts.append(i)  # the first enumeration: what precedes is the lead
            else:
                starts.append(_intro_start(prev[1], i, words))
        seen_any = True
        last[family] = (top, i)
    return starts


def _intro_start(last_item: int, restart: int, words: Sequence[list[str]]) -> int:
    """Where the part that begins with the enumeration at ``restart`` really starts.

    The paragraph right before a new 第一 normally introduces it; earlier paragraphs
    after the previous enumeration join it only while they are closer, word-wise, to
    the new part than to the old one.
    """
    if restart - last_item <= 1:
        return restart
    start = restart - 1
    new = similarity.vector([w for ws in words[restart : restart + 2] for w in ws] + list(words[start]))
    old = similarity.vector([w for ws in words[max(0, last_item - 1) : last_item + 1] for w in ws])
    for k in range(restart - 2, last_item, -1):
        vec = similarity.vector(words[k])
        if similarity.cosine(vec, new) > similarity.cosine(vec, old):
            start = k
        else:
            break
    return start


def topic_boundaries(
    blocks: Sequence[Block], words: Sequence[list[str]], fixed: Sequence[int], sizes: Sequence[int]
) -> list[int]:
    """Extra boundaries at the deepest cohesion valleys, spaced out from ``fixed`` ones."""
    n = len(blocks)
    if n < MIN_BLOCKS:
        return []
    gaps = list(range(1, n))
    cohesion = [_cohesion(words, g, WINDOW) for g in gaps]
    depth = _depths(cohesion)
    mean = sum(depth) / len(depth)
    sd = math.sqrt(sum((d - mean) ** 2 for d in depth) / len(depth))
    cutoff = mean + 0.25 * sd
    total = sum(sizes)
    wanted = max(0, round(total / CHARS_PER_SECTION) - len(fixed))
    prefix = [0]
    for s in sizes:
        prefix.append(prefix[-1] + s)

    def far_enough(g: int, chosen: list[int]) -> bool:
        for b in [0, n, *chosen]:
            lo, hi = min(b, g), max(b, g)
            if hi - lo < MIN_SECTION_BLOCKS or prefix[hi] - prefix[lo] < MIN_SECTION_CHARS:
                return False
        return True

    chosen = list(fixed)
    added: list[int] = []
    enum_blocks = {i for i, b in enumerate(blocks) if _enumeration_span(b) is not None}
    for d, g in sorted(zip(depth, gaps, strict=True), key=lambda x: (-x[0], x[1])):
        if len(added) >= wanted or d < cutoff or d <= 0:
            break
        if g in enum_blocks and g - 1 in enum_blocks:
            continue  # never split a running enumeration
        if far_enough(g, chosen):
            chosen.append(g)
            added.append(g)
    return added


#: URLs and bare domains, whose parts are not words of the section
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|cn|net|org|io)\S*", re.IGNORECASE)


def _key_terms_heading(blocks: Sequence[Block], words: Sequence[list[str]], doc_counts: dict[str, int]) -> str:
    """The section's three most distinctive words, as the article writes them.

    Only dictionary words (jieba's IDF table) and Latin words of three letters or
    more qualify: words jieba's HMM pass guessed (从小红, 我用) are often fragments.
    Latin words must occur outside URLs: an image link repeated in a section
    otherwise names it "com、https、woshipm".
    """
    table, _ = similarity.idf_table()
    prose = _URL.sub(" ", "\n".join(_text(b) for b in blocks)).lower()
    counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            if not w.isascii():
                keep = w in table
            else:
                keep = (w in table or len(w) >= 3) and w.lower() in prose
            if keep:
                counts[w] = counts.get(w, 0) + 1
    repeated = {w: c for w, c in counts.items() if c >= 2}
    if len(repeated) >= 3:  # words the section repeats say more than one-off names
        counts = repeated
    ranked = sorted(
        counts.items(),
        key=lambda kv: (-(kv[1] * similarity.weight(kv[0]) * kv[1] / doc_counts.get(kv[0], kv[1])), kv[0]),
    )
    text = "\n".join(_text(b) for b in blocks)
    return "、".join(_as_written(w, text) for w, _ in ranked[:3])


def _as_written(word: str, text: str) -> str:
    """The word as the article writes it: TikTok, not tiktok (Latin words were
    lower-cased for matching), 營收, not 营收 (traditional text was simplified)."""
    if word.isascii():
        m = re.search(re.escape(word), text, re.IGNORECASE)
        return m.group(0) if m else word
    if word in text:
        return word
    simplified = similarity.to_simplified(text)
    at = simplified.find(word)
    if at >= 0 and len(simplified) == len(text):  # t2s kept every offset
        return text[at : at + len(word)]
    return word


def section_heading(blocks: Sequence[Block], words: Sequence[list[str]], doc_counts: dict[str, int]) -> str:
    """A short heading: the section's lead when it is short and stands alone, else key terms.

    An enumeration item's first sentence is the writer's own heading (第一，X。). Any
    other lead sentence serves when it is short; its first clause serves when it reads
    as a statement, not as a set-up (为了…, 例如…, 以前常听…说, dates, open quotes).
    """
    first = next((b for b in blocks if isinstance(b, (Paragraph, Quote, ListBlock))), None)
    if first is not None:
        text = first.items[0].text if isinstance(first, ListBlock) and first.items else _text(first)
        enumerated = bool(ENUM_START.match(text)) or (isinstance(first, ListBlock) and first.kind == "enumeration")
        text = ENUM_START.sub("", text, count=1)
        sentences = split_sentences(text)
        if sentences:
            lead = sentences[0].rstrip("。！？!?；;…，,：:”’\"」』 ")
            if enumerated and 4 <= len(lead) <= HEADING_MAX:
                return lead
            if not sentences[0].endswith(("?", "？")):
                clause = re.split(r"[，,；;：:]", _CONNECTIVE.sub("", lead))[0].strip()
                if 6 <= len(clause) <= HEADING_MAX and _stands_alone(clause):
                    return clause
    return _key_terms_heading(blocks, words, doc_counts) or "…"


def _stands_alone(clause: str) -> bool:
    if _NOT_A_HEADING.search(clause):
        return False
    if clause.count("“") != clause.count("”") or clause.count("《") != clause.count("》"):
        return False
    return not re.search(r"\d", clause) or bool(re.search(r"[\u4e00-\u9fff]{4}", clause))


def infer_sections(doc: Document) -> Document:
    """``doc`` with inferred sections when it has no explicit ones (else unchanged).

    The body is cut at enumeration restarts and topic shifts; blocks before the first
    cut stay in ``body``. Deterministic, and the concatenation of body and section
    bodies is the original body, block for block.
    """
    if doc.sections or len(doc.body) < 3:
        return doc
    blocks = list(doc.body)
    words = _vectors(blocks, similarity.needs_simplifying(doc.meta.script))
    sizes = [len(_text(b)) for b in blocks]
    fixed = enumeration_boundaries(blocks, words)
    extra = topic_boundaries(blocks, words, fixed, sizes)
    cuts = sorted(set(c for c in fixed + extra if 0 < c < len(blocks)) | ({0} if extra and not fixed else set()))
    if not cuts:
        return doc
    doc_counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            doc_counts[w] = doc_counts.get(w, 0) + 1
    sections: list[Section] = []
    for k, start in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(blocks)
        heading = section_heading(blocks[start:end], words[start:end], doc_counts)
        sections.append(Section(number=None, heading=heading, level=1, inferred=True, body=tuple(blocks[start:end])))
    return replace(doc, body=tuple(blocks[: cuts[0]]), sections=tuple(sections))
