"""Markdown and HTML briefings: golden files, templates, escaping, user templates."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from _brief_samples import article_one, article_two, combined, single
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.briefing import LABEL_MODES, LABELS, assemble
from toolkit.briefing.context import template_context
from toolkit.errors import UsageError
from toolkit.templating import packaged_template_dirs
from toolkit.writers import render
from toolkit.writers.briefing_text import md_cell, md_escape

TEMPLATES = sorted({p.name for d in packaged_template_dirs() for p in d.glob("briefing.*")})


def normalise(text: str) -> str:
    """Mask the one line that changes with the toolkit version and the day it runs."""
    text = re.sub(r"toolkit [0-9][\w.+-]* (于|於|on) \d{4}-\d{2}-\d{2}", r"toolkit VERSION \1 DATE", text)
    return re.sub(r'content="toolkit [^"]*"', 'content="toolkit VERSION"', text)


@pytest.mark.parametrize(
    ("name", "make", "fmt"),
    [
        ("single.md", lambda: single(), "md"),
        ("combined_bilingual.md", lambda: combined(labels="bilingual"), "md"),
        ("single.html", lambda: single(), "html"),
        ("combined_en.html", lambda: combined(labels="en"), "html"),
    ],
)
def test_golden(name, make, fmt, golden):
    golden(f"brief/{name}", normalise(render(make(), fmt)))


def test_templates_are_found():
    assert {"briefing.md", "briefing.html"} <= set(TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("labels", LABEL_MODES)
@pytest.mark.parametrize("kind", ["single", "combined", "empty"])
def test_every_template_renders_with_the_documented_context(template, labels, kind):
    """Each template renders every documented key without an undefined variable."""
    import jinja2

    from toolkit.templating import environment

    if kind == "single":
        briefing = single(labels=labels)
    elif kind == "combined":
        briefing = combined(labels=labels)
    else:  # an article with nothing found: every "none" branch
        bare = replace(article_two(), key_points=(), summary="", takeaway="", glossary=(), origin=None)
        briefing = assemble([bare], labels=labels, generated="2024-01-01")
    context = template_context(briefing)
    assert set(context) == {"title", "title_derived", "lang", "script", "combined", "labels", "articles", "glossary", "footer",
                            "version", "generated"}
    env = environment(undefined=jinja2.StrictUndefined)
    from toolkit.writers.briefing_text import md_cell, md_escape

    env.filters.update(md=md_escape, cell=md_cell)
    out = env.get_template(template).render(**context)
    assert context["title"] in out or jinja2.escape(context["title"]) in out
    assert briefing.labels["glossary"] in out
    for article in context["articles"]:
        for point in article["key_points"]:
            assert md_escape(point["text"]) in out or str(jinja2.escape(point["text"])) in out


def test_html_escapes_markup_from_the_article():
    evil = replace(
        article_one(),
        title="<script>alert('x')</script>标题",
        summary='摘要里有 <img src=x onerror="alert(1)"> 和 <b>粗体</b>。',
        references=(replace(article_one().references[0], url="javascript:alert(1)"),),
    )
    html = render(assemble([evil], generated="2024-01-01"), "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;标题" in html
    assert "<img" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "&lt;b&gt;粗体&lt;/b&gt;" in html
    assert 'href="javascript' not in html


def test_html_is_self_contained_with_print_styles_and_lang():
    html = render(single(script="tw"), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-TW">' in html
    assert "@media print" in html and "@page" in html
    assert not re.search(r"<link\b|<script\b|src=\"http|@import|url\(", html)
    assert '<html lang="zh-HK">' in render(single(script="hk"), "html")
    assert '<html lang="zh-CN">' in render(single(), "html")


def test_markdown_escapes_markup_from_the_article():
    evil = replace(article_one(), summary="*星号* 和 [链接](http://x) 以及 <b>标签</b> | 竖线")
    md = render(assemble([evil], generated="2024-01-01"), "md")
    assert r"\*星号\* 和 \[链接\](http://x) 以及 \<b\>标签\</b\> \| 竖线" in md
    assert md_escape("# 不是标题") == r"\# 不是标题"
    assert md_cell("甲|乙\n丙") == r"甲\|乙 丙"


def test_labels(tmp_path):
    assert set(LABEL_MODES) == {"zh", "en", "bilingual"}
    md_en = render(single(labels="en"), "md")
    assert "## Summary" in md_en and "## Glossary" in md_en and "摘要" not in md_en.split("\n## Summary")[0][-20:]
    md_bi = render(single(labels="bilingual"), "md")
    assert "## 摘要 Summary" in md_bi
    for key, (zh, en) in LABELS.items():
        assert zh and en, key
    with pytest.raises(UsageError):
        single(labels="fr")


def test_traditional_markdown_converts_frame_and_content():
    md = render(single(script="tw"), "md")
    assert "## 摘要" in md and "## 術語表" in md and "## 關鍵要點" in md
    assert "小家電品牌出海的三個階段" in md
    # the traditional column shows the Taiwan form where it differs
    assert "| 軟體 |" in md
    # pinyin, English and paths are left alone
    assert "ruǎn jiàn" in md and "examples/appliance.md" in md


def test_template_dir_overrides_by_name(tmp_path):
    (tmp_path / "briefing.md").write_text("自定义 {{ title }} / {{ labels.summary }} / {{ articles|length }}\n", encoding="utf-8")
    md = render(single(), "md", template_dir=tmp_path)
    assert md == f"自定义 {article_one().title} / 摘要 / 1\n"
    # html was not overridden: the packaged template is used
    assert render(single(), "html", template_dir=tmp_path).startswith("<!DOCTYPE html>")


def test_user_templates_are_sandboxed(tmp_path):
    (tmp_path / "briefing.md").write_text("{{ title.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(UsageError, match="not allowed|unsafe|attribute"):
        render(single(), "md", template_dir=tmp_path)


def test_template_errors_are_one_line_usage_errors(tmp_path):
    (tmp_path / "briefing.md").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(UsageError, match="no_such_variable"):
        render(single(), "md", template_dir=tmp_path)
    (tmp_path / "briefing.html").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(UsageError, match="line 1"):
        render(single(), "html", template_dir=tmp_path)
    with pytest.raises(UsageError, match="not found"):
        render(single(), "md", template_dir=Path(tmp_path / "missing"))


def test_combined_has_contents_and_anchors():
    html = render(combined(), "html")
    assert html.count('href="#a1"') == 1 and 'id="a2"' in html
    md = render(combined(), "md")
    assert "1. [小家电品牌出海的三个阶段](#a1)" in md and "2. [东南亚市场里的软件服务](#a2)" in md


@settings(max_examples=40, deadline=None)
@given(title=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
       point=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_html_shows_any_article_text_as_text(title, point):
    """Whatever the article says, the HTML shows exactly that text (nothing parsed as markup)."""
    import lxml.html

    from toolkit.briefing.content import clean
    from toolkit.model import KeyPoint

    article = replace(article_one(), title=title, key_points=(KeyPoint(text=point, section=None, kind="list"),))
    html = render(assemble([article], generated="2024-01-01"), "html")
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//h1")[0].text_content() == (clean(title) or "无标题文章")
    items = [li.text_content() for li in tree.xpath("//article/ul[not(@class)]/li")]
    assert items == ([clean(point)] if clean(point) else [])
    assert not tree.xpath("//script")


def test_a_briefing_built_by_hand_without_labels_renders():
    from toolkit.briefing import Briefing

    bare = Briefing(articles=(article_two(),), version="9.9", generated="2024-01-01")
    md = render(bare, "md")
    assert md.startswith("# 东南亚市场里的软件服务") and "## 摘要" in md and "toolkit 9.9 于 2024-01-01" in md
    assert render(Briefing(articles=(), combined=True), "html").count("<h1>综合简报</h1>") == 1


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_markdown_cells_never_split_a_row(text):
    """An escaped cell has no unescaped pipe and no line break, whatever the article says."""
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell
    assert not re.search(r"(?<!\\)(?:\\\\)*\|", cell)


def test_takeaway_prefers_the_lead_and_stays_one_short_line():
    from toolkit.briefing.content import TAKEAWAY_CHARS, takeaway

    assert takeaway("编辑导语写的一句话。第二句不要。", "摘要第一句。") == "编辑导语写的一句话。"
    assert takeaway(None, "摘要第一句。摘要第二句。") == "摘要第一句。"
    assert takeaway("  ", "") == ""
    long = "这是一个很长的句子" * 6 + "，" + "后面还有更多的内容" * 6 + "。"
    cut = takeaway(long, "")
    assert len(cut) <= TAKEAWAY_CHARS + 2 and cut.endswith("……")
    assert cut.startswith("这是一个很长的句子") and "，" not in cut
