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
    found = expand_with_roots(inputs, include=include, exclude=exclude, suffixes=suffixes, report=report)
    return [path for path, _ in found]


def expand_with_roots(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
    report: Report | None = None,
) -> list[tuple[Path, Path | None]]:
    """Like :func:`expand_inputs`, with the folder each file was found under.

    An ``exclude`` pattern that matches a folder (its relative path or its name)
    leaves out everything under it.

    The root is ``None`` for a file named directly; commands that mirror the input
    tree into an output folder need it to rebuild the relative path.
    """
    include, exclude = list(include), list(exclude)
    out: list[tuple[Path, Path | None]] = []
    for raw in inputs:
        path = Path(raw)
        if str(raw) == "-":
            out.append((path, None))
        elif path.is_dir():
            for child in sorted(_walk(path)):
                rel = child.relative_to(path).as_posix()
                if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(child.name, g) for g in include):
                    continue
                if not include and child.suffix.lower() not in suffixes:
                    continue
                if exclude and _excluded(rel, exclude):
                    continue
                out.append((child, path))
        elif path.exists():
            out.append((path, None))
        else:
            err = InputNotFound("no such file or folder", path=str(raw))
            if report is None:
                raise err
            report.failed.append(Failure(str(raw), err.message))
    return out


def _excluded(rel: str, exclude: list[str]) -> bool:
    """A file is excluded when a pattern matches its path, its name, or a folder above it."""
    parts = rel.split("/")
    candidates = [rel, parts[-1]] + ["/".join(parts[:i]) for i in range(1, len(parts))] + parts[:-1]
    return any(fnmatch.fnmatch(c, g) for c in candidates for g in exclude)


def is_excluded(rel: str, exclude: Iterable[str]) -> bool:
    """Whether a folder (``rel``, relative to an input root) is left out by ``--exclude``.

    A pattern excludes the folder when it matches the folder itself, its name, or the
    files under it (``out/*``).
    """
    name = rel.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) or fnmatch.fnmatch(f"{rel}/x", g) for g in exclude
    )


def is_fresh(output: Path, source: Path) -> bool:
    """True when ``output`` exists and is at least as new as ``source`` (for --skip-existing)."""
    try:
        return output.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` so that ``path`` holds either the old file or the whole new one.

    The temp file sits in the target folder so the final rename never crosses devices.
    ``mkstemp`` creates it private (0600); before the rename it gets the mode of the
    file it replaces, or the mode a plain ``open()`` would give under the umask, so an
    atomic write is not also a silent permission change.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def run_each(
    fn: Callable[[T], R],
    items: list[T],
    *,
    jobs: int = 1,
    name: Callable[[T], str] = str,
    report: Report | None = None,
    progress: Callable[[], None] | None = None,
) -> Iterator[tuple[T, R]]:
    """Apply ``fn`` to each item, in order, in ``jobs`` processes.

    A ToolkitError (or any other exception: a batch must outlive one bad file) becomes
    a Failure in ``report`` and the item is left out of the results. ``fn`` must be a
    module-level function so it can be sent to worker processes. ``progress`` is
    called once per finished item (done or failed), e.g. to advance a progress bar.
    """
    report = report if report is not None else Report()
    tick = progress or (lambda: None)
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            ok, result = _outcome(lambda item=item: fn(item), name(item), report)
            tick()
            if ok:
                yield item, result  # type: ignore[misc]
        return
    # Items go to the workers in chunks: one round trip per chunk, not per file, so
    # thousands of small files do not spend their time in inter-process messaging.
    size = max(1, min(32, len(items) // (jobs * 8)))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_run_chunk, fn, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                outcomes = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died: the whole chunk failed
                outcomes = [(False, f"{type(exc).__name__}: {exc}")] * len(chunk)
            for item, (ok, value) in zip(chunk, outcomes, strict=True):
                tick()
                if ok:
                    report.done.append(name(item))
                    yield item, value
                else:
                    report.failed.append(Failure(name(item), value))


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[tuple[bool, object]]:
    """Run ``fn`` over a chunk in a worker; failures come back as one-line messages."""
    out: list[tuple[bool, object]] = []
    for item in chunk:
        try:
            out.append((True, fn(item)))
        except ToolkitError as exc:
            out.append((False, exc.message))
        except Exception as exc:  # noqa: BLE001 - reported, batch goes on
            out.append((False, f"{type(exc).__name__}: {exc}"))
    return out


def _outcome(call: Callable[[], R], label: str, report: Report) -> tuple[bool, R | None]:
    """Run ``call``; a failure goes into ``report`` as one line and the batch goes on."""
    try:
        result = call()
    except ToolkitError as exc:
        report.failed.append(Failure(label, exc.message))
        return False, None
    except Exception as exc:  # noqa: BLE001 - reported, batch goes on
        report.failed.append(Failure(label, f"{type(exc).__name__}: {exc}"))
        return False, None
    report.done.append(label)
    return True, result
