"""Markdown reader: front matter, hint blocks, markdown-it structure, HTML delegation."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.readers.markdown import read_markdown
from toolkit.readers.metadata import normalise_date
from toolkit.readers.raw import RawArticle
from toolkit.readers.sniff import load

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def raw_json(raw: RawArticle) -> str:
    """A stable dump of what a reader produced (for golden files)."""
    items = [{k: v for k, v in asdict(item).items() if v not in ("", 0, (), None, False)} for item in raw.items]
    return json.dumps({"meta": raw.meta, "items": items}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def raw_han(raw: RawArticle) -> str:
    """Every Han character the reader kept, in order: metadata first, then the items."""
    parts = [str(v) for v in raw.meta.values()]
    for item in raw.items:
        parts.append(item.text)
        parts.extend(cell for row in item.rows for cell in row)
        parts.append(item.src or "")
    return "".join(HAN.findall("".join(parts)))


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


DEV_LIKE = """# 出海企业的本地化之路
{% hint style="info" %}
**Category:** Chuhai
**Author:** [林一](https://example.com/u/1)
**Published:** 2023-05-06
**Stats:** 👁️ 100 views
**Tags:** `出海` `本地化`
**Original:** [View](https://example.com/a.html)
{% endhint %}
> 本文讨论出海企业如何做好本地化。

---

## 出海企业的本地化之路

![](https://example.com/a.jpg)

正文第一段。

## 一、为什么要本地化

### 1\\. 市场差异

- 语言不同
- 习惯不同

1. 第一步
2. 第二步

| 指标 | 数值 |
| --- | --- |
| GMV | 10亿 |

```
代码块
```

## 二、结语

结尾。
"""


def test_dev_like_article() -> None:
    raw = read_markdown(DEV_LIKE)
    assert raw.meta["title"] == "出海企业的本地化之路"
    assert raw.meta["title_source"] == "markdown_h1"
    assert raw.meta["authors"] == ["林一"]
    assert raw.meta["date"] == "2023-05-06"
    assert raw.meta["tags"] == ["Chuhai", "出海", "本地化"]
    kinds = [(i.kind, i.level, i.text) for i in raw.items if i.kind == "heading"]
    # the ## that repeats the title stays a section; ## becomes level 1 once # is the title
    assert kinds == [("heading", 1, "出海企业的本地化之路"), ("heading", 1, "一、为什么要本地化"),
                     ("heading", 2, "1. 市场差异"), ("heading", 1, "二、结语")]
    assert raw.items[0].kind == "removed" and raw.items[0].reason == "front_matter"
    assert "**Stats:**" in raw.items[0].text
    assert raw.items[1].kind == "quote" and raw.items[1].text == "本文讨论出海企业如何做好本地化。"
    bullets = [(i.marker, i.text, i.ordered) for i in raw.items if i.kind == "list_item"]
    assert bullets == [("-", "语言不同", False), ("-", "习惯不同", False), ("1.", "第一步", True), ("2.", "第二步", True)]
    table = next(i for i in raw.items if i.kind == "table")
    assert table.rows == (("指标", "数值"), ("GMV", "10亿"))
    assert any(i.kind == "code" and i.text == "代码块" for i in raw.items)
    assert any(i.kind == "image" and i.src == "https://example.com/a.jpg" for i in raw.items)
    assert kept_in_order(DEV_LIKE, raw)


def test_front_matter_with_html_body() -> None:
    source = (
        "\n---\ntitle: '示例标题'\ncategories:\n - 跨境\n - 示例站\nauthor: 示例站\n"
        "date: Fri, 28 Jan 2022 00:00:00 GMT\n---\n\n<div>\n<blockquote><p>编辑导语：导语内容。</p></blockquote>\n"
        "<h2>01</h2>\n<p>第一段。</p>\n<h3>#专栏作家#</h3>\n<p>某某，专栏作家。</p>\n"
        '<div class="support-author"><div>给作者打赏</div><button><svg><path d="M0"/></svg>赞赏</button></div>\n</div>\n'
    )
    raw = read_markdown(source)
    assert raw.meta["title"] == "示例标题" and raw.meta["title_source"] == "front_matter"
    assert raw.meta["date"] == "2022-01-28"
    assert raw.meta["publisher"] == "示例站"  # the "author" is also a category: a site, not a person
    assert "authors" not in raw.meta
    assert raw.meta["tags"] == ["跨境", "示例站"]
    kinds = [(i.kind, i.text) for i in raw.items if i.kind != "removed"]
    assert kinds == [("quote", "编辑导语：导语内容。"), ("heading", "01"), ("line", "第一段。"),
                     ("line", "#专栏作家#"), ("line", "某某，专栏作家。")]
    tip = [i for i in raw.items if i.reason == "tip_button"]
    assert len(tip) == 1 and "给作者打赏" in tip[0].text and "赞赏" in tip[0].text and "<svg" not in tip[0].text


def test_chinese_lines_stay_lines_and_english_is_joined() -> None:
    raw = read_markdown("第一行。\n第二行。\n\nsoft wrapped\nEnglish prose\n")
    assert [i.text for i in raw.items] == ["第一行。", "第二行。", "soft wrapped English prose"]


def test_ordinary_hint_box_is_content() -> None:
    raw = read_markdown('{% hint style="warning" %}\n注意：这是正文提示。\n{% endhint %}\n\n正文。\n')
    assert [i.text for i in raw.items] == ["注意：这是正文提示。", "正文。"]
    assert raw.meta == {}


def test_broken_yaml_keeps_the_block() -> None:
    raw = read_markdown("---\ntitle: [unclosed\n---\n正文。\n")
    assert raw.items[0].reason == "front_matter" and "unclosed" in raw.items[0].text
    assert raw.items[1].text == "正文。"


@pytest.mark.parametrize(
    ("value", "iso"),
    [("Fri, 28 Jan 2022 00:00:00 GMT", "2022-01-28"), ("2022-09-19", "2022-09-19"), ("2022/9/1", "2022-09-01"),
     ("2022年1月28日", "2022-01-28"), ("2024-03-08T10:00:00+08:00", "2024-03-08"), ("not a date", None),
     ("2022-13-45", None)],
)
def test_normalise_date(value: str, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_example_front_matter_golden(golden) -> None:
    loaded = load(EXAMPLES / "quantuoguan_frontmatter.md")
    golden("readers/quantuoguan_frontmatter.json", raw_json(read_markdown(loaded.content)))


_LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from("出海企业跨境电商本地化，。GMV12 "), min_size=1, max_size=30),
        st.sampled_from(["# 标题", "## 一、背景", "### 1. 细节", "- 要点", "1. 第一", "> 引言", "| 甲 | 乙 |", "|---|---|",
                         "| 丙 | 丁 |", "```", "<p>段落</p>", "<div>区块<span>内联</span></div>", "![图](x.png)", "---",
                         "**粗体**文字", "[链接文字](http://x)", "{% hint %}", "**Author:** 某人", "{% endhint %}", ""]),
    ),
    max_size=25,
)


@given(_LINES)
@settings(max_examples=150, deadline=None)
def test_no_han_character_is_lost(lines: list[str]) -> None:
    """Whatever the Markdown, every Han character of the source is kept, in order."""
    source = "\n".join(lines)
    raw = read_markdown(source)
    assert kept_in_order(source, raw)


def kept_in_order(source: str, raw: RawArticle) -> bool:
    """Han characters of ``source`` are in the items in order, the title's in meta.

    The title leaves the items for ``meta.title`` wherever it was written, so its
    characters are taken out of the source sequence (at one of the places it occurs)
    before the order check.
    """
    want = "".join(HAN.findall(source))
    kept = raw_han(RawArticle(items=raw.items, meta={}))
    title = "".join(HAN.findall(str(raw.meta.get("title") or "")))
    if not title or raw.meta.get("title_source") == "front_matter":
        return is_subsequence(want, kept)
    # the title may be any occurrence of its text in the source: accept if one fits
    starts = [i for i in range(len(want)) if want.startswith(title, i)]
    assert starts, "the title's characters are not in the source"
    return any(is_subsequence(want[:i] + want[i + len(title):], kept) for i in starts)


def test_every_corpus_file_keeps_its_han_characters(shared: Path) -> None:
    """Reader level: for every article of ../shared/corpus, nothing is lost, in order."""
    from toolkit.readers import READERS, _load_readers

    _load_readers()
    paths = sorted((shared / "corpus").rglob("*.md")) + sorted((shared / "corpus" / "seeds").glob("*.txt"))
    assert paths
    for path in paths:
        loaded = load(path)
        raw = READERS.get(loaded.format)(loaded.content)
        assert kept_in_order(loaded.content, raw), path.name


def test_share_link_url_with_chinese_goes_to_removed_after_its_line() -> None:
    raw = read_markdown("前文[分享到微博](https://x.com/share?title=出海观察&u=1)后文\n\n[标签](https://x.com/tag/%e5%87%ba)\n")
    assert [(i.kind, i.text, i.reason) for i in raw.items] == [
        ("line", "前文分享到微博后文", ""),
        ("removed", "https://x.com/share?title=出海观察&u=1", "link_url"),  # as written, not percent-encoded
        ("line", "标签", ""),  # an ASCII URL is not kept
    ]


def test_title_from_hint_block() -> None:
    raw = read_markdown('{% hint style="info" %}\n**Title:** 出海手册\n**Author:** 某人\n{% endhint %}\n\n# 出海手册\n\n正文。\n')
    assert (raw.meta["title"], raw.meta["title_source"], raw.meta["authors"]) == ("出海手册", "hint_block", ["某人"])
    assert [(i.kind, i.reason) for i in raw.items] == [("removed", "front_matter"), ("removed", "duplicate_title"), ("line", "")]


@pytest.mark.parametrize("source", [">" * 3000 + " 引言\n", "".join("  " * i + "- 项目\n" for i in range(300)),
                                    "*" * 10000 + "强调" + "*" * 10000])
def test_absurd_nesting_reads_as_plain_lines_without_loss(source: str) -> None:
    """Beyond markdown-it's nesting limit (or Python's recursion limit) nothing is lost."""
    raw = read_markdown(source)
    assert kept_in_order(source, raw)
    assert all(item.kind == "line" for item in raw.items)


def test_titles_of_images_and_links_are_kept() -> None:
    raw = read_markdown('![图](x.png "图片标题")\n\n[词](http://x "链接说明")\n\n正文<!-- 编辑注释 -->\n')
    assert [(i.kind, i.text) for i in raw.items] == [("image", "图 图片标题"), ("line", "词"),
                                                     ("removed", "http://x 链接说明"), ("line", "正文")]
