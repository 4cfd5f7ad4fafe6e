"""Drafting the mechanical columns of new termbase rows: traditional forms and pinyin.

Run ``python -m toolkit.terms.draft FILE.csv`` after adding rows with only ``term``,
English and definitions: empty ``hant``/``tw``/``hk``/``pinyin`` cells are filled with
OpenCC (s2t, s2twp, s2hk) and pypinyin, and the file is rewritten in place. The result
is a draft: a person must still review polyphones (银行 háng, 重庆 chóng) and brand
names, which keep their official forms whatever OpenCC says. Cells already filled are
never touched, so reviewed rows stay as reviewed; the only addition to a filled cell is
an OpenCC spelling of the term or a variant that is not yet among its forms.
"""

from __future__ import annotations

import csv
import io
import sys
from functools import lru_cache
from pathlib import Path

from ..batch import atomic_write
from .entry import COLUMNS
from .loaders import load_entries


@lru_cache(maxsize=4)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def draft_pinyin(term: str) -> str:
    """Tone-marked pinyin, one syllable per Han character, Latin runs kept as written."""
    from pypinyin import Style, pinyin

    syllables = [item[0] for item in pinyin(term, style=Style.TONE, errors=lambda s: [s])]
    return " ".join(s.strip() for s in syllables if s.strip())


def draft_forms(term: str) -> dict[str, str]:
    """hant by s2tw; tw/hk only where s2twp/s2hk differ from it.

    hant uses s2tw rather than plain s2t because s2t picks OpenCC's etymological
    variants (啓, 羣, 爲, 裏) where Taiwan and Hong Kong both write 啟, 群, 為, 裡/裏.
    """
    hant = _opencc("s2tw").convert(term)
    tw = _opencc("s2twp").convert(term)
    hk = _opencc("s2hk").convert(term)
    return {"hant": hant, "tw": tw if tw != hant else "", "hk": hk if hk != hant else ""}


#: the conversions whose output other people's Traditional text is likely to contain
VARIANT_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")


def draft_variants(term: str, variants: tuple[str, ...], forms: tuple[str, ...] = ()) -> list[str]:
    """The variants plus every OpenCC spelling of the term and variants not yet listed.

    Why OpenCC's spellings, even ones a reviewer would not choose (電商平臺, 內迴圈):
    much Traditional text is itself produced by OpenCC, and the matcher should find the
    term there too. The reviewed forms stay in hant/tw/hk; these only help matching.
    """
    out = list(dict.fromkeys(variants))
    # convert only what is written in simplified: converting a traditional spelling
    # again gives OpenCC's variant characters (群 -> 羣) and would never settle
    simplified = [w for w in (term, *variants) if _opencc("t2s").convert(w) == w]
    for written in simplified:
        for config in VARIANT_CONFIGS:
            converted = _opencc(config).convert(written)
            if converted not in out and converted not in forms and converted != term:
                out.append(converted)
    return out


def draft_file(path: Path) -> int:
    """Fill empty mechanical cells of ``path``; returns how many rows changed."""
    entries = load_entries(path)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    changed = 0
    for entry in entries:
        row = entry.to_row()
        before = dict(row)
        if not (row["hant"] or row["tw"] or row["hk"]):
            row.update(draft_forms(entry.term))
        if not row["pinyin"]:
            row["pinyin"] = draft_pinyin(entry.term)
        forms = (entry.term, row["hant"], row["tw"], row["hk"])
        row["variants"] = ";".join(draft_variants(entry.term, entry.variants, forms))
        changed += row != before
        writer.writerow(row)
    atomic_write(path, out.getvalue())
    return changed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m toolkit.terms.draft FILE.csv [FILE.csv ...]", file=sys.stderr)
        return 2
    for name in args:
        print(f"{name}: {draft_file(Path(name))} rows drafted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
