"""Golden outputs of whole files: review the diff when a change is intended.

``pytest --update-golden`` rewrites them. The .docx is compared through its
normalised ``word/document.xml`` (never the zip bytes), as DESIGN.md asks.
"""

from __future__ import annotations

import zipfile

import pytest
from convert_fixtures import make_docx
from test_convert_formats import HTML, MD, SRT

from toolkit.transforms.convert import convert_file


@pytest.mark.parametrize(("name", "content", "to"), [("article.md", MD, "twp"), ("page.html", HTML, "hk"), ("talk.srt", SRT, "hant")])
def test_text_formats_golden(tmp_path, golden, name, content, to):
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    golden(f"convert/{to}.{name}", convert_file(src, to=to))


def test_docx_document_xml_golden(tmp_path, golden):
    from lxml import etree

    src = make_docx(tmp_path / "in.docx")
    dst = tmp_path / "out.docx"
    convert_file(src, dst, to="twp")
    with zipfile.ZipFile(dst) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    etree.indent(root)
    golden("convert/twp.document.xml", etree.tostring(root, encoding="unicode"))
