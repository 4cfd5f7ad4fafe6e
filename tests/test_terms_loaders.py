"""Loading user termbases (CSV, TOML, TSV), their errors, and override rules."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.errors import ToolkitError
from toolkit.terms import COLUMNS, Termbase, TermbaseError, TermEntry, load_entries


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ---- CSV ---------------------------------------------------------------------------

def test_csv_with_all_columns(tmp_path):
    path = write(tmp_path, "t.csv", (
        "term,hant,tw,hk,pinyin,english,english_alt,definition,definition_en,domains,note\n"
        '软件,軟件,軟體,,ruǎn jiàn,software,"app; program",计算机程序。,Computer programs.,technology;it,\n'
    ))
    [entry] = load_entries(path)
    assert entry == TermEntry(
        term="软件", hant="軟件", tw="軟體", pinyin="ruǎn jiàn", english="software",
        english_alt=("app", "program"), definition="计算机程序。", definition_en="Computer programs.",
        domains=("technology", "it"),
    )
    assert entry.source == str(path)


def test_csv_with_bom_some_columns_in_any_order_comments_and_blank_rows(tmp_path):
    path = write(tmp_path, "t.csv", "\ufeffenglish,Term\n# a comment row,\n\nrepurposing,内容复用\n".encode())
    [entry] = load_entries(path)
    assert (entry.term, entry.english, entry.hant) == ("内容复用", "repurposing", "")


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("term,engish\n出海,going global\n", "unknown column 'engish'; allowed columns: term, hant"),
    ("english,hant\ngoing global,出海\n", "no 'term' column"),
    ("term,english,english\n出海,a,b\n", "appears twice"),
    ("term,english\n出海,going global\n,orphan\n", "line 3: the 'term' field is empty"),
    ("term,english\n出海,a\n本地化,b\n出海,c\n", "line 4: duplicate term '出海' (first at line 2)"),
    ("term,english\n出海,going global,extra\n", "line 2: 3 fields but the header has 2 columns"),
])
def test_bad_csv_is_a_one_line_error_naming_file_and_line(tmp_path, text, message):
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(TermbaseError) as err:
        load_entries(path)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)
    assert isinstance(err.value, ToolkitError)


def test_excel_unicode_text_export_is_read(tmp_path):
    # Excel's "Unicode Text" export: UTF-16 LE with a BOM, tab-separated, CRLF
    path = write(tmp_path, "excel.txt", "出海\t出海\r\n视频\t影片\r\n".encode("utf-16"))
    assert [(e.term, e.hant) for e in load_entries(path)] == [("出海", "出海"), ("视频", "影片")]


def test_trailing_unnamed_columns_from_spreadsheets_are_ignored_when_empty(tmp_path):
    [entry] = load_entries(write(tmp_path, "t.csv", "term,english,,\n出海,going global,,\n"))
    assert (entry.term, entry.english) == ("出海", "going global")
    with pytest.raises(TermbaseError, match="line 2: a value in column 3, which has no header"):
        load_entries(write(tmp_path, "u.csv", "term,english,\n出海,going global,oops\n"))


def test_not_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "gbk.csv", "term,english\n出海,going global\n".encode("gbk"))
    with pytest.raises(TermbaseError, match=r"line 2: not UTF-8"):
        load_entries(path)


@pytest.mark.parametrize("name,message", [
    ("missing.csv", "not found"), ("terms.xlsx", "unknown termbase format '.xlsx'"),
])
def test_missing_or_unknown_file(tmp_path, name, message):
    with pytest.raises(TermbaseError, match=message):
        load_entries(tmp_path / name)


def test_directory_is_an_error(tmp_path):
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(TermbaseError, match="directory"):
        load_entries(tmp_path / "d.csv")


# ---- TOML --------------------------------------------------------------------------

def test_toml_tables_with_lists_or_strings(tmp_path):
    path = write(tmp_path, "t.toml", """
[[term]]
term = "软件"
tw = "軟體"
english_alt = ["app", "program"]
domains = "technology; it"
variants = ["软体", "軟體"]

