"""The app and its registry of commands: only the command being run is imported.

Typer reads every registered command's signature at each start; a lookup
needs one. `command_for(argv)` builds the app with the command named in
`argv` alone; with no command, an unknown one, or shell completion at
work, it builds them all, so that help and suggestions are complete.
Each command lives in `cli/commands/NAME.py` and registers itself with
`register(app, name)`.
"""

import importlib
import os
from typing import Any

import typer

from gaoxin_cli.cli.common import SECTION_COMMANDS
from gaoxin_cli.cli.params import PlainGroup

#: Every command, in the order `gaoxin --help` lists them, and its module in `cli.commands`.
COMMANDS: dict[str, str] = {
    **dict.fromkeys(SECTION_COMMANDS, "sections"),
    "get": "get",
    "search": "search",
    "chart": "chart",
    "compare": "compare",
    "datasets": "datasets",
    "export": "export",
    "validate": "validate",
}

#: Options of `gaoxin` itself that take a value (the next word is not a command).
_ROOT_VALUE_OPTIONS = frozenset({"--format", "-f", "--lang", "-l", "--facts", "--dataset", "-d"})


def build(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the command `only` alone."""
    from gaoxin_cli.cli.commands import overview

    app = typer.Typer(
        name="gaoxin",  # its help is the overview's docstring, examples included
        add_completion=only is None,  # --install-completion belongs to `gaoxin` alone
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        cls=PlainGroup,
    )
    overview.register(app)
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"gaoxin_cli.cli.commands.{module}").register(app, name)
    return app


def command_name(argv: list[str]) -> str | None:
    """The command named on a command line, if any: the first word not an option."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _ROOT_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def command_for(argv: list[str]) -> Any:
    """The click command that runs `argv`."""
    import typer.main

    name = command_name(argv)
    if name not in COMMANDS or any(key.endswith("_COMPLETE") for key in os.environ):
        name = None
    return typer.main.get_command(build(name))


def __getattr__(name: str) -> Any:
    """`app`: the whole app, every command registered (for tests and other programs)."""
    if name == "app":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
