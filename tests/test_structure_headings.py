"""Heading detection in plain lines and numbers parsed out of explicit headings."""

from __future__ import annotations

import pytest

from toolkit.readers import read_text
from toolkit.readers.headings import glued_split, parse_number
from toolkit.readers.raw import Raw, RawArticle
from toolkit.readers.structure import build

PARA = "跨境卖家在海外市场面临的挑战越来越多，本地化运营成为关键。"


def outline(text: str) -> list[tuple[int, str | None, str]]:
    doc = read_text(text, format="txt")
    return [(s.level, s.number, s.heading) for s in doc.walk_sections() if not s.inferred]


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("一、前置仓出海", "一", "前置仓出海"),
        ("（二）海外仓布局", "二", "海外仓布局"),
        ("(三) 支付本地化", "三", "支付本地化"),
        ("1. 引言", "1", "引言"),
        ("4.1. 全球市场扩张", "4.1", "全球市场扩张"),
        ("6.2.1. 技术创新", "6.2.1", "技术创新"),
        ("第一章 总论", "第一章", "总论"),
        ("第二节 研究方法", "第二节", "研究方法"),
        ("01", "01", ""),
        ("03 结语", "03", "结语"),
        ("价值一：降低拍摄成本", "价值一", "降低拍摄成本"),
    ],
)
def test_parse_number(line: str, number: str, heading: str) -> None:
    assert parse_number(line)[:2] == (number, heading)


@pytest.mark.parametrize("line", ["2025年内将北美物流时效压缩至7天", "2014年9月，公司在纽交所上市", "412,824 |", "1.5倍的增长来自海外", "跨境电商的本质是贸易"])
def test_years_amounts_and_sentences_have_no_number(line: str) -> None:
    assert parse_number(line)[0] is None


def test_schemes_nest_in_order_of_appearance() -> None:
    text = "\n".join(["一、出海背景", PARA, "1. 市场变化", PARA, "2. 政策环境", PARA, "二、出海路径", PARA, "1. 平台模式", PARA, "2. 独立站模式", PARA])
    assert outline(text) == [
        (1, "一", "出海背景"), (2, "1", "市场变化"), (2, "2", "政策环境"),
        (1, "二", "出海路径"), (2, "1", "平台模式"), (2, "2", "独立站模式"),
    ]


def test_arabic_first_makes_arabic_the_top_level() -> None:
    text = "\n".join(["1. 引言", PARA, "2. 方法", PARA, "2.1. 数据来源", PARA, "2.2. 分析框架", PARA, "2.2.1. 指标", PARA, "3. 结论", PARA])
    assert [(lv, n) for lv, n, _ in outline(text)] == [(1, "1"), (1, "2"), (2, "2.1"), (2, "2.2"), (3, "2.2.1"), (1, "3")]


def test_number_alone_lines_are_headings() -> None:
    text = "\n".join([PARA, "01", PARA, PARA, "02", PARA, "03", PARA])
    assert [(n, h) for _, n, h in outline(text)] == [("01", ""), ("02", ""), ("03", "")]


def test_consecutive_numbered_lines_are_a_list_not_headings() -> None:
    text = "\n".join(["一、准备工作", PARA, "1. 注册账号", "2. 提交资料", "3. 开通店铺", "二、运营要点", PARA])
    doc = read_text(text, format="txt")
    assert [s.heading for s in doc.walk_sections()] == ["准备工作", "运营要点"]


def test_sentences_ending_in_full_stop_are_not_headings() -> None:
    text = "\n".join(["1. 企业应当先评估目标市场的合规要求，再决定进入方式。", PARA, "2. 企业应当建立本地团队，逐步积累运营经验并完善售后体系。", PARA])
    assert outline(text) == []


def test_year_lines_are_not_headings() -> None:
    text = "\n".join(["一、物流规划", "2025年内将欧洲物流时效压缩至5天，海外仓投入运营；", "2014年9月，公司在美国上市。", "二、支付规划", PARA])
    assert [h for _, _, h in outline(text)] == ["物流规划", "支付规划"]


def test_glued_heading_is_split_without_losing_text() -> None:
    glued = "1. 海外仓的“最后一公里”难题2019-2024年间,卖家的退货率持续上升,成本高企。"
    text = "\n".join(["一、物流", PARA, glued, PARA, "2. 支付的本地化", PARA])
    doc = read_text(text, format="txt")
    sub = doc.sections[0].sections[0]
    assert (sub.number, sub.heading) == ("1", "海外仓的“最后一公里”难题")
    assert sub.body[0].text.startswith("2019-2024年间")


def test_glued_split_after_head_noun() -> None:
    t = "流量获取与留存的矛盾依赖外部流量导致用户停留时间很短，内容消费深度不足。"
    assert t[: glued_split(t)] == "流量获取与留存的矛盾"
    assert glued_split("出海品牌的机会") == 0


def test_closing_heading_without_number() -> None:
    text = "\n".join(["一、现状", PARA, "二、问题", PARA, "写在最后", PARA])
    assert outline(text)[-1] == (1, None, "写在最后")


def test_explicit_headings_keep_markup_ranks_and_get_numbers() -> None:
    raw = RawArticle(items=[
        Raw(kind="heading", text="一、前置仓出海", level=2),
        Raw(kind="line", text=PARA),
        Raw(kind="heading", text="1. 选址", level=3),
        Raw(kind="line", text=PARA),
        Raw(kind="heading", text="02", level=2),
        Raw(kind="line", text=PARA),
    ])
    doc = build(raw)
    assert [(s.level, s.number, s.heading) for s in doc.walk_sections()] == [(1, "一", "前置仓出海"), (2, "1", "选址"), (1, "02", "")]


def test_title_from_first_short_line_and_none_for_running_text() -> None:
    doc = read_text("海外仓的下一站\n" + PARA + "\n" + PARA, format="txt")
    assert (doc.meta.title, doc.meta.title_source) == ("海外仓的下一站", "first_line")
    doc = read_text(PARA + "\n" + PARA, format="txt")
    assert doc.meta.title is None and doc.meta.title_source is None
    doc = read_text("1. 引言\n" + PARA + "\n2. 方法\n" + PARA, format="txt")
    assert doc.meta.title is None


def test_short_glued_heading_ending_in_colon_is_split() -> None:
    text = "\n".join(["一、布局", PARA, "1. 海外仓的“夹生饭”困局2024年启动的计划暴露矛盾:", "①成本高；", "②时效慢。", "2. 支付的本地化", PARA])
    sub = read_text(text, format="txt").sections[0].sections
    assert [(s.number, s.heading) for s in sub] == [("1", "海外仓的“夹生饭”困局"), ("2", "支付的本地化")]
    assert sub[0].body[0].text == "2024年启动的计划暴露矛盾:"


LONG = "跨境卖家在海外市场面临的挑战越来越多，本地化运营成为关键，平台规则也在不断变化。"


def test_standalone_unnumbered_headings_between_paragraphs() -> None:
    text = "\n".join([LONG, LONG, "深耕成熟市场：香港", LONG, LONG, "扩展新兴市场：沙特", LONG, "下一步怎么走？", LONG])
    assert [h for _, _, h in outline(text)] == ["深耕成熟市场：香港", "扩展新兴市场：沙特", "下一步怎么走？"]


def test_speaker_lines_and_exclamations_are_not_headings() -> None:
    text = "\n".join([LONG, "记者：你怎么看？", LONG, "太难了！", LONG, "“这就是现实。”", LONG])
    assert outline(text) == []
