"""The Word briefing, checked through its XML parts (never raw bytes)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from _brief_samples import GLOSSARY, article_one, article_two, combined, single
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.briefing import assemble
from toolkit.errors import CorruptDocument, InputNotFound
from toolkit.writers import render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

#: characters that exist only in simplified Chinese (their traditional forms differ)
SIMPLIFIED_ONLY = set("这们个说为时对会经过还进电东长开门问间区业务产场软数网络实现见关语义释简体录页无标题节发")
#: XML-illegal characters Word refuses
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {
            name: etree.fromstring(zf.read(name))
            for name in zf.namelist()
            if name.endswith(".xml") and name.startswith(("word/", "docProps/"))
        }


def normalised(element: etree._Element) -> str:
    """document.xml without rsid noise, pretty-printed, footer date/version masked."""
    text = etree.tostring(element, pretty_print=True, encoding="unicode")
    text = re.sub(r' w:rsid\w*="[^"]*"', "", text)
    return re.sub(r"toolkit \S+ 于 \S+ 生成", "toolkit VERSION 于 DATE 生成", text)


def body_text(doc: etree._Element) -> str:
    return "".join(doc.xpath("//w:t/text()", namespaces=NS))


@pytest.fixture(scope="module")
def single_docx() -> bytes:
    return render(single(), "docx")


@pytest.fixture(scope="module")
def single_parts(single_docx: bytes) -> dict[str, etree._Element]:
    return parts(single_docx)


def test_heading_styles_are_real_word_headings(single_parts):
    doc = single_parts["word/document.xml"]
    used = set(doc.xpath("//w:pStyle/@w:val", namespaces=NS))
    assert {"Title", "Heading1", "Heading2"} <= used
    # the inferred subsection (level 2 under a level-1 part) becomes Heading 3
    assert "Heading3" in used
    styles = single_parts["word/styles.xml"]
    for style_id in ("Heading1", "Heading2", "Heading3"):
        names = styles.xpath(f"//w:style[@w:styleId='{style_id}']/w:name/@w:val", namespaces=NS)
        assert names and names[0].lower().startswith("heading"), style_id


def test_toc_field_present_and_updates_on_open(single_parts):
    doc = single_parts["word/document.xml"]
    instr = " ".join(doc.xpath("//w:instrText/text()", namespaces=NS))
    assert re.search(r'TOC \\o "1-2"', instr)
    kinds = doc.xpath("//w:fldChar/@w:fldCharType", namespaces=NS)
    # every field that begins also separates and ends (TOC and nothing left open)
    assert kinds.count("begin") == kinds.count("end") == kinds.count("separate") >= 1
    update = single_parts["word/settings.xml"].xpath("//w:updateFields/@w:val", namespaces=NS)
    assert update == ["true"]


def test_title_in_page_header(single_parts):
    headers = [el for name, el in single_parts.items() if name.startswith("word/header")]
    assert "".join(t for h in headers for t in h.xpath("//w:t/text()", namespaces=NS)) == article_one().title


def test_page_number_field_in_footer(single_parts):
    footers = [el for name, el in single_parts.items() if name.startswith("word/footer")]
    assert footers, "no footer part"
    instr = " ".join(t for f in footers for t in f.xpath("//w:instrText/text()", namespaces=NS))
    assert "PAGE" in instr


def test_east_asian_font_on_every_style_used(single_parts):
    styles = single_parts["word/styles.xml"]
    defaults = styles.xpath("//w:docDefaults//w:rFonts/@w:eastAsia", namespaces=NS)
    assert defaults == ["Noto Sans CJK SC"]
    used = {"Normal"}
    for name, part in single_parts.items():
        if name.startswith(("word/document", "word/header", "word/footer")):
            used |= set(part.xpath("//w:pStyle/@w:val | //w:tblStyle/@w:val", namespaces=NS))
    assert {"Header", "Footer", "TableGrid", "Heading1"} <= used
    for style_id in used:
        fonts = styles.xpath(f"//w:style[@w:styleId='{style_id}']/w:rPr/w:rFonts", namespaces=NS)
        assert fonts and fonts[0].get(f"{{{W}}}eastAsia") == "Noto Sans CJK SC", style_id
        # a theme attribute would override the explicit font in Word
        assert fonts[0].get(f"{{{W}}}eastAsiaTheme") is None, style_id


def test_document_language_set(single_parts):
    styles, settings_xml = single_parts["word/styles.xml"], single_parts["word/settings.xml"]
    assert styles.xpath("//w:docDefaults//w:lang/@w:eastAsia", namespaces=NS) == ["zh-CN"]
    assert settings_xml.xpath("//w:themeFontLang/@w:eastAsia", namespaces=NS) == ["zh-CN"]


def test_traditional_edition_fonts_and_language():
    data = render(single(script="tw"), "docx")
    p = parts(data)
    assert p["word/styles.xml"].xpath("//w:docDefaults//w:lang/@w:eastAsia", namespaces=NS) == ["zh-TW"]
    assert p["word/styles.xml"].xpath("//w:docDefaults//w:rFonts/@w:eastAsia", namespaces=NS) == ["Noto Sans CJK TC"]
    hk = parts(render(single(script="hk"), "docx", font="Source Han Sans HC"))
    assert hk["word/styles.xml"].xpath("//w:docDefaults//w:lang/@w:eastAsia", namespaces=NS) == ["zh-HK"]
    assert hk["word/styles.xml"].xpath("//w:docDefaults//w:rFonts/@w:eastAsia", namespaces=NS) == ["Source Han Sans HC"]


def _empty_runs(doc: etree._Element) -> list[etree._Element]:
    runs = doc.xpath("//w:r", namespaces=NS)
    return [r for r in runs if not [c for c in r if c.tag != f"{{{W}}}rPr"]]


def test_no_empty_runs(single_parts):
    doc = single_parts["word/document.xml"]
    assert not _empty_runs(doc)
    assert not [t for t in doc.xpath("//w:t", namespaces=NS) if not t.text]


def test_table_header_rows_repeat(single_parts):
    doc = single_parts["word/document.xml"]
    tables = doc.xpath("//w:tbl", namespaces=NS)
    assert len(tables) == 2  # key figures and glossary
    for table in tables:
        rows = table.xpath("w:tr", namespaces=NS)
        assert rows[0].xpath("w:trPr/w:tblHeader/@w:val", namespaces=NS) == ["true"]
        assert not rows[1].xpath("w:trPr/w:tblHeader", namespaces=NS)


def test_core_properties(single_parts):
    core = single_parts["docProps/core.xml"]
    values = {etree.QName(el).localname: el.text for el in core}
    assert values["title"] == "小家电品牌出海的三个阶段"
    assert values["creator"] == "王小明、李华"
    assert values["subject"] == article_one().takeaway
    assert "跨境电商" in values["keywords"]
    assert values["language"] == "zh-CN"


def test_content_reaches_the_document(single_parts):
    text = body_text(single_parts["word/document.xml"])
    a = article_one()
    for needle in [a.title, a.takeaway, a.summary, *(k.text for k in a.key_points), *(g.term for g in GLOSSARY),
                   *(s.heading for s in a.sections), "2.63万亿元", "kuà jìng diàn shāng", "推断分节"]:
        assert needle in text


def test_control_characters_are_stripped():
    dirty = replace(article_one(), title="标题\x00带\x0b控制\x1b字符", summary="摘要\x07文字\ufffe。")
    data = render(assemble([dirty], generated="2024-01-01"), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert not CONTROL.search(xml)
    assert "标题带控制字符" in xml and "摘要文字。" in xml


def test_combined_briefing(single_parts):
    p = parts(render(combined(labels="bilingual"), "docx"))
    doc = p["word/document.xml"]
    headings1 = ["".join(h.xpath(".//w:t/text()", namespaces=NS))
                 for h in doc.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1']", namespaces=NS)]
    assert headings1 == [article_one().title, article_two().title, "术语表 Glossary"]
    # each article and the merged glossary start a page; the contents list shows them only
    breaks = doc.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:pPr/w:pageBreakBefore", namespaces=NS)
    assert len(breaks) == 3
    assert 'TOC \\o "1-1"' in " ".join(doc.xpath("//w:instrText/text()", namespaces=NS))
    text = body_text(doc)
    assert "综合简报 Combined briefing" in text and "摘要 Summary" in text
    # one merged glossary: a term shared by both articles appears once in it
    table = doc.xpath("//w:tbl", namespaces=NS)[-1]
    terms = ["".join(r.xpath("w:tc[1]//w:t/text()", namespaces=NS)) for r in table.xpath("w:tr", namespaces=NS)[1:]]
    assert sorted(terms) == sorted({g.term for g in GLOSSARY})


def test_traditional_edition_has_no_simplified_only_characters(tmp_path):
    locked = tmp_path / "locked.tsv"
    locked.write_text("软件\t软件\n", encoding="utf-8")  # keep this brand-style term as written
    briefing = combined(script="tw", terms=[str(locked)])
    doc = parts(render(briefing, "docx"))["word/document.xml"]
    text = body_text(doc)
    assert "软件" in text  # the locked term kept its simplified form
    leftover = SIMPLIFIED_ONLY & set(text.replace("软件", ""))
    assert not leftover, f"simplified-only characters in a tw edition: {sorted(leftover)}"
    assert "術語表" in text and "摘要" in text  # the frame converted too


def test_normalised_document_xml_golden(single_parts, golden):
    golden("brief/single.document.xml", normalised(single_parts["word/document.xml"]))


def _reference_doc(path):
    import docx
    from docx.shared import Cm, Pt

    ref = docx.Document()
    section = ref.sections[0]
    section.page_width, section.page_height = Cm(18.2), Cm(25.7)  # B5
    section.left_margin = section.right_margin = Cm(1.7)
    section.header.paragraphs[0].text = "内部资料 REFERENCE HEADER"
    section.footer.paragraphs[0].text = "REFERENCE FOOTER"
    ref.styles["Normal"].font.size = Pt(13)
    ref.styles["Heading 1"].font.size = Pt(21)
    ref.add_paragraph("REFERENCE BODY TEXT that must not survive")
    ref.add_table(rows=1, cols=1)
    ref.save(str(path))
    return path


def test_reference_doc_supplies_styles_page_header_footer(tmp_path):
    ref = _reference_doc(tmp_path / "ref.docx")
    p = parts(render(single(), "docx", reference_doc=ref))
    doc, styles = p["word/document.xml"], p["word/styles.xml"]
    text = body_text(doc)
    assert "REFERENCE BODY" not in text and article_one().title in text
    assert len(doc.xpath("//w:tbl", namespaces=NS)) == 2  # the reference's table is gone too
    page = doc.xpath("//w:body/w:sectPr/w:pgSz", namespaces=NS)[0]
    assert int(page.get(f"{{{W}}}w")) == round(18.2 / 2.54 * 1440)
    headers = " ".join(t for n, el in p.items() if n.startswith("word/header") for t in el.xpath("//w:t/text()", namespaces=NS))
    footers = " ".join(t for n, el in p.items() if n.startswith("word/footer") for t in el.xpath("//w:t/text()", namespaces=NS))
    assert "REFERENCE HEADER" in headers and "REFERENCE FOOTER" in footers
    assert styles.xpath("//w:style[@w:styleId='Normal']/w:rPr/w:sz/@w:val", namespaces=NS) == ["26"]
    assert styles.xpath("//w:style[@w:styleId='Heading1']/w:rPr/w:sz/@w:val", namespaces=NS) == ["42"]
    # the CJK font and language are still set on the reference's styles
    assert styles.xpath("//w:style[@w:styleId='Heading1']/w:rPr/w:rFonts/@w:eastAsia", namespaces=NS) == ["Noto Sans CJK SC"]


def test_reference_doc_without_heading_styles_gets_them(tmp_path):
    import docx

    ref = docx.Document()
    for style in list(ref.styles.element.findall(f"{{{W}}}style")):
        if style.get(f"{{{W}}}styleId") in ("Heading3", "TableGrid"):
            ref.styles.element.remove(style)
    ref.save(str(tmp_path / "bare.docx"))
    p = parts(render(single(), "docx", reference_doc=tmp_path / "bare.docx"))
    assert "Heading3" in set(p["word/document.xml"].xpath("//w:pStyle/@w:val", namespaces=NS))
    assert p["word/styles.xml"].xpath("//w:style[@w:styleId='Heading3']//w:outlineLvl/@w:val", namespaces=NS) == ["2"]


def test_reference_doc_errors(tmp_path):
    with pytest.raises(InputNotFound):
        render(single(), "docx", reference_doc=tmp_path / "missing.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CorruptDocument):
        render(single(), "docx", reference_doc=bad)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=40), summary=st.text(max_size=200), point=st.text(max_size=60))
def test_any_text_gives_a_valid_document(title, summary, point):
    from toolkit.model import KeyPoint

    article = replace(article_one(), title=title, summary=summary, key_points=(KeyPoint(text=point, section=None, kind="list"),))
    data = render(assemble([article], generated="2024-01-01"), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        raw = zf.read("word/document.xml")
    doc = etree.fromstring(raw)  # well-formed XML
    assert not CONTROL.search(raw.decode("utf-8"))
    assert not _empty_runs(doc)


def test_briefings_rendered_in_turn_share_nothing(tmp_path):
    """The base document is opened once and copied: nothing of one briefing leaks into the next."""
    first = parts(render(single(), "docx"))
    second = parts(render(assemble([article_two()], generated="2024-01-01"), "docx"))
    assert article_one().title not in body_text(second["word/document.xml"])
    assert article_two().title not in body_text(first["word/document.xml"])
    footers = [n for n in second if n.startswith("word/footer")]
    assert len(footers) == 1
    ref = _reference_doc(tmp_path / "ref.docx")
    render(single(), "docx", reference_doc=ref)
    again = parts(render(assemble([article_two()], generated="2024-01-01"), "docx", reference_doc=ref))
    assert article_one().title not in body_text(again["word/document.xml"])
    assert "REFERENCE BODY" not in body_text(again["word/document.xml"])
