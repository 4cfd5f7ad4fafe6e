"""One Jinja2 environment factory for every writer that renders a template.

Glossary Markdown and the briefings (md/html) both render templates that a user may
override with ``--template-dir``. Loading them the same way everywhere means a user
folder always wins, the packaged templates are found both in a wheel
(``toolkit/templates``, mapped there at build time) and in a source checkout (the
top-level ``templates/``), HTML is escaped by file extension, and a missing variable is
an error rather than a silently empty cell.

User templates are code written by someone else: they are rendered in a
``SandboxedEnvironment`` so a template cannot reach Python internals.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

_PACKAGE_DIR = Path(__file__).resolve().parent


def packaged_template_dirs() -> list[Path]:
    """Where the shipped templates are: inside the package (wheel) or beside it (checkout)."""
    candidates = [_PACKAGE_DIR / "templates", _PACKAGE_DIR.parent / "templates"]
    return [p for p in candidates if p.is_dir()]


def environment(template_dir: Union[str, os.PathLike[str], None] = None, **options: Any) -> jinja2.Environment:
    """A Jinja2 environment: user folder first, then the packaged templates.

    Args:
        template_dir: a folder of user templates that override the packaged ones
            (same file names). When given, templates render in a sandbox.
        **options: extra keyword arguments for the Environment (filters are added
            by callers through ``env.filters``).

    Raises:
        UsageError: the template folder does not exist.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        user = Path(template_dir)
        if not user.is_dir():
            raise UsageError(f"template folder not found: {user}")
        loaders.append(jinja2.FileSystemLoader(str(user)))
    loaders.extend(jinja2.FileSystemLoader(str(p)) for p in packaged_template_dirs())
    cls = SandboxedEnvironment if template_dir is not None else jinja2.Environment
    options.setdefault("autoescape", jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml"), default=False))
    options.setdefault("undefined", jinja2.StrictUndefined)
    options.setdefault("keep_trailing_newline", True)
    return cls(loader=jinja2.ChoiceLoader(loaders), **options)


def render_template(
    name: str,
    context: dict[str, Any],
    template_dir: Union[str, os.PathLike[str], None] = None,
    *,
    env: jinja2.Environment | None = None,
) -> str:
    """Render one template by file name with ``context``.

    ``env`` lets a writer pass its own cached environment (with its filters); the
    errors a user can cause are mapped to one-line messages in one place.

    Raises:
        UsageError: the template is missing, broken, refers to an undefined variable,
            or tries something the sandbox forbids.
    """
    import jinja2
    from jinja2.sandbox import SecurityError

    env = env if env is not None else environment(template_dir)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise UsageError(f"template not found: {name}") from None
    except jinja2.UndefinedError as exc:
        raise UsageError(f"template {name}: {exc.message}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template {exc.filename or name} line {exc.lineno}: {exc.message}") from None
    except SecurityError as exc:
        raise UsageError(f"template {name}: not allowed in a user template ({exc})") from None
