"""``toolkit glossary`` on the command line, and the must-show checks on the five seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app

ARTICLE_A = """# 反向海淘的新机会

所谓“反向海淘”，就是海外消费者从中国电商平台直接下单购买商品。
越来越多的卖家使用海外仓（Overseas Warehouse）备货，反向海淘订单因此增长。
"""
ARTICLE_B = """卖家们说，「反向海淘」的订单主要来自东南亚。
平台的GMV和DAU都在增长。
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["glossary", *args], input=input)


def test_json_to_stdout_merges_files(articles):
    result = run(str(articles))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    entry = next(e for e in data if e["term"] == "反向海淘")
    assert entry["origin"] == "defined"
    assert len(entry["sources"]) == 2 and entry["frequency"] >= 4
    assert set(data[0]) == {"term", "hant", "pinyin", "english", "english_source", "definition", "context",
                            "frequency", "sources", "origin"}


def test_format_from_output_suffix(articles, tmp_path):
    for suffix in ("csv", "tsv", "tbx", "xlsx", "md", "json"):
        out = tmp_path / f"g.{suffix}"
        result = run(str(articles), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert (tmp_path / "g.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_script_limit_and_user_terms(articles, tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text("term,hant,english\n反向海淘,反向海淘,reverse cross-border shopping\n", encoding="utf-8")
    result = run(str(articles), "--terms", str(terms), "--script", "tw", "--limit", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 3
    entry = next(e for e in data if e["term"] == "反向海淘")
    assert (entry["english"], entry["english_source"]) == ("reverse cross-border shopping", "termbase")
    assert "訂單" in json.dumps(data, ensure_ascii=False) or "購買" in json.dumps(data, ensure_ascii=False)


def test_jobs_give_the_same_glossary(articles):
    one = run(str(articles), "--jobs", "1")
    two = run(str(articles), "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_stdin(articles):
    result = run("-", "-f", "tsv", input=ARTICLE_A)
    assert result.exit_code == 0, result.output
    assert "海外仓\t" in result.stdout


def test_errors_are_one_line(articles, tmp_path):
    missing = run(str(articles / "nope.md"))
    assert missing.exit_code == 1 and "nope.md" in missing.output and "Traceback" not in missing.output
    bad_fmt = run(str(articles), "-f", "pdf")
    assert bad_fmt.exit_code == 2 and "unknown glossary format" in bad_fmt.output
    bad_terms = run(str(articles), "--terms", str(tmp_path / "missing.csv"))
    assert bad_terms.exit_code != 0 and "Traceback" not in bad_terms.output
    some_bad = run(str(articles), str(articles / "nope.md"))
    assert some_bad.exit_code == 1 and json.loads(some_bad.stdout)  # the good files still give a glossary


# -- must-show on the five seeds (skips without ../shared) -----------------------------

#: term (or alternatives) -> a fragment its English must contain (case-insensitive)
SEED_TERMS = {
    ("加拉帕戈斯化",): "galapagos",
    ("内循环",): "circulation",
    ("超级App",): "super",
    ("本地化",): "locali",
    ("在地化",): "glocali",
    ("小单快反",): "small",
    ("柔性供应链",): "flexible supply chain",
    ("双边市场",): "two-sided market",
    ("情感营销",): "emotional marketing",
    ("去中介化",): "disintermediation",
    ("乌普萨拉国际化模型",): "uppsala model",
    ("国际生产折衷范式", "OLI范式"): "paradigm",
    ("蓝海战略",): "blue ocean",
    ("全托管",): "managed",
    ("海外仓",): "overseas warehouse",
    ("种草",): "seed",
    ("GMV",): "gross merchandise",
    ("DAU",): "daily active",
    ("VOC",): "voice of customer",
}
DEFINED_IN_TEXT = ("在地化", "本地化", "小单快反", "双边市场", "情感营销")


@pytest.fixture(scope="module")
def seed_glossary():
    from conftest import SHARED

    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is absent")
    result = run(str(seeds), "--jobs", "1")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), seeds


def test_seed_terms_have_correct_english(seed_glossary):
    data, _ = seed_glossary
    by_term = {e["term"]: e for e in data}
    for forms, english in SEED_TERMS.items():
        found = [by_term[f] for f in forms if f in by_term]
        assert found, f"{forms} missing"
        assert any(english in (e["english"] or "").lower() for e in found), (forms, [e["english"] for e in found])
    uppsala = by_term["乌普萨拉国际化模型"]
    assert uppsala["english"] == "Uppsala Model" and uppsala["english_source"] == "text"
    assert by_term["VOC"]["english_source"] == "text"


def test_seed_definitions_come_from_the_text(seed_glossary):
    data, seeds = seed_glossary
    text = "".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    by_term = {e["term"]: e for e in data}
    for term in DEFINED_IN_TEXT:
        definition = by_term[term]["definition"]
        assert definition and definition in text, (term, definition)


def test_seed_top30_are_domain_terms(seed_glossary):
    from toolkit.transforms.term_extract import stopwords

    data, _ = seed_glossary
    top = [e["term"] for e in data[:30]]
    assert len(top) == 30
    generic = stopwords()
    assert not [t for t in top if t in generic]
    # every top term carries evidence beyond raw frequency
    assert all(e["origin"] != "statistical" or e["english_source"] != "none" for e in data[:30])


def test_template_dir_for_markdown(articles, tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "glossary.md").write_text("{% for e in entries %}{{ e.term }}\n{% endfor %}", encoding="utf-8")
    result = run(str(articles), "-f", "md", "--template-dir", str(templates), "--limit", "2")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "glossary.md").write_text("{{ nothing_here }}", encoding="utf-8")
    bad = run(str(articles), "-f", "md", "--template-dir", str(broken))
    assert bad.exit_code == 2 and "nothing_here" in bad.output and "Traceback" not in bad.output
