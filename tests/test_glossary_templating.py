"""The shared Jinja2 environment (toolkit/templating.py) that glossary and briefing writers use."""

from __future__ import annotations

import pytest

from toolkit.errors import UsageError
from toolkit.templating import environment, packaged_template_dirs, render_template


def test_packaged_templates_are_found():
    assert any((d / "glossary.md").is_file() for d in packaged_template_dirs())


def test_user_folder_wins_and_is_sandboxed(tmp_path):
    (tmp_path / "glossary.md").write_text("mine {{ x }}", encoding="utf-8")
    env = environment(tmp_path)
    assert env.get_template("glossary.md").render(x=1) == "mine 1"
    from jinja2.sandbox import SandboxedEnvironment

    assert isinstance(env, SandboxedEnvironment)
    (tmp_path / "evil.md").write_text("{{ x.__class__.__mro__ }}", encoding="utf-8")
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        env.get_template("evil.md").render(x=1)


def test_html_is_escaped_by_extension_and_undefined_is_an_error(tmp_path):
    (tmp_path / "t.html").write_text("{{ x }}", encoding="utf-8")
    (tmp_path / "t.md").write_text("{{ x }}{{ missing }}", encoding="utf-8")
    assert environment(tmp_path).get_template("t.html").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(UsageError, match="missing"):
        render_template("t.md", {"x": 1}, tmp_path)


def test_missing_folder_or_template_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        environment(tmp_path / "nope")
    with pytest.raises(UsageError):
        render_template("nope.md", {}, tmp_path)
