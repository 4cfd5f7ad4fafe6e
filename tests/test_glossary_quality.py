"""Statistical term quality: nested fragments, Latin name pieces, person names, composed glosses.

The article below is written for these tests: a long term that jieba cuts into
several words and that always appears whole, a person quoted three times, and a
brand written with a space inside (``Tik Tok``), so each defect the glossary must
avoid has a known right answer.
"""

from __future__ import annotations

import pytest

from toolkit.model import Document, Meta, Paragraph
from toolkit.transforms import english_gloss
from toolkit.transforms.glossary import glossary, keywords, prune
from toolkit.transforms.term_extract import (
    _content,
    _latin_fragment,
    _person_name,
    extract,
    plausible_term,
    quoted_phrase,
    trailing_term,
    word_tags,
)

PARAGRAPHS = (
    "农村居民基本医疗保险覆盖面继续扩大。王昱表示，农村居民基本医疗保险基金运行平稳。",
    "今年农村居民基本医疗保险的筹资标准提高。王昱说，农村居民基本医疗保险参保率超过九成。",
    "不少卖家在Tik Tok上开店，Tik Tok电商增长很快，Tik Tok用户也在增加。",
    "农村居民基本医疗保险的报销比例提高，王昱认为农村居民基本医疗保险将更可持续。",
)


def _doc() -> Document:
    return Document(meta=Meta(title="农村居民基本医疗保险改革", source_path="q.md"),
                    body=tuple(Paragraph(text=p) for p in PARAGRAPHS))


def _statistical(term_filters: bool) -> set[str]:
    found = extract(_doc(), term_filters=term_filters)
    return {t for t, c in found.candidates.items() if "statistical" in c.origins}


def test_the_defects_exist_without_the_filters():
    # guards the test below: the unfiltered candidates do hold the bad ones
    raw = _statistical(term_filters=False)
    assert {"王昱", "农村居民基本"} <= raw


def test_latin_pieces_of_a_longer_name():
    text = "卖家在Tik Tok上开店，Tik Tok电商增长很快。TikTok电商也在做GMV。"
    assert _latin_fragment("Tik", text)
    assert _latin_fragment("Tok", text)
    assert not _latin_fragment("TikTok", text)
    assert not _latin_fragment("GMV", text)
    assert _latin_fragment("Tik", "只有TikTok和TikTok电商")  # only ever inside a longer word
    assert not _latin_fragment("电商", text)


def test_glossary_keeps_the_whole_term_and_drops_fragments_names_and_latin_pieces():
    terms = {e.term for e in glossary(_doc(), builtin=False)}
    assert "农村居民基本医疗保险" in terms
    assert "王昱" not in terms
    assert "Tik" not in terms and "Tok" not in terms
    kept = _statistical(term_filters=True)
    assert "农村居民基本" not in kept and "王昱" not in kept


def test_a_quoted_name_stays():
    doc = Document(meta=Meta(title="访谈"), body=(
        Paragraph(text="这种做法被同行称为“王昱模式”。王昱模式的核心是先做小单。"),
        Paragraph(text="王昱模式后来被很多工厂学习，王昱模式也有局限。"),
    ))
    assert "王昱模式" in {e.term for e in glossary(doc, builtin=False)}


def test_keywords_keep_both_levels_of_a_nested_term():
    # author keyword lists name a term and its parts: the glossary filters stay off here
    found = keywords(_doc(), 20)
    assert {"医疗保险", "农村居民基本医疗保险"} <= set(found)


def test_pruned_article_has_no_fragment():
    article = prune(extract(_doc()))
    assert "农村居民基本" not in article.candidates


@pytest.mark.parametrize("term", ["储能电池企业", "利润保障", "加拉帕戈斯化"])
def test_composition_refuses_single_characters_and_verb_heads(term):
    # 储能 is missing from CC-CEDICT: glossing 储 and 能 alone gave "store can"
    assert english_gloss.compose(term) is None


def test_composition_uses_the_longest_dictionary_words_and_noun_senses():
    assert english_gloss._pieces("城镇职工基本养老保险")[-1] == "养老保险"
    assert english_gloss.compose("交易场所") == "transaction location"  # not "deal location"
    assert english_gloss.compose("京东外卖") == "Jingdong takeout"  # a sense cut at its comma
    assert english_gloss.compose("情绪社交应用").endswith("application")  # the head is a noun


@pytest.mark.parametrize("word", ["王昱", "宋佳", "贾樟柯"])
def test_unknown_words_led_by_a_surname_and_tagged_nr_are_names(word):
    assert _person_name(word, word_tags().get(word))


@pytest.mark.parametrize("word", ["显微镜", "平方和", "黄金周", "高水位", "石墨烯", "供应链"])
def test_dictionary_nouns_tagged_nr_are_not_names(word):
    # jieba's dictionary tags 显微镜 and 平方和 nr: a CC-CEDICT sense keeps them terms
    assert not _person_name(word, word_tags().get(word))


@pytest.mark.parametrize("word", ["个村", "三县", "动得"])
def test_counts_and_particle_phrases_are_not_term_words(word):
    assert not _content(word, "new", "first")


@pytest.mark.parametrize("word", ["二维", "湿地", "直发器"])
def test_other_new_words_can_be_term_words(word):
    assert _content(word, "new", "first")


@pytest.mark.parametrize(("prefix", "name"), [
    ("联合创始人艾伦·伊斯特利", "艾伦·伊斯特利"),
    ("平台创始人马克斯·马伦", "马克斯·马伦"),
])
def test_a_dotted_name_before_its_english_is_one_term_without_its_title(prefix, name):
    assert trailing_term(prefix, span=2) == name
    assert not plausible_term("·" + name.split("·")[1])


@pytest.mark.parametrize("text", ["你最后悔的事情是什么", "木材和木制品", "文化和潮流", "未被满足的需求", "打破自己的认知边界"])
def test_quoted_clauses_and_lists_are_phrases(text):
    assert quoted_phrase(text)


@pytest.mark.parametrize("text", ["看不见的手", "在地化", "小单快反", "反向海淘", "平方和"])
def test_quoted_terms_are_not_phrases(text):
    assert not quoted_phrase(text)
