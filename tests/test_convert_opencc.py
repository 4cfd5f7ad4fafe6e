"""OpenCC's own test cases pass through toolkit.convert_text exactly as through OpenCC.

The file is OpenCC's ``testcases.json``; its upstream form has trailing commas, so it
is read with those removed. The toolkit must equal the installed OpenCC on every case
(no terms given); where the installed OpenCC differs from the file's expected text
the case is listed by ``test_installed_opencc_vs_expected`` (printed, not failed:
that is OpenCC's version difference, not ours).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import toolkit


def load_cases(path: Path) -> list[tuple[str, str, str, str]]:
    """(id, config, input, expected) for every config of every case."""
    text = re.sub(r",(\s*[}\]])", r"\1", path.read_text(encoding="utf-8"))
    data = json.loads(text)
    return [
        (case["id"], config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
    ]


@pytest.fixture
def cases(shared: Path) -> list[tuple[str, str, str, str]]:
    path = shared / "data" / "opencc" / "testcases.json"
    if not path.exists():
        pytest.skip("testcases.json is absent")
    return load_cases(path)


def test_case_file_is_complete(cases):
    assert len(cases) == 543
    assert len({config for _, config, _, _ in cases}) == 16


def test_toolkit_equals_installed_opencc(cases):
    import opencc

    mismatches = []
    for case_id, config, text, _ in cases:
        ours = toolkit.convert_text(text, config=config)
        theirs = opencc.OpenCC(config).convert(text)
        if ours != theirs:
            mismatches.append((case_id, config, ours, theirs))
    assert mismatches == []


def test_installed_opencc_vs_expected(cases, capsys):
    """Lists the cases where the installed OpenCC disagrees with the file (informational)."""
    import opencc

    differing = [
        (case_id, config, text, expected, opencc.OpenCC(config).convert(text))
        for case_id, config, text, expected in cases
        if opencc.OpenCC(config).convert(text) != expected
    ]
    with capsys.disabled():
        print(f"\ninstalled OpenCC {opencc.__version__} differs from testcases.json on {len(differing)} of {len(cases)} cases")
        for case_id, config, text, expected, got in differing:
            print(f"  {case_id} {config}: {text!r} expected {expected!r} got {got!r}")
    assert len(differing) < len(cases) // 10  # a sanity bound: the right file, the right configs
