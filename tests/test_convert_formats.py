"""Each file format: the text converts, the structure and formatting survive."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from convert_fixtures import IdentityConverter, make_docx, part_text
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.conversion.html import convert_html_text, tokenize
from toolkit.conversion.markdown import convert_markdown_text
from toolkit.errors import ConversionError, CorruptDocument, ToolkitError
from toolkit.transforms.convert import Converter, convert_file

TW = Converter(to="twp")

# ------------------------------------------------------------------ txt


def test_txt_any_input_encoding_utf8_output(tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes("软件开发的质量很重要。\n第二行：视频。\n".encode("gb18030"))
    dst = tmp_path / "out.txt"
    convert_file(src, dst, to="twp")
    assert dst.read_text(encoding="utf-8") == "軟體開發的質量很重要。\n第二行：影片。\n"


def test_txt_big5_output_and_clear_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("软件开发\n", encoding="utf-8")
    dst = tmp_path / "big5.txt"
    convert_file(src, dst, to="tw", encoding="big5")
    assert dst.read_bytes().decode("big5") == "軟件開發\n"
    bad = tmp_path / "b.txt"
    bad.write_text("第一行\n这是 𠮷 字\n", encoding="utf-8")
    with pytest.raises(ConversionError) as info:
        convert_file(bad, tmp_path / "never.txt", to="tw", encoding="big5")
    assert "line 2" in str(info.value) and "𠮷" in str(info.value) and "big5" in str(info.value)
    assert not (tmp_path / "never.txt").exists()


def test_large_txt_streams_in_line_chunks(tmp_path, monkeypatch):
    from toolkit import conversion
    from toolkit.conversion import stream

    monkeypatch.setattr(conversion, "STREAM_THRESHOLD", 1000)
    monkeypatch.setattr(stream, "CHUNK_BYTES", 64)
    text = "".join(f"第{i}行 互联网视频软件头发\n" for i in range(300))
    src = tmp_path / "big.txt"
    src.write_text(text, encoding="utf-8")
    dst = tmp_path / "big.out.txt"
    convert_file(src, dst, to="twp")
    assert dst.read_text(encoding="utf-8") == TW.convert(text)


def test_large_legacy_encoded_txt_streams_too(tmp_path, monkeypatch):
    from toolkit import conversion
    from toolkit.conversion import stream

    monkeypatch.setattr(conversion, "STREAM_THRESHOLD", 1000)
    monkeypatch.setattr(stream, "CHUNK_BYTES", 100)
    text = "".join(f"第{i}行：软件开发与网络视频的质量\n" for i in range(200))
    src = tmp_path / "gb.txt"
    src.write_bytes(text.encode("gb18030"))
    dst = tmp_path / "gb.out.txt"
    convert_file(src, dst, to="twp", encoding="big5")
    assert dst.read_bytes().decode("big5") == TW.convert(text)


def test_undecodable_bytes_are_a_one_line_error(tmp_path):
    src = tmp_path / "bin.txt"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(ToolkitError) as info:
        convert_file(src, tmp_path / "o.txt", to="tw")
    assert "\n" not in str(info.value)


# ------------------------------------------------------------------ markdown

MD = """---
title: 网络视频
标签:
  - 软件
summary: |
  互联网 发展
---
# 视频平台

