"""HTML reader: element -> Raw translation, head metadata, widgets kept in removed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_readers_markdown import kept_in_order, raw_json

from toolkit.readers.html import read_html
from toolkit.readers.sniff import load

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE = """<!DOCTYPE html><html><head>
<title>海外仓观察 - 示例网</title>
<meta name="author" content="王五，赵六">
<meta name="keywords" content="海外仓, 跨境电商">
<meta name="description" content="一篇关于海外仓的短文。">
<meta property="article:published_time" content="2023-07-01T08:00:00Z">
<meta property="og:site_name" content="示例网">
<script>var x = "脚本里的字";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">首页</a></nav>
<h1>海外仓观察</h1>
<p>第一段，<b>加粗</b>和<a href="#">链接</a>都在同一行。</p>
<p>换行前<br>换行后</p>
<h2>一、背景</h2>
<ol start="3"><li>第三项<ul><li>子项</li></ul></li><li>第四项</li></ol>
<table><caption>表1 数据</caption><tr><th>指标</th><th>数值</th></tr><tr><td>GMV</td><td>10亿</td></tr></table>
<blockquote><p>引用一</p><p>引用二</p></blockquote>
<pre>代码  保留   空格</pre>
<p><img data-src="real.jpg" src="placeholder.gif" alt="示意图"></p>
<h3>1. 细节</h3>
<div>区块文字<p>嵌套段落</p>尾部文字</div>
<button>点赞</button>
<svg><title>图标说明</title><path d="M0"/></svg>
<form><label>发表评论：</label><textarea></textarea></form>
</body></html>"""


def test_page() -> None:
    raw = read_html(PAGE)
    assert raw.meta["title"] == "海外仓观察" and raw.meta["title_source"] == "html_h1"
    assert raw.meta["authors"] == ["王五", "赵六"]
    assert raw.meta["tags"] == ["海外仓", "跨境电商"]
    assert raw.meta["lead"] == "一篇关于海外仓的短文。"
    assert raw.meta["date"] == "2023-07-01"
    assert raw.meta["publisher"] == "示例网"
    got = [(i.kind, i.text, i.level, i.marker, i.reason) for i in raw.items if i.kind not in ("table", "image")]
    assert got == [
        ("removed", "海外仓观察 - 示例网", 0, "", "html_head"),  # <title> differs from the h1: kept
        ("removed", "首页", 0, "", "navigation"),
        ("line", "第一段，加粗和链接都在同一行。", 0, "", ""),
        ("line", "换行前", 0, "", ""),
        ("line", "换行后", 0, "", ""),
        ("heading", "一、背景", 1, "", ""),  # h2 is level 1 once the h1 is the title
        ("list_item", "第三项", 0, "3.", ""),
        ("list_item", "子项", 1, "-", ""),
        ("list_item", "第四项", 0, "4.", ""),
        ("line", "表1 数据", 0, "", ""),
        ("quote", "引用一\n引用二", 0, "", ""),
        ("code", "代码  保留   空格", 0, "", ""),
        ("heading", "1. 细节", 2, "", ""),
        ("line", "区块文字", 0, "", ""),
        ("line", "嵌套段落", 0, "", ""),
        ("line", "尾部文字", 0, "", ""),
        ("removed", "点赞", 0, "", "button"),
        ("removed", "图标说明", 0, "", "svg"),
        ("removed", "发表评论：", 0, "", "form"),
    ]
    table = next(i for i in raw.items if i.kind == "table")
    assert table.rows == (("指标", "数值"), ("GMV", "10亿"))
    image = next(i for i in raw.items if i.kind == "image")
    assert (image.src, image.text) == ("real.jpg", "示意图")
    assert "脚本里的字" not in raw_json(raw)


def test_title_from_head_when_no_single_h1() -> None:
    raw = read_html("<html><head><title>标题</title></head><body><h2>一</h2><p>正文</p><h2>二</h2></body></html>")
    assert raw.meta["title"] == "标题" and raw.meta["title_source"] == "html_title"
    assert [i.level for i in raw.items if i.kind == "heading"] == [1, 1]


def test_tip_widget_keeps_its_words() -> None:
    raw = read_html('<p>正文。</p><div class="reward-box"><span>喜欢就打赏</span><svg><path d="M0"/></svg></div>')
    assert [(i.kind, i.text, i.reason) for i in raw.items] == [("line", "正文。", ""), ("removed", "喜欢就打赏", "tip_button")]


def test_cjk_line_breaks_are_not_spaces() -> None:
    raw = read_html("<p>跨境\n电商 and\nmore</p>")
    assert raw.items[0].text == "跨境电商 and more"


def test_example_page_golden(golden) -> None:
    golden("readers/zhibo_page.json", raw_json(read_html(load(EXAMPLES / "zhibo_page.html").content)))


_TAGS = st.sampled_from(["p", "div", "span", "h2", "h3", "li", "blockquote", "b", "td", "button", "nav", "pre", "figcaption"])
_WORDS = st.text(alphabet=st.sampled_from("出海企业跨境电商本地化，。GMV12 "), min_size=1, max_size=12)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(_TAGS)
            parts.append(f"<{tag}>{draw(fragments(depth + 1))}</{tag}>")
        else:
            parts.append(draw(_WORDS))
    return "".join(parts)


@given(fragments())
@settings(max_examples=150, deadline=None)
def test_no_han_character_is_lost(markup: str) -> None:
    raw = read_html(f"<html><body>{markup}</body></html>")
    assert kept_in_order(markup, raw)


def test_script_code_is_dropped_noscript_words_kept() -> None:
    raw = read_html("<p>正文</p><noscript>请启用脚本</noscript><script>var a = '代码里的字';</script><style>p{}</style>")
    assert [(i.kind, i.text, i.reason) for i in raw.items] == [("line", "正文", ""), ("removed", "请启用脚本", "script")]


def test_link_url_with_chinese_goes_to_removed_after_its_line() -> None:
    raw = read_html('<p>前文<a href="https://x.com/?t=标题">分享</a>后文</p><p><a href="/a">普通</a></p>')
    assert [(i.kind, i.text, i.reason) for i in raw.items] == [
        ("line", "前文分享后文", ""), ("removed", "https://x.com/?t=标题", "link_url"), ("line", "普通", "")]


def test_deeply_nested_page_is_read_in_linear_time() -> None:
    """Thousands of nested wrappers (generated pages do this) neither recurse nor go quadratic."""
    import time

    nested = "<div><span>" * 5000 + "跨境电商" + "</span></div>" * 5000
    start = time.perf_counter()
    raw = read_html(f"<html><body><p>前文</p>{nested}<p>后文</p></body></html>")
    assert [i.text for i in raw.items] == ["前文", "跨境电商", "后文"]
    assert time.perf_counter() - start < 10


def test_lists_nested_thousands_deep_are_read_in_linear_time() -> None:
    import time

    start = time.perf_counter()
    raw = read_html("<ul><li>项" * 3000 + "</li></ul>" * 3000)
    assert len(raw.items) == 3000 and raw.items[-1].level == 2999
    assert time.perf_counter() - start < 10
