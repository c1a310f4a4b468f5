"""`gaoxin search WORD…`: facts by label, quote, id or number, best match first."""

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
    SectionOption,
    choose_format,
    settings,
)
from gaoxin_cli.cli.listing import (
    FieldsOption,
    LimitOption,
    MeasureOption,
    NoHeadersOption,
    QualifierOption,
    Shape,
    SortOption,
    StatusOption,
    UnitOption,
    fact_filter,
    nothing_found,
    write_facts,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.source import Selection


def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            help="Chinese or English words, or a number. All must match.", metavar="WORD"
        ),
    ],
    section: SectionOption = None,
    measure: MeasureOption = None,
    qualifier: QualifierOption = None,
    status: StatusOption = None,
    unit: UnitOption = None,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    no_headers: NoHeadersOption = False,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Find facts by label, quote, id or number, best match first. Exit 1 if none.

    [bold]Examples[/bold]

      gaoxin search 专利

      gaoxin search patent

      gaoxin search 3288

      gaoxin search 8.5 bn

      gaoxin search FDI --fields id,value,unit,quote
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    chosen = fact_filter(measure, qualifier, unit, section, status)  # checked before any reading
    # Ranked hits are cut to --limit; with --sort, every hit is sorted, then cut.
    shape = Shape(fields, sort, limit if sort is not None else None, no_headers)
    text = " ".join(words)
    book = opts.source().book(Selection(words=tuple(text.split()), section=section))
    fmt = choose_format(ctx, output_format, json)
    hits = [hit for hit in query.search(book, text, section=section) if chosen.keep(hit.fact)]
    if not hits:  # no fact has every word: those with the most of them, and a warning why
        every = opts.source().book(Selection(section=section))
        some = query.some_of(every, text, section=section)  # the index found none whole
        hits = [hit for hit in some if chosen.keep(hit.fact)]
    hits = hits[:limit] if limit is not None and sort is None else hits
    if not hits:
        nothing_found(ctx, fmt, opts, shape, f"nothing matches {text!r}")
    write_facts(ctx, [hit.fact for hit in hits], render.hits(hits), fmt, opts, shape)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin search`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(search)
