"""``toolkit parse``: outline, JSON, JSON Lines, -o, --jobs, stdin, determinism, start-up cost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _parse_vectors import VECTORS, check
from typer.testing import CliRunner

from toolkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARTICLES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html", ".docx"))


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["parse", *args], input=input)


def test_outline_is_plain_text_when_piped() -> None:
    result = run(str(EXAMPLES / "haiwaicang_plain.txt"))
    assert result.exit_code == 0, result.output
    assert "title: 海外仓之后：中小卖家出海的三道坎" in result.stdout
    assert "§ " in result.stdout and "\x1b[" not in result.stdout
    assert result.stderr == ""


def test_json_of_one_file_is_indented_contract() -> None:
    result = run(str(EXAMPLES / "quantuoguan_frontmatter.md"), "--json")
    doc = json.loads(result.stdout)
    assert doc["schema"] == "toolkit.document/1"
    assert list(doc) == ["schema", "meta", "body", "sections", "references", "notes", "removed"]
    assert doc["meta"]["title"] == "全托管模式三年：工厂卖家的得与失"
    assert doc["meta"]["format"] == "md" and doc["meta"]["encoding"] == "utf-8"
    assert result.stdout.startswith("{\n  ")


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_json_is_byte_identical_across_runs_and_processes(path: Path) -> None:
    """Same bytes in one process and across processes with different hash seeds (set order)."""
    first = run(str(path), "--json").stdout
    assert run(str(path), "--json").stdout == first
    outputs = []
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "toolkit", "parse", str(path), "--json"], capture_output=True,
                              timeout=60, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) == json.loads(first)


def test_several_files_print_json_lines_in_input_order() -> None:
    result = run(*map(str, ARTICLES), "--json")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(ARTICLES)
    assert [json.loads(line)["meta"]["source_path"] for line in lines] == [str(p) for p in ARTICLES]
    assert result.stderr.strip() == f"{len(ARTICLES)} parsed, 0 failed"


def test_folder_and_jobs_give_the_same_output(tmp_path: Path) -> None:
    one = run(str(EXAMPLES), "--json")
    two = run(str(EXAMPLES), "--json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == len(ARTICLES)


def test_output_folder(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "haiwaicang_plain.txt", src / "a.txt")
    shutil.copy(EXAMPLES / "quantuoguan_frontmatter.md", src / "a.md")
    shutil.copy(EXAMPLES / "zhibo_page.html", src / "b.html")
    out = tmp_path / "out"
    assert run(str(src), "--json", "-o", str(out)).exit_code == 0
    assert run(str(src), "-o", str(out)).exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a.md.json", "a.md.outline.txt", "a.txt.json", "a.txt.outline.txt", "b.json", "b.outline.txt"]
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["meta"]["format"] == "html"


def test_stdin() -> None:
    result = run("-", "--json", input="# 跨境电商周报\n\n## 一、要闻\n\n海外仓需求上升。\n")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["meta"]["title"] == "跨境电商周报" and doc["meta"]["format"] == "md"
    assert doc["meta"]["source_path"] == "-"


def test_rich_tree_outline() -> None:
    from rich.console import Console

    from toolkit.outline import outline_tree
    from toolkit.readers import read

    console = Console(record=True, width=200, color_system=None)
    console.print(outline_tree(read(EXAMPLES / "xiaodan_academic.txt")))
    text = console.export_text()
    assert "小单快反模式下跨境服装企业的柔性供应链建设" in text
    assert "§ 2.1" in text and "└──" in text


def test_cli_start_up_does_not_import_heavy_libraries() -> None:
    code = ("import sys, toolkit.cli; heavy = {'jieba', 'opencc', 'docx', 'lxml', 'openpyxl', 'bs4', 'markdown_it'}; "
            "print(sorted(heavy & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_help_is_fast() -> None:
    best = min(_timed_help() for _ in range(3))
    assert best < 1.5, f"toolkit --help took {best:.2f} s"


def _timed_help() -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "toolkit", "parse", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--json" in proc.stdout
    return time.perf_counter() - start


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_sample_vectors_library(vector) -> None:
    from toolkit.readers import read

    check(vector, read(vector.path).to_dict())


def test_sample_vectors_cli() -> None:
    result = run(*(str(v.path) for v in VECTORS), "--json")
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == len(VECTORS)
    for vector, doc in zip(VECTORS, docs, strict=True):
        check(vector, doc)


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "haiwaicang_plain.txt", tmp_path / "a.txt")
    out = tmp_path / "parsed"
    for _ in range(2):
        result = run(str(tmp_path), "-o", str(out))
        assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.outline.txt"]
