"""Glossary exports: golden files for the text formats, structure checks for TBX/XLSX/CSV.

Entries are built by hand (not extracted), so these tests pin the writers alone and do
not move when extraction or the built-in termbase improves.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.model import GlossaryEntry
from toolkit.writers import render

ENTRIES = [
    GlossaryEntry(
        term="海外仓", hant="海外倉", pinyin="hǎiwài cāng", english="overseas warehouse", english_source="termbase",
        definition="设在目标市场、用于提前备货的仓库。", context="很多卖家把库存放进海外仓，缩短了配送时间。", frequency=3,
        sources=("a.md", "b.md"), origin="termbase", tw="海外倉", hk="海外倉", english_alt=("overseas fulfilment centre",),
        definition_en="A warehouse in the target market.", domains=("logistics", "cross-border"), score=9.5,
    ),
    GlossaryEntry(
        term="反向海淘", hant="反向海淘", pinyin="fǎnxiàng hǎitáo", english="reverse haitao", english_source="dictionary",
        definition="“反向海淘”，就是海外消费者从中国电商平台下单。", context="所谓“反向海淘”，就是海外消费者从中国电商平台下单。",
        frequency=2, sources=("a.md",), origin="defined", tw="反向海淘", hk="反向海淘", score=6.0,
    ),
    GlossaryEntry(
        term="VOC", hant="VOC", english="Voice of Customer", english_source="text", context="企业用VOC(Voice of Customer)系统|收集评价。",
        frequency=1, sources=("b.md",), origin="parenthetical", score=4.0,
    ),
    GlossaryEntry(term="软件", hant="軟件", tw="軟體", hk="軟件", frequency=1, sources=("b.md",), origin="statistical",
                  context="软件出海\t越来越多。", score=1.0),
]


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "tbx", "md"])
def test_golden_text_formats(fmt, golden):
    # golden files are read back with universal newlines; CSV's CRLF is checked below
    golden(f"glossary/sample.{fmt}", render(ENTRIES, fmt).replace("\r\n", "\n"))


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_golden_taiwan_script(fmt, golden):
    golden(f"glossary/sample.tw.{fmt}", render(ENTRIES, fmt, script="tw"))


def test_json_contract_keys():
    data = json.loads(render(ENTRIES, "json"))
    assert [list(d) for d in data] == [list(GlossaryEntry.CONTRACT_KEYS)] * len(ENTRIES)
    assert data[0]["sources"] == ["a.md", "b.md"]


def test_script_uses_termbase_forms_and_converts_text():
    data = json.loads(render(ENTRIES, "json", script="tw"))
    assert data[3]["term"] == "軟體"  # the entry's Taiwan form, not OpenCC's 軟件
    assert data[0]["definition"].startswith("設在目標市場")
    hk = json.loads(render(ENTRIES, "json", script="hk"))
    assert hk[3]["term"] == "軟件"


def test_csv_has_bom_header_and_neutralises_formulas():
    risky = [GlossaryEntry(term="=HYPERLINK(\"http://x\")", english="+1 formula", definition="-2", context="@SUM(A1)",
                           frequency=1, sources=("x.md",))]
    text = render(risky, "csv")
    assert text.startswith("\ufeff") and text.endswith("\r\n")  # BOM for Excel, RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:2] == ["term", "hant"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["term"] == "'=HYPERLINK(\"http://x\")"
    assert row["english"] == "'+1 formula" and row["definition"] == "'-2" and row["context"] == "'@SUM(A1)"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t"))


def test_tsv_is_three_clean_columns():
    lines = render(ENTRIES, "tsv").splitlines()
    assert len(lines) == 3  # the entry without English is left out
    for line in lines:
        assert len(line.split("\t")) == 3
    assert lines[1].split("\t")[2].startswith("[CC-CEDICT gloss: review]")


def test_tbx_parses_and_has_the_structure():
    from lxml import etree

    root = etree.fromstring(render(ENTRIES, "tbx").encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == len(ENTRIES)
    assert len({e.get("id") for e in entries}) == len(entries)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    first = entries[0]
    assert [ls.get(lang) for ls in first.findall("langSet")] == ["zh-Hans", "zh-Hant", "en"]
    assert first.findtext("langSet[1]/tig/term") == "海外仓"
    assert first.findtext("langSet[2]/tig/term") == "海外倉"
    assert first.findtext("langSet[1]/descrip[@type='definition']").startswith("设在目标市场")
    assert first.find("langSet[1]/tig/descrip[@type='context']") is not None
    assert [t.text for t in first.findall("langSet[3]/tig/term")] == ["overseas warehouse", "overseas fulfilment centre"]
    assert first.findtext("descrip[@type='subjectField']") == "logistics; cross-border"
    # a Taiwan form that differs from the traditional one is its own term with its region
    soft = entries[3]
    tw = [t for t in soft.findall("langSet[2]/tig") if t.findtext("termNote[@type='geographicalUsage']") == "zh-TW"]
    assert tw and tw[0].findtext("term") == "軟體"
    # the dictionary gloss carries its CC BY-SA attribution in the header
    assert "CC BY-SA" in " ".join(root.xpath("//sourceDesc/p/text()"))


def test_xlsx_opens_with_header_frozen_and_filters(tmp_path):
    from openpyxl import load_workbook

    risky = [*ENTRIES, GlossaryEntry(term="=1+1", frequency=1, sources=("x.md",))]
    path = tmp_path / "g.xlsx"
    path.write_bytes(render(risky, "xlsx"))
    book = load_workbook(path)
    sheet = book["Glossary"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["term", "hant", "tw"]
    assert sheet.max_row == len(risky) + 1
    assert sheet.column_dimensions["A"].width > 10
    assert sheet.cell(row=2, column=1).value == "海外仓"
    last = sheet.cell(row=sheet.max_row, column=1)
    assert last.value == "=1+1" and last.data_type == "s"  # text, never a formula
    assert "CC BY-SA" in str(book["About"]["A2"].value)


def test_unknown_script_is_a_usage_error():
    from toolkit.errors import UsageError

    with pytest.raises(UsageError):
        render(ENTRIES, "json", script="xx")


def test_md_template_can_be_overridden(tmp_path):
    (tmp_path / "glossary.md").write_text("{% for e in entries %}{{ e.term }};{% endfor %}\n", encoding="utf-8")
    assert render(ENTRIES, "md", template_dir=str(tmp_path)) == "海外仓;反向海淘;VOC;软件;\n"


_ANY_TEXT = st.text(max_size=40)


@settings(max_examples=30, deadline=None)
@given(term=st.text(min_size=1, max_size=20), english=_ANY_TEXT, definition=_ANY_TEXT, context=_ANY_TEXT)
def test_property_every_format_survives_any_text(term, english, definition, context):
    from lxml import etree
    from openpyxl import load_workbook

    entry = GlossaryEntry(term=term, english=english or None, definition=definition or None, context=context or None,
                          frequency=1, sources=("s",))
    root = etree.fromstring(render([entry], "tbx").encode("utf-8"))
    assert len(root.findall("./text/body/termEntry")) == 1
    root = etree.fromstring(render([entry], "tbx3").encode("utf-8"))
    assert len(root.findall(f"./{TBX3}text/{TBX3}body/{TBX3}conceptEntry")) == 1
    book = load_workbook(io.BytesIO(render([entry], "xlsx")))
    assert book["Glossary"].max_row == 2
    rows = list(csv.reader(io.StringIO(render([entry], "csv").lstrip("\ufeff"))))
    assert len(rows) == 2 and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in rows[1])
    json.loads(render([entry], "json"))


# -- TBX v3 (ISO 30042:2019, TBX-Basic DCA) --------------------------------------------------

TBX3 = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: TBX-Basic's data categories and the level each may sit on (the dialect's DCA Schematron)
DESCRIP_AT = {"definition": "langSec", "context": "termSec", "subjectField": "conceptEntry"}
TERM_NOTES = {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation",
              "termType"}


def _local(el) -> str:
    return el.tag.removeprefix(TBX3)


def test_golden_tbx3(golden):
    golden("glossary/sample.v3.tbx", render(ENTRIES, "tbx3"))


def test_tbx3_root_header_and_one_concept_entry_per_entry():
    from lxml import etree

    root = etree.fromstring(render(ENTRIES, "tbx3").encode("utf-8"))
    assert root.tag == f"{TBX3}tbx" and root.nsmap[None] == TBX3.strip("{}")
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "zh-Hans")
    assert [_local(c) for c in root] == ["tbxHeader", "text"]
    assert root.find(f"{TBX3}tbxHeader/{TBX3}fileDesc/{TBX3}sourceDesc/{TBX3}p") is not None
    assert "CC BY-SA" in " ".join(p.text for p in root.iter(f"{TBX3}p"))
    # nothing of the v2 vocabulary, and every element in the ISO namespace
    assert all(el.tag.startswith(TBX3) for el in root.iter())
    assert not {"martif", "termEntry", "langSet", "tig"} & {_local(el) for el in root.iter()}
    entries = root.findall(f"{TBX3}text/{TBX3}body/{TBX3}conceptEntry")
    assert len(entries) == len(ENTRIES)
    assert len({e.get("id") for e in entries}) == len(entries)
    langs = [[ls.get(XML_LANG) for ls in e.findall(f"{TBX3}langSec")] for e in entries]
    # en only where the entry has English
    assert langs == [["zh-Hans", "zh-Hant", "en"] if g.english else ["zh-Hans", "zh-Hant"] for g in ENTRIES]


def test_tbx3_terms_definitions_and_contexts():
    from lxml import etree

    root = etree.fromstring(render(ENTRIES, "tbx3").encode("utf-8"))
    first, _, _, soft = root.iter(f"{TBX3}conceptEntry")
    hans, hant, en = first.findall(f"{TBX3}langSec")

    def terms(lang_sec):
        return [ts.findtext(f"{TBX3}term") for ts in lang_sec.findall(f"{TBX3}termSec")]

    assert terms(hans) == ["海外仓"] and terms(hant) == ["海外倉"]
    assert terms(en) == ["overseas warehouse", "overseas fulfilment centre"]
    assert hans.findtext(f"{TBX3}descrip[@type='definition']").startswith("设在目标市场")
    assert hant.findtext(f"{TBX3}descrip[@type='definition']").startswith("設在目標市場")
    assert en.findtext(f"{TBX3}descrip[@type='definition']") == "A warehouse in the target market."
    assert hans.findtext(f"{TBX3}termSec/{TBX3}descrip[@type='context']").startswith("很多卖家")
    assert first.findtext(f"{TBX3}descrip[@type='subjectField']") == "logistics; cross-border"
    alt = en.findall(f"{TBX3}termSec")[1]
    assert alt.findtext(f"{TBX3}termNote[@type='administrativeStatus']") == "admittedTerm-admn-sts"
    # a Taiwan form that differs from the traditional one: an extra termSec with its region
    regional = {ts.findtext(f"{TBX3}term"): ts.findtext(f"{TBX3}termNote[@type='geographicalUsage']")
                for ts in soft.findall(f"{TBX3}langSec[@{XML_LANG}='zh-Hant']/{TBX3}termSec")}
    assert regional == {"軟件": None, "軟體": "zh-TW"}


def test_tbx3_puts_data_categories_where_tbx_basic_dca_allows():
    from lxml import etree

    root = etree.fromstring(render(ENTRIES, "tbx3").encode("utf-8"))
    descrips = list(root.iter(f"{TBX3}descrip"))
    assert {d.get("type") for d in descrips} == set(DESCRIP_AT)
    for d in descrips:
        assert _local(d.getparent()) == DESCRIP_AT[d.get("type")], d.get("type")
    for note in root.iter(f"{TBX3}termNote"):
        assert note.get("type") in TERM_NOTES and _local(note.getparent()) == "termSec"
    for term_sec in root.iter(f"{TBX3}termSec"):
        names = [_local(c) for c in term_sec]
        assert names[0] == "term" and names.count("term") == 1
        notes_end = len(names) - names[::-1].index("termNote") if "termNote" in names else 1
        assert set(names[1:notes_end]) <= {"termNote"}  # termNotes come right after the term
    for parent in (*root.iter(f"{TBX3}langSec"), *root.iter(f"{TBX3}conceptEntry")):
        names = [_local(c) for c in parent]
        child = "termSec" if _local(parent) == "langSec" else "langSec"
        assert names[names.index(child):] == [child] * names.count(child)  # auxiliary info first


def test_tbx3_strips_xml_illegal_characters():
    from lxml import etree

    dirty = GlossaryEntry(term="出\x00海", hant="出\x0b海", english="going\x1f abroad", definition="定义\x08。",
                          context="上下文\ufffe。", english_alt=("go\x0cglobal",), frequency=1, sources=("s\x01.md",))
    root = etree.fromstring(render([dirty], "tbx3").encode("utf-8"))
    assert [t.text for t in root.iter(f"{TBX3}term")] == ["出海", "出海", "going abroad", "goglobal"]
    assert root.findtext(f".//{TBX3}langSec/{TBX3}descrip[@type='definition']") == "定义。"
    assert root.findtext(f".//{TBX3}descrip[@type='context']") == "上下文。"
    assert "sources: s.md" in " ".join(n.text for n in root.iter(f"{TBX3}note"))


def test_cli_format_tbx3_writes_a_tbx_file_and_tbx_stays_v2(tmp_path):
    from lxml import etree
    from typer.testing import CliRunner

    from toolkit.cli import app

    article = tmp_path / "a.md"
    article.write_text("# 海外仓\n\n越来越多的卖家使用海外仓备货，海外仓缩短了配送时间。\n", encoding="utf-8")
    runner = CliRunner()
    v3, v2 = tmp_path / "v3.tbx", tmp_path / "v2.tbx"
    result = runner.invoke(app, ["glossary", str(article), "--format", "tbx3", "-o", str(v3)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(v3)).getroot()
    assert root.tag == f"{TBX3}tbx"
    assert "海外仓" in [t.text for t in root.iter(f"{TBX3}term")]
    result = runner.invoke(app, ["glossary", str(article), "-o", str(v2)])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(v2)).getroot().tag == "martif"  # the .tbx suffix alone still means v2
    result = runner.invoke(app, ["glossary", str(article), "-o", str(tmp_path / "x.tbx3")])
    assert result.exit_code == 2 and "--format tbx3" in result.output


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_tbx_all_capital_latin_terms_are_abbreviations_whatever_their_origin(fmt):
    from lxml import etree

    entries = [
        *ENTRIES,
        GlossaryEntry(term="GMV", english="gross merchandise volume", frequency=3, sources=("c.md",), origin="termbase"),
        GlossaryEntry(term="B2B", frequency=1, sources=("c.md",), origin="statistical"),
        GlossaryEntry(term="TikTok", frequency=1, sources=("c.md",), origin="termbase"),
    ]
    root = etree.fromstring(render(entries, fmt).encode("utf-8"))
    types = {}
    for note in root.xpath("//*[local-name()='termNote'][@type='termType']"):
        term = note.getparent().xpath("*[local-name()='term']/text()")[0]
        types[term] = note.text
    assert types["VOC"] == types["GMV"] == types["B2B"] == "abbreviation"
    assert types["TikTok"] == types["海外仓"] == types["软件"] == "fullForm"
