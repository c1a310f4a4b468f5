"""`gaoxin datasets`: the datasets in the facts folders."""

import typer

from gaoxin_cli import render
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


def datasets(
    ctx: typer.Context,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """The datasets in the facts folders: id, title, area, period, number of facts.

    [bold]Examples[/bold]

      gaoxin datasets

      gaoxin --facts facts --facts more datasets
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    fmt = choose_format(ctx, output_format, json)
    found = opts.source().catalog()
    if not found:
        raise NotFoundError("no datasets found")
    render.write(render.datasets(found), fmt, environment(ctx).stdout, lang=opts.lang)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin datasets`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(datasets)
