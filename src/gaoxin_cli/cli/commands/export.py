"""`gaoxin export [FILE]`: every fact as JSON, JSONL, CSV, TSV, Markdown or SQLite."""

from pathlib import Path
from typing import Annotated

import typer

from gaoxin_cli import render
from gaoxin_cli.cli.common import (
    DatasetOption,
    DebugOption,
    ExportFormat,
    FactsOption,
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
from gaoxin_cli.errors import UsageError
from gaoxin_cli.source import Selection

#: The format `export FILE` writes when --format is not given, by FILE's suffix.
FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {
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
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    if output_format is None and not json and file is not None:
        output_format = FORMAT_OF_SUFFIX.get(file.suffix.lower())
    sqlite = output_format == "sqlite"
    if sqlite and file is None:
        raise UsageError("--format sqlite writes a file: gaoxin export --format sqlite FILE")
    listing = None if output_format == "sqlite" else output_format
    fmt = choose_format(ctx, listing, json, default="json")
    if fmt == "table":
        raise UsageError("export writes data: use --format json, jsonl, csv, tsv or markdown")
    if bom and (sqlite or fmt not in ("csv", "tsv")):
        raise UsageError(f"--bom goes with --format csv or tsv, not {output_format or fmt}")
    check_section(section)
    if file is not None and not force and (file.exists() or file.is_symlink()):
        raise UsageError(f"{file} exists; add --force to replace it")
    if file is not None and not file.parent.is_dir():
        raise UsageError(f"cannot write {file}: no folder {file.parent}")
    book = opts.source().book(Selection(section=section))
    chosen = [f for f in book.facts if section is None or f.section == section]
    if sqlite and file is not None:
        from gaoxin_cli.render.sqlite import write_sqlite

        write_sqlite(book.datasets, chosen, file)
        return
    view = render.facts(chosen)
    if file is None:
        render.write(view, fmt, environment(ctx).stdout, lang=opts.lang, bom=bom)
        return
    from gaoxin_cli.files import replacing

    with replacing(file) as temp, temp.open("w", encoding="utf-8", newline="") as stream:
        render.write(view, fmt, stream, lang=opts.lang, bom=bom)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin export`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(export)
