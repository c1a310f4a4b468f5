"""`gaoxin` with no command: the dataset, its sections and headline figures.

Also the options of `gaoxin` itself, which the commands after it take up.
"""

from typing import Annotated

import typer

from gaoxin_cli import query
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
from gaoxin_cli.errors import NotFoundError
from gaoxin_cli.render import write
from gaoxin_cli.source import Selection


def _show_version(value: bool) -> None:
    if value:
        from gaoxin_cli import __version__

        typer.echo(f"gaoxin {__version__}")
        raise typer.Exit


def overview(
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
        typer.Option(
            "--version",
            "-V",
            metavar="",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Figures of the Dalian High-tech Zone 2019 review (大连高新区2019年经济和社会发展综述),
    each with the quote it came from.

    With no command: an overview of the dataset, its sections and headline figures.

    [bold]Examples[/bold]

      gaoxin economy            the economy section as a table
      gaoxin get gdp --value    bare values for scripts
      gaoxin search 专利         find figures by word or number
    """
    del version
    if ctx.invoked_subcommand is not None:
        return
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    source = opts.source()
    book = source.book(Selection(first_dataset=True))
    fmt = choose_format(ctx, output_format, json)
    if not book.datasets:
        raise NotFoundError("no datasets found")
    shown = book.datasets[0]
    others = [d.id for d, _ in source.catalog() if d.id != shown.id]
    from gaoxin_cli.render import views

    view = views.overview(
        shown, query.section_counts(shown), query.headline_indicators(shown), others
    )
    write(view, fmt, environment(ctx).stdout, lang=opts.lang)


def register(app: typer.Typer) -> None:
    """Make `overview` the callback of `gaoxin` itself."""
    app.callback(invoke_without_command=True)(overview)
