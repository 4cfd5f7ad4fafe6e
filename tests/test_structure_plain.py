"""The plain-text reader: lines, and paragraphs hard-wrapped at a fixed width."""

from __future__ import annotations

import textwrap

from toolkit.readers import read_text
from toolkit.readers.plain import read_plain, unwrap, wrap_width

P = "跨境电商企业在海外市场面临的挑战越来越多，本地化运营成为竞争的关键。平台规则不断变化，卖家需要及时调整策略。"
Q = "海外仓把备货前置到目标市场，配送时间从两周缩短到三天，退货也能在当地完成质检和二次上架，库存周转随之加快。"
R = "支付是另一道门槛：东南亚偏爱电子钱包，中东仍有大量货到付款，欧洲消费者则看重分期和退款保障，各地做法差异很大。"


def test_lines_are_stripped_and_blank_lines_dropped() -> None:
    raw = read_plain("　　第一段。\n\n  第二段。  \n")
    assert [i.text for i in raw.items] == ["第一段。", "第二段。"]


def test_hard_wrapped_paragraphs_are_joined_and_headings_kept() -> None:
    text = "\n".join(["海外仓的下一站", *textwrap.wrap(P, 20), "一、为什么", *textwrap.wrap(Q + R, 20), "二、怎么做", *textwrap.wrap(R + P, 20)])
    doc = read_text(text, format="txt")
    assert doc.meta.title == "海外仓的下一站"
    assert [b.text for b in doc.body] == [P]
    assert [(s.heading, [b.text for b in s.body]) for s in doc.sections] == [("为什么", [Q + R]), ("怎么做", [R + P])]


def test_unwrapped_text_is_left_alone() -> None:
    lines = [P, P[:30] + "。", "一、标题", P + P, P[:25] + "。"] * 3
    assert wrap_width(lines) == 0


def test_wrapped_latin_words_keep_a_space() -> None:
    assert unwrap(["Cross border sellers need", "local teams."], 25) == ["Cross border sellers need local teams."]
