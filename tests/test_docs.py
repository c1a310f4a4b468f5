"""Drift guards: the README documents every command and keeps its Quick start."""

from __future__ import annotations

import difflib
import re
import sys

import pytest
from typer.main import get_command

from conftest import REPO
from gaoxin_cli.cli.app import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_has_exactly_two_commands() -> None:
    """The first code block under Quick start is two commands: install-and-run, test."""
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```\w*\n(.*?)```", section, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert lines == ["pip install . && gaoxin economy", "pip install '.[test]' && pytest"]


def test_every_command_is_in_the_readme_with_output() -> None:
    """Each command appears in the README as a `$ gaoxin …` example."""
    commands = get_command(app).commands  # type: ignore[attr-defined]
    for name in commands:
        assert f"`gaoxin {name}" in README or f"`{name}`" in README, name
    for name in ("economy", "get", "search", "export", "validate"):
        assert f"$ gaoxin {name}" in README, name


def test_exit_codes_are_documented() -> None:
    """The README's exit-code table names 0, 1, 2."""
    table = README.split("## Exit codes", 1)[1]
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in table


@pytest.mark.slow
def test_readme_examples_show_real_output() -> None:
    """Every `$ gaoxin …` example shows what the command prints today.

    `python scripts/readme.py` rewrites them when the output changes.
    """
    sys.path.insert(0, str(REPO / "scripts"))
    from readme import rendered

    fresh = rendered(README)
    if fresh != README:
        diff = difflib.unified_diff(
            README.splitlines(True), fresh.splitlines(True), "README.md", "real output", n=1
        )
        pytest.fail("README examples are out of date:\n" + "".join(list(diff)[:60]))
