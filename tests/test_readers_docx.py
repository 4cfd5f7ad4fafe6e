"""docx reader: styles -> headings/lists, tables in body order, core properties."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_readers_markdown import kept_in_order, raw_json

from toolkit.errors import CorruptDocument
from toolkit.readers import read
from toolkit.readers.docx import read_docx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_body_order_styles_and_core_properties() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "出海简报"
    d.core_properties.author = "张三；李四"
    d.core_properties.keywords = "出海, 海外仓"
    d.core_properties.subject = "市场"
    d.core_properties.created = dt.datetime(2024, 1, 2, 3, 4, 5)
    d.add_paragraph("出海简报", style="Title")  # repeats the core title: removed, not body
    d.add_paragraph("导语段落。")
    d.add_heading("一、背景", level=1)
    d.add_paragraph("要点甲", style="List Bullet")
    d.add_paragraph("要点乙", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "指标", (0, 1): "数值", (1, 0): "GMV", (1, 1): "10亿"}.items():
        table.cell(r, c).text = text
    d.add_paragraph("表后段落。")
    d.add_heading("1.1 细节", level=2)
    d.add_paragraph("步骤一", style="List Number")
    d.add_paragraph("步骤二", style="List Number")
    d.add_paragraph("引用的话。", style="Quote")
    raw = read_docx(_save(d))
    assert raw.meta == {"title": "出海简报", "title_source": "docx_core", "authors": ["张三", "李四"],
                        "date": "2024-01-02", "tags": ["出海", "海外仓", "市场"]}
    got = [(i.kind, i.text, i.level, i.marker, i.ordered) for i in raw.items if i.kind != "table"]
    assert got == [
        ("removed", "出海简报", 0, "", False),
        ("line", "导语段落。", 0, "", False),
        ("heading", "一、背景", 1, "", False),
        ("list_item", "要点甲", 0, "-", False),
        ("list_item", "要点乙", 0, "-", False),
        ("line", "表后段落。", 0, "", False),
        ("heading", "1.1 细节", 2, "", False),
        ("list_item", "步骤一", 0, "1.", True),
        ("list_item", "步骤二", 0, "2.", True),
        ("quote", "引用的话。", 0, "", False),
    ]
    kinds = [i.kind for i in raw.items]
    assert kinds.index("table") == kinds.index("list_item") + 2  # between the list and the next paragraph
    assert raw.items[kinds.index("table")].rows == (("指标", "数值"), ("GMV", "10亿"))


def test_title_style_without_core_title_and_template_defaults_ignored() -> None:
    import docx

    d = docx.Document()  # python-docx's template says author "python-docx", created 2013
    d.add_paragraph("海外仓报告", style="Title")
    d.add_heading("一、概况", level=1)
    d.add_heading("二、建议", level=1)
    raw = read_docx(_save(d))
    assert raw.meta == {"title": "海外仓报告", "title_source": "docx_title"}
    assert [(i.kind, i.level) for i in raw.items] == [("heading", 1), ("heading", 1)]


def test_single_heading1_first_is_the_title() -> None:
    import docx

    d = docx.Document()
    d.add_heading("跨境电商观察", level=1)
    d.add_heading("背景", level=2)
    d.add_paragraph("正文。")
    raw = read_docx(_save(d))
    assert raw.meta["title"] == "跨境电商观察" and raw.meta["title_source"] == "docx_heading"
    assert raw.items[0].kind == "heading" and raw.items[0].level == 1


def test_merged_cells_count_once() -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "合并标题"
    for c, text in enumerate(("甲", "乙", "丙")):
        table.cell(1, c).text = text
    raw = read_docx(_save(d))
    assert raw.items[0].rows == (("合并标题",), ("甲", "乙", "丙"))


def test_damaged_xml_is_corrupt_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(CorruptDocument):
        read(path)


def test_example_docx_golden(golden) -> None:
    raw = read_docx((EXAMPLES / "dongnanya_brief.docx").read_bytes())
    golden("readers/dongnanya_brief.json", raw_json(raw))


_TEXT = st.text(alphabet=st.sampled_from("出海企业跨境电商本地化，。GMV12 "), min_size=1, max_size=20).filter(str.strip)
_BLOCK = st.one_of(
    st.tuples(st.just("p"), _TEXT),
    st.tuples(st.sampled_from(["Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Quote", "Title"]), _TEXT),
    st.tuples(st.just("table"), st.lists(st.lists(_TEXT, min_size=2, max_size=2), min_size=1, max_size=3)),
)


@given(st.lists(_BLOCK, min_size=1, max_size=10))
@settings(max_examples=40, deadline=None)
def test_no_han_character_is_lost(blocks: list) -> None:
    """Whatever the styles and tables, every Han character is kept, in body order."""
    import docx

    d = docx.Document()
    written = []
    for kind, value in blocks:
        if kind == "table":
            table = d.add_table(rows=len(value), cols=2)
            for r, row in enumerate(value):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            written.extend(text for row in value for text in row)
        else:
            d.add_paragraph(value, style=None if kind == "p" else kind)
            written.append(value)
    raw = read_docx(_save(d))
    assert kept_in_order("\n".join(written), raw)


def test_text_box_words_are_kept_once() -> None:
    """Text boxes (DrawingML with a VML fallback copy) are read, and only once."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    paragraph = d.add_paragraph("正文前")
    paragraph._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t>'
        '</w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>'
        '<w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    d.add_paragraph("正文后")
    raw = read_docx(_save(d))
    assert [(i.kind, i.text) for i in raw.items] == [("line", "正文前"), ("line", "文本框内容"), ("line", "正文后")]


def test_table_nested_in_a_cell_keeps_its_words() -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "外层"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层甲"
    inner.cell(0, 1).text = "内层乙"
    raw = read_docx(_save(d))
    assert raw.items[0].rows == (("外层", "内层甲 内层乙"),)
