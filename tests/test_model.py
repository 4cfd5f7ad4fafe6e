"""The document model's JSON contract and its invariants."""

from __future__ import annotations

import json

from toolkit.model import Document, ListBlock, ListItem, Meta, Paragraph, Section, Table


def make_doc() -> Document:
    sub = Section(number="1.1", heading="子节", level=2, body=(Paragraph(text="乙。"),))
    top = Section(number="1", heading="引言", level=1, body=(Paragraph(text="甲。"),), sections=(sub,))
    return Document(
        meta=Meta(title="标题", title_source="first_line", authors=("张三",)),
        body=(ListBlock(ordered=True, items=(ListItem(marker="①", text="丙"),)),),
        sections=(top,),
    )


def test_json_contract_keys() -> None:
    data = make_doc().to_dict()
    assert data["schema"] == "toolkit.document/1"
    assert list(data) == ["schema", "meta", "body", "sections", "references", "notes", "removed"]
    assert list(data["sections"][0]) == ["number", "heading", "level", "inferred", "body", "sections"]
    assert data["body"][0]["type"] == "list" and data["body"][0]["items"][0] == {"marker": "①", "text": "丙"}
    assert data["sections"][0]["sections"][0]["number"] == "1.1"
    json.dumps(data, ensure_ascii=False)


def test_walk_and_plain_text_keep_reading_order() -> None:
    doc = make_doc()
    assert [s.heading for s in doc.walk_sections()] == ["引言", "子节"]
    assert doc.plain_text().splitlines() == ["标题", "① 丙", "1 引言", "甲。", "1.1 子节", "乙。"]


def test_table_block_text() -> None:
    doc = Document(body=(Table(label="表1", caption="业务", rows=(("a", "b"),)),))
    assert "a | b" in doc.plain_text()
