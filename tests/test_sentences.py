"""The sentence splitter on the hard cases of Chinese and mixed text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.sentences import split_sentences, split_spans

#: (text, expected sentences)
HARD_CASES = [
    ("今天下雨。明天晴天！后天呢？", ["今天下雨。", "明天晴天！", "后天呢？"]),
    ("他说：“我们走吧。”然后离开了。", ["他说：“我们走吧。”", "然后离开了。"]),
    ("（这是括号里的话。）下一句。", ["（这是括号里的话。）", "下一句。"]),
    ("营收达2.63万亿元，同比增长10.8%。利润下降。", ["营收达2.63万亿元，同比增长10.8%。", "利润下降。"]),
    ("详见 https://example.com/a.b?x=1&y=2 的说明。再见。", ["详见 https://example.com/a.b?x=1&y=2 的说明。", "再见。"]),
    ("美国(U.S.)经济放缓。e.g. 这种情况很常见。", ["美国(U.S.)经济放缓。", "e.g. 这种情况很常见。"]),
    ("他在《人生的经营。上卷》一书中坦言。下一句", ["他在《人生的经营。上卷》一书中坦言。", "下一句"]),
    ("第一行没有句号\n第二行也没有", ["第一行没有句号", "第二行也没有"]),
    ("一是合规；二是分散风险；三是本地化。", ["一是合规；", "二是分散风险；", "三是本地化。"]),
    ("手机、家电……这些曾经的骄傲。", ["手机、家电……", "这些曾经的骄傲。"]),
    ("真的吗?!是的!", ["真的吗?!", "是的!"]),
    ("He left. Dr. Smith stayed at 3.5 p.m. today.", ["He left.", "Dr. Smith stayed at 3.5 p.m. today."]),
    ("1. 产品矩阵失效。\n2. 电商困局", ["1. 产品矩阵失效。", "2. 电商困局"]),
    ("Apple Inc. 发布新品。", ["Apple Inc. 发布新品。"]),
    ("“好。”", ["“好。”"]),
    ("", []),
    ("   \n  \n", []),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_punctuation_only_piece_joins_previous_sentence() -> None:
    assert split_sentences("结束了。”") == ["结束了。”"]
    assert split_sentences("好。。。") == ["好。。。"]


def test_spans_point_back_into_the_text() -> None:
    text = "第一句。 第二句！\n第三句"
    for span in split_spans(text):
        assert text[span.start : span.end] == span.text


_ALPHABET = st.sampled_from(list("中文字词句出海。！？!?；…，,.“”《》（）() \n0123456789abcXYZ%"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_no_character_lost_or_reordered(text: str) -> None:
    """Sentences concatenated give back every non-space character, in order."""
    joined = "".join(split_sentences(text))
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_sentences_are_stripped_and_non_empty(text: str) -> None:
    for s in split_sentences(text):
        assert s and s == s.strip()
