"""The built-in termbase's data: complete, consistent, and right for the named terms.

These checks run over every entry, so a new row that breaks a rule (a missing
definition, pinyin that does not fit its characters, a simplified character left in a
traditional form) fails here rather than in a translator's glossary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pytest

from toolkit.terms import Termbase, builtin_entries
from toolkit.terms.entry import DOMAINS

ENTRIES = builtin_entries()
REQUIRED = ("term", "hant", "pinyin", "english", "definition", "definition_en", "domains")
TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
#: characters read in the neutral tone inside the terms that use them (饿了么)
NEUTRAL = set("了么的子们")
#: characters OpenCC's s2t turns into a variant although they are the standard
#: Traditional form in Taiwan and Hong Kong too (平台 and 社群 are everyday usage there;
#: 臺 and 羣 are OpenCC's preferred variants)
SHARED_TRADITIONAL = set("台群")
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 &.+-]*[A-Za-z0-9]|[A-Za-z0-9]")


def is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


@lru_cache(maxsize=8)
def cc(config: str):
    import opencc

    return opencc.OpenCC(config)


def test_at_least_220_entries():
    assert len(ENTRIES) >= 220


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_entry_is_complete(entry):
    missing = [name for name in REQUIRED if not getattr(entry, name)]
    assert not missing, f"{entry.term}: missing {missing}"
    assert entry.definition.endswith("。"), "one Chinese sentence, ending with 。"
    assert entry.definition_en.endswith("."), "one English sentence, ending with a full stop"
    assert set(entry.domains) <= DOMAINS, f"unknown domain tags {set(entry.domains) - DOMAINS}"


def test_no_duplicate_terms_or_forms():
    terms = [e.term for e in ENTRIES]
    assert len(terms) == len(set(terms))
    owner: dict[str, str] = {}
    for e in ENTRIES:
        for form in e.forms:
            assert owner.setdefault(form, e.term) == e.term, f"{form} belongs to {owner[form]} and {e.term}"


def test_tw_and_hk_only_where_they_differ():
    for e in ENTRIES:
        assert not e.tw or e.tw != e.hant, f"{e.term}: tw repeats hant"
        assert not e.hk or e.hk != e.hant, f"{e.term}: hk repeats hant"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_pinyin_fits_the_characters(entry):
    from pypinyin import Style, pinyin

    rest = entry.pinyin
    # Latin runs (GMV, App, TikTok Shop) are written as in the term
    for run in LATIN_RUN.findall(entry.term):
        assert run in rest, f"{entry.term}: Latin part {run!r} missing from pinyin"
        rest = rest.replace(run, " ", 1)
    syllables = rest.split()
    han = [ch for ch in entry.term if is_han(ch)]
    assert len(syllables) == len(han), f"{entry.term}: {len(han)} characters but pinyin {entry.pinyin!r}"
    for ch, syl in zip(han, syllables, strict=True):
        readings = set(pinyin(ch, style=Style.TONE, heteronym=True)[0])
        if ch in NEUTRAL:
            readings |= {pinyin(ch, style=Style.NORMAL)[0][0]}
        else:
            assert TONE_MARKS & set(syl), f"{entry.term}: {syl!r} for {ch} has no tone mark"
        assert syl in readings, f"{entry.term}: {syl!r} is not a reading of {ch} ({sorted(readings)})"


def test_variants_have_their_traditional_spellings():
    for e in ENTRIES:
        for variant in e.variants:
            assert variant not in (e.term, e.hant, e.tw, e.hk), f"{e.term}: variant {variant} repeats a form"
            spelled = cc("s2tw").convert(variant)
            assert spelled in e.variants or spelled in e.forms, f"{e.term}: {variant} without its traditional spelling"


def test_terms_are_simplified():
    for e in ENTRIES:
        assert cc("t2s").convert(e.term) == e.term, f"{e.term} is not in simplified characters"


def test_hant_is_the_terms_traditional_form():
    for e in ENTRIES:
        assert cc("t2s").convert(e.hant) == e.term, f"{e.hant} does not convert back to {e.term}"


@pytest.mark.parametrize("column,config", [("hant", "s2t"), ("tw", "s2tw"), ("hk", "s2hk")])
def test_traditional_forms_have_no_simplified_characters(column, config):
    # Converting the whole form (so phrases like 阿里巴巴 and 公里 keep their 里) must
    # leave every character alone: whatever OpenCC would still change is simplified.
    bad = []
    for e in ENTRIES:
        form = getattr(e, column)
        converted = cc(config).convert(form)
        for a, b in zip(form, converted, strict=True):
            if a != b and a not in SHARED_TRADITIONAL:
                bad.append(f"{e.term}: {column} {form!r} has {a} (-> {b})")
    assert not bad, "\n".join(bad)


def test_brand_names_keep_official_forms():
    tb = Termbase.load()
    assert tb.get("华为").hant == "華為"
    assert tb.get("平台经济").hant == "平台經濟"
    assert tb.get("超级App").hant == "超級App"
    for latin in ("SHEIN", "Temu", "TikTok Shop", "GMV"):
        assert tb.get(latin).form_for("tw") == latin


# the terms issue 5 names, with the English a translator must get
NAMED = {
    "加拉帕戈斯化": "galapagos",
    "内循环": "domestic circulation",
    "超级App": "super app",
    "本地化": "localization",
    "在地化": "glocalization",
    "小单快反": "small-batch, quick-response",
    "柔性供应链": "flexible supply chain",
    "双边市场": "two-sided market",
    "情感营销": "emotional marketing",
    "去中介化": "disintermediation",
    "乌普萨拉国际化模型": "uppsala model",
    "国际生产折衷范式": "eclectic paradigm",
    "OLI范式": "oli paradigm",
    "蓝海战略": "blue ocean strategy",
    "全托管": "fully managed",
    "海外仓": "overseas warehouse",
    "种草": "seeding",
    "GMV": "gross merchandise",
    "DAU": "daily active users",
    "VOC": "voice of the customer",
    "出海": "going global",
    "双循环": "dual circulation",
    "跨境电商": "cross-border e-commerce",
    "半托管": "semi-managed",
    "独立站": "online store",
    "以销定产": "make-to-order",
    "履约": "fulfillment",
    "妥投": "delivery",
    "集运": "consolidated shipping",
    "货架电商": "shelf-based",
    "兴趣电商": "interest-based",
    "达人营销": "influencer marketing",
    "直播带货": "live-stream selling",
    "产业带": "industrial cluster",
    "微笑曲线": "smile curve",
    "标准必要专利": "standard-essential patent",
    "数据本地化": "data localization",
    "数据主权": "data sovereignty",
    "GDPR": "general data protection regulation",
    "FDA认证": "fda",
    "CE认证": "ce marking",
    "TikTok Shop": "tiktok shop",
    "SHEIN": "shein",
    "Temu": "temu",
    "速卖通": "aliexpress",
    "菜鸟": "cainiao",
    "小红书": "xiaohongshu",
    "阿里巴巴": "alibaba",
    "拼多多": "pinduoduo",
    "美团": "meituan",
    "抖音": "douyin",
    "字节跳动": "bytedance",
    "京东": "jd.com",
    "淘宝": "taobao",
    "天猫": "tmall",
    "Lazada": "lazada",
    "虾皮": "shopee",
    "米哈游": "mihoyo",
    "传音": "transsion",
    "安克创新": "anker",
}


@pytest.mark.parametrize("term,english", NAMED.items())
def test_named_terms_have_the_right_english(term, english):
    entry = Termbase.load().get(term)
    assert entry is not None, f"{term} missing from the built-in termbase"
    assert english in entry.english.casefold()


def test_one_concept_two_names_are_linked():
    tb = Termbase.load()
    assert "OLI范式" in tb.get("国际生产折衷范式").note
    assert "国际生产折衷范式" in tb.get("OLI范式").note
    assert "OLI paradigm" in tb.get("国际生产折衷范式").english_alt
    assert tb.get("VOC").english_alt and "Voice of Customer" in tb.get("VOC").english_alt


@pytest.mark.parametrize("term,word", [
    ("在地化", "glocalization"), ("小单快反", "small-batch"), ("加拉帕戈斯化", "Galapagos"), ("种草", "seeding"),
])
def test_easy_to_mistranslate_terms_carry_a_note(term, word):
    entry = Termbase.load().get(term)
    assert entry.note, f"{term} needs a note for translators"
    assert word.casefold() in (entry.note + " " + entry.english + " " + ";".join(entry.english_alt)).casefold()


def test_seed_terms_are_found_in_the_seeds(shared):
    # every term the issue names for the seeds occurs in them in some form the matcher knows
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt")))
    found = {m.entry.term for m in Termbase.load().matcher().finditer(text)}
    wanted = {"加拉帕戈斯化", "内循环", "超级App", "本地化", "在地化", "小单快反", "柔性供应链", "双边市场", "情感营销",
              "去中介化", "乌普萨拉国际化模型", "蓝海战略", "全托管", "海外仓", "种草", "GMV", "DAU", "VOC"}
    assert wanted <= found, f"not found: {sorted(wanted - found)}"
