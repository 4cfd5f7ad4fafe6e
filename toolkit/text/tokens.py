"""One jieba tokenizer per process.

jieba builds its prefix dictionary in about 0.7 s; doing that per file would dominate
every batch run, so the tokenizer is created lazily on first use and then reused.
Its log output is silenced so CLI output stays clean.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import jieba

_lock = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, initialised once."""
    with _lock:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.dt
        tk.initialize()
        return tk


def cut(text: str) -> list[str]:
    """Words of ``text`` (jieba precise mode, HMM on), whitespace dropped."""
    return [w for w in tokenizer().cut(text) if w.strip()]


def cut_pos(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs, using the same shared dictionary."""
    import jieba.posseg

    tokenizer()
    return [(p.word, p.flag) for p in jieba.posseg.dt.cut(text) if p.word.strip()]
