"""``toolkit convert`` on files, folders and stdin: the batch behaviours users rely on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from convert_fixtures import make_docx
from typer.testing import CliRunner

from toolkit.batch import atomic_write
from toolkit.cli import app


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["convert", *args], input=input)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/ with nested text, Markdown, HTML, docx files, one corrupt docx and one binary."""
    root = tmp_path / "in"
    (root / "章节" / "深层").mkdir(parents=True)
    (root / "a.txt").write_text("软件开发\n", encoding="utf-8")
    (root / "章节" / "b.md").write_text("# 视频\n\n`代码`互联网\n", encoding="utf-8")
    (root / "章节" / "深层" / "c.html").write_text("<p>头发</p>", encoding="utf-8")
    make_docx(root / "章节" / "d.docx")
    (root / "notes.log").write_text("不是文章", encoding="utf-8")
    return root


def test_folder_is_mirrored_and_converted(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "--to", "twp", "--jobs", "1")
    assert result.exit_code == 0, result.output
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["a.txt", "章节/b.md", "章节/d.docx", "章节/深层/c.html"]
    assert (out / "a.txt").read_text(encoding="utf-8") == "軟體開發\n"
    assert (out / "章节" / "b.md").read_text(encoding="utf-8") == "# 影片\n\n`代码`網際網路\n"
    assert "<p>頭髮</p>" in (out / "章节" / "深层" / "c.html").read_text(encoding="utf-8")
    assert "4 converted" in result.stderr
    assert (tree / "a.txt").read_text(encoding="utf-8") == "软件开发\n"  # inputs untouched


def test_bad_file_is_reported_and_skipped(tree: Path, tmp_path: Path):
    (tree / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    (tree / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "--to", "tw", "--jobs", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("toolkit: ")]
    assert len(errors) == 2 and all(line.count("\n") == 0 for line in errors)
    assert any("坏.docx" in line for line in errors) and any("bin.txt" in line for line in errors)
    assert "4 converted, 2 failed" in result.stderr
    assert (out / "a.txt").exists() and not (out / "坏.docx").exists()
    assert "Traceback" not in result.output


def test_jobs_give_the_same_result(tree: Path, tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(str(tree), "-o", str(one), "--to", "hk", "--jobs", "1").exit_code == 0
    assert run(str(tree), "-o", str(two), "--to", "hk", "--jobs", "2").exit_code == 0
    for path in one.rglob("*.*"):
        if path.suffix != ".docx":
            assert path.read_bytes() == (two / path.relative_to(one)).read_bytes()


def test_output_inside_input_is_refused_unless_excluded(tree: Path):
    result = run(str(tree), "-o", str(tree / "out"), "--to", "tw")
    assert result.exit_code == 2 and "inside input folder" in result.stderr
    assert not (tree / "out").exists()
    result = run(str(tree), "-o", str(tree / "out"), "--to", "tw", "--exclude", "out")
    assert result.exit_code == 0, result.output
    again = run(str(tree), "-o", str(tree / "out"), "--to", "tw", "--exclude", "out")
    assert again.exit_code == 0
    assert not (tree / "out" / "out").exists()  # its own output is never an input


def test_never_writes_over_an_input(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text("软件", encoding="utf-8")
    (tmp_path / "b.txt").write_text("视频", encoding="utf-8")
    result = run(str(src), str(tmp_path / "b.txt"), "-o", str(tmp_path), "--to", "tw")
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert src.read_text(encoding="utf-8") == "软件"


def test_in_place_with_backup(tree: Path):
    result = run(str(tree / "a.txt"), str(tree / "章节"), "--in-place", "--backup", ".orig", "--to", "twp", "--glob", "*.md", "--glob", "*.txt")
    assert result.exit_code == 0, result.output
    assert (tree / "a.txt").read_text(encoding="utf-8") == "軟體開發\n"
    assert (tree / "a.txt.orig").read_text(encoding="utf-8") == "软件开发\n"
    assert (tree / "章节" / "b.md.orig").exists()
    assert "<p>头发</p>" in (tree / "章节" / "深层" / "c.html").read_text(encoding="utf-8")  # not globbed
    # a second run would overwrite the backup of the original: refused per file
    again = run(str(tree / "a.txt"), "--in-place", "--backup", ".orig", "--to", "twp")
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_usage_errors_exit_2(tree: Path, tmp_path: Path):
    assert run(str(tree), "--to", "tw").exit_code == 2  # a folder needs -o or --in-place
    assert run(str(tree), "-o", str(tmp_path / "o"), "--in-place", "--to", "tw").exit_code == 2
    assert run(str(tree), "-o", str(tmp_path / "o"), "--to", "klingon").exit_code == 2
    assert run(str(tree), "-o", str(tmp_path / "o"), "--config", "nope").exit_code == 2
    assert run(str(tree), "-o", str(tmp_path / "o"), "--backup", ".b", "--to", "tw").exit_code == 2


def test_skip_existing_resumes(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run(str(tree), "-o", str(out), "--to", "tw").exit_code == 0
    result = run(str(tree), "-o", str(out), "--to", "tw", "--skip-existing")
    assert result.exit_code == 0 and "0 converted, 4 skipped" in result.stderr
    later = time.time() + 5
    os.utime(tree / "a.txt", (later, later))
    result = run(str(tree), "-o", str(out), "--to", "tw", "--skip-existing")
    assert "1 converted, 3 skipped" in result.stderr


def test_rename_glob_exclude(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "--to", "tw", "--rename", "--glob", "*.md", "--glob", "*.html", "--exclude", "深层")
    assert result.exit_code == 0, result.output
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["章節/b.md"]


def test_stdin_to_stdout_and_single_file_to_stdout(tmp_path: Path):
    result = run("-", "--to", "twp", input="互联网视频\n")
    assert result.exit_code == 0 and result.stdout == "網際網路影片\n"
    md = run("-", "--to", "tw", "--format", "md", input="`代码` 代码\n")
    assert md.stdout == "`代码` 代碼\n"
    src = tmp_path / "a.txt"
    src.write_text("软件", encoding="utf-8")
    assert run(str(src), "--to", "hk").stdout == "軟件"


def test_terms_lock_in_batch(tree: Path, tmp_path: Path):
    terms = tmp_path / "locks.tsv"
    terms.write_text("互联网\t互聯網\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "--to", "twp", "--terms", str(terms), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert (out / "章节" / "b.md").read_text(encoding="utf-8") == "# 影片\n\n`代码`互聯網\n"
    bad = run(str(tree), "-o", str(out), "--to", "twp", "--terms", str(tmp_path / "missing.tsv"))
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1


def test_big5_encoding_error_is_per_file(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("软件", encoding="utf-8")
    (tmp_path / "in" / "rare.txt").write_text("软件\n𠮷野家", encoding="utf-8")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "tw", "--encoding", "big5")
    assert result.exit_code == 1
    assert "rare.txt: line 2: '𠮷' (U+20BB7) cannot be written in big5" in result.stderr
    assert (tmp_path / "out" / "ok.txt").read_bytes().decode("big5") == "軟件"


def test_list_configs():
    result = run("--list-configs")
    assert "s2twp" in result.stdout.split() and "jp2t" in result.stdout.split()


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path):
    target = tmp_path / "x.txt"
    atomic_write(target, "舊內容")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "新 𠮷", encoding="big5")
    assert target.read_text(encoding="utf-8") == "舊內容"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]  # no temp file left behind


def test_no_temp_files_left_by_a_batch(tree: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(str(tree), "-o", str(out), "--to", "tw")
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]
