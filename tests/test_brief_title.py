"""Working titles for untitled articles: where they come from, and that they are marked.

The articles here are written for these tests; the corpus check at the end reads
../shared and skips without it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from _brief_samples import article_one
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit.briefing import assemble, brief
from toolkit.briefing.context import template_context
from toolkit.briefing.title import TERM_SEPARATOR, TITLE_CHARS, clause_title, terms_title, working_title
from toolkit.writers import render

#: flat text with no title line, no headings: what the parser leaves untitled
UNTITLED = """在全球能源转型加速的背景下，储能电池正成为中国企业进入欧洲市场的新抓手。
欧洲家庭储能装机量去年增长了35%，德国和意大利占了一半以上，电价波动让家庭愿意为储能系统付费。
运输一个集装箱的电池需要40天左右，本地工厂可以把交付周期缩短到两周，储能电池企业因此开始在欧洲建厂。
欧洲工厂的人工成本约为国内的3倍，能源价格也更高，企业需要在自动化上投入更多资金。
一些企业选择与当地车企合资，以降低审批和用工方面的风险，储能电池的本地化生产也能帮助企业满足欧盟的电池法规。
"""

TITLED = "---\ntitle: 储能电池企业的欧洲工厂\n---\n\n" + UNTITLED


@pytest.fixture(scope="module")
def untitled_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("untitled") / "0042_a1b2c3d4e5f6.txt"
    path.write_text(UNTITLED, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def untitled_briefing(untitled_path):
    return brief(untitled_path, generated="2024-01-01")


# --- the clause -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a framing clause first: the statement after it is the title
        ("在全球能源转型加速的背景下，储能电池正成为中国企业进入欧洲市场的新抓手。", "储能电池正成为中国企业进入欧洲市场的新抓手"),
        ("随着监管收紧，跨境支付公司开始分别申请牌照。", "跨境支付公司开始分别申请牌照"),
        ("近年来，中东电商交易额保持两位数增长。", "中东电商交易额保持两位数增长"),
        # traditional script: the same cues
        ("隨著監管收緊，跨境支付公司開始分別申請牌照。", "跨境支付公司開始分別申請牌照"),
        # clauses joined across a comma while they fit, an ASCII comma made full-width
        ("淘宝意外走红海外,下载量飙升。", "淘宝意外走红海外，下载量飙升"),
        # a quoted kicker loses its marks
        ("“越野车出海路，传统车企的新机会。”", "越野车出海路，传统车企的新机会"),
    ],
)
def test_clause_title(sentence, title):
    assert clause_title(sentence) == title


@pytest.mark.parametrize(
    "sentence",
    [
        "如果补贴退坡，储能电池企业的利润会大幅下降。",  # conditional: not the article's claim
        "这个词在日本商业圈子里流传了二十多年。",  # leans on what came before
        "本文将从三个方面分析储能电池企业的出海路径。",  # the article talking
        "我们认为储能电池企业应当尽快在欧洲建厂。",  # first person
        "小红书作为国内领先的生活方式分享平台，正在加快出海。",  # the subject is in the set-up
        "储能电池企业在欧洲建厂不仅可以缩短交付周期，还能满足当地法规对碳足迹披露的要求。",  # too long
        "“加拉帕戈斯化”，2025年初。",  # a quoted term and a date: no statement
        "储能、光伏、电网。",  # a list
        "",
    ],
)
def test_clause_title_refuses(sentence):
    assert clause_title(sentence) is None


@given(st.text(alphabet=st.sampled_from(list("储能电池企业在欧洲建厂，,：；—“”《》这如果随着我的是。！ab1")), max_size=80))
def test_clause_title_is_short_balanced_and_from_the_sentence(sentence):
    title = clause_title(sentence)
    if title is None:
        return
    assert 0 < len(title) <= TITLE_CHARS
    assert title.count("“") == title.count("”") and title.count("《") == title.count("》")
    assert title.replace("，", ",") in sentence.replace("，", ",")


def test_working_title_prefers_a_clause_naming_a_top_term():
    sentences = ["德国家庭愿意为稳定的电价付费。", "储能电池企业开始在欧洲建厂。"]
    assert working_title(sentences, ["储能电池", "欧洲"]) == "储能电池企业开始在欧洲建厂"
    assert working_title(sentences, ["光伏"]) == "德国家庭愿意为稳定的电价付费"


def test_working_title_falls_back_to_the_top_terms():
    assert working_title(["如果补贴退坡，利润会下降。"], ["储能电池", "欧洲", "合规", "光伏"]) == TERM_SEPARATOR.join(
        ["储能电池", "欧洲", "合规"]
    )
    assert working_title([], []) == ""


def test_terms_title_skips_terms_inside_others():
    assert terms_title(["TikTok", "TikTok Shop", "出海", "Temu"]) == TERM_SEPARATOR.join(["TikTok", "出海", "Temu"])


# --- the briefing -----------------------------------------------------------------


def test_untitled_article_gets_a_derived_title_not_its_file_name(untitled_briefing, untitled_path):
    article = untitled_briefing.articles[0]
    assert article.title_derived
    assert article.title and untitled_path.stem not in article.title
    assert len(article.title) <= TITLE_CHARS
    assert article.origin == str(untitled_path)


def test_titled_article_keeps_its_title(tmp_path):
    path = tmp_path / "titled.md"
    path.write_text(TITLED, encoding="utf-8")
    article = brief(path).articles[0]
    assert article.title == "储能电池企业的欧洲工厂" and not article.title_derived
    context = template_context(brief(path))
    assert not context["title_derived"] and not context["articles"][0]["title_derived"]
    assert all(item["value"] != context["labels"]["title_derived"] for item in context["articles"][0]["cover"])


@pytest.mark.parametrize(("labels", "note"), [("zh", "标题由 toolkit 生成"), ("en", "Title derived by toolkit"),
                                              ("bilingual", "标题由 toolkit 生成")])
def test_markdown_and_html_say_the_title_is_derived(untitled_briefing, untitled_path, labels, note):
    briefing = replace(untitled_briefing, labels={}, label_mode=labels)
    context = template_context(briefing)
    assert context["title_derived"] and context["articles"][0]["title_derived"]
    md = render(briefing, "md")
    assert md.startswith(f"# {untitled_briefing.title}\n")
    assert note in md and untitled_path.name.replace("_", "\\_") in md
    html = render(briefing, "html")
    assert note in html and untitled_path.name in html


def test_docx_title_heading_header_and_properties_agree(untitled_briefing):
    data = render(untitled_briefing, "docx")
    doc = __import__("docx").Document(io.BytesIO(data))
    title = untitled_briefing.title
    assert doc.core_properties.title == title
    assert "标题由 toolkit 生成" in doc.core_properties.comments
    assert doc.paragraphs[0].text == title
    assert any("标题由 toolkit 生成" in p.text for p in doc.paragraphs[1:4])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
    assert any(title in h for h in headers)


def test_traditional_edition_converts_the_derived_title_and_note(untitled_briefing):
    tw = assemble(list(untitled_briefing.articles), script="tw", source_scripts=["hans"])
    assert tw.articles[0].title_derived
    assert tw.articles[0].title != untitled_briefing.articles[0].title  # 储能电池 -> 儲能電池
    assert "標題由 toolkit 生成" in render(tw, "md")


def test_hand_built_briefing_defaults_to_not_derived():
    context = template_context(assemble([article_one()]))
    assert not context["title_derived"]


def test_derived_title_golden(untitled_briefing, golden):
    """The head of the briefing (title, cover, takeaway): the rest is the summariser's."""
    article = replace(untitled_briefing.articles[0], origin="0042_a1b2c3d4e5f6.txt")
    md = render(replace(untitled_briefing, articles=(article,)), "md")
    golden("brief/untitled_head.md", md.split("\n## ", 1)[0])