[[term]]
term = "出海"
english = "going global"
""")
    first, second = load_entries(path)
    assert first.english_alt == ("app", "program") and first.domains == ("technology", "it")
    assert first.variants == ("软体", "軟體")
    assert first.form_for("tw") == "軟體"
    assert (second.term, second.english) == ("出海", "going global")


@pytest.mark.parametrize("text,message", [
    ("[[term]]\nterm = 出海\n", "invalid TOML"),
    ("[[term]]\nterm = \"出海\"\n\n[[term]]\nterm = \"本地化\"\nenglsh = \"x\"\n", "line 6: unknown key 'englsh'"),
    ("[[term]]\nterm = \"出海\"\nenglish = 3\n", "line 3: 'english' must be a string"),
    ("[[term]]\nterm = \"出海\"\n\n[[term]]\nterm = \"出海\"\n", "line 4: duplicate term '出海' (first at line 1)"),
    ("[[term]]\nterm = \"出海\"\ndomains = [1]\n", "must be a string or a list of strings"),
    ("[[term]]\nenglish = \"x\"\n", "line 1: the 'term' field is empty"),
    ("[terms]\nx = 1\n", "unknown top-level key 'terms'"),
    ("term = \"x\"\n", "array of tables"),
])
def test_bad_toml(tmp_path, text, message):
    with pytest.raises(TermbaseError, match=re.escape(message)):
        load_entries(write(tmp_path, "bad.toml", text))


# ---- TSV ---------------------------------------------------------------------------

def test_tsv_replacement_keep_as_written_comments(tmp_path):
    path = write(tmp_path, "t.tsv", "# brand forms\n视频\t影片\n\n抖音\n雲端\t\t a note\nTikTok Shop\n")
    entries = {e.term: e for e in load_entries(path)}
    assert entries["视频"].form_for("tw") == "影片" and entries["视频"].form_for("hk") == "影片"
    assert entries["视频"].form_for("hans") == "视频"
    # no replacement: the term stays exactly as written in every target
    for target in ("hans", "hant", "tw", "hk"):
        assert entries["抖音"].form_for(target) == "抖音"
        assert entries["TikTok Shop"].form_for(target) == "TikTok Shop"
    assert entries["雲端"].note == "a note"


def test_txt_is_read_as_tsv(tmp_path):
    [entry] = load_entries(write(tmp_path, "lock.txt", "菜鸟\n"))
    assert entry.form_for("hant") == "菜鸟"


@pytest.mark.parametrize("text,message", [
    ("a\tb\tc\td\n", "line 1: 4 tab-separated fields"),
    ("出海\t出海\n\t孤儿\n", "line 2: the 'term' field is empty"),
    ("出海\n# x\n出海\t出海\n", "line 3: duplicate term '出海' (first at line 1)"),
])
def test_bad_tsv(tmp_path, text, message):
    with pytest.raises(TermbaseError, match=re.escape(message)):
        load_entries(write(tmp_path, "bad.tsv", text))


# ---- form_for and overrides --------------------------------------------------------

def test_form_for_fallbacks():
    e = TermEntry(term="软件", hant="軟件", tw="軟體")
    assert [e.form_for(t) for t in ("hans", "hant", "tw", "hk")] == ["软件", "軟件", "軟體", "軟件"]
    bare = TermEntry(term="出海")
    assert {bare.form_for(t) for t in ("hans", "hant", "tw", "hk")} == {"出海"}
    with pytest.raises(ValueError):
        e.form_for("jp")


def test_user_entry_overrides_builtin_field_by_field(tmp_path):
    path = write(tmp_path, "u.csv", "term,english,note\n在地化,deep localization,house style\n")
    tb = Termbase.load([path])
    builtin = Termbase.load().get("在地化")
    entry = tb.get("在地化")
    assert entry.english == "deep localization" and entry.note == "house style"
    # fields the user left empty come from the built-in entry
    assert entry.definition == builtin.definition and entry.pinyin == builtin.pinyin
    assert entry.hant == builtin.hant
    assert len(tb) == len(Termbase.load())
    assert tb.is_user("在地化") and not tb.is_user("出海")
    assert [e.term for e in tb.user_entries] == ["在地化"]


def test_user_script_forms_override_as_a_group(tmp_path):
    # the built-in 情感营销 has a Taiwan form; a user who sets hant means hant everywhere
    assert Termbase.load().get("情感营销").tw
    tb = Termbase.load([write(tmp_path, "u.tsv", "情感营销\t情感營銷\n")])
    entry = tb.get("情感营销")
    assert entry.form_for("tw") == "情感營銷" and entry.tw == ""
    assert entry.english == "emotional marketing"  # descriptive fields still inherited


def test_user_entries_extend_and_later_files_win(tmp_path):
    a = write(tmp_path, "a.csv", "term,english\n内容复用,content reuse\n")
    b = write(tmp_path, "b.toml", '[[term]]\nterm = "内容复用"\nenglish = "content repurposing"\n')
    tb = Termbase.load([a, b])
    assert tb.get("内容复用").english == "content repurposing"
    assert len(tb) == len(Termbase.load()) + 1
    assert tb.entries[-1].term == "内容复用"


def test_every_form_looks_up_its_own_entry():
    tb = Termbase.load()
    for entry in tb.entries:
        for form in entry.forms:
            assert tb.get(form) is entry, form


def test_load_accepts_one_path_and_entry_objects(tmp_path):
    path = write(tmp_path, "a.tsv", "内容复用\t內容複用\n")
    assert Termbase.load(path).get("内容复用").hant == "內容複用"
    tb = Termbase.load([path, TermEntry(term="内容复用", english="content repurposing"), TermEntry(term="新词")])
    entry = tb.get("内容复用")
    assert (entry.hant, entry.english) == ("內容複用", "content repurposing")
    assert tb.is_user("新词") and tb.get("新词").source == ""  # objects keep their own source


def test_without_builtin(tmp_path):
    tb = Termbase.load([write(tmp_path, "a.tsv", "出海\n")], builtin=False)
    assert [e.term for e in tb] == ["出海"] and tb.get("本地化") is None


def test_lookup_by_any_form_and_english():
    tb = Termbase.load()
    assert tb.get("社媒").term == "社交媒体" and tb.get("OLI理论").term == "OLI范式"  # variants
    assert tb.get("內循環").term == "内循环"
    assert tb.get("資料本地化").term == "数据本地化"  # Taiwan form
    assert tb.get(" 种草 ").term == "种草"
    assert tb.get("没有这个词") is None
    assert tb.get("超级APP").term == "超级App" and tb.get("TikTokShop").term == "TikTok Shop"
    assert tb.get("gmv").term == "GMV"  # lookup is lenient; the matcher keeps abbreviations' case
    assert "種草" in tb and "nothing" not in tb
    assert tb.by_english("Uppsala model").term == "乌普萨拉国际化模型"
    assert tb.by_english("OLI paradigm").term == "OLI范式"  # its own english beats an alternative


def test_termbase_pickles_for_worker_processes():
    tb = Termbase.load()
    tb.matcher()
    clone = pickle.loads(pickle.dumps(tb))
    assert clone.get("出海") == tb.get("出海")
    assert [m.entry.term for m in clone.matcher().finditer("出海")] == ["出海"]


def test_builtin_entries_are_cached_but_copies():
    from toolkit.terms import builtin_entries

    first = builtin_entries()
    first.clear()
    assert len(builtin_entries()) >= 220


def test_examples_in_the_docs_load(tmp_path):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "termbase.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(csv|toml|text)\n(.*?)```", doc, re.S)
    suffix = {"csv": ".csv", "toml": ".toml", "text": ".tsv"}
    loaded = 0
    for lang, body in blocks:
        if lang == "text" and "\t" not in body:
            continue  # the error-message listing
        entries = load_entries(write(tmp_path, f"doc{loaded}{suffix[lang]}", body))
        assert entries
        loaded += 1
    assert loaded == 3


# ---- property: whatever an entry holds survives a CSV and a TOML round trip -------

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).map(str.strip)
_item = _text.filter(lambda s: s and ";" not in s)
_entries = st.builds(
    TermEntry,
    term=_item.filter(lambda s: not s.startswith("#")),
    hant=_text, tw=_text, hk=_text, pinyin=_text, english=_text,
    english_alt=st.lists(_item, max_size=3).map(tuple), definition=_text, definition_en=_text,
    domains=st.lists(_item, max_size=3).map(tuple), note=_text, variants=st.lists(_item, max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_entries, min_size=1, max_size=4, unique_by=lambda e: e.term))
def test_csv_and_toml_round_trip(tmp_path, entries):
    import csv
    import io
    import json

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerows(e.to_row() for e in entries)
    assert [strip_source(e) for e in load_entries(write(tmp_path, "rt.csv", out.getvalue()))] == entries

    tables = []
    for e in entries:  # JSON strings are valid TOML basic strings
        pairs = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in e.to_row().items()]
        tables.append("[[term]]\n" + "\n".join(pairs))
    assert [strip_source(e) for e in load_entries(write(tmp_path, "rt.toml", "\n\n".join(tables)))] == entries


def strip_source(entry: TermEntry) -> TermEntry:
    from dataclasses import replace

    return replace(entry, source="")


@settings(max_examples=100, deadline=None)
@given(user=_entries, base=_entries)
def test_merge_rule_property(user, base):
    from dataclasses import fields as dc_fields

    merged = user.merged_over(base)
    user_forms = any((user.hant, user.tw, user.hk))
    for f in dc_fields(TermEntry):
        name = f.name
        if name in ("term", "source"):
            assert getattr(merged, name) == getattr(user, name)
        elif name in ("hant", "tw", "hk") and user_forms:
            assert getattr(merged, name) == getattr(user, name)  # the group is the user's
        else:
            assert getattr(merged, name) == (getattr(user, name) or getattr(base, name))
