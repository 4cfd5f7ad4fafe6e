"""Is an article written in simplified or traditional characters, or a mix?

Most Han characters are shared by both scripts; only the ones OpenCC changes tell them
apart. Each distinct character is converted once (s2t and t2s over the set, not over
the text), so the cost is bounded by the alphabet, not the article length.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .units import han_text

#: below this share of the other script's characters an article counts as pure (some
#: characters are valid in both, e.g. 台 which s2t still turns into 臺)
_MIXED_SHARE = 0.2


@lru_cache(maxsize=2)
def _converter(config: str):  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC(config)


def convert_t2s(text: str) -> str:
    """Traditional -> simplified with OpenCC (used to match patterns, not to rewrite text)."""
    return _converter("t2s").convert(text)


def detect_script(text: str) -> str | None:
    """"hans", "hant" or "mixed"; None when the text has no Han characters."""
    counts = Counter(han_text(text))
    if not counts:
        return None
    chars = sorted(counts)
    joined = "\n".join(chars)
    to_hant = _converter("s2t").convert(joined).split("\n")
    to_hans = _converter("t2s").convert(joined).split("\n")
    if len(to_hant) != len(chars) or len(to_hans) != len(chars):  # pragma: no cover - defensive
        return "hans"
    simp = sum(counts[c] for c, t in zip(chars, to_hant, strict=True) if t != c)
    trad = sum(counts[c] for c, s in zip(chars, to_hans, strict=True) if s != c)
    if simp + trad == 0:
        return "hans"
    share = trad / (simp + trad)
    if share < _MIXED_SHARE:
        return "hans"
    if share > 1 - _MIXED_SHARE:
        return "hant"
    return "mixed"
