"""`gaoxin economy`, `gaoxin innovation` …: one command per section of the review."""

from typing import Any

import typer

from gaoxin_cli import query, render
from gaoxin_cli.cli.common import (
    DatasetOption,
    DebugOption,
    FactsOption,
    FormatOption,
    JsonOption,
    LangOption,
    NoCacheOption,
    choose_format,
    environment,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import NotFoundError
from gaoxin_cli.model import SECTIONS
from gaoxin_cli.source import Selection


def section_command(section: str) -> Any:
    """The command that shows `section`: a table per heading, or its facts as data."""
    zh, en = SECTIONS[section]

    def command(
        ctx: typer.Context,
        output_format: FormatOption = None,
        json: JsonOption = False,
        lang: LangOption = None,
        facts: FactsOption = None,
        dataset: DatasetOption = None,
        debug: DebugOption = False,
        no_cache: NoCacheOption = False,
    ) -> None:
        opts = settings(ctx, facts, lang, debug, no_cache, dataset)
        book = opts.source().book(Selection(section=section))
        fmt = choose_format(ctx, output_format, json)
        found = [v for v in query.section_view(book, section) if v.indicators]
        if not found:
            raise NotFoundError(f"no facts in section '{section}'")
        render.write(render.sections(found), fmt, environment(ctx).stdout, lang=opts.lang)

    command.__name__ = f"{section}_command"
    command.__doc__ = (
        f"{en} ({zh}): the section's figures, one row per indicator.\n\n"
        f"[bold]Examples[/bold]\n\n"
        f"  gaoxin {section}                  table at a terminal, TSV when piped\n\n"
        f"  gaoxin {section} --lang en        English labels\n\n"
        f"  gaoxin {section} --json | jq .    the facts as JSON records"
    )
    return command


def register(app: typer.Typer, name: str) -> None:
    """Add the command of section `name`."""
    app.command(name, rich_help_panel="Sections", cls=PlainCommand)(section_command(name))
