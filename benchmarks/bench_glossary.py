"""Glossary benchmark: keyword quality on CSL against jieba, and batch speed.

Quality: on ``../shared/data/csl/csl_dev.jsonl`` (1,000 Chinese scientific abstracts
with their authors' keywords), keyword F1@5 of the toolkit's extraction with NO
termbase (``toolkit.transforms.glossary.keywords``) against jieba's
``analyse.extract_tags`` (TF-IDF) and ``analyse.textrank``, all given the same text
(title + abstract) in the same run. Primary metric: exact match of the predicted
string with an author keyword, macro-averaged over abstracts (P = hits/5,
R = hits/len(keywords)). Also reported: the same score on rows 300-999 only, since the
toolkit's few scoring constants were tuned on rows 0-299.

Speed: ``toolkit glossary DIR -o out.json --jobs N`` on 1,000 article files (the 75
dev articles of ``../shared/corpus/dev/articles`` replicated under
``benchmarks/.data/glossary_articles``; git-ignored), N = 1 and 2, as articles/s,
with jieba's ``extract_tags`` over the same 1,000 texts in one process as the peer.

    .venv/bin/python benchmarks/bench_glossary.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CSL = SHARED / "data" / "csl" / "csl_dev.jsonl"
DEV = SHARED / "corpus" / "dev" / "articles"
DATA = ROOT / "benchmarks" / ".data" / "glossary_articles"
TUNED_ROWS = 300


def f1_at_k(pred: list[str], gold: list[str]) -> float:
    hits = len(set(pred) & set(gold))
    if not hits:
        return 0.0
    precision, recall = hits / len(pred), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def quality(limit: int | None) -> dict[str, dict[str, float]]:
    import jieba.analyse

    from toolkit.model import Document, Meta, Paragraph
    from toolkit.text import tokens
    from toolkit.transforms.glossary import keywords

    tokens.tokenizer()
    rows = [json.loads(line) for line in CSL.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    methods = {
        "toolkit": lambda r: keywords(Document(meta=Meta(title=r["title"]), body=(Paragraph(text=r["abstract"]),)), 5),
        "jieba.extract_tags": lambda r: jieba.analyse.extract_tags(r["title"] + "。" + r["abstract"], topK=5),
        "jieba.textrank": lambda r: jieba.analyse.textrank(r["title"] + "。" + r["abstract"], topK=5),
    }
    out: dict[str, dict[str, float]] = {}
    for name, fn in methods.items():
        start = time.perf_counter()
        scores = [f1_at_k(fn(r), r["keywords"]) for r in rows]
        seconds = time.perf_counter() - start
        held = scores[TUNED_ROWS:]
        out[name] = {
            "f1@5": sum(scores) / len(scores),
            "f1@5_heldout": sum(held) / len(held) if held else float("nan"),
            "docs_per_s": len(rows) / seconds,
        }
    return out


def make_articles(count: int) -> list[Path]:
    """``count`` article files: the dev articles replicated (each copy a distinct file)."""
    sources = sorted(DEV.glob("*.md"))
    if not sources:
        raise SystemExit(f"no dev articles in {DEV}")
    target = DATA / str(count)
    if target.is_dir() and len(list(target.glob("*.md"))) == count:
        return sorted(target.glob("*.md"))
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, target / f"{i:04d}_{src.name}")
    return sorted(target.glob("*.md"))


def speed(count: int) -> dict[str, float]:
    import jieba.analyse

    from toolkit.text import tokens

    files = make_articles(count)
    folder = files[0].parent
    exe = ROOT / ".venv" / "bin" / "toolkit"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "toolkit"]
    out: dict[str, float] = {}
    for jobs in (1, 2):
        dst = DATA / f"out_jobs{jobs}.json"
        start = time.perf_counter()
        subprocess.run([*cmd, "glossary", str(folder), "-o", str(dst), "--jobs", str(jobs)], check=True, stderr=subprocess.DEVNULL)
        out[f"toolkit --jobs {jobs}"] = count / (time.perf_counter() - start)
    tokens.tokenizer()
    start = time.perf_counter()
    for path in files:
        jieba.analyse.extract_tags(path.read_text(encoding="utf-8"), topK=20)
    out["jieba.extract_tags (1 process, no I/O parsing)"] = count / (time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 abstracts and 100 articles")
    args = parser.parse_args(argv)
    if not CSL.exists():
        print(f"skipped: {CSL} is absent")
        return 0
    n_csl = 200 if args.quick else None
    n_articles = 100 if args.quick else 1000

    print(f"Keyword F1@5 on CSL dev ({n_csl or 1000} abstracts, exact match, no termbase):")
    q = quality(n_csl)
    base = q["toolkit"]["f1@5"]
    for name, row in q.items():
        held = "" if n_csl and n_csl <= TUNED_ROWS else f"  rows {TUNED_ROWS}+: {row['f1@5_heldout']:.4f}"
        ratio = base / row["f1@5"] if row["f1@5"] else float("inf")
        print(f"  {name:22s} F1@5 {row['f1@5']:.4f}{held}  ({row['docs_per_s']:.0f} docs/s)  toolkit/this = {ratio:.2f}x")
    beats = all(base > row["f1@5"] for name, row in q.items() if name != "toolkit")
    print(f"  toolkit beats both: {'yes' if beats else 'NO'}")

    if DEV.is_dir():
        print(f"\nSpeed: glossary of {n_articles} articles (CLI, read + extract + merge + write JSON):")
        s = speed(n_articles)
        one = s["toolkit --jobs 1"]
        for name, rate in s.items():
            print(f"  {name:46s} {rate:7.1f} articles/s  ({rate / one:.2f}x of --jobs 1)")
    return 0 if beats else 1


if __name__ == "__main__":
    sys.exit(main())
