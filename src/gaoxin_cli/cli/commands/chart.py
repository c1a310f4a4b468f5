"""`gaoxin chart [SECTION]`: bar charts of the growth rates, shares and rates."""

from typing import Annotated

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
from gaoxin_cli.query import check_section
from gaoxin_cli.source import Selection

#: The sections of the shipped review that have percentages to draw (a test
#: keeps this in step with the facts); other facts folders may have others.
CHARTED = ("economy", "innovation", "services", "governance")


def complete_chart_sections(incomplete: str) -> list[str]:
    """Shell completion for the sections that have something to draw (in
    $GAOXIN_FACTS, else the shipped facts)."""
    try:
        from gaoxin_cli.bars import charts_of
        from gaoxin_cli.factfiles.folders import facts_dirs_from_env
        from gaoxin_cli.factfiles.loader import load_factbook

        book = load_factbook(*facts_dirs_from_env())
        names = [name for name in SECTIONS if charts_of(query.section_view(book, name))]
    except Exception:  # completion must never fail loudly
        names = list(CHARTED)
    return [name for name in names if name.startswith(incomplete)]


def chart(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="A section with percentages to draw: "
            + ", ".join(CHARTED[:-1])
            + f" or {CHARTED[-1]}. Default: every section with something to draw.",
            metavar="SECTION",
            autocompletion=complete_chart_sections,
            show_default=False,
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
    """Bar charts of the percentages: growth rates beside the city's, shares of the city, rates.

    The city's growth rate is derived (the zone's growth minus the points
    the article says it is above the city) and drawn shaded (░). Piped, or
    with --format, the bars are written as data rows.

    [bold]Examples[/bold]

      gaoxin chart economy

      gaoxin chart innovation --lang en

      gaoxin chart --json
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    check_section(section)
    fmt = choose_format(ctx, output_format, json)
    book = opts.source().book(Selection(section=section))
    from gaoxin_cli.bars import charts_of

    sections = [section] if section else list(SECTIONS)
    found = [v for name in sections for v in query.section_view(book, name) if v.indicators]
    items = charts_of(found)
    if not items:
        where = f"section {section!r}" if section else "these facts"
        raise NotFoundError(f"nothing to chart in {where}: it has no growth rates or shares")
    render.write(render.charts(items), fmt, environment(ctx).stdout, lang=opts.lang)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin chart`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(chart)
