"""Figures: an image and the caption line under it are one figure; no alt text is lost."""

from __future__ import annotations

import pytest

from toolkit.model import Document, Figure
from toolkit.readers import read_text
from toolkit.readers.audit import lost_text

PARA = "跨境卖家把备货放进海外仓以后，配送时间从两周缩短到三天以内。"


def figures(doc: Document) -> list[Figure]:
    return [b for _, b in doc.iter_blocks() if isinstance(b, Figure)]


def image_alts(doc: Document) -> list[str]:
    return [r.text for r in doc.removed if r.reason == "image_alt"]


def html(body: str) -> str:
    return f"<html><body><article><p>{PARA}</p>{body}<p>{PARA}</p></article></body></html>"


def md(body: str) -> str:
    return f"{PARA}\n\n{body}\n\n{PARA}\n"


@pytest.mark.parametrize(
    "fmt,text",
    [
        ("html", html('<figure><img src="w.png" alt="仓库内景"><figcaption>图2 某海外仓的分拣区</figcaption></figure>')),
        ("html", html('<p><img src="w.png" alt="仓库内景"></p><p>图2 某海外仓的分拣区</p>')),
        ("md", md("![仓库内景](w.png)\n\n图2 某海外仓的分拣区")),
        ("md", md("![仓库内景](w.png)\n图2 某海外仓的分拣区")),
    ],
)
def test_alt_and_caption_line_are_one_figure(fmt: str, text: str) -> None:
    doc = read_text(text, format=fmt)
    assert figures(doc) == [Figure(label="图2", caption="某海外仓的分拣区", src="w.png")]
    # the alt says something the caption does not: kept, in removed, exactly once
    assert image_alts(doc) == ["仓库内景"]
    assert lost_text(text, doc) == ""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_bilingual_caption_lines_after_an_image(fmt: str) -> None:
    lines = ["Figure 4. Parcel volume by month", "图4. 每月包裹量"]
    body = (
        '<p><img src="v.png" alt="包裹量柱状图"></p>' + "".join(f"<p>{x}</p>" for x in lines)
        if fmt == "html"
        else "![包裹量柱状图](v.png)\n\n" + "\n\n".join(lines)
    )
    text = html(body) if fmt == "html" else md(body)
    doc = read_text(text, format=fmt)
    assert figures(doc) == [Figure(label="图4", caption="每月包裹量", caption_en="Parcel volume by month", src="v.png")]
    assert image_alts(doc) == ["包裹量柱状图"]
    assert lost_text(text, doc) == ""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_image_note_line_supersedes_alt(fmt: str) -> None:
    note = "▲ 图源：某物流公司官网"
    body = f'<p><img src="n.png" alt="分拣机器人"></p><p>{note}</p>' if fmt == "html" else f"![分拣机器人](n.png)\n\n{note}"
    text = html(body) if fmt == "html" else md(body)
    doc = read_text(text, format=fmt)
    assert figures(doc) == [Figure(caption=note, src="n.png")]
    assert image_alts(doc) == ["分拣机器人"]
    assert lost_text(text, doc) == ""


@pytest.mark.parametrize("alt", ["某海外仓的分拣区", "图2 某海外仓的分拣区", "image"])
def test_alt_that_repeats_the_caption_is_still_counted(alt: str) -> None:
    text = md(f"![{alt}](w.png)\n\n图2 某海外仓的分拣区")
    doc = read_text(text, format="md")
    assert figures(doc) == [Figure(label="图2", caption="某海外仓的分拣区", src="w.png")]
    # the source holds these characters twice; the document must too
    assert image_alts(doc) == [alt]
    assert lost_text(text, doc) == ""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_alt_without_caption_line_is_the_caption(fmt: str) -> None:
    body = '<p><img src="w.png" alt="仓库内景"></p>' if fmt == "html" else "![仓库内景](w.png)"
    doc = read_text(html(body) if fmt == "html" else md(body), format=fmt)
    assert figures(doc) == [Figure(caption="仓库内景", src="w.png")]
    assert image_alts(doc) == []


def test_caption_line_binds_only_the_image_right_above() -> None:
    text = md("![仓库内景](w.png)\n\n" + PARA + "\n\n图2 某海外仓的分拣区")
    doc = read_text(text, format="md")
    figs = figures(doc)
    assert Figure(caption="仓库内景", src="w.png") in figs
    assert Figure(label="图2", caption="某海外仓的分拣区") in figs
    assert image_alts(doc) == []


TITLE = "海外仓的三种打法"


@pytest.mark.parametrize("alt", [TITLE, f"原创 | {TITLE}", f"深度｜{TITLE}"])
def test_alt_that_only_repeats_the_title_is_no_caption(alt: str) -> None:
    text = f"---\ntitle: {TITLE}\n---\n\n{PARA}\n\n![{alt}](a.png)\n\n{PARA}\n\n![{alt}](b.png)\n\n{PARA}\n"
    doc = read_text(text, format="md")
    assert figures(doc) == [Figure(src="a.png"), Figure(src="b.png")]
    assert image_alts(doc) == [alt, alt]
    assert lost_text(text, doc) == ""


def test_alt_that_repeats_the_main_title_without_its_subtitle_is_no_caption() -> None:
    title = f"{TITLE}—从美国到德国的实践"
    text = f"---\ntitle: {title}\n---\n\n{PARA}\n\n![原创 | {TITLE}](a.png)\n\n{PARA}\n"
    doc = read_text(text, format="md")
    assert figures(doc) == [Figure(src="a.png")]
    assert image_alts(doc) == [f"原创 | {TITLE}"]


def test_alt_that_says_more_than_the_title_stays_the_caption() -> None:
    alt = f"{TITLE}：美国、德国和日本仓库的面积对比"
    doc = read_text(f"---\ntitle: {TITLE}\n---\n\n{PARA}\n\n![{alt}](a.png)\n\n{PARA}\n", format="md")
    assert figures(doc) == [Figure(caption=alt, src="a.png")]
    assert image_alts(doc) == []


@pytest.mark.parametrize("note", ["制图：某研究院", "图注：仓库的分拣线", "摄/林木"])
def test_maker_lines_under_an_image_are_its_caption(note: str) -> None:
    text = md(f"![](m.png)\n\n{note}")
    doc = read_text(text, format="md")
    assert figures(doc) == [Figure(caption=note, src="m.png")]
    assert lost_text(text, doc) == ""


EMOJI_SRC = "https://s.w.org/images/core/emoji/15.0.3/svg/1f1fa-1f1f8.svg"


def test_emoji_image_goes_back_into_its_line() -> None:
    text = md(f"**![🇺🇸]({EMOJI_SRC})美国：**\n\n{PARA}")
    doc = read_text(text, format="md")
    texts = [b.text for _, b in doc.iter_blocks() if hasattr(b, "text")]
    assert "🇺🇸美国：" in texts
    assert figures(doc) == []
    assert lost_text(text, doc) == ""


def test_emoji_image_with_no_line_after_it_is_removed() -> None:
    doc = read_text(html(f'<p><img src="{EMOJI_SRC}" alt="🇺🇸"></p><table><tr><td>美国</td><td>7天</td></tr></table>'), format="html")
    assert figures(doc) == []
    assert [(r.text, r.reason) for r in doc.removed if r.reason == "emoji"] == [("🇺🇸", "emoji")]


def test_symbol_alt_with_words_is_still_a_figure() -> None:
    doc = read_text(md("![★ 评分示意](s.png)"), format="md")
    assert figures(doc) == [Figure(caption="★ 评分示意", src="s.png")]
