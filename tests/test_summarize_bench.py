"""The benchmark's own character ROUGE, checked on cases worked by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_summarize.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_summarize", _PATH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_identical_texts_score_one(bench) -> None:
    assert bench.scores("出海企业，增长了。", "出海企业增长了") == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero(bench) -> None:
    assert bench.scores("甲乙丙", "丁戊己") == (0.0, 0.0, 0.0)


def test_partial_overlap_by_hand(bench) -> None:
    # candidate 甲乙丙丁 vs reference 甲丙丁戊: 3 common characters; bigrams 丙丁 only;
    # LCS 甲丙丁 = 3
    r1, r2, rl = bench.scores("甲乙丙丁", "甲丙丁戊")
    assert r1 == pytest.approx(0.75)
    assert r2 == pytest.approx(1 / 3)
    assert rl == pytest.approx(0.75)


def test_whitespace_and_punctuation_are_ignored(bench) -> None:
    assert bench.rouge_chars("出海， 企业！\n(增长)") == list("出海企业增长")