正文里的`代码 视频`不变，[链接文字](https://example.com/视频 "标题") 和 ![图片说明](图/视频.png)。
<span title="视频">内联标签</span> 见 <https://例子.com/视频>，或 https://example.com/a?x=视频 。

```python
print("视频")
```

    缩进代码 视频

> 引用：软件

[参考][标签]

[标签]: https://example.com/视频
"""


def test_markdown_converts_text_only():
    out = convert_markdown_text(MD, TW)
    assert "title: 網路影片" in out
    assert "标签:" in out and "  - 軟體" in out and "  網際網路 發展" in out
    assert "# 影片平臺" in out
    for kept in ("`代码 视频`", "(https://example.com/视频 \"标题\")", "(图/视频.png)", '<span title="视频">',
                 "<https://例子.com/视频>", 'print("视频")', "    缩进代码 视频", "]: https://example.com/视频"):
        assert kept in out, kept
    assert "[連結文字]" in out and "![圖片說明]" in out and "> 引用：軟體" in out
    assert "[參考][標籤]" in out and "[標籤]: " in out  # a label converts the same where used and defined
    assert out.count("\n") == MD.count("\n")


def test_markdown_footnote_text_converts():
    out = convert_markdown_text("正文[^说明]。\n\n[^说明]: 脚注里的视频 https://a.com/视频\n", TW)
    assert out == "正文[^說明]。\n\n[^說明]: 腳註裡的影片 https://a.com/视频\n"


def test_markdown_file(tmp_path):
    src = tmp_path / "a.md"
    src.write_text(MD, encoding="utf-8")
    assert convert_file(src, to="twp") == convert_markdown_text(MD, TW)


# ------------------------------------------------------------------ html

HTML = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>视频网站</title>
<style>p::before { content: "视频"; }</style></head>
<body class="正文" data-note="视频">
<p title="互联网" lang="zh-CN">互联网<b>视频</b> <code>视频()</code> <img alt="头发" src="视频.png"></p>
<script>var s = "视频";</script><!-- 注释 视频 -->
</body></html>"""


def test_html_converts_text_nodes_and_title_alt():
    out = convert_html_text(HTML, TW, lang="zh-TW", charset="utf-8")
    assert "<title>影片網站</title>" in out
    assert 'title="網際網路"' in out and 'alt="頭髮"' in out
    assert "網際網路<b>影片</b>" in out
    for kept in ('content: "视频"', 'class="正文"', 'data-note="视频"', "<code>视频()</code>", 'src="视频.png"',
                 'var s = "视频";', "<!-- 注释 视频 -->"):
        assert kept in out, kept
    assert '<html lang="zh-TW">' in out and 'lang="zh-TW">' in out.split("<p", 1)[1]
    assert '<meta charset="utf-8">' in out


@pytest.mark.parametrize(("to", "lang"), [("hant", "zh-Hant"), ("tw", "zh-TW"), ("hk", "zh-HK"), ("hans", "zh-Hans")])
def test_html_file_sets_lang(tmp_path, to, lang):
    src = tmp_path / "a.html"
    src.write_text('<html lang="en"><body><p>软件</p></body></html>', encoding="utf-8")
    out = convert_file(src, to=to)
    assert f'<html lang="{lang}">' in out


# ------------------------------------------------------------------ properties: nothing but text changes

_WORDS = st.sampled_from(["视频", "互联网", "头发", "软件", "的", " ", "\n", "a&amp;b", "后台", "1.5", "，"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map("".join)
_TAGS = st.sampled_from(["<p>", "</p>", "<b>", "</b>", '<a href="视频.html">', "</a>", '<div class="视频">', "</div>",
                         "<br/>", "<!-- 视频 -->", "<span data-x='软件'>", "</span>"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_TEXT, _TAGS), max_size=14))
def test_html_changes_nothing_outside_text(parts):
    from toolkit.conversion.html import INLINE, tag_name

    html = "".join(parts)
    out = convert_html_text(html, TW)
    before, after = list(tokenize(html)), list(tokenize(out))
    assert [k for k, _ in before] == [k for k, _ in after]
    runs: list[tuple[list[str], list[str]]] = [([], [])]
    for (kind, raw), (_, new) in zip(before, after, strict=True):
        if kind == "text":
            runs[-1][0].append(raw)
            runs[-1][1].append(new)
            continue
        assert new == raw  # markup is byte-exact
        if tag_name(raw) not in INLINE:
            runs.append(([], []))
    for old_texts, new_texts in runs:  # prose between block boundaries converts as one phrase
        assert "".join(new_texts) == TW.convert("".join(old_texts))


def test_html_meta_descriptions_convert_other_meta_does_not():
    html = ('<meta name="description" content="视频网站"><meta property="og:title" content="软件">'
            '<meta name="author" content="张三"><meta name="x" content="视频">')
    assert convert_html_text(html, TW) == ('<meta name="description" content="影片網站"><meta property="og:title" content="軟體">'
                                           '<meta name="author" content="张三"><meta name="x" content="视频">')


def test_html_phrase_across_inline_tags():
    assert convert_html_text("<p>理<b>发</b>店</p>", TW) == "<p>理<b>髮</b>店</p>"
    assert convert_html_text("<p>理</p><p>发</p>", TW) == "<p>理</p><p>發</p>"


_MD_PROTECTED = st.sampled_from(["`视频`", "[视频](http://a.cn/视频)", "<b title='视频'>", "https://a.com/x", "<!-- 视频 -->"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_TEXT, _MD_PROTECTED), max_size=10), st.booleans())
def test_markdown_changes_nothing_outside_text(parts, fenced):
    body = "".join(p.replace("\n", " ") for p in parts)
    code = "```\n视频 互联网\n```\n" if fenced else ""
    md = f"# 标题\n\n文字 {body}\n\n{code}"  # (a line that starts with a tag would be an HTML block)
    out = convert_markdown_text(md, TW)
    # every protected construct comes out byte for byte, and code blocks too
    for part in parts:
        if part in ("`视频`", "<b title='视频'>", "https://a.com/x", "<!-- 视频 -->"):
            assert part in out
        if part == "[视频](http://a.cn/视频)":
            assert "[影片](http://a.cn/视频)" in out
    if fenced:
        assert code in out
    # and what is left is the converted text
    assert out.count("\n") == md.count("\n")




_ANY = st.lists(st.sampled_from(list("ab `*_[]()<>!#-=:|\\\"'&;/\n\r\t~+.{}$") + ["视频", "头发", "http://", "<!--", "-->", "```", "---", "\n---\n"]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(_ANY)
def test_markdown_markup_round_trips_exactly(text):
    assert convert_markdown_text(text, IdentityConverter()) == text


@settings(max_examples=150, deadline=None)
@given(_ANY)
def test_html_markup_round_trips_exactly(text):
    assert convert_html_text(text, IdentityConverter()) == text
    assert "".join(raw for _, raw in tokenize(text)) == text


# ------------------------------------------------------------------ docx


@pytest.fixture
def docx_pair(tmp_path):
    src = make_docx(tmp_path / "in.docx")
    dst = tmp_path / "out.docx"
    convert_file(src, dst, to="twp")
    return src, dst


def test_docx_text_converts_in_every_part(docx_pair):
    import docx

    _, dst = docx_pair
    document = docx.Document(str(dst))
    texts = [p.text for p in document.paragraphs]
    assert "第一章 軟體與網路" in texts
    assert "我們的軟體質量很高。" in texts
    assert "他去理髮店剪頭髮。" in texts  # the phrase across runs converted as a phrase
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["專案", "數量"], ["影片", "12"]]
    assert document.sections[0].header.paragraphs[0].text == "內部資料 請勿轉發"
    assert document.sections[0].footer.paragraphs[0].text == "第 1 頁 後臺"
    assert "腳註說明：資料來自網路影片平臺" in part_text(dst, "word/footnotes.xml")
    assert part_text(dst, "word/comments.xml") == "這裡的資料需要核對"
    assert document.core_properties.title == "網路影片發展報告"
    assert document.core_properties.subject == "網際網路"
    assert document.core_properties.author == "张三"  # people's names stay as written


def test_docx_runs_keep_formatting(docx_pair):
    import docx

    src, dst = docx_pair
    before = docx.Document(str(src)).paragraphs
    after = docx.Document(str(dst)).paragraphs
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        assert [(r.bold, r.italic, r.style.name) for r in old.runs] == [(r.bold, r.italic, r.style.name) for r in new.runs]
    runs = {r.text: r for p in after for r in p.runs}
    assert runs["軟體"].bold and runs["質量"].italic
    assert runs["理"].bold and "髮店剪頭髮。" in runs  # the bold half of 理发 is still bold


def test_docx_east_asian_language_and_untouched_parts(docx_pair):
    src, dst = docx_pair
    with zipfile.ZipFile(dst) as z:
        styles = z.read("word/styles.xml").decode()
        names = z.namelist()
        rels = z.read("word/_rels/document.xml.rels")
    assert 'w:eastAsia="zh-TW"' in styles
    with zipfile.ZipFile(src) as z:
        assert z.namelist() == names
        assert z.read("word/_rels/document.xml.rels") == rels


def test_corrupt_docx_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CorruptDocument):
        convert_file(bad, tmp_path / "o.docx", to="tw")
    good = make_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    with pytest.raises(CorruptDocument):
        convert_file(broken, tmp_path / "o.docx", to="tw")
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_output_opens_in_libreoffice(docx_pair, tmp_path):
    _, dst = docx_pair
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text", "--outdir",
         str(tmp_path / "lo"), str(dst)],
        capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "lo" / "out.txt").read_text(encoding="utf-8-sig")
    assert "他去理髮店剪頭髮。" in text and "影片" in text


