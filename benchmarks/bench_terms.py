"""Termbase benchmark: loading, compiling the matcher, and finding terms in articles.

The toolkit's matcher (one regex compiled from a trie of all ~1,000 forms) is timed
against two peers in the same run, over the same text and the same forms:

- ``flat regex``: one alternation of all forms, longest first (the obvious way);
- ``pyahocorasick``: a C Aho-Corasick automaton, ``iter_long`` (leftmost-longest),
  when installed (dev extra);
- ``dict scan``: pure Python, at each position try every length from the longest form
  down and look the slice up in a dict.

The peers use the exact Chinese forms only (no case folding or Latin word
boundaries), which is less work than the toolkit does; their match counts on the same
forms are printed so the comparison is honest. Text: the 75 dev articles of
``../shared/corpus/dev/articles`` plus the five seeds, concatenated (repeated to the
target size); without ``../shared``, a text generated from the termbase's own
definitions (cached under ``benchmarks/.data/``).

    .venv/bin/python benchmarks/bench_terms.py [--quick]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"
DATA = ROOT / "benchmarks" / ".data"


def corpus_text(min_chars: int) -> tuple[str, str]:
    """(text, where it came from), at least ``min_chars`` long."""
    files = sorted(SHARED.glob("dev/articles/*.md")) + sorted(SHARED.glob("seeds/*.txt"))
    if files:
        base = "\n".join(f.read_text(encoding="utf-8") for f in files)
        source = f"{len(files)} articles from ../shared/corpus"
    else:
        from toolkit.terms import builtin_entries

        cache = DATA / "terms_text.txt"
        if not cache.exists():
            DATA.mkdir(parents=True, exist_ok=True)
            cache.write_text("\n".join(e.definition for e in builtin_entries()), encoding="utf-8")
        base = cache.read_text(encoding="utf-8")
        source = "termbase definitions (generated; ../shared absent)"
    reps = max(1, -(-min_chars // len(base)))
    return "\n".join([base] * reps), source


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def flat_regex(forms: list[str]) -> Callable[[str], int]:
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return lambda text: sum(1 for _ in pattern.finditer(text))


def dict_scan(forms: list[str]) -> Callable[[str], int]:
    table = set(forms)
    longest = max(map(len, forms))

    def run(text: str) -> int:
        count, i, n = 0, 0, len(text)
        while i < n:
            for size in range(min(longest, n - i), 0, -1):
                if text[i:i + size] in table:
                    count += 1
                    i += size
                    break
            else:
                i += 1
        return count

    return run


def aho_corasick(forms: list[str]) -> Callable[[str], int] | None:
    """pyahocorasick's leftmost-longest iterator, when the package is installed."""
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    return lambda text: sum(1 for _ in automaton.iter_long(text))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    args = parser.parse_args(argv)
    size = 200_000 if args.quick else 2_000_000
    repeat = 2 if args.quick else 3

    from toolkit.terms import Termbase, termbase
    from toolkit.terms.matcher import Matcher

    load_s, _ = best_of(lambda: (termbase._builtin.cache_clear(), Termbase.load()), repeat)
    tb = Termbase.load()
    compile_s, matcher = best_of(lambda: Matcher(tb.entries, english=True), repeat)
    chinese = Matcher(tb.entries, english=False)
    forms = sorted({f for e in tb.entries for f in e.forms})
    text, source = corpus_text(size)
    print(f"termbase: {len(tb)} entries, {len(forms)} Chinese/Latin forms; text: {len(text):,} chars from {source}")
    print(f"load built-in CSV: {load_s * 1000:.1f} ms; compile matcher (with English names): {compile_s * 1000:.1f} ms")

    contenders = {
        "toolkit trie regex (+English)": lambda: sum(1 for _ in matcher.finditer(text)),
        "toolkit trie regex (forms)": lambda: sum(1 for _ in chinese.finditer(text)),
        "peer: flat regex (forms)": (lambda run: lambda: run(text))(flat_regex(forms)),
        "peer: dict scan (forms)": (lambda run: lambda: run(text))(dict_scan(forms)),
    }
    aho = aho_corasick(forms)
    if aho is not None:
        contenders["peer: pyahocorasick iter_long (forms)"] = lambda: aho(text)
    else:
        print("(pyahocorasick not installed: that peer is skipped; pip install pyahocorasick)")
    results = {}
    for name, fn in contenders.items():
        seconds, count = best_of(fn, repeat)
        results[name] = (seconds, count)
    base = results["toolkit trie regex (forms)"][0]
    print(f"{'matcher':38} {'matches':>9} {'seconds':>9} {'Mchars/s':>9} {'time vs toolkit':>16}")
    for name, (seconds, count) in results.items():
        print(f"{name:38} {count:>9,} {seconds:>9.3f} {len(text) / seconds / 1e6:>9.2f} {seconds / base:>15.2f}x")
    speeds = [len(text) / s for s, _ in results.values()]
    print(f"(median throughput {statistics.median(speeds) / 1e6:.2f} Mchars/s; ratios > 1 mean slower than the toolkit)")
    script_coverage(chinese, corpus_text(1)[0])
    return 0


def script_coverage(matcher, text: str) -> None:
    """Share of the terms found in the simplified text also found after OpenCC conversion.

    Traditional readers' text is often OpenCC output, so every conversion's spelling of
    a term must be findable; the peer is the reviewed forms alone (no variants).
    """
    import opencc

    from toolkit.terms import Termbase
    from toolkit.terms.matcher import Matcher

    forms_only = Matcher([replace_variants(e) for e in Termbase.load().entries], english=False)
    base = matcher.count(text)
    total = sum(base.values())
    print(f"terms found again after conversion ({total:,} occurrences in the simplified text):")
    print(f"{'config':8} {'toolkit (forms + variants)':>28} {'peer: reviewed forms only':>27}")
    for config in ("s2t", "s2tw", "s2twp", "s2hk"):
        converted = opencc.OpenCC(config).convert(text)
        row = []
        for m in (matcher, forms_only):
            got = m.count(converted)
            row.append(sum(min(n, got.get(term, 0)) for term, n in base.items()) / total)
        print(f"{config:8} {row[0]:>27.2%} {row[1]:>27.2%}")


def replace_variants(entry):
    from dataclasses import replace

    return replace(entry, variants=())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
