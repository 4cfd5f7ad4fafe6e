"""Converting many files: the plan (which file goes where) and the per-file job.

The plan is made in the main process, so every refusal (an output folder inside the
input tree, a file that would overwrite an input, two inputs landing on one output)
happens before anything is written. Jobs are small picklable records; each worker
process builds its converter once (``get_converter`` caches it) and reuses it for
every file it is given.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..batch import Failure, Report, expand_with_roots, is_excluded, is_fresh, run_each
from ..errors import OutputError, UsageError

#: what a folder walk picks up when no --glob is given
CONVERT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".srt", ".vtt", ".json")


@dataclass(frozen=True)
class Settings:
    """Conversion options shared by every job of a run (sent to worker processes)."""

    to: str | None = None
    config: str | None = None
    source: str | None = None
    terms: tuple[str, ...] = ()
    encoding: str | None = None


@dataclass(frozen=True)
class Job:
    src: Path
    dst: Path
    settings: Settings
    backup: str | None = None  # in-place: keep the original as src + this suffix


def run_job(job: Job) -> str:
    """Convert one file (module level so worker processes can run it)."""
    from ..transforms.convert import convert_file, get_converter

    s = job.settings
    converter = get_converter(s.to, config=s.config, terms=s.terms or None, source=s.source)
    if job.backup:
        saved = job.src.with_name(job.src.name + job.backup)
        if saved.exists():
            raise OutputError(f"backup {saved} already exists (remove it or choose another --backup suffix)")
        shutil.copy2(job.src, saved)
    return str(convert_file(job.src, job.dst, converter=converter, encoding=s.encoding))


def plan(
    inputs: Iterable[str],
    *,
    settings: Settings,
    outdir: Path | None = None,
    in_place: bool = False,
    backup: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    rename: bool = False,
    skip_existing: bool = False,
    report: Report,
) -> list[Job]:
    """Decide the output path of every input file.

    Raises:
        UsageError: options that do not fit, or an output folder inside an input
            folder that ``exclude`` does not leave out.
    """
    if (outdir is None) == (not in_place):
        raise UsageError("give either an output folder (-o DIR) or --in-place")
    if backup and not in_place:
        raise UsageError("--backup only goes with --in-place")
    exclude = list(exclude)
    inputs = list(inputs)
    if "-" in inputs:
        raise UsageError("'-' (stdin) cannot be mixed with files or used with -o/--in-place")
    if outdir is not None and outdir.exists() and not outdir.is_dir():
        raise UsageError(f"output {outdir} is a file; -o takes a folder")
    if outdir is not None:
        out_abs = outdir.resolve()
        for raw in inputs:
            root = Path(raw)
            if root.is_dir():
                root_abs = root.resolve()
                if out_abs == root_abs or (out_abs.is_relative_to(root_abs) and not is_excluded(out_abs.relative_to(root_abs).as_posix(), exclude)):
                    raise UsageError(
                        f"output folder {outdir} is inside input folder {raw}: choose another, or --exclude it"
                    )
    found = expand_with_roots(inputs, include=include, exclude=exclude, suffixes=CONVERT_SUFFIXES, report=report)
    if outdir is not None:  # a folder walk never picks up our own output
        out_abs = outdir.resolve()
        found = [(p, root) for p, root in found if root is None or not p.resolve().is_relative_to(out_abs)]
    input_set = {path.resolve() for path, _ in found}
    renamer = _renamer(settings) if rename else None
    jobs: list[Job] = []
    claimed: dict[Path, Path] = {}
    for path, root in found:
        if in_place:
            dst = path
        else:
            rel = path.relative_to(root) if root is not None else Path(path.name)
            if renamer is not None:
                rel = Path(*(renamer(part) for part in rel.parts))
            dst = outdir / rel  # type: ignore[operator]
            key = dst.resolve()
            if key in input_set:
                report.failed.append(Failure(str(path), f"output {dst} would overwrite an input; choose another -o"))
                continue
            if key in claimed:
                report.failed.append(Failure(str(path), f"output {dst} is also the output of {claimed[key]}"))
                continue
            claimed[key] = path
            if skip_existing and is_fresh(dst, path):
                report.skipped.append(str(path))
                continue
        jobs.append(Job(path, dst, settings, backup if in_place else None))
    return jobs


def _renamer(settings: Settings) -> Callable[[str], str]:
    from ..transforms.convert import get_converter

    converter = get_converter(settings.to, config=settings.config, terms=settings.terms or None, source=settings.source)
    return converter.convert


def convert_batch(jobs: list[Job], *, workers: int = 1, report: Report, progress: Callable[[], None] | None = None) -> Report:
    """Run the jobs (in ``workers`` processes); failures go into ``report``."""
    workers = max(1, min(workers, len(jobs)))
    for _ in run_each(run_job, jobs, jobs=workers, name=lambda j: str(j.src), report=report, progress=progress):
        pass
    return report


def default_jobs() -> int:
    """Default parallelism: the number of cores."""
    return os.cpu_count() or 1
