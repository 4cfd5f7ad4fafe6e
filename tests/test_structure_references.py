"""References: labelled lists at the end, unnumbered ``出处，标题`` entries, link lines."""

from __future__ import annotations

from toolkit.model import Paragraph, Reference
from toolkit.readers import read_text
from toolkit.readers.audit import lost_text

PARA = "物流成本上涨以后，小包直发的卖家利润被压缩到了个位数。"


def test_unnumbered_entries_under_a_closing_label_are_references() -> None:
    entries = ["某财经媒体，海运价格半年翻倍：卖家如何应对", "Some Daily，Why parcel rates keep rising"]
    text = "\n\n".join([PARA, PARA, "参考资料：", *entries]) + "\n"
    doc = read_text(text, format="md")
    assert [r.text for r in doc.references] == entries
    assert all(not (isinstance(b, Paragraph) and b.text in entries) for _, b in doc.iter_blocks())
    assert lost_text(text, doc) == ""


def test_label_followed_by_running_text_takes_no_plain_lines() -> None:
    text = "\n\n".join([PARA, "参考资料：", "某财经媒体，海运价格半年翻倍", PARA + "这一点后文还会展开。"]) + "\n"
    doc = read_text(text, format="md")
    assert doc.references == ()
    assert "某财经媒体，海运价格半年翻倍" in [b.text for _, b in doc.iter_blocks() if isinstance(b, Paragraph)]


def test_link_line_under_an_entry_is_its_url() -> None:
    text = "\n\n".join(
        [PARA, "参考文章", "【1】拆解一家物流公司", "https://example.com/a.html", "【2】海外仓十问", "https://example.com/b.html"]
    ) + "\n"
    doc = read_text(text, format="md")
    assert doc.references == (
        Reference(label="1", text="拆解一家物流公司", url="https://example.com/a.html"),
        Reference(label="2", text="海外仓十问", url="https://example.com/b.html"),
    )
    assert lost_text(text, doc) == ""
