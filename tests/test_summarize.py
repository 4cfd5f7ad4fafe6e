"""Summaries: order, budget, no duplicates, determinism, edge cases, seeds, CLI."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from toolkit.errors import UsageError
from toolkit.model import Document, ListBlock, ListItem, Meta, Paragraph, Section, Table
from toolkit.readers import read, read_text
from toolkit.text.sentence_index import is_framing
from toolkit.transforms.summarize import summarize

#: an article written for these tests
ARTICLE = """新能源车企加速海外布局
本文将带你了解新能源车企出海的最新进展。
今年前十个月，国内新能源车企累计出口新能源汽车120万辆，同比增长35%。
出口增长主要来自欧洲和东南亚市场，两地合计占出口总量的六成。
在欧洲，车企面临反补贴调查和本地品牌的激烈竞争。
为了降低关税风险，多家车企宣布在匈牙利和土耳其建设整车工厂。
海外建厂不仅规避了关税，也让车企更贴近当地消费者。
在东南亚，车企则通过与本地经销商合作快速铺开渠道。
泰国市场的新能源车渗透率从2022年的3%提高到今年的12%。
车企出海的下一步，是把电池、电机等配套企业一起带出去。
配套企业同步出海，能在目标市场形成完整的产业集群。
你觉得新能源车企出海还会遇到哪些挑战？
欢迎在评论区留言讨论。
"""


def _doc(text: str = ARTICLE) -> Document:
    return read_text(text)


def _sections_doc() -> Document:
    def para(t: str) -> Paragraph:
        return Paragraph(text=t)

    return Document(
        meta=Meta(title="跨境支付的三道坎"),
        body=(para("跨境支付是中小卖家出海绕不开的一环。"),),
        sections=(
            Section(number="一", heading="汇率风险", level=1, body=(
                para("汇率波动会直接吞掉卖家的利润。去年人民币对美元波动幅度超过8%。"),
                para("不少卖家开始使用远期结汇来锁定汇率。"),
            )),
            Section(number="二", heading="合规成本", level=1, body=(
                para("各国对跨境资金流动的监管越来越严。卖家需要为每个市场准备不同的合规材料。"),
            )),
            Section(number="三", heading="到账速度", level=1, body=(
                para("传统电汇到账需要3-5天。新型支付机构可以做到当天到账。"),
            )),
        ),
    )


def test_sentences_in_document_order_within_budget() -> None:
    s = summarize(_doc(), chars=80)
    indices = [x.index for x in s.sentences]
    assert indices == sorted(indices)
    assert s.summary == "".join(x.text for x in s.sentences)
    lengths = [len(x.text) for x in s.sentences]
    # never more than one sentence over the budget
    assert sum(lengths) <= 80 or sum(lengths) - max(lengths) < 80


def test_framing_sentences_never_chosen() -> None:
    s = summarize(_doc(), chars=2000)
    assert "本文将" not in s.summary
    assert "评论区" not in s.summary
    assert "？" not in s.summary
    assert s.shorter_than_budget


def test_framing_detector() -> None:
    for text in ("本文将拆解小红书出海的战略逻辑。", "一起来看看吧。", "你更看好哪种模式？", "题图来自Unsplash，基于CC0协议。",
                 "![](https://example.com/a.png)", "具体做法如下：", "对此感兴趣的读者可以阅读笔者此前文章《出海笔记》。",
                 "下面结合几家企业的做法，谈谈本地化的三件事。", "本文为示例简报，概述东南亚市场。"):
        assert is_framing(text), text
    for text in ("出口同比增长35%。", "车企在匈牙利建厂。"):
        assert not is_framing(text), text


def test_no_near_duplicates() -> None:
    text = "车企在匈牙利建设整车工厂。\n车企在匈牙利建设整车工厂。\n车企在匈牙利建设整车工厂！\n泰国市场渗透率提高。\n配套企业同步出海。"
    s = summarize(_doc(text), chars=200)
    assert sum("匈牙利" in x.text for x in s.sentences) == 1


def test_deterministic() -> None:
    a = summarize(_doc(), chars=120).to_dict()
    b = summarize(_doc(), chars=120).to_dict()
    assert json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


def test_ratio_budget() -> None:
    doc = _doc()
    s = summarize(doc, ratio=0.3)
    total = sum(len(p) for _, p in doc.paragraphs())
    assert s.chars == round(total * 0.3) or abs(s.chars - total * 0.3) <= total * 0.05


def test_empty_article() -> None:
    s = summarize(Document(), chars=100)
    assert s.summary == "" and s.sentences == () and s.key_points == () and s.key_figures == ()
    assert s.shorter_than_budget


def test_one_sentence_article() -> None:
    s = summarize(_doc("出口同比增长35%。"), chars=100)
    assert s.summary == "出口同比增长35%。"
    assert s.shorter_than_budget


def test_one_long_sentence_still_gives_a_summary() -> None:
    sentence = "车企" + "在海外建设工厂并带动配套企业同步出海" * 10 + "。"
    s = summarize(_doc(sentence), chars=20)
    assert s.summary == sentence  # one sentence over, never cut
    assert not s.shorter_than_budget


def test_table_only_article() -> None:
    doc = Document(body=(Table(rows=(("年份", "出口"), ("2024", "120万辆"))),))
    s = summarize(doc, chars=100)
    assert s.summary == ""
    assert s.sentences == ()


def test_bad_budget() -> None:
    with pytest.raises(UsageError):
        summarize(_doc(), chars=0)
    with pytest.raises(UsageError):
        summarize(_doc(), ratio=1.5)
    with pytest.raises(UsageError):
        summarize(_doc(), chars=10, ratio=0.5)


def test_section_digests_follow_sections() -> None:
    s = summarize(_sections_doc(), chars=60)
    assert [d.heading for d in s.sections] == ["汇率风险", "合规成本", "到账速度"]
    for d in s.sections:
        assert d.digest
    assert "汇率" in s.sections[0].digest


def test_key_points_from_enumeration_blocks() -> None:
    items = (ListItem(marker="第一", text="第一，先做合规。合规是底线。"), ListItem(marker="第二", text="第二，再做品牌。"))
    doc = Document(body=(Paragraph(text="出海要分几步走。"), ListBlock(ordered=True, items=items, kind="enumeration")))
    s = summarize(doc, chars=50)
    # a first sentence of a few words brings the next one along
    assert [(p.text, p.kind) for p in s.key_points] == [("先做合规。合规是底线。", "enumeration"), ("再做品牌。", "enumeration")]


def test_key_points_from_enumerations_inside_a_paragraph() -> None:
    doc = Document(body=(
        Paragraph(text="直播出海有三个抓手。第一，主播本地化。请当地主播讲解商品。第二，内容本地化。第三，供应链本地化，提前备货。"),
        Paragraph(text="总之要因地制宜。"),
    ))
    points = [p.text for p in summarize(doc, chars=50).key_points]
    assert points == ["主播本地化。请当地主播讲解商品。", "内容本地化。", "供应链本地化，提前备货。"]


def test_key_points_fall_back_to_section_leads() -> None:
    s = summarize(_sections_doc(), chars=60)
    assert {p.kind for p in s.key_points} == {"section_lead"}
    assert [p.section for p in s.key_points] == ["汇率风险", "合规成本", "到账速度"]


_SENTENCES = st.lists(
    st.sampled_from(["车企出口增长35%。", "欧洲市场竞争激烈。", "泰国渗透率提高到12%。", "配套企业同步出海！",
                     "海外建厂规避关税。", "东南亚渠道快速铺开。", "电池企业在匈牙利建厂。", "本文将介绍出海。"]),
    min_size=0, max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(_SENTENCES, st.integers(min_value=1, max_value=200))
def test_budget_and_order_properties(sentences: list[str], chars: int) -> None:
    doc = read_text("\n".join(sentences)) if sentences else Document()
    s = summarize(doc, chars=chars, extras=False, digests=False)
    lengths = [len(x.text) for x in s.sentences]
    assert [x.index for x in s.sentences] == sorted({x.index for x in s.sentences})
    if lengths:
        assert sum(lengths) - max(lengths) < chars or sum(lengths) <= chars
    assert "本文将" not in s.summary


# --- seeds (skip without ../shared) -------------------------------------------------


def _seed(shared, prefix: str) -> Document:
    path = next((shared / "corpus" / "seeds").glob(prefix + "_*.txt"))
    return read(path)


def test_seed_002_summary_mentions_dual_drive(shared) -> None:
    s = summarize(_seed(shared, "002"), chars=300)
    assert "双轮驱动" in s.summary and "技术" in s.summary and "生态" in s.summary
    assert len(s.summary) <= 300 + max(len(x.text) for x in s.sentences)


def test_seed_003_key_points_are_its_enumerations(shared) -> None:
    s = summarize(_seed(shared, "003"), chars=300)
    assert len(s.key_points) == 11
    assert all(p.kind == "enumeration" for p in s.key_points)
    assert s.key_points[0].text.startswith("TikTok困境")
    assert s.key_points[-1].text.startswith("海外数据库构建")


def test_seed_004_key_figures(shared) -> None:
    values = [f.value for f in summarize(_seed(shared, "004"), chars=300).key_figures]
    for wanted in ("70万", "120万 → 90万", "12-17天", "8%", "82%", "3%"):
        assert wanted in values, wanted
    assert any(v.startswith("28分钟") for v in values)


def test_dev_articles_summaries_respect_budget(shared) -> None:
    rows = [json.loads(x) for x in (shared / "corpus" / "dev" / "summaries.jsonl").read_text(encoding="utf-8").splitlines()[:10]]
    for row in rows:
        budget = len(row["summary"])
        s = summarize(read_text(row["text"], format="md"), chars=budget)
        lengths = [len(x.text) for x in s.sentences]
        assert lengths, row["id"]
        assert sum(lengths) <= budget or sum(lengths) - max(lengths) < budget


# --- CLI ------------------------------------------------------------------------------


def test_cli_json(tmp_path) -> None:
    from toolkit.cli import app

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(path), "--chars", "80", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"summary", "sentences", "key_points", "key_figures", "sections"}
    assert set(data["sentences"][0]) == {"text", "index", "section", "score"}
    assert {"text", "value", "section"} <= set(data["key_figures"][0])


def test_cli_text_and_errors(tmp_path) -> None:
    from toolkit.cli import app

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["summarize", str(path), "--ratio", "0.2"])
    assert result.exit_code == 0 and "Summary" in result.output and "Key figures" in result.output
    missing = runner.invoke(app, ["summarize", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    both = runner.invoke(app, ["summarize", str(path), "--chars", "10", "--ratio", "0.2"])
    assert both.exit_code == 2


def test_caller_key_terms_raise_the_sentences_that_mention_them() -> None:
    from toolkit.text.sentence_index import document_sentences
    from toolkit.transforms.summarize import score_sentences

    doc = _doc()
    sents = document_sentences(doc)
    thai = next(i for i, s in enumerate(sents) if "泰国" in s.text)
    plain = score_sentences(doc, sents)
    steered = score_sentences(doc, sents, terms={"泰国市场": 1.0, "渗透率": 1.0})
    others = [i for i in range(len(sents)) if i != thai]
    assert steered[thai] - max(steered[i] for i in others) > plain[thai] - max(plain[i] for i in others)
    assert summarize(doc, chars=40, terms=["泰国市场"]) == summarize(doc, chars=40, terms=["泰国市场"])


def test_key_points_from_numbered_subheadings() -> None:
    def sub(number: str, heading: str, text: str) -> Section:
        return Section(number=number, heading=heading, level=2, body=(Paragraph(text=text),))

    doc = Document(sections=(
        Section(number="一", heading="问题", level=1, sections=(
            sub("1", "物流慢", "妥投要两周。原因很多。"),
            sub("2", "支付难", "具体表现如下："),
        )),
    ))
    points = summarize(doc, chars=50).key_points
    assert [(p.text, p.kind) for p in points] == [("物流慢：妥投要两周。原因很多。", "subheading"), ("支付难", "subheading")]


def test_cli_says_when_the_article_is_shorter_than_the_budget(tmp_path) -> None:
    from toolkit.cli import app

    path = tmp_path / "short.txt"
    path.write_text("出口同比增长35%。\n欧洲市场竞争激烈。\n", encoding="utf-8")
    text = CliRunner().invoke(app, ["summarize", str(path), "--chars", "500"])
    assert text.exit_code == 0 and "shorter than the 500-character budget" in text.output


def test_golden_summary_json(golden) -> None:
    s = summarize(_doc(), chars=100)
    golden("summarize/article_100.json", json.dumps(s.to_dict(), ensure_ascii=False, indent=2) + "\n")


_ANY_TEXT = st.text(st.sampled_from(list("出海企业增长了。！？!?；…，,.“”《》（）()\n 0123456789%万亿元天abcXYZ第一二是①")), max_size=300)


@settings(max_examples=60, deadline=None)
@given(_ANY_TEXT, st.integers(min_value=1, max_value=120))
def test_any_text_summarises_without_error(text: str, chars: int) -> None:
    doc = read_text(text) if text.strip() else Document()
    s = summarize(doc, chars=chars)
    assert s.summary == "".join(x.text for x in s.sentences) or " " in s.summary
    for f in s.key_figures:
        assert f.value and f.text
    assert s.chars == chars


def test_english_article() -> None:
    text = ("Chinese carmakers exported 1.2 million cars this year. Europe is the largest market. "
            "Tariffs rose to 35% in October. Makers now build plants in Hungary.\n"
            "Battery suppliers follow them abroad. Local dealers help them reach buyers.")
    s = summarize(read_text(text), chars=90)
    assert s.sentences and s.summary.startswith(s.sentences[0].text)
    assert "35%" in [f.value for f in s.key_figures]


def test_trim_clauses() -> None:
    from toolkit.transforms.summarize import trim_clauses

    assert trim_clauses("企业需要重构市场边界[13]。") == "企业需要重构市场边界。"
    assert trim_clauses("从收入结构(图1)可清晰看出阿里的战略。") == "从收入结构可清晰看出阿里的战略。"
    assert trim_clauses("如[3]所示，营收增长46%。") == "如[3]所示，营收增长46%。"  # a citation inside the clause stays
    assert trim_clauses("营收(2024年)同比增长了很多。") == "营收(2024年)同比增长了很多。"  # figures stay
    assert trim_clauses("卖家开始自建独立站，例如服装和家居卖家。") == "卖家开始自建独立站。"


def test_both_scripts_widens_patterns() -> None:
    import re

    from toolkit.text.scripts import both_scripts

    assert both_scripts("本文将") == "本文[将將]"
    assert both_scripts("[将来]") == "[将將来來]"
    assert both_scripts(r"\d个") == r"\d[个個]"
    assert re.fullmatch(both_scripts("这些说法"), "這些說法")


def test_traditional_framing_and_enumerations() -> None:
    for text in ("本文將拆解小紅書出海的戰略邏輯。", "一起來看看吧。", "歡迎在評論區留言。", "題圖來自Unsplash。"):
        assert is_framing(text), text
    items = (Paragraph(text="導語：兩個問題。"), Paragraph(text="第一，先做合規。合規是底線。"), Paragraph(text="第二，再做品牌。"))
    points = summarize(Document(body=items), chars=40).key_points
    assert [p.kind for p in points] == ["enumeration", "enumeration"]
