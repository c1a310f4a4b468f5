"""The app: `gaoxin`'s own options, and the registry of its commands, of
which only the command being run is imported.

Typer reads every registered command's signature at each start; a lookup
needs one. `command_for(argv)` builds the app with the command named in
`argv` alone; with no command, an unknown one, or shell completion at
work, it builds them all, so that help and suggestions are complete.
Each command lives in `cli/commands/NAME.py` and registers itself with
`register(app, name)`.
"""

import importlib
import os
from typing import Annotated, Any

import typer

from gaoxin_cli.cli.common import (
    SECTION_COMMANDS,
    DatasetOption,
    DebugOption,
    FactsOption,
    FormatOption,
    JsonOption,
    LangOption,
    NoCacheOption,
    option,
)
from gaoxin_cli.cli.params import PlainCommand, PlainGroup

#: Every command, in the order `gaoxin --help` lists them, and its module in `cli.commands`.
COMMANDS: dict[str, str] = {
    **dict.fromkeys(SECTION_COMMANDS, "sections"),
    "get": "get",
    "search": "search",
    "chart": "chart",
    "compare": "compare",
    "check": "check",
    "datasets": "datasets",
    "export": "export",
    "validate": "validate",
    "draft": "draft",
    "cache": "cache",
}

#: Options of `gaoxin` itself that take a value (the next word is not a command).
_ROOT_VALUE_OPTIONS = frozenset({"--format", "-f", "--lang", "-l", "--facts", "--dataset", "-d"})


def _show_version(value: bool) -> None:
    if value:
        from gaoxin_cli.version import __version__

        typer.echo(f"gaoxin {__version__}")
        raise typer.Exit


def gaoxin(
    ctx: typer.Context,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
    version: Annotated[
        bool,
        option(
            "--version",
            "-V",
            metavar="",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Figures of the Dalian High-tech Zone 2019 review
    (大连高新区2019年经济和社会发展综述), each with the quote it came from.

    Bare `gaoxin`, with no command, is the overview: the dataset, its
    sections and headline figures. Run `gaoxin help COMMAND` (or `gaoxin
    COMMAND --help`) for what a command takes.

    [bold]Examples[/bold]

      gaoxin                         the overview
      gaoxin economy --lang en       a section, in English
      gaoxin get gdp.growth --value  a bare value for scripts
      gaoxin search 专利             figures by word or number
      gaoxin innovation --json       a section as JSON
      gaoxin help get                how to use a command
    """
    del version
    if ctx.invoked_subcommand is None:  # the options are for the command after them
        from gaoxin_cli.cli.commands.overview import overview

        overview(ctx, output_format, json, lang, facts, dataset, debug, no_cache)


def build(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the command `only` alone."""
    app = typer.Typer(
        name="gaoxin",  # its help is the callback's docstring, examples included
        add_completion=only is None,  # --install-completion belongs to `gaoxin` alone
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        cls=PlainGroup,
    )
    app.callback(invoke_without_command=True)(gaoxin)
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"gaoxin_cli.cli.commands.{module}").register(app, name)
    if only is None:
        from gaoxin_cli.cli.help import help_command

        app.command("help", hidden=True, cls=PlainCommand)(help_command)
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

    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    name = command_name(argv)
    if name not in COMMANDS or completing:
        name = None
    return typer.main.get_command(build(name))


def __getattr__(name: str) -> Any:
    """`app`: the whole app, every command registered (for tests and other programs)."""
    if name == "app":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
