"""Briefings as Markdown and HTML, through Jinja2 templates (``briefing.md``, ``briefing.html``).

Both render the same documented context (``toolkit.briefing.context``), so a user can
replace either template with ``--template-dir`` without reading the toolkit's code.
HTML escaping comes from the template's extension (``select_autoescape``), so an
article that contains ``<script>`` shows it as text.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union

from ..errors import UsageError
from . import register

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from ..briefing import Briefing

#: Markdown punctuation that can change the meaning of running text
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: Any) -> str:
    """Running text safe in Markdown: markup characters backslash-escaped."""
    out = _MD_SPECIAL.sub(r"\\\1", str(text or ""))
    return re.sub(r"^([#>+-]|\d+\.)(\s)", r"\\\1\2", out)


def md_cell(text: Any) -> str:
    """A Markdown table cell: escaped, on one line."""
    return md_escape(" ".join(str(text or "").split()))


@lru_cache(maxsize=8)
def _environment(template_dir: str | None) -> jinja2.Environment:
    """One environment per template folder per process: templates compile once."""
    from ..templating import environment

    env = environment(template_dir)
    env.filters["md"] = md_escape
    env.filters["cell"] = md_cell
    return env


def render_briefing(briefing: Briefing, name: str, template_dir: Union[str, os.PathLike[str], None] = None) -> str:
    """Render ``briefing`` with the template ``name`` (user folder first).

    Raises:
        UsageError: the template is missing, broken, uses an undefined variable, or
            tries something the sandbox forbids.
    """
    from ..briefing.context import template_context
    from ..templating import render_template

    env = _environment(str(template_dir) if template_dir is not None else None)
    return render_template(name, template_context(briefing), env=env)


def check_template(name: str, template_dir: Union[str, os.PathLike[str], None] = None) -> None:
    """Load (and compile) a template once, so a broken one fails before a batch starts.

    Raises:
        UsageError: the template is missing or has a syntax error.
    """
    import jinja2

    env = _environment(str(template_dir) if template_dir is not None else None)
    try:
        env.get_template(name)
    except jinja2.TemplateNotFound:
        raise UsageError(f"template not found: {name}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template {exc.filename or name} line {exc.lineno}: {exc.message}") from None


@register("briefing", "md")
def briefing_md(briefing: Briefing, *, template_dir: Union[str, os.PathLike[str], None] = None, **_: Any) -> str:
    """The briefing as Markdown (template ``briefing.md``)."""
    return _tidy(render_briefing(briefing, "briefing.md", template_dir))


@register("briefing", "html")
def briefing_html(briefing: Briefing, *, template_dir: Union[str, os.PathLike[str], None] = None, **_: Any) -> str:
    """The briefing as one self-contained HTML file (template ``briefing.html``)."""
    return render_briefing(briefing, "briefing.html", template_dir)


def _tidy(text: str) -> str:
    """At most one blank line in a row and one final newline: templates stay readable."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
