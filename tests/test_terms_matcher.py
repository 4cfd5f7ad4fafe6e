"""Finding termbase terms in text: leftmost-longest, Latin word boundaries, all forms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.terms import Matcher, Termbase, TermEntry
from toolkit.terms.matcher import normalise

TB = Termbase.load()
M = TB.matcher()


def found(text: str, matcher: Matcher = M) -> list[tuple[str, str]]:
    return [(m.text, m.entry.term) for m in matcher.finditer(text)]


def test_simplified_and_traditional_forms_and_fields():
    hits = M.findall("中国的內循環与資料本地化")
    assert [(m.text, m.entry.term, m.field) for m in hits] == [
        ("內循環", "内循环", "hant"), ("資料本地化", "数据本地化", "tw"),
    ]


def test_longest_match_wins():
    assert found("数据本地化") == [("数据本地化", "数据本地化")]
    assert found("跨境电商综合") == [("跨境电商", "跨境电商")]


def test_latin_forms_respect_word_boundaries_and_case_rules():
    assert found("GMV增长") == [("GMV", "GMV")]
    assert found("GMVs AGMV gmv") == []  # inside words; acronyms are case-sensitive
    assert found("超级APP和超级 App") == [("超级APP", "超级App"), ("超级 App", "超级App")]
    assert found("OLI 范式") == [("OLI 范式", "OLI范式")]
    assert found("TikTok Shop与TikTokShop") == [("TikTok Shop", "TikTok Shop"), ("TikTokShop", "TikTok Shop")]
    assert found("TikTok的") == [("TikTok", "TikTok")]


def test_abbreviation_inside_a_longer_form():
    # FDA (an abbreviation, case-sensitive) and FDA认证 share their first letters
    assert found("FDA认证，FDA，fda") == [("FDA认证", "FDA认证"), ("FDA", "FDA")]
    assert found("RED和red ocean和Blue Ocean") == [("RED", "小红书"), ("Blue Ocean", "蓝海")]


def test_short_latin_names_match_as_written_or_in_capitals():
    assert found("Temu、TEMU、temu、tag/tob、ToB") == [("Temu", "Temu"), ("TEMU", "Temu"), ("ToB", "ToB")]


def test_english_names_are_optional():
    text = "乌普萨拉国际化模型(Uppsala Model)与AliExpress"
    assert found(text) == [
        ("乌普萨拉国际化模型", "乌普萨拉国际化模型"), ("Uppsala Model", "乌普萨拉国际化模型"), ("AliExpress", "速卖通"),
    ]
    assert found(text, TB.matcher(english=False)) == [("乌普萨拉国际化模型", "乌普萨拉国际化模型")]
    assert [m.field for m in M.finditer("Voice of the Customer")] == ["english"]


def test_variants_are_found_and_named():
    hits = M.findall("海外社媒与社媒，日活破百万，小額免稅")
    assert [(m.text, m.entry.term, m.field) for m in hits] == [
        ("海外社媒", "海外社媒", "term"), ("社媒", "社交媒体", "variant"),
        ("日活", "DAU", "variant"), ("小額免稅", "小额豁免", "variant"),
    ]


def test_count_groups_all_forms():
    assert M.count("种草、種草和GMV") == {"种草": 2, "GMV": 1}


def test_every_builtin_form_is_found_alone():
    for entry in TB.entries:
        for form in entry.forms:
            hits = M.findall(f"。{form}。")
            assert len(hits) == 1 and hits[0].text == form, (form, hits)
            assert normalise(form) == normalise(hits[0].entry.form_for("hans")) or form in hits[0].entry.forms


def test_empty_matcher_and_empty_text():
    assert Matcher([]).findall("出海") == []
    assert M.findall("") == []


# ---- properties: the trie regex is exactly leftmost-longest over the forms ---------

FORMS = ["出海", "出海企业", "海外", "海外仓", "外仓", "本地化", "数据本地化", "数据", "仓储"]
SMALL = Matcher([TermEntry(term=f) for f in FORMS], english=False)
ALPHABET = sorted(set("".join(FORMS)) | set("，的"))


def reference(text: str) -> list[tuple[int, int]]:
    """Brute force: at each position take the longest form, then jump past it."""
    out, i = [], 0
    while i < len(text):
        best = max((f for f in FORMS if text.startswith(f, i)), key=len, default=None)
        if best:
            out.append((i, i + len(best)))
            i += len(best)
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_matches_equal_leftmost_longest_reference(text):
    assert [(m.start, m.end) for m in SMALL.finditer(text)] == reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_matches_are_ordered_non_overlapping_slices(text):
    end = 0
    for m in M.finditer(text):
        assert m.start >= end and m.end > m.start
        assert text[m.start:m.end] == m.text
        end = m.end


def test_package_docstring_examples():
    import doctest

    import toolkit.terms

    assert doctest.testmod(toolkit.terms).failed == 0
