"""Bag-of-words vectors over jieba tokens, weighted by a background IDF.

Summaries, section inference and key-term coverage all need "how much do these two
pieces of text talk about the same thing". A word's weight is its count times its IDF
from jieba's own table (``jieba/analyse/idf.txt``, computed on a large general corpus),
so 出海 counts for much more than 进行. The table is loaded once per process. Vectors
are plain dicts: no numpy, and the sparse dot product touches only shared words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from .scripts import traditional_forms

Vector = dict[str, float]

#: function words that carry no topic even though they are two characters long
STOPWORDS = frozenset(traditional_forms(
    """
    我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 这种 那种 一个 一些 一种 没有 不是 就是 还是
    可以 可能 已经 因为 所以 但是 而且 并且 如果 虽然 然而 以及 或者 还有 其中 之后 之前 以后 以前 通过
    进行 对于 关于 由于 成为 作为 目前 现在 当前 同时 此外 因此 不过 只是 而是 甚至 非常 更加 一样 一直
    需要 能够 不能 自己 什么 怎么 如何 为什么 这里 那里 时候 起来 出来 之间 方面 问题 情况 本文 笔者 来说
    有人 能否 是否 之所以 宛如 不断 越来越 比较 相对 一定 进一步 也是 都是 不仅 以上 以下 如下 一起 看看 一下 一次 很多 许多 所有 各种 任何 每个 其他 其它 这么 那么
    the and for with that this from are was were have has not but its their they you your our
    """.split()
))

_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's background IDF table and its median (the weight of unseen words)."""
    import jieba.analyse

    path = Path(jieba.analyse.__file__).with_name("idf.txt")
    table: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    median = values[len(values) // 2] if values else 10.0
    return table, median


def words(text: str, *, simplify: bool = False) -> list[str]:
    """Content words of ``text``, tokenised by the shared jieba tokenizer.

    jieba's dictionary and IDF table are simplified Chinese, so traditional text is
    converted to simplified first when ``simplify`` is set (for matching only: the
    words are never shown).
    """
    from .tokens import cut

    return content_words(cut(to_simplified(text) if simplify else text))


@lru_cache(maxsize=1)
def _t2s():  # noqa: ANN202 - opencc.OpenCC, imported lazily
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def needs_simplifying(script: str | None) -> bool:
    """Whether a document's words must be simplified before matching (meta.script)."""
    return script in ("hant", "mixed")


def content_words(tokens: Iterable[str]) -> list[str]:
    """Tokens that can carry a topic: two or more characters, not a stopword, not punctuation.

    Single Han characters are mostly particles (的, 了, 在); numbers say nothing about
    the topic on their own. Latin words are lower-cased so TikTok and tiktok match.
    """
    out: list[str] = []
    for tok in tokens:
        if len(tok) < 2 or not _WORDLIKE.search(tok):
            continue
        low = tok.lower() if tok.isascii() else tok
        if low in STOPWORDS:
            continue
        out.append(low)
    return out


def weight(word: str) -> float:
    table, median = idf_table()
    return table.get(word, median)


def vector(words: Iterable[str]) -> Vector:
    """TF-IDF vector of already-filtered content words, L2-normalised."""
    counts = Counter(words)
    table, median = idf_table()
    vec = {w: c * table.get(w, median) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm:
        for w in vec:
            vec[w] /= norm
    return vec


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two L2-normalised vectors (their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


def centroid(vectors: Iterable[Mapping[str, float]]) -> Vector:
    """Normalised sum of vectors: what the text as a whole is about."""
    total: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            total[w] = total.get(w, 0.0) + v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {w: v / norm for w, v in total.items()} if norm else total
