"""``toolkit brief`` and ``toolkit.brief`` end to end, on articles written for these tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import toolkit
from toolkit.briefing import Briefing
from toolkit.cli import app

ARTICLE_MD = """---
title: 储能电池企业的欧洲工厂
author: 测试作者
date: 2024-05-06
---

# 储能电池企业的欧洲工厂

> 编辑导语：欧洲的储能需求快速增长，中国电池企业开始在当地建厂，但成本与合规仍是难题。

## 一、需求从哪里来

欧洲家庭储能装机量去年增长了 35%，德国和意大利占了一半以上。电价波动让家庭愿意为储能系统付费。

第一，补贴政策延续到明年。第二，光伏装机继续增加。第三，电网公司开始采购大型储能。

## 二、为什么要在当地建厂

运输一个集装箱的电池需要 40 天左右，本地工厂可以把交付周期缩短到两周。

“本地化生产”也能帮助企业满足欧盟的电池法规，这部法规要求披露电池的碳足迹。

## 三、难题

欧洲工厂的人工成本约为国内的 3 倍，能源价格也更高。企业需要在自动化上投入更多资金。

一些企业选择与当地车企合资，以降低审批和用工方面的风险。
"""

ARTICLE_TXT = """跨境支付公司进入中东市场

中东的电商交易额近年保持两位数增长，沙特和阿联酋是主要市场。
当地消费者偏好货到付款，这让支付公司的推广变得缓慢。
一些中国支付公司与本地银行合作，推出分期付款服务，用户数在一年内翻了一番。
监管方面，各国央行对跨境资金流动的要求并不相同，企业需要分别申请牌照。
"""

SIMPLIFIED_ONLY = set("这们个说为时对会经过还进电东长开门问间区业务产场数网络实现见关语义释简体录页无标题节发")

runner = CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "battery.md").write_text(ARTICLE_MD, encoding="utf-8")
    (src / "payments.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    return [src / "battery.md", src / "payments.txt"]


def docx_text(path: Path) -> str:
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return "".join(root.xpath("//w:t/text()", namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}))


def run(*args: str):
    return runner.invoke(app, ["brief", *args])


def test_one_briefing_per_input_into_the_folder(articles, tmp_path):
    out = tmp_path / "out"
    result = run(*map(str, articles), "-o", str(out))
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in out.iterdir())
    assert made == ["battery.docx", "payments.docx"]
    text = docx_text(out / "battery.docx")
    assert "储能电池企业的欧洲工厂" in text and "摘要" in text and "术语表" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_formats_to_a_file(articles, tmp_path, fmt):
    target = tmp_path / f"brief.{fmt}"
    result = run(str(articles[0]), "-o", str(target))
    assert result.exit_code == 0, result.output
    content = target.read_text(encoding="utf-8")
    assert "储能电池企业的欧洲工厂" in content
    assert ("## 摘要" in content) if fmt == "md" else ('<html lang="zh-CN">' in content)


def test_combined_digest(articles, tmp_path):
    out = tmp_path / "out"
    result = run(*map(str, articles), "--combined", "-o", str(out), "--labels", "bilingual")
    assert result.exit_code == 0, result.output
    digest = out / "digest.docx"
    text = docx_text(digest)
    assert "综合简报 Combined briefing" in text
    assert "储能电池企业的欧洲工厂" in text and "跨境支付公司进入中东市场" in text
    assert text.count("术语表 Glossary") == 2  # once in the contents field, once as the heading


def test_traditional_edition(articles, tmp_path):
    target = tmp_path / "tw.md"
    result = run(str(articles[0]), "--script", "tw", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "儲能電池企業的歐洲工廠" in text and "術語表" in text
    leftover = SIMPLIFIED_ONLY & set(text)
    assert not leftover, sorted(leftover)


def test_locked_terms_survive_conversion(articles, tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text("储能\t储能\n", encoding="utf-8")
    target = tmp_path / "tw.md"
    result = run(str(articles[0]), "--script", "tw", "--terms", str(terms), "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 储能電池企業的歐洲工廠")
    # the glossary's traditional column shows the termbase's traditional form on purpose
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    assert "储能" in prose and "儲能" not in prose
    assert not SIMPLIFIED_ONLY & set(text.replace("储能", ""))


def test_template_dir_and_reference_doc(articles, tmp_path):
    import docx

    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "briefing.md").write_text("TITLE={{ title }}\n", encoding="utf-8")
    target = tmp_path / "custom.md"
    assert run(str(articles[0]), "--template-dir", str(templates), "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == "TITLE=储能电池企业的欧洲工厂\n"

    ref = tmp_path / "ref.docx"
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "CUSTOM HEADER"
    reference.save(str(ref))
    out = tmp_path / "withref.docx"
    result = run(str(articles[0]), "--reference-doc", str(ref), "-o", str(out))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as zf:
        headers = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("word/header"))
    assert b"CUSTOM HEADER" in headers


@pytest.mark.parametrize(
    "args",
    [
        ["--script", "xx"],
        ["--labels", "fr"],
        ["--format", "pdf"],
        ["--reference-doc", "missing.docx"],
        ["--template-dir", "no/such/dir"],
        ["--terms", "missing.tsv"],
        ["-o", "x.md", "--format", "html"],
        ["-o", "__file__"],
    ],
)
def test_usage_errors_exit_2_with_one_line(articles, tmp_path, args):
    args = [str(articles[1]) if a == "__file__" else a for a in args]  # an existing non-briefing file
    result = run(str(articles[0]), "-o", str(tmp_path / "o"), *args) if "-o" not in args else run(str(articles[0]), *args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("toolkit: ")
    assert "Traceback" not in result.output


def test_bad_inputs_are_reported_and_the_rest_done(articles, tmp_path):
    out = tmp_path / "out"
    binary = tmp_path / "in" / "image.docx"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run(str(articles[0]), str(tmp_path / "nope.md"), str(binary), "-o", str(out))
    assert result.exit_code == 1
    assert (out / "battery.docx").exists()
    assert "nope.md" in result.output and "image.docx" in result.output
    assert "Traceback" not in result.output


def test_never_overwrites_the_input(articles):
    folder = articles[0].parent
    result = run(str(articles[0]), "-o", str(folder), "--format", "md")
    assert result.exit_code == 1
    assert articles[0].read_text(encoding="utf-8") == ARTICLE_MD


def test_parallel_jobs_give_the_same_briefings(articles, tmp_path):
    one, two = tmp_path / "j1", tmp_path / "j2"
    assert run(*map(str, articles), "-o", str(one), "-f", "md").exit_code == 0
    assert run(*map(str, articles), "-o", str(two), "-f", "md", "--jobs", "2").exit_code == 0
    for name in ("battery.md", "payments.md"):
        assert (one / name).read_text(encoding="utf-8") == (two / name).read_text(encoding="utf-8")


def test_python_api(articles, tmp_path):
    briefing = toolkit.brief(articles[0], script="hk", labels="en")
    assert isinstance(briefing, Briefing) and briefing.lang == "zh-HK"
    assert briefing.articles[0].title == "儲能電池企業的歐洲工廠"
    assert briefing.articles[0].key_points, "the enumeration 第一/第二/第三 gives key points"
    path = toolkit.write(briefing, tmp_path / "api.docx")
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
        assert b"zh-HK" in zf.read("word/styles.xml")
    both = toolkit.brief(articles)
    assert both.combined and len(both.articles) == 2 and both.glossary


def test_broken_template_or_reference_doc_fails_before_the_batch(articles, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "briefing.html").write_text("{% for %}", encoding="utf-8")
    result = run(*map(str, articles), "-f", "html", "--template-dir", str(templates), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "briefing.html line 1" in result.output
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = run(*map(str, articles), "--reference-doc", str(bad), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "bad.docx" in result.output
    assert not (tmp_path / "o").exists()


def test_traditional_editions_of_the_seeds(shared):
    """Real articles: a tw Word briefing holds no simplified-only character anywhere."""
    from lxml import etree

    from toolkit.briefing import brief
    from toolkit.writers import render

    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    assert seeds
    for seed in seeds:
        data = render(brief(seed, script="tw"), "docx")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
        text = "".join(root.xpath("//w:t/text()", namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}))
        leftover = SIMPLIFIED_ONLY & set(text)
        assert not leftover, f"{seed.name}: {sorted(leftover)}"
