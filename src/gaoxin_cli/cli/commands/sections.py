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
from gaoxin_cli.model import SECTIONS
from gaoxin_cli.source import Selection


def section_command(section: str) -> Any:
    """The command that shows `section`: a table per heading, or its facts as data."""
    zh, en = SECTIONS[section]

    def command(
        ctx: typer.Context,
        output_format: FormatOption = None,
        json: JsonOption = False,
        measure: MeasureOption = None,
        qualifier: QualifierOption = None,
        status: StatusOption = None,
        unit: UnitOption = None,
        fields: FieldsOption = None,
        sort: SortOption = None,
        limit: LimitOption = None,
        no_headers: NoHeadersOption = False,
        lang: LangOption = None,
        facts: FactsOption = None,
        dataset: DatasetOption = None,
        debug: DebugOption = False,
        no_cache: NoCacheOption = False,
    ) -> None:
        opts = settings(ctx, facts, lang, debug, no_cache, dataset)
        chosen = fact_filter(measure, qualifier, unit, statuses=status)
        shape = Shape(fields, sort, limit, no_headers)
        book = opts.source().book(Selection(section=section))
        fmt = choose_format(ctx, output_format, json)
        views = query.section_view(book, section)
        found = [v for v in (chosen.views(views) if chosen.active else views) if v.indicators]
        if not found:
            message = f"no facts in section '{section}'" + " match" * chosen.active
            nothing_found(ctx, fmt, opts, shape, message)
        view = render.sections(found)
        write_facts(ctx, [f for v in found for f in v.facts], view, fmt, opts, shape)

    command.__name__ = f"{section}_command"
    command.__doc__ = (
        f"{en} ({zh}): the section's figures, one row per indicator.\n\n"
        f"[bold]Examples[/bold]\n\n"
        f"  gaoxin {section}                  table at a terminal, TSV when piped\n\n"
        f"  gaoxin {section} --lang en        English labels\n\n"
        f"  gaoxin {section} --json | jq .    the facts as JSON records\n\n"
        f"  gaoxin {section} --measure growth --fields id,value,unit"
    )
    return command


def register(app: typer.Typer, name: str) -> None:
    """Add the command of section `name`."""
    app.command(name, rich_help_panel="Sections", cls=PlainCommand)(section_command(name))
