"""``toolkit brief``: Word, Markdown or HTML briefings of one article or many.

Only option handling lives here; the work is ``toolkit.briefing`` (content) and the
``briefing:*`` writers (layout). Articles are analysed in worker processes
(``--jobs``); a combined digest is assembled where the results come back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, List

import typer

from ..batch import Report, expand_inputs, run_each
from ..errors import OutputError, ToolkitError, UsageError
from .app import app
from .common import fail_error, finish

FORMATS = ("docx", "md", "html")
SCRIPTS = ("hans", "hant", "tw", "hk")
LABELS = ("zh", "en", "bilingual")
#: file name of a combined briefing when -o names a folder
COMBINED_STEM = "digest"


def _options_error(value: str, name: str, known: tuple[str, ...]) -> UsageError:
    return UsageError(f"unknown {name} '{value}' (known: {', '.join(known)})")


def _analyse_one(job: tuple[Path, dict[str, Any]]) -> tuple[Any, Any]:
    """Read and analyse one article (module level: runs in worker processes)."""
    from ..briefing import analyse
    from ..readers import read

    path, opts = job
    doc = read(path)
    article = analyse(doc, chars=opts["chars"], terms=opts["terms"])
    return doc, article


def _brief_one(job: tuple[Path, dict[str, Any]]) -> str:
    """One article -> one briefing file; returns the path written."""
    from ..briefing import assemble
    from ..writers import write

    path, opts = job
    target: Path = opts["targets"][str(path)]
    doc, article = _analyse_one(job)
    briefing = assemble(
        [article],
        combined=False,
        script=opts["script"],
        source_scripts=[doc.meta.script],
        labels=opts["labels"],
        terms=opts["terms"],
    )
    write(briefing, target, format=opts["format"], **opts["writer"])
    return str(target)


def _warm_up(opts: dict[str, Any], jobs: int, count: int) -> None:
    """Load jieba, the termbases and the dictionaries once, before the workers fork.

    Each of them loads lazily on first use; done here, every forked worker inherits
    them instead of loading its own copy (about a second of CPU each). A tiny
    sentence through the public analysis path reaches them all without knowing
    where each one lives. Nothing to gain with one job or where workers spawn.
    """
    import multiprocessing

    if jobs <= 1 or count <= 1 or multiprocessing.get_start_method(allow_none=False) != "fork":
        return
    from ..briefing import analyse
    from ..readers import read_text

    sample = "# 出海\n\n## 一、工厂\n\n第一，企业在海外建厂，营收增长了10%。第二，“本地化”是关键。\n\n- 成本\n- 人才\n"
    try:
        for fmt in ("md", "html", "txt"):
            text = sample if fmt != "html" else f"<h1>出海</h1><p>{sample}</p>"
            analyse(read_text(text, format=fmt), terms=opts["terms"])
    except Exception:  # noqa: BLE001 - only an optimisation: each file reports its own errors
        pass


def _targets(files: list[Path], out: Path, fmt: str, single_file: bool) -> dict[str, Path]:
    """Where each input's briefing goes: ``OUT/<stem>.<fmt>``, or OUT itself for one input.

    Two inputs with the same stem (a.md, a.txt) keep their suffix in the name so
    neither overwrites the other; an output that would replace an input is refused.
    """
    if single_file:
        targets = {str(files[0]): out}
    else:
        stems: dict[str, int] = {}
        for f in files:
            stems[f.stem] = stems.get(f.stem, 0) + 1
        targets = {
            str(f): out / (f"{f.stem}.{fmt}" if stems[f.stem] == 1 else f"{f.stem}_{f.suffix.lstrip('.')}.{fmt}")
            for f in files
        }
    return targets


@app.command()
def brief(
    inputs: List[Path] = typer.Argument(..., help="Article files or folders (txt, md, html, docx).", show_default=False),
    format: str | None = typer.Option(None, "--format", "-f", help="docx (default), md or html; default from -o's suffix."),
    script: str = typer.Option("hans", "--script", "-s", help="Script of the whole briefing: hans, hant, tw or hk."),
    output: Path = typer.Option(Path("output"), "-o", "--output", help="Folder for one briefing per input; a file for --combined or a single input."),
    combined: bool = typer.Option(False, "--combined", help="One digest of all inputs: contents, one digest per article, one merged glossary."),
    labels: str = typer.Option("zh", "--labels", help="Language of headings and column names: zh, en or bilingual."),
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Folder of templates overriding briefing.md / briefing.html by name (rendered sandboxed)."),
    reference_doc: Path | None = typer.Option(None, "--reference-doc", help="A .docx whose styles, page size, margins, header and footer the Word briefing uses."),
    font: str | None = typer.Option(None, "--font", help="East Asian font for the Word briefing (default Noto Sans CJK SC, or TC for traditional)."),
    chars: int | None = typer.Option(None, "--chars", min=20, help="Summary length per article, in characters."),
    terms: List[Path] = typer.Option([], "--terms", help="User termbase (CSV, TOML or TSV); repeatable. Its terms are locked in the conversion."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel processes."),
) -> None:
    """Write a briefing (summary, key points, key figures, section digests, glossary) per article."""
    try:
        fmt = _check(format, output, script, labels, template_dir, reference_doc, terms)
    except ToolkitError as exc:
        fail_error(exc)
    report = Report()
    files = expand_inputs(inputs, report=report)
    output_is_file = output.suffix.lower().lstrip(".") in FORMATS
    opts: dict[str, Any] = {
        "chars": chars,
        "terms": tuple(str(t) for t in terms),
        "script": script,
        "labels": labels,
        "format": fmt,
        "writer": {"template_dir": template_dir, "reference_doc": reference_doc, "font": font},
    }
    try:
        _warm_up(opts, jobs, len(files))
        if combined:
            _combined(files, output if output_is_file else output / f"{COMBINED_STEM}.{fmt}", opts, jobs, report)
        elif files:
            single_file = output_is_file
            if single_file and len(files) > 1:
                raise UsageError(f"{output} is a file but there are {len(files)} inputs: give a folder or --combined")
            opts["targets"] = _targets(files, output, fmt, single_file)
            jobs_list = [(f, opts) for f in files if _not_an_input(f, opts["targets"][str(f)], report)]
            for _, written in run_each(_brief_one, jobs_list, jobs=jobs, name=lambda j: str(j[0]), report=report):
                typer.echo(written)
    except ToolkitError as exc:
        fail_error(exc)
    finish(report, verb="briefed")


def _check(
    format: str | None, output: Path, script: str, labels: str,
    template_dir: Path | None, reference_doc: Path | None, terms: list[Path],
) -> str:
    """Validate options up front (exit 2) so a batch never fails on each file alike."""
    suffix = output.suffix.lower().lstrip(".")
    fmt = format or (suffix if suffix in FORMATS else "docx")
    if fmt not in FORMATS:
        raise _options_error(fmt, "format", FORMATS)
    if suffix in FORMATS and suffix != fmt:
        raise UsageError(f"--format {fmt} does not match the output file {output}")
    if suffix not in FORMATS and output.is_file():
        raise UsageError(f"{output} is a file; give a folder, or a .docx/.md/.html file name")
    if script not in SCRIPTS:
        raise _options_error(script, "script", SCRIPTS)
    if labels not in LABELS:
        raise _options_error(labels, "labels", LABELS)
    if template_dir is not None and not template_dir.is_dir():
        raise UsageError(f"template folder not found: {template_dir}")
    if fmt in ("md", "html"):
        from ..writers.briefing_text import check_template

        check_template(f"briefing.{fmt}", template_dir)
    if reference_doc is not None:
        if not reference_doc.is_file():
            raise UsageError(f"reference doc not found: {reference_doc}")
        if fmt != "docx":
            raise UsageError("--reference-doc applies to --format docx only")
        from ..writers.briefing_docx import check_reference_doc

        check_reference_doc(reference_doc)
    for t in terms:
        if not t.is_file():
            raise UsageError(f"termbase not found: {t}")
    return fmt


def _not_an_input(source: Path, target: Path, report: Report) -> bool:
    """False (and a failure noted) when the briefing would overwrite its own article."""
    from ..batch import Failure

    try:
        same = target.exists() and target.resolve() == source.resolve()
    except OSError:
        same = False
    if same:
        report.failed.append(Failure(str(source), OutputError("the briefing would overwrite the input").message))
    return not same


def _combined(files: list[Path], target: Path, opts: dict[str, Any], jobs: int, report: Report) -> None:
    """Analyse every input (in parallel), then write one digest with a merged glossary."""
    from ..briefing import GLOSSARY_LIMIT, assemble
    from ..transforms.glossary import glossary
    from ..writers import write

    if any(target.exists() and target.resolve() == f.resolve() for f in files):
        raise OutputError("the combined briefing would overwrite an input", path=str(target))
    results = list(run_each(_analyse_one, [(f, opts) for f in files], jobs=jobs, name=lambda j: str(j[0]), report=report))
    if not results:
        return
    docs = [doc for _, (doc, _a) in results]
    articles = [article for _, (_d, article) in results]
    merged = glossary(docs, terms=opts["terms"], limit=GLOSSARY_LIMIT)
    briefing = assemble(
        articles,
        combined=True,
        merged_glossary=merged,
        script=opts["script"],
        source_scripts=[d.meta.script for d in docs],
        labels=opts["labels"],
        terms=opts["terms"],
    )
    write(briefing, target, format=opts["format"], **opts["writer"])
    typer.echo(str(target))
