"""Drift guards: the README documents every command and keeps its Quick start."""

from __future__ import annotations

import difflib
import re
import sys

import pytest
from typer.main import get_command

from conftest import REPO
from gaoxin_cli.cli.app import app
from gaoxin_cli.cli.common import SECTION_COMMANDS

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_has_exactly_two_commands() -> None:
    """The first code block under Quick start is two commands: install-and-run, test."""
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```\w*\n(.*?)```", section, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert lines == ["pip install . && gaoxin economy", "pip install '.[test]' && pytest"]


def _readme_sections() -> list[tuple[str, str]]:
    """(heading line, body) of every `###` section of the README's Commands."""
    commands = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### (.+)$", commands, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def _examples(body: str) -> list[str]:
    """The `$ gaoxin …` commands of a section's console blocks that show some output."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", body, re.DOTALL):
        first, _, output = block.partition("\n")
        if first.startswith("$ gaoxin") and output.strip():
            found.append(first[2:])
    return found


#: The commands `gaoxin --help` lists (not the hidden `help`, which is `--help`).
COMMANDS = sorted(
    name
    for name, command in get_command(app).commands.items()  # type: ignore[attr-defined]
    if not command.hidden
)


def _names_command(text: str, name: str) -> bool:
    return re.search(rf"`(gaoxin )?{re.escape(name)}`|`gaoxin {re.escape(name)} ", text) is not None


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_readme_section_with_a_real_example(name: str) -> None:
    """Each command has a `###` section naming it, with a `$ gaoxin …` example and its output.

    The six section commands share one section (one shape, one option set), which must
    show one of them; every other command's section shows that command itself.
    """
    sections = [(head, body) for head, body in _readme_sections() if _names_command(head, name)]
    assert sections, f"no README section for `gaoxin {name}`"
    head, body = sections[0]
    examples = _examples(body)
    shown = [c for c in examples if f" {name} " in f" {c} "]
    if not shown and name in SECTION_COMMANDS:
        shown = [c for c in examples if any(f" {n} " in f" {c} " for n in SECTION_COMMANDS)]
    assert shown, f"the section {head!r} shows no example of `gaoxin {name}` with its output"


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_every_command_help_has_examples(gaoxin, name: str) -> None:
    """`gaoxin [CMD] --help` ends with Examples that run that very command."""
    result = gaoxin(*([name] if name else []), "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    examples = result.stdout.split("Examples", 1)[1].split("╭", 1)[0]
    runs = [line.split() for line in examples.splitlines() if line.strip().startswith("gaoxin")]
    assert runs, result.stdout
    assert all(name in words for words in runs) if name else True, result.stdout


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


def test_the_development_tree_lists_every_module() -> None:
    """The README's Development section has one line for each module of the package, and no other."""
    section = README.split("## Development", 1)[1]
    tree = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert tree is not None
    listed = [line.split()[0] for line in tree.group(1).splitlines() if line[:1].strip()]
    package = REPO / "src" / "gaoxin_cli"
    modules = sorted(str(p.relative_to(package)) for p in package.rglob("*.py"))
    assert sorted(listed) == modules


def test_every_command_s_options_are_the_readme_s() -> None:
    """The README's table of every command's options names exactly the options each
    command's --help lists, so the two cannot drift."""
    from typer.main import get_command

    from gaoxin_cli.cli.app import build

    table = README.split("Every command's options", 1)[1].split("\n\n", 2)[1]
    documented = {
        match[1]: set(re.findall(r"`(--[a-z-]+)`", match[2]))
        for match in re.finditer(r"^\| `([a-z]+)` \| (.*) \|$", table, re.MULTILINE)
    }
    group = get_command(build())
    actual = {}
    for name in group.list_commands(None):  # type: ignore[arg-type]
        command = group.get_command(None, name)  # type: ignore[arg-type]
        if command is None or command.hidden:
            continue
        actual[name] = {
            opt
            for param in command.params
            if param.param_type_name == "option" and not getattr(param, "hidden", False)
            for opt in (*param.opts, *param.secondary_opts)
            if opt.startswith("--") and opt != "--help"
        }
    assert documented == actual
