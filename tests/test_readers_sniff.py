"""Encoding and format sniffing (toolkit.readers.sniff)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import UnreadableInput
from toolkit.readers.sniff import decode_bytes, load, sniff_text_format

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SIMPLIFIED = [
    "出海",
    "跨境电商",
    "海外仓和全托管",
    "中国企业出海，本地化是关键。",
    "小单快反依赖柔性供应链，GMV增长了三成。",
]
TRADITIONAL = [
    "出海",
    "跨境電商",
    "海外倉和全託管",
    "中國企業出海，在地化是關鍵。",
    "小單快反依賴柔性供應鏈，GMV成長了三成。",
]


@pytest.mark.parametrize("text", SIMPLIFIED)
def test_short_gb18030_is_gb18030(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("gb18030"))
    assert (decoded, encoding) == (text, "gb18030")


@pytest.mark.parametrize("text", TRADITIONAL)
def test_short_big5_is_big5(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("big5"))
    assert (decoded, encoding) == (text, "big5")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("跨境电商出海".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "跨境电商出海".encode(), "utf-8-sig"),
        ("\ufeff跨境电商出海".encode("utf-16-le"), "utf-16-le"),
        ("\ufeff跨境电商出海".encode("utf-16-be"), "utf-16-be"),
        ("plain ASCII text about GMV\n".encode("utf-16-le"), "utf-16-le"),
        (b"only ascii\n", "utf-8"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert "\ufeff" not in text
    assert "跨境电商出海" in text or "ascii" in text.lower()


@pytest.mark.parametrize(
    ("name", "encoding", "fmt"),
    [
        ("bendihua_gb18030.txt", "gb18030", "txt"),
        ("zaidihua_big5.txt", "big5", "txt"),
        ("haiwaicang_plain.txt", "utf-8", "txt"),
        ("quantuoguan_frontmatter.md", "utf-8", "md"),
        ("zhibo_page.html", "utf-8", "html"),
        ("dongnanya_brief.docx", None, "docx"),
    ],
)
def test_examples_are_sniffed(name: str, encoding: str | None, fmt: str) -> None:
    loaded = load(EXAMPLES / name)
    assert (loaded.encoding, loaded.format) == (encoding, fmt)


def test_long_articles_decode_the_same_as_written() -> None:
    gb = (EXAMPLES / "bendihua_gb18030.txt").read_bytes()
    big5 = (EXAMPLES / "zaidihua_big5.txt").read_bytes()
    assert decode_bytes(gb) == (gb.decode("gb18030"), "gb18030")
    assert decode_bytes(big5) == (big5.decode("big5"), "big5")


@given(st.text(alphabet=st.sampled_from("出海企业跨境电商本地化海外仓全托管供应链市场增长，。的是了在有和"), min_size=6, max_size=60))
@settings(max_examples=60, deadline=None)
def test_gb18030_round_trip(text: str) -> None:
    """Simplified text (6+ characters) saved as GB18030 reads back as itself.

    Shorter strings can be genuinely ambiguous (仓仓 in GB18030 is 累累 in Big5); the
    short domain terms of SIMPLIFIED/TRADITIONAL above are checked one by one.
    """
    decoded, encoding = decode_bytes(text.encode("gb18030"))
    assert decoded == text
    assert encoding in ("gb18030", "utf-8")  # a few byte strings are also valid UTF-8


def test_front_matter_html_txt_is_markdown(shared: Path) -> None:
    seed = next((shared / "corpus" / "seeds").glob("001_*.txt"))
    assert load(seed).format == "md"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("---\ntitle: x\n---\n<p>正文</p>\n", "md"),
        ("<!DOCTYPE html><html><body><p>正文</p></body></html>", "html"),
        ("<div>\n<p>一</p>\n<p>二</p>\n</div>\n", "html"),
        ("# 标题\n\n正文。\n", "md"),
        ("一、背景\n正文。\n二、结论\n正文。\n", "txt"),
        ("#专栏作家# 孟某，作者。\n正文。\n", "txt"),
        ("{% hint style=\"info\" %}\n**Author:** 某人\n{% endhint %}\n正文\n", "md"),
    ],
)
def test_sniff_text_format(text: str, fmt: str) -> None:
    assert sniff_text_format(text) == fmt


def test_invalid_utf8_after_meta_charset_says_where() -> None:
    data = '<html><head><meta charset="utf-8"></head><body>\n<p>出海</p>'.encode() + b"\xff" + b"</body>"
    with pytest.raises(UnreadableInput, match=r"declares UTF-8 .* line 2, column 10"):
        decode_bytes(data)


def test_utf8_damaged_midway_is_named() -> None:
    data = ("跨境电商出海本地化" * 5).encode() + b"\xff\xfe" + "结尾".encode()
    with pytest.raises(UnreadableInput, match="UTF-8 text with invalid bytes"):
        decode_bytes(data)


@given(st.text(alphabet=st.sampled_from("出海企業跨境電商在地化海外倉全託管供應鏈市場成長，。的是了在有和「」"), min_size=6, max_size=60))
@settings(max_examples=60, deadline=None)
def test_big5_round_trip(text: str) -> None:
    """Traditional text (6+ characters) saved as Big5 reads back as itself."""
    decoded, encoding = decode_bytes(text.encode("big5"))
    assert decoded == text
    assert encoding in ("big5", "utf-8")


@pytest.mark.parametrize(("charset", "codec", "text", "name"), [("gbk", "gbk", "仓仓", "gb18030"), ("GB2312", "gb2312", "仓仓", "gb18030"),
                                                              ("big5", "big5", "仓仓".replace("仓", "倉"), "big5")])
def test_declared_legacy_charset_is_honoured(charset: str, codec: str, text: str, name: str) -> None:
    """A page that says its charset is read with it, even where the bytes alone are ambiguous."""
    page = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    assert decode_bytes(page.encode(codec)) == (page, name)


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("page.md", "<!DOCTYPE html><html><body><h1>标题</h1><p>正文</p></body></html>", "html"),
        ("page.txt", "<html><body><p>正文</p></body></html>", "html"),
        ("notes.md", "# 标题\n\n正文。\n", "md"),
        ("article", "一、背景\n正文。\n", "txt"),  # no extension: sniffed
        ("article.text", "---\ntitle: 标题\n---\n正文\n", "md"),  # .text is sniffed like .txt
    ],
)
def test_content_overrides_extension(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert load(path).format == fmt


def test_a_stray_nul_is_dropped_but_nul_laden_bytes_are_binary() -> None:
    text = "跨境电商企业出海，本地化运营与海外仓建设同步推进。" * 20
    data = text.encode()
    assert decode_bytes(data[:30] + b"\x00" + data[30:]) == (text, "utf-8")
    with pytest.raises(UnreadableInput, match="binary"):
        decode_bytes(b"\x00\x01\x02\x00" * 50 + data)
