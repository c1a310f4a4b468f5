"""`gaoxin get ID…`: indicators or facts in full, or their bare values."""

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
    SectionOption,
    choose_format,
    complete_ids,
    environment,
    option,
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
from gaoxin_cli.errors import UsageError
from gaoxin_cli.model import Fact, Indicator, format_value
from gaoxin_cli.source import Selection


def get(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(
            help="Indicator ids (all their facts) or fact ids (indicator.measure).",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    value: Annotated[
        bool, option("--value", help="Print only the bare values, one per line.", metavar="")
    ] = False,
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
    """An indicator or a fact in full: labels, measures, units, normalized values, quote.

    [bold]Examples[/bold]

      gaoxin get fixed-asset-investment

      gaoxin get fixed-asset-investment.growth --value     prints 18.3

      gaoxin get gdp fixed-asset-investment --measure growth --value
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    chosen = fact_filter(measure, qualifier, unit, section, status)
    shape = Shape(fields, sort, limit, no_headers)
    stdout = environment(ctx).stdout
    book, items = opts.source().answer(
        Selection(ids=tuple(ids)), lambda book: query.lookup(book, ids)
    )
    if chosen.active:
        items = [f for f in query.facts_of(items) if chosen.keep(f)]
        if not items and not value:
            fmt = choose_format(ctx, output_format, json)
            nothing_found(ctx, fmt, opts, shape, f"no fact of {', '.join(ids)} matches the filter")
        if not items:
            from gaoxin_cli.errors import NotFoundError

            raise NotFoundError(f"no fact of {', '.join(ids)} matches the filter")
    if value:
        if output_format is not None or json or shape.fields is not None:
            raise UsageError("--value prints bare values: leave out --format, --json and --fields")
        if shape.sort is not None or shape.limit is not None:
            items = list(shape.apply(query.facts_of(items)))
        text = "".join(f"{line}\n" for line in bare_values(items, opts.lang))
        try:
            stdout.write(text)  # one write: all of it or, if it cannot be encoded, none
        except UnicodeEncodeError:
            from gaoxin_cli.render import cannot_show

            instead = "use --json in place of --value (JSON escapes Chinese as \\uXXXX)"
            raise cannot_show(stdout, "this value", instead) from None
        return
    fmt = choose_format(ctx, output_format, json)
    datasets = {d.id: d for d in book.datasets}
    from gaoxin_cli import render

    view = None if chosen.active else render.detail(items, datasets)
    write_facts(ctx, query.facts_of(items), view, fmt, opts, shape)


def bare_values(items: list[Indicator | Fact], lang: str = "zh") -> list[str]:
    """The values of looked-up items as the article writes them, one each; in
    English (`lang` "en") a text value that has one (`value_en`).

    Each must name one figure: an id in several datasets is a usage error.
    """
    datasets: dict[str, list[str]] = {}
    for item in items:
        datasets.setdefault(item.id, []).append(item.dataset)
    for item_id, found in datasets.items():
        if len(found) > 1:
            raise UsageError(
                f"{item_id!r} is in {len(found)} datasets ({', '.join(found)}):"
                " choose one with --dataset"
            )
    facts = query.facts_of(items)
    values = [
        f.value_en if lang == "en" and f.value_en is not None else format_value(f.value)
        for f in facts
    ]
    if any(isinstance(f.value, str) for f in facts):
        from gaoxin_cli.render.safe import clean  # words from a file: no controls

        values = [clean(v) for v in values]
    return values


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin get`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(get)
