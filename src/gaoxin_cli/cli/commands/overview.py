"""`gaoxin` with no command: the dataset, its sections and headline figures."""

from pathlib import Path

import typer

from gaoxin_cli import query
from gaoxin_cli.cli.common import Format, choose_format, environment, settings
from gaoxin_cli.errors import NotFoundError
from gaoxin_cli.source import Selection


def overview(
    ctx: typer.Context,
    output_format: Format | None,
    json: bool,
    lang: str | None,
    facts: list[Path] | None,
    dataset: list[str] | None,
    debug: bool,
    no_cache: bool,
) -> None:
    """Show the first dataset chosen: its own overview figures, its sections
    with their numbers of facts, its headline figures, and the other datasets."""
    from gaoxin_cli import render

    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    source = opts.source()
    book = source.book(Selection(first_dataset=True))
    fmt = choose_format(ctx, output_format, json)
    if not book.datasets:
        raise NotFoundError("no datasets found")
    shown = book.datasets[0]
    others = [d.id for d, _ in source.catalog() if d.id != shown.id]
    view = render.overview(
        shown, query.section_counts(shown), query.headline_indicators(shown), others
    )
    render.write(view, fmt, environment(ctx).stdout, lang=opts.lang)