# ------------------------------------------------------------------ subtitles, json

SRT = "1\n00:00:01,000 --> 00:00:02,000\n<i>视频</i>开始\n\n2\n00:00:03,000 --> 00:00:04,000\n互联网\n"
VTT = "WEBVTT\n\nSTYLE\n::cue { content: '视频' }\n\nNOTE 视频注释\n\n00:01.000 --> 00:02.000\n<c.yellow>软件</c>\n"


def test_subtitles(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text(SRT, encoding="utf-8")
    assert convert_file(srt, to="twp") == SRT.replace("<i>视频</i>开始", "<i>影片</i>開始").replace("互联网", "網際網路")
    vtt = tmp_path / "a.vtt"
    vtt.write_text(VTT, encoding="utf-8")
    assert convert_file(vtt, to="twp") == VTT.replace("<c.yellow>软件</c>", "<c.yellow>軟體</c>")


def test_json_values_convert_keys_and_layout_stay(tmp_path):
    text = '{\n  "标题": "视频",\n  "列表": ["软件", 1, true, "a\\"b 头发"],\n  "嵌套": {"键": "互联网"}\n}\n'
    src = tmp_path / "a.json"
    src.write_text(text, encoding="utf-8")
    out = convert_file(src, to="twp")
    assert json.loads(out) == {"标题": "影片", "列表": ["軟體", 1, True, 'a"b 頭髮'], "嵌套": {"键": "網際網路"}}
    assert out.splitlines()[0] == "{" and out.count("\n") == text.count("\n")
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    with pytest.raises(ToolkitError):
        convert_file(bad, to="tw")


def test_missing_file(tmp_path: Path):
    with pytest.raises(ToolkitError):
        convert_file(tmp_path / "nope.txt", to="tw")


# ------------------------------------------------------------------ run mapping (docx runs, inline HTML)

_RUN = st.lists(st.sampled_from(list("头发理店互联网视频软件的了后台干净系统着想") + ["", " ", "a"]), max_size=6).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_RUN, min_size=1, max_size=6), max_size=5), st.booleans())
def test_runs_convert_as_one_phrase_and_keep_their_count(groups, locked):
    from toolkit.conversion.align import convert_groups

    conv = Converter(to="twp", terms={"互联网": "互聯網"} if locked else None)
    out = convert_groups(conv, groups)
    assert [len(g) for g in out] == [len(g) for g in groups]
    for old, new in zip(groups, out, strict=True):
        assert "".join(new) == conv.convert("".join(old))
        for before, after in zip(old, new, strict=True):
            if before and not any(ch in "互联网视频软件" for ch in before):  # no length-changing phrase involved
                assert len(after) == len(before)
