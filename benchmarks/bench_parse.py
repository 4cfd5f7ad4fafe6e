"""Parsing throughput: a folder of generated articles, and single big files of two sizes.

Run ``.venv/bin/python benchmarks/bench_parse.py`` (``--quick`` for a short run).

It prints MB/s for ``toolkit.read`` (the whole pipeline: sniffing, decoding, the
format reader, structure detection) and, measured in the same run on the same bytes,
for peers that do only part of the job, as ratios:

* ``bytes.decode`` + ``str.splitlines``: the floor any text reader pays;
* markdown-it-py rendering the Markdown articles to HTML (a parse with no structure);
* BeautifulSoup (lxml) ``get_text()`` on the HTML articles;
* charset-normalizer detecting the encoding of every file, against ``decode_bytes``.

The Markdown and HTML readers are also timed alone (text in, Raw items out, no
structure building), to show which share of the cost is the format reader's.

Then one single-paragraph-per-line file at two sizes (2 MB and 20 MB; 0.5 and 5 MB
with --quick): if cost grows linearly, the time ratio is close to the size ratio and
the MB/s stays flat. Generated data goes to benchmarks/.data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / ".data" / "parse"
sys.path.insert(0, str(ROOT))

WORDS = ("出海", "跨境电商", "本地化", "在地化", "全托管", "海外仓", "小单快反", "柔性供应链", "GMV", "企业", "品牌", "市场",
         "消费者", "平台", "物流", "供应链", "增长", "东南亚", "欧美", "中东", "渠道", "直播", "运营", "团队", "数据", "成本")
GLUE = ("的", "和", "在", "是", "将", "对", "与", "了", "正在", "需要", "通过")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) + rng.choice(GLUE) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(2, 99)}.{rng.randint(0, 9)}%")
    return "".join(words) + rng.choice("。。。；！")


def paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def article(rng: random.Random, index: int) -> tuple[str, str]:
    """(suffix, text) of one generated article: plain text, Markdown or HTML."""
    kind = index % 3
    numerals = "一二三四五六七八九十"
    title = f"{rng.choice(WORDS)}{rng.choice(WORDS)}观察第{index}期"
    sections = [(f"{numerals[i]}、{rng.choice(WORDS)}{rng.choice(WORDS)}", [paragraph(rng) for _ in range(rng.randint(2, 5))])
                for i in range(rng.randint(2, 5))]
    if kind == 0:
        body = [title, ""] + [line for head, paras in sections for line in [head, *paras, ""]]
        return ".txt", "\n".join(body) + "\n你怎么看？欢迎留言讨论。\n"
    if kind == 1:
        front = f"---\ntitle: '{title}'\nauthor: 作者{index}\ndate: 2024-0{1 + index % 9}-1{index % 10}\ntags:\n - 出海\n---\n\n"
        body = [f"## {head}\n\n" + "\n\n".join(paras) for head, paras in sections]
        return ".md", front + f"> {paragraph(rng)}\n\n" + "\n\n".join(body) + "\n"
    body = "".join(f"<h2>{head}</h2>" + "".join(f"<p>{p}</p>" for p in paras) for head, paras in sections)
    return ".html", f"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>\n"


def make_folder(count: int) -> list[Path]:
    folder = DATA / f"folder-{count}"
    paths = sorted(folder.glob("*.*")) if folder.is_dir() else []
    if len(paths) == count:
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    for old in paths:
        old.unlink()
    rng = random.Random(20261122)
    for i in range(count):
        suffix, text = article(rng, i)
        (folder / f"a{i:05d}{suffix}").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.*"))


def make_big(megabytes: float) -> Path:
    """One plain-text file of ``megabytes`` MB: numbered sections of paragraphs, one per line."""
    path = DATA / f"big-{megabytes:g}mb.txt"
    target = int(megabytes * 2**20)
    if path.exists() and path.stat().st_size >= target:
        return path
    rng = random.Random(7)
    chunks: list[bytes] = []
    size = section = 0
    while size < target:
        section += 1
        block = f"{section}. {rng.choice(WORDS)}{rng.choice(WORDS)}\n" + "\n".join(paragraph(rng) for _ in range(8)) + "\n"
        data = block.encode("utf-8")
        chunks.append(data)
        size += len(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(chunks))
    return path


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def best_of(fn, runs: int = 3) -> float:
    """Fastest of a few runs: on a shared machine the minimum is the least noisy."""
    return min(timed(fn) for _ in range(runs))


def megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 2**20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small run (300 articles, 0.5/5 MB files)")
    args = parser.parse_args(argv)
    count = 300 if args.quick else 3000
    small, large = (0.5, 5.0) if args.quick else (2.0, 20.0)

    from toolkit.readers import read
    from toolkit.readers.sniff import decode_bytes

    paths = make_folder(count)
    size = megabytes(paths)
    md = [p for p in paths if p.suffix == ".md"]
    html = [p for p in paths if p.suffix == ".html"]
    read(paths[0])  # warm up: imports, lazy tables

    def toolkit_all() -> None:
        for p in paths:
            read(p)

    def decode_split() -> None:
        for p in paths:
            p.read_bytes().decode("utf-8").splitlines()

    def markdown_it_md() -> None:
        from markdown_it import MarkdownIt

        md_parser = MarkdownIt("commonmark").enable("table")
        for p in md:
            md_parser.render(p.read_text(encoding="utf-8"))

    def toolkit_md() -> None:
        for p in md:
            read(p)

    def bs4_html() -> None:
        from bs4 import BeautifulSoup

        for p in html:
            BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").get_text()

    def toolkit_html() -> None:
        for p in html:
            read(p)

    def charset_normalizer_all() -> None:
        from charset_normalizer import from_bytes

        for p in paths:
            from_bytes(p.read_bytes()).best()

    def decode_all() -> None:
        for p in paths:
            decode_bytes(p.read_bytes())

    print(f"folder: {len(paths)} generated articles ({len(paths) - len(md) - len(html)} txt, {len(md)} md, "
          f"{len(html)} html), {size:.1f} MB")
    t_all = timed(toolkit_all)
    t_floor = timed(decode_split)
    print(f"  toolkit.read, whole pipeline     {size / t_all:8.2f} MB/s  {len(paths) / t_all:8.0f} articles/s")
    print(f"  peer: decode + splitlines        {size / t_floor:8.2f} MB/s  (toolkit is {t_all / t_floor:.0f}x the floor)")
    md_size, html_size = megabytes(md), megabytes(html)
    from toolkit.readers.html import read_html
    from toolkit.readers.markdown import read_markdown

    md_texts = [p.read_text(encoding="utf-8") for p in md]
    html_texts = [p.read_text(encoding="utf-8") for p in html]

    def reader_md() -> None:
        for text in md_texts:
            read_markdown(text)

    def reader_html() -> None:
        for text in html_texts:
            read_html(text)

    t_md, t_mdit, t_rmd = timed(toolkit_md), best_of(markdown_it_md), best_of(reader_md)
    print(f"  toolkit.read on .md              {md_size / t_md:8.2f} MB/s")
    print(f"  markdown reader alone (no build) {md_size / t_rmd:8.2f} MB/s  (ratio reader/peer time {t_rmd / t_mdit:.2f})")
    print(f"  peer: markdown-it-py render      {md_size / t_mdit:8.2f} MB/s  (ratio toolkit/peer time {t_md / t_mdit:.2f})")
    t_html, t_bs4, t_rhtml = timed(toolkit_html), best_of(bs4_html), best_of(reader_html)
    print(f"  toolkit.read on .html            {html_size / t_html:8.2f} MB/s")
    print(f"  html reader alone (no build)     {html_size / t_rhtml:8.2f} MB/s  (ratio reader/peer time {t_rhtml / t_bs4:.2f})")
    print(f"  peer: BeautifulSoup get_text     {html_size / t_bs4:8.2f} MB/s  (ratio toolkit/peer time {t_html / t_bs4:.2f})")
    t_dec, t_cn = best_of(decode_all), best_of(charset_normalizer_all)
    print(f"  sniff.decode_bytes               {size / t_dec:8.2f} MB/s")
    print(f"  peer: charset-normalizer detect  {size / t_cn:8.2f} MB/s  (decode_bytes is {t_cn / t_dec:.1f}x faster)")

    print("single file, linear growth:")
    rows = []
    for mb in (small, large):
        path = make_big(mb)
        real = path.stat().st_size / 2**20
        elapsed = timed(read, path)
        rows.append((real, elapsed))
        print(f"  {real:6.1f} MB  {elapsed:7.2f} s  {real / elapsed:6.2f} MB/s")
    (s_mb, s_t), (l_mb, l_t) = rows
    print(f"  size ratio {l_mb / s_mb:.1f}x, time ratio {l_t / s_t:.1f}x "
          f"(linear when these match; per-MB cost ratio {(l_t / l_mb) / (s_t / s_mb):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
