"""Glossary extraction, merging and ranking (library level).

The sample article is written for these tests; it uses each way an author marks a
term, so every extractor is exercised on text whose right answer we know.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.model import Document, Meta, Paragraph, Section
from toolkit.terms import TermEntry
from toolkit.transforms import english_gloss
from toolkit.transforms.glossary import glossary, keywords
from toolkit.transforms.term_extract import extract, normalise_english, plausible_term

PARAGRAPHS = (
    "所谓“反向海淘”，就是海外消费者从中国电商平台直接下单购买商品。",
    "“慢直播”则更强调陪伴感，不追求即时成交。",
    "柔性快反概念由一家咨询公司提出，是指以小批量试产、根据数据快速追加订单的生产方式。",
    "学者给出了平台生态位的定义：“平台在多边网络中占据的位置及其可调动的资源组合”。",
    "很多卖家把库存放进海外仓（Overseas Warehouse），并用VOC(Voice ofCustomer)系统收集评价。",
    "渐进出海模型(Stepwise Expansion Model)认为企业会由近及远地进入海外市场。",
    "平台的GMV和DAU都在增长，SKU数量也翻了一倍。",
    "反向海淘的订单主要来自东南亚，反向海淘也带动了国内的跨境物流。",
)


def sample_doc(source: str = "sample.md") -> Document:
    return Document(
        meta=Meta(title="跨境小店的反向海淘生意", source_path=source),
        sections=(Section(number="一", heading="新玩法", level=1, body=tuple(Paragraph(text=p) for p in PARAGRAPHS)),),
    )


USER_TERMS = [
    TermEntry(term="海外仓", hant="海外倉", pinyin="hǎiwài cāng", english="overseas warehouse",
              definition="设在目标市场的仓库。", domains=("logistics",)),
    TermEntry(term="GMV", english="gross merchandise volume", definition="成交总额。"),
]


@pytest.fixture(scope="module")
def entries():
    return glossary(sample_doc(), terms=USER_TERMS, builtin=False)


def by_term(items):
    return {e.term: e for e in items}


def test_definitions_found_in_text(entries):
    found = by_term(entries)
    assert found["反向海淘"].origin == "defined"
    assert found["反向海淘"].definition.startswith("“反向海淘”，就是海外消费者")
    assert "更强调陪伴感" in found["慢直播"].definition
    assert found["柔性快反"].definition.startswith("柔性快反概念由")
    # X的定义：“…”: the definition is the quoted text, the term the words before 的定义
    assert found["平台生态位"].definition == "平台在多边网络中占据的位置及其可调动的资源组合"


def test_bracketed_english_is_taken_from_text(entries):
    found = by_term(entries)
    model = found["渐进出海模型"]
    assert (model.english, model.english_source, model.origin) == ("Stepwise Expansion Model", "text", "parenthetical")
    voc = found["VOC"]
    assert voc.english == "Voice of Customer"  # the glued "ofCustomer" is repaired
    assert voc.english_source == "text"


def test_termbase_entries_win_and_carry_their_fields(entries):
    found = by_term(entries)
    wh = found["海外仓"]
    assert (wh.english, wh.english_source, wh.origin) == ("overseas warehouse", "termbase", "termbase")
    assert wh.hant == "海外倉" and wh.domains == ("logistics",)
    assert found["GMV"].english_source == "termbase"


def test_abbreviations_and_counts(entries):
    found = by_term(entries)
    assert {"DAU", "SKU"} <= set(found)
    assert found["DAU"].origin == "abbreviation"
    assert found["反向海淘"].frequency == 4  # title + three in the text
    assert found["反向海淘"].sources == ("sample.md",)


def test_every_entry_is_complete(entries):
    assert len({e.term for e in entries}) == len(entries)
    for e in entries:
        assert e.english_source in {"termbase", "text", "dictionary", "none"}
        assert (e.english is None) == (e.english_source == "none")
        assert e.frequency >= 1 and e.sources
        assert e.context, e.term
        if re.search(r"[\u4e00-\u9fff]", e.term):
            assert e.hant and e.pinyin
    scores = [e.score for e in entries]
    assert scores == sorted(scores, reverse=True)


def test_dictionary_gloss_for_terms_outside_the_termbase(entries):
    found = by_term(entries)
    assert found["反向海淘"].english_source == "dictionary"
    assert found["反向海淘"].english


def test_merge_across_documents_and_scripts():
    simp = Document(meta=Meta(source_path="a.md"), body=(Paragraph(text="所谓“反向海淘”，就是海外消费者在中国平台下单。"),))
    trad = Document(meta=Meta(source_path="b.md"), body=(Paragraph(text="「反向海淘」的訂單越來越多，反向海淘已成趨勢。"),))
    items = by_term(glossary([simp, trad], builtin=False))
    entry = items["反向海淘"]
    assert entry.sources == ("a.md", "b.md")
    assert entry.frequency == 3
    assert "反向海淘" in items and not any(t != "反向海淘" and "反向海淘" in t for t in items if t.startswith("反"))


def test_limit_keeps_the_best():
    full = glossary(sample_doc(), terms=USER_TERMS, builtin=False)
    top = glossary(sample_doc(), terms=USER_TERMS, builtin=False, limit=3)
    assert [e.term for e in top] == [e.term for e in full[:3]]


def test_builtin_termbase_is_used_by_default():
    doc = Document(body=(Paragraph(text="跨境电商卖家越来越依赖海外仓和独立站。"),))
    items = by_term(glossary(doc))
    assert items["跨境电商"].english_source == "termbase"


@pytest.mark.parametrize(
    ("text", "ok"),
    [("在地化", True), ("加拉帕戈斯化", True), ("GMV", True), ("这是一句很长的话而且不是术语吧", False),
     ("走出去了", False), ("平台—工厂", False), ("今天，我们", False)],
)
def test_plausible_term(text, ok):
    assert plausible_term(text) is ok


def test_normalise_english():
    assert normalise_english("Voice ofCustomer") == "Voice of Customer"
    assert normalise_english("  Uppsala   Model ") == "Uppsala Model"


def test_cedict_whole_and_composed():
    assert "localization" in english_gloss.whole_term("本地化")
    composed = english_gloss.compose("双边市场")
    assert composed and "bilateral" in composed
    assert english_gloss.gloss("加拉帕戈斯化") is None  # no nonsense from single characters
    assert english_gloss.compose("GMV") is None
    assert "CC BY-SA" in english_gloss.ATTRIBUTION


def test_keywords_without_termbase():
    doc = Document(meta=Meta(title="基于深度学习的图像识别方法"),
                   body=(Paragraph(text="本文提出一种基于深度学习的图像识别方法，图像识别准确率明显提升。深度学习模型在图像识别中表现良好。"),))
    found = keywords(doc, 5)
    assert len(found) <= 5
    assert "图像识别" in found


def test_statistical_candidates_skip_urls_and_prose():
    doc = Document(body=(Paragraph(text="详见 https://example.com/page 。柔性供应链让柔性供应链企业更灵活(Flexible Supply Chain)。"),))
    found = extract(doc)
    assert "https" not in found.candidates and "com" not in found.candidates
    assert "Flexible" not in found.candidates


_CJK_TEXT = st.text(alphabet=st.sampled_from(list("的是在了市场平台电商跨境出海品牌用户“”「」（）()，。；：GMVSKUabc 0123")), max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CJK_TEXT, min_size=1, max_size=4))
def test_property_any_text_gives_a_consistent_glossary(paragraphs):
    doc = Document(meta=Meta(source_path="x"), body=tuple(Paragraph(text=p) for p in paragraphs))
    items = glossary(doc, builtin=False)
    assert len({e.term for e in items}) == len(items)
    full = "\n".join(paragraphs)
    for e in items:
        assert e.frequency >= 1
        assert e.origin in {"termbase", "quoted", "defined", "parenthetical", "abbreviation", "statistical"}
        # every term comes from the text (no invented strings)
        assert e.term in full or e.term.casefold() in full.casefold()


def test_latin_case_variants_merge_under_the_commonest_spelling():
    a = Document(meta=Meta(source_path="a"), body=(Paragraph(text="很多SaaS公司出海。SaaS工具很多，SaaS订阅也多。"),))
    b = Document(meta=Meta(source_path="b"), body=(Paragraph(text="SAAS很流行，SAAS公司也多。"),))
    items = by_term(glossary([a, b], builtin=False))
    assert "SAAS" not in items
    assert items["SaaS"].frequency == 5 and items["SaaS"].sources == ("a", "b")


@pytest.mark.parametrize(
    ("sentence", "term", "definition_start"),
    [
        ("我所说的虚荣式创新是指推出的新产品并没有真正的市场需求。", "虚荣式创新", "虚荣式创新是指"),
        ("海外仓或者前置仓则是指，商家将货物预先储存在目标市场的仓库中。", "前置仓", "前置仓则是指"),
        ("所谓的预付卡，就是提前充值的支付卡。", "预付卡", "预付卡，就是"),
        ("“本地化”是指按市场调整产品;“在地化”则更强调融入地方文化。", "本地化", "“本地化”是指按市场调整产品"),
        ("“本地化”是指按市场调整产品;“在地化”则更强调融入地方文化。", "在地化", "“在地化”则更强调"),
        ("品牌共鸣概念由一位营销学者提出，是指消费者与品牌之间的情感联结。", "品牌共鸣", "品牌共鸣概念由"),
    ],
)
def test_definitional_patterns(sentence, term, definition_start):
    found = extract(Document(body=(Paragraph(text=sentence),)), statistical=False)
    assert term in found.candidates, list(found.candidates)
    cand = found.candidates[term]
    assert "defined" in cand.origins
    assert cand.definition.startswith(definition_start)


def test_common_words_are_not_defined_without_quotes():
    found = extract(Document(body=(Paragraph(text="具体是指平台把订单交给第三方处理。"),)), statistical=False)
    assert "具体" not in found.candidates


def test_cedict_index_cache_roundtrip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    english_gloss.index.cache_clear()
    try:
        first = english_gloss.index()
        cached = list((tmp_path / "toolkit").glob("cedict-*.marshal"))
        assert len(cached) == 1
        english_gloss.index.cache_clear()
        assert english_gloss.index() == first  # read back from the cache
        assert "localization" in first["本地化"]
    finally:
        english_gloss.index.cache_clear()


def test_overlapping_forms_are_counted_once():
    entry = TermEntry(term="阿里巴巴", english="Alibaba", variants=("阿里",))
    doc = Document(meta=Meta(source_path="a"), body=(Paragraph(text="阿里巴巴的财报显示，阿里正在调整。阿里巴巴还在出海。"),))
    items = by_term(glossary(doc, terms=[entry], builtin=False))
    assert items["阿里巴巴"].frequency == 3
