"""Bad input: one clear line on stderr naming the file, exit 1, no traceback, others parsed.

One table of vectors (how to make the bad file, what the message must say) is used by
the library tests (``toolkit.read`` raises the right ToolkitError) and by the CLI tests
(in-process with Typer's runner, and once in a real subprocess with every bad file in
the same call, as a user would run it).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.errors import CorruptDocument, InputNotFound, ToolkitError, UnreadableInput
from toolkit.readers import read

ROOT = Path(__file__).resolve().parents[1]


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for _ in range(40):
        document.add_paragraph("跨境电商企业出海需要本地化运营。" * 5)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (64 * 2**20))


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


#: name, maker, error class, words the message must contain
VECTORS: list[tuple[str, Callable[[Path], None], type[ToolkitError], str]] = [
    ("empty.txt", _write(b""), UnreadableInput, "empty file"),
    ("blank.md", _write(b"  \n\n\t\n"), UnreadableInput, "empty file"),
    ("binary.txt", _write(bytes(range(256)) * 20), UnreadableInput, "binary file"),
    ("photo.txt", _write(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 64), UnreadableInput, "image (PNG)"),
    ("photo.md", _write(b"\xff\xd8\xff\xe0\0\x10JFIF\0" + b"\0" * 64), UnreadableInput, "image (JPEG)"),
    ("truncated.docx", lambda p: p.write_bytes(_docx_bytes()[:6000]), CorruptDocument, "truncated or damaged .docx"),
    ("bomb.docx", _zip_bomb, CorruptDocument, "zip bomb"),
    ("text.docx", _write("跨境电商".encode()), CorruptDocument, "not a .docx"),
    ("bad-utf8.html", _write('<html><head><meta charset="utf-8"></head><body><p>出海</p>\n<p>'.encode() + b"\xff\xfe</p>"),
     UnreadableInput, "declares UTF-8 (in <meta charset>) but has invalid UTF-8 at line 2, column 4"),
    ("bom-bad.txt", _write(b"\xef\xbb\xbf" + "出海企业\n".encode() + b"\xc3\x28"), UnreadableInput,
     "UTF-8 byte-order mark but has invalid bytes at line 2, column 1"),
    ("broken.txt", _write(("跨境电商企业出海" * 10).encode() + b"\xff" + "结尾".encode()), UnreadableInput,
     "UTF-8 text with invalid bytes"),
]

GOOD = "好文章.txt", "海外仓\n\n一、背景\n跨境电商卖家开始使用海外仓。\n".encode()


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, make, _, _ in VECTORS:
        make(folder / name)
    (folder / GOOD[0]).write_bytes(GOOD[1])
    (folder / "empty-folder").mkdir()
    return folder


@pytest.mark.parametrize(("name", "error", "words"), [(n, e, w) for n, _, e, w in VECTORS], ids=[v[0] for v in VECTORS])
def test_library_raises_one_line_error(bad_dir: Path, name: str, error: type[ToolkitError], words: str) -> None:
    with pytest.raises(error) as info:
        read(bad_dir / name)
    message = str(info.value)
    assert words in message
    assert message.startswith(str(bad_dir / name) + ": ")
    assert "\n" not in message


def test_missing_path_and_folder(bad_dir: Path) -> None:
    with pytest.raises(InputNotFound, match="no such file"):
        read(bad_dir / "nope.txt")
    with pytest.raises(UnreadableInput, match="folder"):
        read(bad_dir)


@pytest.mark.parametrize(("name", "words"), [(n, w) for n, _, _, w in VECTORS] + [("nope.txt", "no such file"),
                                                                                  ("empty-folder", "holds no articles")],
                         ids=[v[0] for v in VECTORS] + ["missing", "empty-folder"])
def test_cli_reports_one_line_and_parses_the_rest(bad_dir: Path, name: str, words: str) -> None:
    result = CliRunner().invoke(app, ["parse", str(bad_dir / name), str(bad_dir / GOOD[0])])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("toolkit: ")]
    assert len(errors) == 1, result.stderr
    assert str(bad_dir / name) in errors[0] and words in errors[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert "跨境电商卖家开始使用海外仓" in result.stdout  # the good file was still parsed
    assert result.stderr.splitlines()[-1] == "1 parsed, 1 failed"


def test_cli_subprocess_all_bad_files_in_one_call(bad_dir: Path) -> None:
    names = [name for name, *_ in VECTORS] + ["nope.txt", "empty-folder", GOOD[0]]
    proc = subprocess.run([sys.executable, "-m", "toolkit", "parse", "--json", *names], cwd=bad_dir,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    for name in names[:-1]:
        assert sum(1 for line in lines if line.startswith(f"toolkit: {name}: ")) == 1, (name, proc.stderr)
    assert lines[-1] == f"1 parsed, {len(names) - 1} failed"
    assert proc.stdout.count('"schema": "toolkit.document/1"') == 1


@pytest.mark.parametrize("args", [["parse"], ["parse", "--jobs", "0", "x.txt"], ["parse", "--nope", "x.txt"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("出海\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(article), "-o", str(article)])
    assert result.exit_code == 2
    assert "must be a folder" in result.stderr


def test_50mb_single_line_file_is_parsed_in_linear_time(tmp_path: Path) -> None:
    """A 50 MB file with no line break parses (not refused) in reasonable time."""
    sentence = "跨境电商企业出海，本地化运营与海外仓建设同步推进，GMV同比增长了12%。".encode()
    path = tmp_path / "one-line.txt"
    with path.open("wb") as fh:
        chunk = sentence * 4096
        while fh.tell() < 50 * 2**20:
            fh.write(chunk)
    assert path.stat().st_size >= 50 * 2**20
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "toolkit", "parse", str(path)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "100"})
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert elapsed < 120, f"took {elapsed:.1f} s"


@pytest.mark.parametrize("name", [v[0] for v in VECTORS] + ["nope.txt"])
def test_cli_single_bad_file_is_exactly_one_line(bad_dir: Path, name: str) -> None:
    result = CliRunner().invoke(app, ["parse", str(bad_dir / name)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"toolkit: {bad_dir / name}: ")
    assert result.stdout == ""
