"""The README documents every command and option, as sqlite-utils' test_docs does.

Scripts are written against the README; an option that exists but is not documented
there is an option nobody can rely on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from toolkit.cli import COMMANDS, app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict:
    """Command name -> click-style command (Typer vendors click, so no isinstance)."""
    return dict(typer.main.get_command(app).commands)


def test_every_command_module_is_registered() -> None:
    assert set(_commands()) == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_readme_section(name: str) -> None:
    assert re.search(rf"^### `toolkit {name}`", README, re.M), f"README has no '### `toolkit {name}`' section"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name: str) -> None:
    command = _commands()[name]
    section = README.split(f"### `toolkit {name}`", 1)[1].split("\n### ", 1)[0]
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":
            longs = [o for o in param.opts if o.startswith("--")]
            if not longs or longs[0] == "--help":
                continue
            assert any(o in section for o in longs), f"{name}: option {longs[0]} is not documented in its README section"
