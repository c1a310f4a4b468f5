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
    check_section,
    choose_format,
    environment,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import NotFoundError
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
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many.")
    ] = None,
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
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    check_section(section)
    text = " ".join(words)
    book = opts.source().book(Selection(words=tuple(text.split()), section=section))
    fmt = choose_format(ctx, output_format, json)
    hits = query.search(book, text, section=section)
    if limit is not None:
        hits = hits[:limit]
    if not hits:
        raise NotFoundError(f"nothing matches {text!r}")
    render.write(render.hits(hits), fmt, environment(ctx).stdout, lang=opts.lang)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin search`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(search)
