"""Walking inputs, running jobs in parallel processes, atomic writes, the run report.

Shared by every command that takes many inputs, so they all behave the same: a bad
file is reported and skipped, the others are done, and the exit code tells which.
"""

from __future__ import annotations

import fnmatch
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from .errors import InputNotFound, ToolkitError

T = TypeVar("T")
R = TypeVar("R")

#: extensions a folder walk picks up when no --glob is given
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Report:
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
    report: Report | None = None,
) -> list[Path]:
    """Files named and files under folders named, in a stable (sorted) order.

    A path that does not exist is recorded in ``report`` (or raised when there is no
    report), so one typo does not stop a batch. ``-`` is passed through for stdin.
    """
    include, exclude = list(include), list(exclude)
    out: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if str(raw) == "-":
            out.append(path)
        elif path.is_dir():
            for child in sorted(_walk(path)):
                rel = child.relative_to(path).as_posix()
                if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in include):
                    continue
                if not include and child.suffix.lower() not in suffixes:
                    continue
                if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in exclude):
                    continue
                out.append(child)
        elif path.exists():
            out.append(path)
        else:
            err = InputNotFound("no such file or folder", path=str(raw))
            if report is None:
                raise err
            report.failed.append(Failure(str(raw), err.message))
    return out


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` so that ``path`` holds either the old file or the whole new one.

    The temp file sits in the target folder so the final rename never crosses devices.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def run_each(
    fn: Callable[[T], R],
    items: list[T],
    *,
    jobs: int = 1,
    name: Callable[[T], str] = str,
    report: Report | None = None,
) -> Iterator[tuple[T, R]]:
    """Apply ``fn`` to each item, in order, in ``jobs`` processes.

    A ToolkitError (or any other exception: a batch must outlive one bad file) becomes
    a Failure in ``report`` and the item is left out of the results. ``fn`` must be a
    module-level function so it can be sent to worker processes.
    """
    report = report if report is not None else Report()
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            try:
                result = fn(item)
            except ToolkitError as exc:
                report.failed.append(Failure(name(item), exc.message))
                continue
            except Exception as exc:  # noqa: BLE001 - reported, batch goes on
                report.failed.append(Failure(name(item), f"{type(exc).__name__}: {exc}"))
                continue
            report.done.append(name(item))
            yield item, result
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(fn, item) for item in items]
        for item, future in zip(items, futures, strict=True):
            try:
                result = future.result()
            except ToolkitError as exc:
                report.failed.append(Failure(name(item), exc.message))
                continue
            except Exception as exc:  # noqa: BLE001
                report.failed.append(Failure(name(item), f"{type(exc).__name__}: {exc}"))
                continue
            report.done.append(name(item))
            yield item, result
