"""atomic_write: whole file or old file, never a half-written one, and normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from toolkit.batch import Report, atomic_write, expand_inputs


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_umask_mode_not_private(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.txt", "甲")
    finally:
        os.umask(umask)
    assert _mode(tmp_path / "a.txt") == 0o644
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "甲"


def test_replacing_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "b.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "c.txt"
    target.write_text("old", encoding="utf-8")

    class Boom(str):
        def encode(self, *args: object, **kwargs: object) -> bytes:  # type: ignore[override]
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, Boom("x"))
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt"]


def test_missing_input_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# t", encoding="utf-8")
    report = Report()
    found = expand_inputs([tmp_path, tmp_path / "nope.txt"], report=report)
    assert found == [tmp_path / "x.md"]
    assert [f.path for f in report.failed] == [str(tmp_path / "nope.txt")] and report.exit_code == 1
