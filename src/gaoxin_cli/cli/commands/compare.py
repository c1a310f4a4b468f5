"""`gaoxin compare ID… | --section S`: the same indicators across datasets."""

from typing import Annotated

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
    complete_ids,
    complete_sections,
    environment,
    option,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import UsageError
from gaoxin_cli.query import check_section
from gaoxin_cli.source import Selection


def compare(
    ctx: typer.Context,
    indicators: Annotated[
        list[str] | None,
        typer.Argument(
            help="Indicator ids (every fact of each) or fact ids (indicator.measure) to"
            " compare. Default: every indicator of --section.",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    section: Annotated[
        str | None,
        option(
            "--section",
            "-s",
            help="Every indicator of this section (or only those named in it).",
            autocompletion=complete_sections,
            metavar="SECTION",
        ),
    ] = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """The same indicators across datasets, side by side, with the change between them.

    Datasets are columns, oldest period first; — marks a figure a dataset
    does not state. The change (absolute, and relative for amounts and
    counts) runs from the first to the last dataset that states the figure,
    and only where measures and units agree; ≈ marks a change between hedged
    figures. With one dataset, its column alone.

    [bold]Examples[/bold]

      gaoxin --facts facts --facts more compare gdp

      gaoxin --facts facts --facts more compare gdp.growth

      gaoxin --facts facts --facts more compare -s innovation
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    check_section(section)
    if not indicators and section is None:
        raise UsageError("name an indicator, or a section with --section")
    fmt = choose_format(ctx, output_format, json)
    from gaoxin_cli.compare import compare as compare_datasets

    wanted = tuple(indicators or ())
    selection = Selection(ids=wanted) if wanted else Selection(section=section)
    source = opts.source()
    # Every dataset chosen is a column, also one that lacks what is compared
    # (the index returns only the datasets that have it; the files, all).
    columns = [d for d, _ in source.catalog()] if source.cache else None
    _, comparison = source.answer(
        selection, lambda book: compare_datasets(book, wanted, section, columns)
    )
    render.write(render.comparison(comparison), fmt, environment(ctx).stdout, lang=opts.lang)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin compare`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(compare)
