"""The drafting helper for new termbase rows, and the built-in file's canonical form."""

from __future__ import annotations

import shutil
from pathlib import Path

from toolkit.terms import load_entries
from toolkit.terms.draft import draft_file, draft_pinyin, main

BUILTIN = Path(__file__).resolve().parents[1] / "toolkit" / "terms" / "termbase.csv"


def test_builtin_file_is_already_drafted_and_canonical(tmp_path):
    # the draft tool rewrites a file in canonical form: on the built-in file it must
    # change nothing, so reviewed cells are never overwritten and the layout is stable
    copy = tmp_path / "termbase.csv"
    shutil.copy(BUILTIN, copy)
    assert draft_file(copy) == 0
    assert copy.read_bytes() == BUILTIN.read_bytes()


def test_new_rows_get_forms_pinyin_and_traditional_variants(tmp_path):
    path = tmp_path / "new.csv"
    path.write_text(
        "term,english,variants,tw\n软件,software,软体,\n信息安全,information security,资安,\n跨境,cross-border,,越境\n",
        encoding="utf-8",
    )
    assert draft_file(path) == 3
    rows = {e.term: e for e in load_entries(path)}
    assert (rows["软件"].hant, rows["软件"].tw, rows["软件"].hk) == ("軟件", "軟體", "")
    assert rows["软件"].pinyin == "ruǎn jiàn"
    assert rows["软件"].variants == ("软体",)  # 軟體, its Traditional spelling, is already the tw form
    assert rows["信息安全"].tw == "資訊安全"
    # OpenCC spellings of the term (s2t 信息安全 -> 信息安全) and of variants are added
    assert rows["信息安全"].variants == ("资安", "資安")
    before = path.read_bytes()
    assert draft_file(path) == 0 and path.read_bytes() == before  # drafting settles
    # a reviewed form is kept: only empty cells are drafted
    assert rows["跨境"].tw == "越境" and rows["跨境"].hant == ""
    assert rows["跨境"].pinyin == "kuà jìng"


def test_pinyin_keeps_latin_runs():
    assert draft_pinyin("超级App") == "chāo jí App"
    assert draft_pinyin("TikTok Shop") == "TikTok Shop"


def test_cli_usage(capsys, tmp_path):
    assert main([]) == 2
    path = tmp_path / "t.csv"
    path.write_text("term\n出海\n", encoding="utf-8")
    assert main([str(path)]) == 0
    assert "1 rows drafted" in capsys.readouterr().out


def test_check_command(tmp_path, capsys):
    from toolkit.terms.__main__ import main as check

    good = tmp_path / "house.csv"
    good.write_text("term,english\n在地化,deep localization\n内容复用,content repurposing\n", encoding="utf-8")
    assert check([str(good), "--show", "在地化"]) == 0
    out = capsys.readouterr().out
    assert "2 entries (1 override built-in ones, 1 new)" in out
    assert "english: deep localization" in out and "pinyin: zài dì huà" in out  # merged over the built-in
    bad = tmp_path / "bad.csv"
    bad.write_text("term,engish\n出海,x\n", encoding="utf-8")
    assert check([str(good), str(bad)]) == 1
    assert "unknown column 'engish'" in capsys.readouterr().err
    assert check(["--show", "没有"]) == 0 and "not in the termbase" in capsys.readouterr().out
