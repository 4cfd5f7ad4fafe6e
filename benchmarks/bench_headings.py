"""Heading detection on flat text: precision / recall / F1 against the source headings.

The 75 dev articles (../shared/corpus/dev/articles/*.md) mark their headings with
``##``/``###``. Each article is flattened to plain text the way a copy-paste would
flatten it (heading lines kept as ordinary lines without ``#``, links reduced to their
text, images and emphasis markup dropped) and read with ``read_text(flat, format="txt")``.
The headings found (non-inferred sections) are compared with the source headings,
after removing spaces and the 、.．:： between number and text.

Peers measured in the same run, so the numbers read as ratios and not against a noisy
clock: a "numbered lines" baseline (every line starting with a numbering scheme is a
heading, which is what a naive regex does) and the markdown reading of the same source.

    .venv/bin/python benchmarks/bench_headings.py [--quick] [--show-misses]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.readers import read, read_text  # noqa: E402
from toolkit.readers.headings import parse_number  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles"
_HINT = re.compile(r"\{% hint[^%]*%\}.*?\{% endhint %\}", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")


def norm(text: str) -> str:
    return re.sub(r"[\s、.．:：*]", "", text)


def clean(line: str) -> str:
    """Markdown inline syntax off: links to text, images, emphasis and escapes dropped."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", line)
    return line.strip()


def flatten(md: str, *, bold: list[str] | None = None) -> tuple[str, list[str]]:
    """(flat text, source headings) of one dev article.

    ``bold`` collects the numbered lines the source sets entirely in bold
    (``**（1）企业用户需求**``): rendered as sub-headings, though not ``##``/``###``.
    """
    md = _HINT.sub("", md)
    lines: list[str] = []
    gold: list[str] = []
    for raw in md.splitlines():
        s = raw.strip()
        if not s or re.fullmatch(r"[-*_]{3,}", s):
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            text = clean(m.group(2))
            if len(m.group(1)) in (2, 3):
                gold.append(text)
            lines.append(text)
            continue
        s = re.sub(r"^>\s?", "", s)
        if bold is not None and re.fullmatch(r"\*\*[^*]+\*\*", s) and parse_number(clean(s))[0] is not None:
            bold.append(clean(s))
        s = clean(s)
        if s:
            lines.append(s)
    return "\n".join(lines) + "\n", gold


def found_headings(flat: str) -> list[str]:
    doc = read_text(flat, format="txt")
    return [(s.number or "") + s.heading for s in doc.walk_sections() if not s.inferred]


def baseline_headings(flat: str) -> list[str]:
    """The naive peer: every line that starts with a numbering scheme is a heading."""
    return [line for line in flat.splitlines() if parse_number(line)[0] is not None]


def score(pairs: list[tuple[list[str], list[str]]]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for found, gold in pairs:
        f = Counter(norm(x) for x in found)
        g = Counter(norm(x) for x in gold)
        hit = sum((f & g).values())
        tp += hit
        fp += sum(f.values()) - hit
        fn += sum(g.values()) - hit
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp, fp, fn


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the first 15 articles")
    ap.add_argument("--show-misses", action="store_true", help="list false positives and misses")
    args = ap.parse_args()
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent")
        return 0
    files = sorted(DEV.glob("*.md"))[: 15 if args.quick else None]
    ours, naive, markup, lenient = [], [], [], []
    t_flat = t_md = 0.0
    for path in files:
        bold: list[str] = []
        flat, gold = flatten(path.read_text(encoding="utf-8"), bold=bold)
        t0 = time.perf_counter()
        found = found_headings(flat)
        t_flat += time.perf_counter() - t0
        ours.append((found, gold))
        lenient.append((found, gold + bold))
        naive.append((baseline_headings(flat), gold))
        t0 = time.perf_counter()
        doc = read(path)
        t_md += time.perf_counter() - t0
        markup.append(([(s.number or "") + s.heading for s in doc.walk_sections() if not s.inferred], gold))
        if args.show_misses:
            f, g = Counter(map(norm, found)), Counter(map(norm, gold))
            for x in (f - g).elements():
                print(f"  FP {path.name}: {x}")
            for x in (g - f).elements():
                print(f"  FN {path.name}: {x}")
    print(f"{len(files)} articles, {sum(len(g) for _, g in ours)} source headings (## and ###)")
    print(f"{'reader':<34}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}")
    for name, pairs in (("flat text, structure.build", ours), ("flat text, numbered-line regex", naive), ("markdown source (explicit #)", markup)):
        p, r, f1, tp, fp, fn = score(pairs)
        print(f"{name:<34}{p:>10.3f}{r:>8.3f}{f1:>7.3f}{tp:>6}{fp:>5}{fn:>5}")
    p, r, f1, tp, fp, fn = score(lenient)
    print(f"{sum(len(b) for _, b in lenient) - sum(len(g) for _, g in ours)} numbered lines set all in bold in the source count as headings too:")
    print(f"{'flat text, structure.build':<34}{p:>10.3f}{r:>8.3f}{f1:>7.3f}{tp:>6}{fp:>5}{fn:>5}")
    print(f"time: flat {t_flat:.2f}s, markdown {t_md:.2f}s (ratio flat/markdown {t_flat / t_md if t_md else 0:.2f})")
    scaling([path.read_text(encoding="utf-8") for path in files], small=2 if args.quick else 5)
    return 0


def scaling(sources: list[str], *, small: int) -> None:
    """structure.build on the flat articles joined, at one size and at ten times it.

    The per-MB cost of the larger input over the smaller is the linearity ratio (1.0 =
    linear; a quadratic pass would show as ~10).
    """
    from toolkit.readers.plain import read_plain
    from toolkit.readers.structure import build

    base = "\n".join(flatten(s)[0] for s in sources)
    rows = []
    for mult in (small, small * 10):
        text = "\n".join([base] * mult)
        raw = read_plain(text)
        t0 = time.perf_counter()
        build(raw)
        dt = time.perf_counter() - t0
        mb = len(text.encode("utf-8")) / 1e6
        rows.append((mb, dt))
        print(f"structure.build on {mb:6.1f} MB of flat text: {dt:6.2f}s = {mb / dt:5.1f} MB/s")
    (mb1, t1), (mb2, t2) = rows
    print(f"cost per MB, large/small: {(t2 / mb2) / (t1 / mb1):.2f} (1.0 = linear)")


if __name__ == "__main__":
    raise SystemExit(main())
