"""The conversion API: targets, configs, locked terms in every config, batching."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.errors import ToolkitError, UsageError
from toolkit.terms import TermEntry
from toolkit.transforms.convert import Converter, available_configs, resolve_config


def test_public_api_names():
    assert toolkit.convert_text("软件", to="twp") == "軟體"
    assert toolkit.convert_text("软件", to="tw") == "軟件"
    assert isinstance(toolkit.Converter(to="hk"), Converter)
    assert callable(toolkit.convert_file)


@pytest.mark.parametrize(
    ("to", "source", "config"),
    [("hant", None, "s2t"), ("tw", None, "s2tw"), ("twp", None, "s2twp"), ("hk", None, "s2hk"),
     ("hans", None, "t2s"), ("hans", "tw", "tw2s"), ("hans", "hk", "hk2s"), ("hans", "hans", "t2s")],
)
def test_friendly_targets(to, source, config):
    assert resolve_config(to, None, source) == config


def test_every_shipped_config_is_offered():
    shipped = {name[:-5] for name in opencc.CONFIGS}
    assert set(available_configs()) == shipped
    assert {"s2t", "s2twp", "t2s", "jp2t", "hk2s"} <= shipped
    for name in shipped:
        assert Converter(config=name).config == name


@pytest.mark.parametrize("bad", [{"to": "xx"}, {"config": "nope"}, {"to": "tw", "config": "s2t"}])
def test_bad_targets_are_usage_errors(bad):
    with pytest.raises(UsageError):
        Converter(**bad)


def test_converter_matches_opencc_on_plain_text():
    text = "互联网时代，我们用软件看视频。头发、理发店和后台。"
    for config in available_configs():
        assert Converter(config=config).convert(text) == opencc.OpenCC(config).convert(text)


# ------------------------------------------------------------------ locked terms

#: words some config changes; each config must change at least one, so its lock is tested
CANDIDATES = ["视频", "互联网", "头发", "軟體", "網際網路", "頭髮", "臺灣", "芸術", "着想", "麪包", "強説", "吃飯", "衛生", "為了", "戶口"]


def _changed_by(config: str) -> list[str]:
    cc = opencc.OpenCC(config)
    return [w for w in CANDIDATES if cc.convert(w) != w]


@pytest.mark.parametrize("config", available_configs())
def test_a_locked_term_survives_every_config(config, tmp_path):
    words = _changed_by(config)
    assert words, f"no candidate word that {config} changes"
    termbase = tmp_path / "locks.tsv"
    termbase.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    converter = Converter(config=config, terms=[termbase])
    for word in words:
        text = f"开头{word}中間{word}结尾"
        out = converter.convert(text)
        assert out.count(word) == 2, (config, word, out)
        cc = opencc.OpenCC(config)
        # the text around the locks converts exactly as OpenCC converts it
        assert out == cc.convert("开头") + word + cc.convert("中間") + word + cc.convert("结尾")


def test_s2twp_phrase_rewriting_is_blocked_by_locks():
    locks = [TermEntry(term="视频", hant="視頻"), TermEntry(term="互联网", hant="互聯網")]
    plain = Converter(to="twp").convert("互联网视频")
    assert plain == "網際網路影片"
    locked = Converter(to="twp", terms=locks).convert("互联网视频平台")
    assert locked == "互聯網視頻平臺"


def test_chosen_forms_and_brand_names(tmp_path):
    termbase = tmp_path / "house.tsv"
    termbase.write_text("小红书\n本地化\t在地化\n", encoding="utf-8")
    out = toolkit.convert_text("小红书的本地化团队", to="tw", terms=[termbase])
    assert out == "小红书的在地化團隊"
    assert toolkit.convert_text("小红书的本地化团队", to="tw") == "小紅書的本地化團隊"
    # back to simplified, the chosen form maps to the simplified term
    assert toolkit.convert_text("在地化團隊", to="hans", terms=[termbase]) == "本地化团队"


def test_csv_and_toml_termbases_lock_too(tmp_path):
    csv = tmp_path / "t.csv"
    csv.write_text("term,hant,tw,hk,pinyin,english,english_alt,definition,definition_en,domains,note\n"
                   "视频,視頻,,,,video,,,,,\n", encoding="utf-8")
    toml = tmp_path / "t.toml"
    toml.write_text('[[term]]\nterm = "互联网"\nhant = "互聯網"\n', encoding="utf-8")
    out = Converter(to="twp", terms=[csv, toml]).convert("互联网视频")
    assert out == "互聯網視頻"


def test_longest_locked_term_wins():
    conv = Converter(to="twp", terms={"互联网": "互聯網", "互联网视频": "互聯網視頻"})
    assert conv.convert("看互联网视频") == "看互聯網視頻"
    assert conv.convert("看互联网") == "看互聯網"


def test_bad_termbase_is_one_line_error(tmp_path):
    with pytest.raises(ToolkitError):
        Converter(to="tw", terms=[tmp_path / "missing.tsv"])


# ------------------------------------------------------------------ properties

_HAN = st.sampled_from(list("头发互联网视频软件后台里面干净系统着想台湾的了是在中国") + [" ", "\n", "a", "1", "，"])
_TEXT = st.lists(_HAN, max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_convert_many_equals_one_by_one(texts):
    conv = Converter(to="twp")
    assert conv.convert_many(texts) == [conv.convert(t) for t in texts]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TEXT, st.just("视频"), st.just("互联网")), max_size=10).map("".join))
def test_locked_forms_always_come_out(text):
    conv = Converter(to="twp", terms={"视频": "視頻", "互联网": "互聯網"})
    out = conv.convert(text)
    # occurrences are found left to right, longest first, never overlapping
    import re

    expected = len(re.findall("互联网|视频", text))
    assert len(re.findall("互聯網|視頻", out)) >= expected
    assert "影片" not in out and "網際網路" not in out


def test_converter_is_reused_per_process(monkeypatch):
    from toolkit.transforms import convert as mod

    a = mod.get_converter("tw")
    b = mod.get_converter("tw")
    assert a is b
    assert mod.opencc_for("s2t") is mod.opencc_for("s2t")


def test_convert_file_returns_text_without_destination(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text("软件\n", encoding="utf-8")
    assert toolkit.convert_file(src, to="twp") == "軟體\n"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abc视频", min_size=1, max_size=4), min_size=1, max_size=8), st.text(alphabet="abc视频x", max_size=40))
def test_trie_pattern_finds_longest_leftmost_like_alternation(words, text):
    import re

    from toolkit.transforms.convert import trie_pattern

    flat = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = re.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