# --- real untitled articles -------------------------------------------------------


def test_seeds_without_a_title_get_a_readable_one(shared):
    """The untitled seeds: a title of Chinese words, not a hex file name, and marked."""
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    untitled = [p for p in seeds if toolkit.read(p).meta.title is None]
    assert untitled, "no untitled seed to check"
    for path in untitled:
        article = brief(path).articles[0]
        assert article.title_derived, path.name
        assert path.stem not in article.title
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in article.title) >= 5, (path.name, article.title)
        assert len(article.title) <= TITLE_CHARS


# --- empty section digests ----------------------------------------------------------


def test_empty_digests_that_head_nothing_are_dropped():
    from toolkit.briefing.build import drop_empty_digests
    from toolkit.model import SectionDigest

    digests = [
        SectionDigest(heading="一 背景", digest="", level=1),  # parent of 1.1: kept
        SectionDigest(heading="1.1 需求", digest="需求在增长。", level=2),
        SectionDigest(heading="1.2 税率表", digest="", level=2),  # a table only: dropped
        SectionDigest(heading="二 参考文献", digest="", level=1),  # references only: dropped
        SectionDigest(heading="三 结语", digest="企业要本地化。", level=1),
    ]
    assert [d.heading for d in drop_empty_digests(digests)] == ["一 背景", "1.1 需求", "三 结语"]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a set-up after the comma ends the title there
        ("传统的参与者是收单机构和商户，但随着业务场景的发展，新角色出现了。", "传统的参与者是收单机构和商户"),
        # "……后" is the set-up of what follows, not a title
        ("虚拟形象建立完成后，用户可以进入虚拟小镇。", "用户可以进入虚拟小镇"),
    ],
)
def test_clause_title_stops_before_a_set_up(sentence, title):
    assert clause_title(sentence) == title


def test_a_short_place_clause_is_a_set_up():
    assert clause_title("在韩国互联网，人们开始用新词造梗。") == "人们开始用新词造梗"
