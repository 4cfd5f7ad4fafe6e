"""Benchmark: Word briefings per second, and where the time goes.

    .venv/bin/python benchmarks/bench_brief.py            # 200 articles
    .venv/bin/python benchmarks/bench_brief.py --quick    # 20 articles
    .venv/bin/python benchmarks/bench_brief.py --profile  # + cProfile of the docx writer

Measures, in the same run (so a loaded machine still gives fair ratios):

1. ``toolkit brief DIR -o OUT`` (docx) end to end with ``--jobs 1`` and ``--jobs 2``,
   process start-up and jieba's dictionary load included: briefings per second.
2. In one process, per article: reading, summarising, the glossary, assembling, and
   writing docx / md / html, so the share of each stage is visible.
3. A peer for the Word writer: python-docx writing the same text as plain paragraphs
   with no styles, fields or tables (the floor any python-docx writer pays).

Articles are the dev corpus from ../shared (cycled to the count asked for) copied
under benchmarks/.data/, or, without ../shared, synthetic articles written here.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / ".data" / "brief"
SHARED = ROOT.parent / "shared" / "corpus"
TOOLKIT = Path(sys.executable).with_name("toolkit")


def prepare(count: int) -> Path:
    """``count`` article files under benchmarks/.data/brief/in (rebuilt when the count changes)."""
    folder = DATA / f"in{count}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted((SHARED / "dev" / "articles").glob("*.md")) + sorted((SHARED / "seeds").glob("*.txt"))
    for i in range(count):
        target = folder / f"a{i:04d}"
        if sources:
            src = sources[i % len(sources)]
            shutil.copyfile(src, target.with_suffix(src.suffix))
        else:
            target.with_suffix(".md").write_text(_synthetic(i), encoding="utf-8")
    return folder


def _synthetic(i: int) -> str:
    parts = [f"# 第{i}篇：制造企业的海外工厂\n", "> 编辑导语：海外建厂的成本、人才与合规，是企业出海绕不开的三件事。\n"]
    for s in range(1, 5):
        parts.append(f"## {s}、第{s}个问题\n")
        for p in range(4):
            parts.append(
                f"第{s}节第{p}段：去年企业在海外的营收增长了{10 + s + p}%，工厂的人工成本约为国内的{s + 1}倍。"
                "企业需要建立本地团队，理解当地法规，并与供应商保持长期合作。\n"
            )
    return "\n".join(parts)


def cli_rate(folder: Path, jobs: int, count: int) -> tuple[float, float]:
    """Briefings per wall-clock second, and CPU seconds per briefing (all processes).

    CPU time is the fairer number on a shared machine: wall-clock rates of --jobs 2
    only beat --jobs 1 when a second core is actually free.
    """
    import resource

    out = DATA / f"out_j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(TOOLKIT), "brief", str(folder), "-o", str(out), "--jobs", str(jobs)],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    made = len(list(out.glob("*.docx"))) if out.is_dir() else 0
    if done.returncode not in (0, 1) or made == 0:
        print(done.stderr[-2000:])
        raise SystemExit(f"toolkit brief failed (exit {done.returncode})")
    if made < count:
        print(f"  note: {count - made} of {count} inputs failed (see toolkit's report)")
    return made / elapsed, cpu / made


def stages(folder: Path) -> dict[str, float]:
    """Seconds per stage over all articles, in this process (jieba loaded once, up front)."""
    from toolkit.briefing import assemble
    from toolkit.readers import read
    from toolkit.text.tokens import tokenizer
    from toolkit.transforms.glossary import glossary
    from toolkit.transforms.summarize import summarize
    from toolkit.writers import render

    t0 = time.perf_counter()
    tokenizer()
    times = {"jieba load (once)": time.perf_counter() - t0}
    docs, briefings = [], []

    def timed(name: str, fn):
        start = time.perf_counter()
        value = fn()
        times[name] = times.get(name, 0.0) + time.perf_counter() - start
        return value

    from toolkit.briefing import analyse

    for path in sorted(folder.iterdir()):
        try:
            doc = timed("read", lambda p=path: read(p))
        except Exception as exc:  # noqa: BLE001 - a bad input is skipped, as the CLI does
            print(f"  skip {path.name}: {exc}")
            continue
        docs.append(doc)
        timed("summarize", lambda d=doc: summarize(d))
        timed("glossary", lambda d=doc: glossary(d, limit=25))
        # analyse repeats summarize+glossary; only its own overhead is counted separately
        article = timed("analyse (summarize+glossary+packing)", lambda d=doc: analyse(d))
        briefing = timed("assemble", lambda a=article: assemble([a]))
        briefings.append(briefing)
        timed("write docx", lambda b=briefing: render(b, "docx"))
        timed("write md", lambda b=briefing: render(b, "md"))
        timed("write html", lambda b=briefing: render(b, "html"))
        timed("peer: python-docx plain paragraphs", lambda d=doc: plain_docx(d))
    times["_articles"] = len(docs)
    return times


def plain_docx(doc) -> bytes:
    """The peer: the article's text as unstyled python-docx paragraphs."""
    import docx

    out = docx.Document()
    for line in doc.plain_text().splitlines()[:60]:
        out.add_paragraph(line)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def profile_writer(folder: Path, n: int) -> None:
    from toolkit.briefing import brief
    from toolkit.writers import render

    briefings = []
    for path in sorted(folder.iterdir())[:n]:
        try:
            briefings.append(brief(path))
        except Exception:  # noqa: BLE001
            continue
    prof = cProfile.Profile()
    prof.enable()
    for b in briefings:
        render(b, "docx")
    prof.disable()
    print(f"\ncProfile of the docx writer over {len(briefings)} briefings (top 15 by own time):")
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(15)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 articles instead of 200")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="cProfile the docx writer")
    args = parser.parse_args(argv)
    count = args.count or (20 if args.quick else 200)
    folder = prepare(count)
    print(f"{count} articles from {'../shared' if SHARED.is_dir() else 'synthetic text'}; cpus={os.cpu_count()}")

    (r1, c1), (r2, c2) = cli_rate(folder, 1, count), cli_rate(folder, 2, count)
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"toolkit brief (docx), --jobs 1: {r1:6.2f} briefings/s, {c1 * 1000:6.0f} ms CPU per briefing")
    print(f"toolkit brief (docx), --jobs 2: {r2:6.2f} briefings/s, {c2 * 1000:6.0f} ms CPU per briefing"
          f"   (x{r2 / r1:.2f} the rate of --jobs 1; load average {load:.1f} on {os.cpu_count()} cpus)")

    times = stages(folder)
    n = int(times.pop("_articles"))
    print(f"\nin-process stages over {n} articles (ms per article; jieba load once):")
    per = {k: v * 1000 / (1 if k.startswith("jieba") else max(n, 1)) for k, v in times.items()}
    for name, ms in per.items():
        print(f"  {name:42s} {ms:8.1f}")
    analysis = per.get("analyse (summarize+glossary+packing)", 0.0)
    docx_ms = per.get("write docx", 0.0)
    peer = per.get("peer: python-docx plain paragraphs", 0.0)
    print("\nratios:")
    if analysis:
        print(f"  docx writer / analysis (summarize+glossary): {docx_ms / analysis:5.2f}  (<1: the writer is not the bottleneck)")
    if peer:
        print(f"  docx writer / python-docx plain paragraphs:  {docx_ms / peer:5.2f}")
    if per.get("write md"):
        print(f"  docx writer / md writer:                     {docx_ms / per['write md']:5.2f}")
    if args.profile:
        profile_writer(folder, min(n, 30))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
