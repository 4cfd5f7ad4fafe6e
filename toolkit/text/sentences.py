"""Sentence splitting for Chinese and mixed Chinese/English text.

Summaries, key points and key figures all quote whole sentences, so a bad split shows
up everywhere downstream: a figure cut off from its unit, a summary that ends inside a
book title. The splitter therefore works in two passes: first it *masks* the spans
where a terminator must not end a sentence (URLs, 《书名》, decimals such as 2.63万亿元,
abbreviations such as U.S. or e.g., "1." list numbers), then it splits the masked text
at 。！？!?；… and line ends, keeping closing quotes and brackets with the sentence they
close. Masking replaces characters one for one, so offsets map straight back to the
original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: spans inside which no sentence may end
_PROTECT = re.compile(
    r"""
      (?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff01-\uff5e“”‘’]+   # URLs
    | [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}                  # e-mail
    | 《[^《》\n]{0,80}》                                               # 《书名》
    | \d\.(?=\d)                                                       # decimals 2.63
    | \b(?:[A-Za-z]\.){2,}                                             # U.S. e.g. i.e. a.m.
    | \b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|No|Fig|Vol|pp|al)\.  # abbreviations
    | \b[A-Z]\.(?=\s?[A-Z])                                            # initials: J. Smith
    | ^\s*\d{1,3}\.(?!\d)                                              # "1." list numbers
    """,
    re.VERBOSE | re.MULTILINE,
)

#: sentence terminators: CJK and ASCII; runs count as one (！？, ……, ?!)
_END = re.compile(
    r"""
    (?: [。！？!?；]+ | …+ | \.{3,} | \.(?=\s|$|[\u4e00-\u9fff]) )
    [”’"'」』）)\]】》〉]*
    """,
    re.VERBOSE,
)

_HAS_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@dataclass(frozen=True)
class Span:
    """One sentence and where it sits in the text it was split from."""

    text: str
    start: int
    end: int


def _mask(text: str) -> str:
    """``text`` with protected spans replaced by 'X', same length."""
    return _PROTECT.sub(lambda m: "X" * len(m.group(0)), text)


def split_spans(text: str) -> list[Span]:
    """Sentences of ``text`` with their character offsets.

    Line ends always end a sentence. A piece with no letter, digit or Han character
    (a stray closing quote, a lone ellipsis) is glued to the sentence before it, so no
    character is lost and no "sentence" is punctuation only.
    """
    spans: list[Span] = []
    masked = _mask(text)
    pos = 0
    for line in masked.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cut = 0
        cuts: list[tuple[int, int]] = []
        for m in _END.finditer(line):
            cuts.append((cut, m.end()))
            cut = m.end()
        if cut < len(line):
            cuts.append((cut, len(line)))
        for a, b in cuts:
            s, e = line_start + a, line_start + b
            raw = text[s:e]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            s2, e2 = s + lead, s + lead + len(stripped)
            if spans and not _HAS_WORD.search(stripped) and spans[-1].end >= line_start:
                prev = spans[-1]
                spans[-1] = Span(text[prev.start:e2], prev.start, e2)
                continue
            spans.append(Span(stripped, s2, e2))
    return spans


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order, stripped, none empty.

    >>> split_sentences("营收2.63万亿元。他说：“好！”然后走了")
    ['营收2.63万亿元。', '他说：“好！”', '然后走了']
    """
    return [s.text for s in split_spans(text)]
