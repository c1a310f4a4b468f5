"""Commands beyond the lookups: charts, datasets, compare, export, validate.

Registered on the app when `command_for` sees one of them named (or builds
the whole app, for help and completion), so that a lookup does not pay for
their signatures at start-up. No `from __future__ import annotations`:
Typer reads the annotations.
"""

from pathlib import Path
from typing import Annotated

import typer

from gaoxin_cli import query
from gaoxin_cli.cli.app import (
    Settings,
    _book,
    _check_datasets,
    _check_section,
    _format,
    _settings,
    app,
    complete_ids,
)
from gaoxin_cli.cli.options import (
    DatasetOption,
    DebugOption,
    ExportFormat,
    FactsOption,
    FormatOption,
    JsonOption,
    LangOption,
    NoCacheOption,
    SectionOption,
    complete_sections,
)
from gaoxin_cli.cli.output import (
    boundary,
    error_line,
    output_to,
    print_renderable,
    write_data,
    write_facts,
    write_rows,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import ExitCode, FactsError, NotFoundError, UsageError
from gaoxin_cli.folders import facts_dirs_from_env
from gaoxin_cli.model import SECTIONS, Dataset


@app.command(rich_help_panel="Look up", cls=PlainCommand)
def chart(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="A section (default: every section with something to draw): economy,"
            " innovation, services, governance, investment, party or overview.",
            metavar="SECTION",
            autocompletion=complete_sections,
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
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        _check_section(section)
        fmt = _format(ctx, output_format, json)
        book = _book(opts, query.Need(section=section))
        from gaoxin_cli.charts import charts

        sections = [section] if section else list(SECTIONS)
        views = [v for name in sections for v in query.section_view(book, name) if v.indicators]
        items = charts(views)
        if not items:
            where = f"section {section!r}" if section else "these facts"
            raise NotFoundError(f"nothing to chart in {where}: it has no growth rates or shares")
        if fmt == "table":
            from gaoxin_cli.render.chart import charts as render_charts

            print_renderable(lambda width: render_charts(items, opts.lang, width))
        else:
            from gaoxin_cli.render.rows import BAR_COLUMNS, bar_rows

            write_rows(bar_rows(items), BAR_COLUMNS, fmt)


@app.command(rich_help_panel="Look up", cls=PlainCommand)
def compare(
    ctx: typer.Context,
    indicators: Annotated[
        list[str] | None,
        typer.Argument(
            help="Indicator ids to compare (default: every indicator of --section).",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    section: Annotated[
        str | None,
        typer.Option(
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

    Datasets are columns, oldest period first. The change (absolute, and
    relative for amounts and counts) runs from the first to the last dataset
    that states the figure, and only where measures and units agree; ≈ marks
    a change between hedged figures.

    [bold]Examples[/bold]

      gaoxin --facts facts --facts my-facts compare gdp

      gaoxin --facts facts --facts my-facts compare --section innovation
    """
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        _check_section(section)
        if not indicators and section is None:
            raise UsageError("name an indicator, or a section with --section")
        fmt = _format(ctx, output_format, json)
        need = query.Need(ids=tuple(indicators)) if indicators else query.Need(section=section)
        book = _book(opts, need)
        from gaoxin_cli.compare import compare as compare_datasets

        try:
            comparison = compare_datasets(book, indicators or (), section)
        except NotFoundError:
            if not indicators:
                raise
            book = _book(opts, query.Need())  # suggestions look at every id
            comparison = compare_datasets(book, indicators, section)
        if fmt == "table":
            from gaoxin_cli.render.table import comparison_table

            print_renderable(lambda width: comparison_table(comparison, opts.lang, width))
        elif fmt in ("json", "jsonl"):
            from gaoxin_cli.render.rows import comparison_records

            write_data(comparison_records(comparison), fmt)
        elif fmt == "markdown":
            from gaoxin_cli.render.figures import comparison_cells

            headings, cells = comparison_cells(comparison, opts.lang)
            for n, column_dataset in enumerate(comparison.datasets, start=2):
                if headings[n] != column_dataset.id:  # a report has no legend: name both
                    headings[n] = f"{headings[n]} ({column_dataset.id})"
            columns = [str(n) for n in range(len(headings))]
            rows = [dict(zip(columns, row, strict=True)) for row in cells]
            write_rows(rows, columns, fmt, headings=headings)
        else:
            from gaoxin_cli.render.rows import comparison_columns, comparison_rows

            write_rows(comparison_rows(comparison, opts.lang), comparison_columns(comparison), fmt)


def catalog(opts: Settings) -> list[tuple[Dataset, int]]:
    """Every dataset chosen and its number of facts, without loading the facts
    when the index has them."""
    roots = facts_dirs_from_env(opts.facts)
    found: list[tuple[Dataset, int]] | None = []
    if opts.cache:
        from gaoxin_cli.index import open_index

        for root in roots:
            index = open_index(root)
            if index is None:
                found = None
                break
            try:
                found.extend(index.catalog())  # type: ignore[union-attr]
            finally:
                index.close()
    ids = [d.id for d, _ in found or ()]
    if not opts.cache or found is None or len(set(ids)) < len(ids):
        from gaoxin_cli.loader import load_factbook

        found = [(d, len(d.facts)) for d in load_factbook(*roots).datasets]
        ids = [d.id for d, _ in found]
    if opts.datasets is not None:
        _check_datasets(opts.datasets, ids)
        found = [(d, n) for d, n in found if d.id in opts.datasets]
    return found


@app.command("datasets", rich_help_panel="Data", cls=PlainCommand)
def datasets_command(
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

      gaoxin --facts facts --facts my-facts datasets     the shipped review and yours
    """
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        fmt = _format(ctx, output_format, json)
        found = catalog(opts)
        if not found:
            raise NotFoundError("no datasets found")
        if fmt == "table":
            from gaoxin_cli.render.table import datasets_table

            print_renderable(lambda _width: datasets_table(found, opts.lang))
        elif fmt in ("json", "jsonl"):
            from gaoxin_cli.render.records import dataset_record

            write_data([dataset_record(d, n) for d, n in found], fmt)
        elif fmt == "markdown":
            pick = 1 if opts.lang == "en" else 0
            rows = [
                {
                    "id": d.id,
                    "title": d.title.pick(opts.lang),
                    "area": d.area.pick(opts.lang),
                    "period": d.period,
                    "facts": n,
                }
                for d, n in found
            ]
            headings = [
                ("ID", "ID"),
                ("标题", "Title"),
                ("地区", "Area"),
                ("时期", "Period"),
                ("事实", "Facts"),
            ]
            columns = ("id", "title", "area", "period", "facts")
            write_rows(rows, columns, fmt, headings=[h[pick] for h in headings])
        else:
            from gaoxin_cli.render.rows import DATASET_COLUMNS, dataset_row

            write_rows([dataset_row(d, n) for d, n in found], DATASET_COLUMNS, fmt)


#: The format `export FILE` writes when --format is not given, by FILE's suffix.
_FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".md": "markdown",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}


@app.command(rich_help_panel="Data", cls=PlainCommand)
def export(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Write to this file (replaced whole) instead of standard output.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "json, jsonl, csv, tsv, markdown, or sqlite (needs FILE). Default: from"
                " FILE's suffix (.json .jsonl .csv .tsv .md .db .sqlite), else json."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    json: JsonOption = False,
    section: SectionOption = None,
    bom: Annotated[
        bool,
        typer.Option(
            "--bom",
            help="Start CSV or TSV with a UTF-8 byte-order mark (for Excel on Windows).",
            metavar="",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.", metavar="")
    ] = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Every fact, as JSON records (default), JSONL, CSV, TSV, Markdown or a SQLite file.

    [bold]Examples[/bold]

      gaoxin export > facts.json

      gaoxin export --format csv > facts.csv

      gaoxin export --format csv --bom facts.csv      for Excel on Chinese Windows

      gaoxin export --format sqlite facts.db          for sqlite3, Datasette, DuckDB
    """
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        if output_format is None and not json and file is not None:
            output_format = _FORMAT_OF_SUFFIX.get(file.suffix.lower())
        sqlite = output_format == "sqlite"
        if sqlite and file is None:
            raise UsageError("--format sqlite writes a file: gaoxin export --format sqlite FILE")
        listing = None if output_format == "sqlite" else output_format
        fmt = _format(ctx, listing, json, default="json")
        if fmt == "table":
            raise UsageError("export writes data: use --format json, jsonl, csv, tsv or markdown")
        if bom and (sqlite or fmt not in ("csv", "tsv")):
            raise UsageError(f"--bom goes with --format csv or tsv, not {output_format or fmt}")
        _check_section(section)
        if file is not None and not force and (file.exists() or file.is_symlink()):
            raise UsageError(f"{file} exists; add --force to replace it")
        if file is not None and not file.parent.is_dir():
            raise UsageError(f"cannot write {file}: no folder {file.parent}")
        book = _book(opts, query.Need(section=section))
        chosen = [f for f in book.facts if section is None or f.section == section]
        if sqlite and file is not None:
            from gaoxin_cli.render.sqlite import write_sqlite

            write_sqlite(book.datasets, chosen, file)
            return
        with output_to(file):
            write_facts(chosen, fmt, bom=bom, lang=opts.lang)


@app.command(rich_help_panel="Data", cls=PlainCommand)
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Facts folders, dataset folders or fact files (default: --facts, else shipped).",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    facts: FactsOption = None,
    debug: DebugOption = False,
) -> None:
    """Check fact files: every problem on its own path:line: line. Exit 2 if any.

    [bold]Examples[/bold]

      gaoxin validate

      gaoxin validate facts/dalian-2020
    """
    opts = _settings(ctx, facts, None, debug)
    with boundary(debug=opts.debug):
        try:
            book = _book(Settings(paths or opts.facts, opts.lang, opts.debug, cache=False))
        except FactsError as error:
            for line in error.lines():
                error_line(line)
            noun = "problem" if len(error.problems) == 1 else "problems"
            error_line(f"gaoxin: {len(error.problems)} {noun} found")
            raise typer.Exit(int(ExitCode.ERROR)) from None
        datasets = len(book.datasets)
        typer.echo(
            f"ok: {len(book.facts)} facts in {datasets} dataset{'s' if datasets != 1 else ''}, "
            "no problems"
        )
