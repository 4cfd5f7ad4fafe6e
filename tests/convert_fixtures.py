"""Builders for the files the conversion tests use (made here, never copied from elsewhere)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


class IdentityConverter:
    """A converter that changes nothing: a file converter must then return its input
    byte for byte, which shows it touches nothing outside the text it converts."""

    script, lang = "tw", "zh-TW"

    def convert(self, text: str) -> str:
        return text

    def convert_many(self, texts: list[str]) -> list[str]:
        return list(texts)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注说明：数据来自网络视频平台</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

COMMENTS_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="编辑" w:initials="B"><w:p><w:r><w:t>这里的数据需要核对</w:t></w:r></w:p></w:comment></w:comments>"""


def make_docx(path: Path) -> Path:
    """A .docx with bold/italic runs, a phrase split across runs, a table, a header,
    a footer, a footnote, a comment and core properties."""
    import docx

    document = docx.Document()
    document.core_properties.title = "网络视频发展报告"
    document.core_properties.subject = "互联网"
    document.core_properties.author = "张三"
    document.add_heading("第一章 软件与网络", level=1)
    p = document.add_paragraph("我们的")
    bold = p.add_run("软件")
    bold.bold = True
    italic = p.add_run("质量")
    italic.italic = True
    p.add_run("很高。")
    split = document.add_paragraph("他去")
    head = split.add_run("理")
    head.bold = True
    split.add_run("发店剪头发。")  # 理|发 straddles a bold run and a plain run
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "视频"
    table.cell(1, 1).text = "12"
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料 请勿转发"
    section.footer.paragraphs[0].text = "第 1 页 后台"
    note_para = document.add_paragraph("数据见脚注")
    buf = io.BytesIO()
    document.save(buf)
    del note_para
    data = _add_parts(buf.getvalue())
    path.write_bytes(data)
    return path


def _add_parts(data: bytes) -> bytes:
    """Add a footnote and a comment part (python-docx cannot) with their references."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "[Content_Types].xml":
                raw = raw.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                raw = raw.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b'<Relationship Id="rIdCm1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
                )
            elif info.filename == "word/document.xml":
                text = raw.decode("utf-8")
                marker = "<w:t>数据见脚注</w:t></w:r>"
                assert marker in text
                text = text.replace(
                    marker,
                    marker + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
                    '<w:commentRangeStart w:id="0"/><w:r><w:t>核对</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                    '<w:r><w:commentReference w:id="0"/></w:r>',
                )
                raw = text.encode("utf-8")
            dst.writestr(info, raw)
        dst.writestr("word/footnotes.xml", FOOTNOTES_XML)
        dst.writestr("word/comments.xml", COMMENTS_XML)
    return out.getvalue()


def part_text(path: Path, part: str) -> str:
    """The concatenated ``w:t`` text of one package part."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(part))
    return "".join(t.text or "" for t in root.iter(f"{{{W_NS}}}t"))
