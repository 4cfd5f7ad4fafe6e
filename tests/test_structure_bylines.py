"""Credits lines: a media account's masthead of role / name pairs."""

from __future__ import annotations

import pytest

from toolkit.readers import read_text
from toolkit.readers.audit import lost_text
from toolkit.readers.bylines import _credits

PARA = "跨境物流价格持续上涨，中小卖家不得不重新计算每一单的利润。"


@pytest.mark.parametrize(
    "line,authors,reason",
    [
        ("主笔 / 林木 文章架构师 / 石头 出品 /某某财经", ("林木",), "author_bio"),
        ("文｜林木 编｜石头", ("林木",), "author_bio"),
        ("作者：林木 编辑：石头 排版：小米", ("林木",), "author_bio"),
        ("编辑 | 石头 视觉 | 小米", (), "byline"),
        ("文 | 林木 石头 编辑 | Reno 数据支持 | 某研究院", ("林木", "石头"), "author_bio"),
        ("作者丨林木 编辑丨石头 主编丨小米", ("林木",), "author_bio"),
    ],
)
def test_credits_line_is_removed_and_names_only_authors(line: str, authors: tuple[str, ...], reason: str) -> None:
    text = "\n\n".join([PARA, PARA, PARA, line]) + "\n"
    doc = read_text(text, format="md")
    assert [(r.text, r.reason) for r in doc.removed] == [(line, reason)]
    assert doc.meta.authors == authors
    assert lost_text(text, doc) == ""


@pytest.mark.parametrize("line", ["主笔 / 林木认为，涨价会持续到年底", "编辑：石头", "作者 林木 编辑 石头"])
def test_lines_that_are_not_only_credits(line: str) -> None:
    assert _credits(line) is None
