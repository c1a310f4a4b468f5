"""`gaoxin export [FILE]`: every fact as JSON, JSONL, CSV, TSV, Markdown, SQLite or a
Frictionless Data Package (a folder)."""

import io
import os
import stat
from collections.abc import Iterable, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    choose_format,
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
)
from gaoxin_cli.cli.listing import write_facts as listing_facts
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import UsageError
from gaoxin_cli.model import Dataset
from gaoxin_cli.source import Selection

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gaoxin_cli.cli.common import Settings
    from gaoxin_cli.query import FactFilter

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
        str | None,  # as typed: a Path would drop a trailing slash
        typer.Argument(
            help=(
                "Write to this file (replaced whole), or into a device, FIFO or"
                " /dev/stdout, instead of standard output. With --format datapackage:"
                " the folder to write into (made if missing)."
            ),
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat | None,
        option(
            "--format",
            "-f",
            help=(
                "json, jsonl, csv, tsv, markdown, table (at the terminal, not into FILE),"
                " sqlite (needs FILE), or datapackage (needs FILE, a folder for facts.csv and"
                " datapackage.json). Default: from FILE's suffix (.json .jsonl .csv .tsv .md"
                " .db .sqlite), else json."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    json: JsonOption = False,
    section: SectionOption = None,
    measure: MeasureOption = None,
    qualifier: QualifierOption = None,
    status: StatusOption = None,
    unit: UnitOption = None,
    fields: FieldsOption = None,
    sort: SortOption = None,
    limit: LimitOption = None,
    no_headers: NoHeadersOption = False,
    bom: Annotated[
        bool,
        option(
            "--bom",
            help="Start CSV or TSV with a UTF-8 byte-order mark (for Excel on Windows).",
            metavar="",
        ),
    ] = False,
    force: Annotated[
        bool, option("--force", help="Replace FILE if it exists.", metavar="")
    ] = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Every fact as JSON records (default), JSONL, CSV, TSV, Markdown, SQLite or a data package.

    [bold]Examples[/bold]

      gaoxin export > facts.json

      gaoxin export --format csv > facts.csv

      gaoxin export --format csv --bom facts.csv      for Excel on Chinese Windows

      gaoxin export --format sqlite facts.db          for sqlite3, Datasette, DuckDB

      gaoxin export --format datapackage facts/       a Frictionless Data Package

      gaoxin export -f csv --qualifier any --fields id,value,unit,qualifier
    """
    opts = settings(ctx, facts, lang, debug, no_cache, dataset)
    target = None if file is None else Path(file)
    if output_format is None and not json and target is not None:
        output_format = FORMAT_OF_SUFFIX.get(target.suffix.lower())
    sqlite = output_format == "sqlite"
    package = output_format == "datapackage"
    if sqlite and file is None:
        raise UsageError("--format sqlite writes a file: gaoxin export --format sqlite FILE")
    folder = _package_folder(file, json, bom, not no_headers) if package else None
    listing = None if output_format == "sqlite" else output_format
    fmt = "csv" if listing == "datapackage" else choose_format(ctx, listing, json, default="json")
    _refuse_mismatches(file, output_format, fmt, bom)
    keep = fact_filter(measure, qualifier, unit, section, status)
    shape = Shape(fields, sort, limit, no_headers)
    if sqlite and (shape.fields is not None or not shape.headers):
        raise UsageError("--fields and --no-headers go with json, jsonl, csv, tsv or markdown")
    if not sqlite:
        shape.check(fmt)
    into = file is not None and not package and _check_target(file, force, output_format or fmt)
    if fmt == "table":  # at a terminal, the list `get` shows
        book = opts.source().book(Selection(section=section))
        chosen = shape.apply(keep.facts(book.facts))
        if not chosen:
            nothing_found(ctx, fmt, opts, shape, "no facts match" if keep.active else "no facts")
        listing_facts(ctx, chosen, None, fmt, opts, Shape(fields, None, None, no_headers))
        return
    described = sqlite or package  # the datasets' metadata is written too
    flat = fmt in ("csv", "tsv") and not sqlite and not keep.active and shape.whole_rows
    out = _facts_out(ctx, opts, keep, shape, fmt, file is not None, described, flat=flat)
    datasets, facts_out = out  # with `flat`, rows made from the index without a fact
    view = render.flat_stream(facts_out) if flat else render.fact_stream(facts_out, shape.fields)
    if folder is not None:
        from gaoxin_cli.render.datapackage import write_package

        write_package(*view.flat(opts.lang), datasets, folder)
        return
    if target is None or file is None:
        stdout = environment(ctx).stdout
        render.write(view, fmt, stdout, lang=opts.lang, bom=bom, headers=shape.headers)
        return
    try:
        if sqlite:
            from gaoxin_cli.render.sqlite import write_sqlite

            write_sqlite(datasets, facts_out, target, new=not force)
        else:
            _write_file(
                view,
                fmt,
                target,
                into,
                lang=opts.lang,
                bom=bom,
                headers=shape.headers,
                new=not force,
            )
    except OSError as error:  # named as the user typed it, never by a temporary name
        raise OSError(error.errno, error.strerror or str(error), file) from error


def _write_file(
    view: render.View,
    fmt: str,
    target: Path,
    into: bool,
    *,
    lang: str,
    bom: bool,
    headers: bool,
    new: bool,
) -> None:
    """Write `view` into `target` (a device), or replace it whole; with `new`
    (no --force), only create it: a file that appeared since the check stays."""
    from gaoxin_cli.files import replacing, writing_into

    if into:
        with (
            writing_into(target) as raw,
            io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream,
        ):
            render.write(view, fmt, stream, lang=lang, bom=bom, headers=headers)
        return
    with replacing(target, new=new) as temp, temp.open("w", encoding="utf-8", newline="") as stream:
        render.write(view, fmt, stream, lang=lang, bom=bom, headers=headers)


def _facts_out(
    ctx: typer.Context,
    opts: "Settings",
    keep: "FactFilter",
    shape: Shape,
    fmt: str,
    into: bool,
    described: bool,
    *,
    flat: bool = False,
) -> tuple[Sequence[Dataset], Iterable[Any]]:
    """The datasets exported (their metadata only if `described`: SQLite and
    the data package write it) and their facts that pass, in order: read,
    checked and written a dataset at a time; all at once only to sort them;
    with `flat` (no filter), their flat rows. With none, and standard output,
    the empty answer's rule."""
    if shape.sort is not None:
        book = opts.source().book(Selection(section=keep.section))
        chosen = shape.apply(keep.facts(book.facts))
        if not chosen and not into:
            nothing_found(ctx, fmt, opts, shape, "no facts match" if keep.active else "no facts")
        return book.datasets, chosen
    stream = opts.source().stream()
    datasets = stream.datasets if described else ()  # asked for before any dataset is read
    passing: Iterator[Any] = stream.flat_rows() if flat else filter(keep.keep, stream.facts())
    if shape.limit is not None:
        passing = islice(passing, shape.limit)
    first = next(passing, None)
    if first is None and not into:
        nothing_found(ctx, fmt, opts, shape, "no facts match" if keep.active else "no facts")
    return datasets, (chain((first,), passing) if first is not None else ())


def _refuse_mismatches(file: str | None, output_format: str | None, fmt: str, bom: bool) -> None:
    """A UsageError for options that do not go together: a table into a
    file, --bom with anything but CSV or TSV."""
    sqlite = output_format == "sqlite"
    if fmt == "table" and (file is not None or output_format in ("sqlite", "datapackage")):
        raise UsageError("a table is for the terminal: write FILE as json, csv, tsv or markdown")
    if bom and (sqlite or fmt not in ("csv", "tsv")):
        raise UsageError(f"--bom goes with --format csv or tsv, not {output_format or fmt}")


def _package_folder(file: str | None, json: bool, bom: bool, headers: bool) -> str:
    """The folder --format datapackage writes, checked (see `_check_folder`); a
    usage error without one, or with options its CSV does not take: it has its
    header and no byte-order mark."""
    if file is None:
        raise UsageError(
            "--format datapackage writes a folder: gaoxin export --format datapackage DIR"
        )
    if json:
        raise UsageError("--json and --format datapackage ask for different formats")
    if bom:
        raise UsageError("--bom goes with --format csv or tsv, not datapackage")
    if not headers:
        raise UsageError("--no-headers goes with --format csv or tsv, not datapackage")
    _check_folder(file)
    return file


def _check_folder(folder: str) -> None:
    """Refuse a DIR that --format datapackage cannot or should not write (exit 2):
    one that is not a folder, or a folder holding anything but a data package
    that export wrote (its datapackage.json, and facts.csv)."""
    from gaoxin_cli.render.datapackage import DATA, DESCRIPTOR

    path = Path(folder)
    if not folder:
        raise UsageError("export --format datapackage needs a folder name; '' is none")
    if path.is_symlink() and not path.exists():
        raise UsageError(f"{folder} is a broken symbolic link; give a folder name")
    if not path.exists():
        return
    if not path.is_dir():
        kind = "a file" if path.is_file() else "not a folder"
        raise UsageError(f"{folder} is {kind}; --format datapackage writes a folder")
    if not _names_in(path, folder):
        return
    if _ours(path / DESCRIPTOR):
        from gaoxin_cli.files import abandoned, remove_abandoned

        # Decide first, touch nothing on refusal: what is left of a killed
        # export (temporary files made for these two names only) may go.
        ours = {DATA, DESCRIPTOR}
        names = _names_in(path, folder) - {p.name for p in abandoned(path, ours)}
        if names <= ours and (DATA not in names or (path / DATA).is_file()):
            remove_abandoned(path, ours)
            return
    raise UsageError(
        f"{folder} is a folder with other files in it; give a new or empty folder,"
        " or one that gaoxin export --format datapackage wrote"
    )


def _names_in(path: Path, folder: str) -> set[str]:
    """The names in folder `path`; a usage error if it cannot be read."""
    try:
        return {entry.name for entry in path.iterdir()}
    except OSError as error:
        raise UsageError(f"cannot read folder {folder}: {error.strerror or error}") from None


#: More than any descriptor export writes: a larger file is someone else's.
_LARGEST_DESCRIPTOR = 1 << 20


def _ours(descriptor: Path) -> bool:
    """True if `descriptor` is a regular file that export --format datapackage wrote."""
    from gaoxin_cli.render.datapackage import written_here

    try:
        if not descriptor.is_file():  # a FIFO is never opened: it would block
            return False
        with descriptor.open("rb") as stream:
            data = stream.read(_LARGEST_DESCRIPTOR + 1)
    except OSError:
        return False
    if len(data) > _LARGEST_DESCRIPTOR:
        return False
    try:
        return written_here(data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


#: The file suffix that an example file name in a message gets, by format.
_SUFFIX = {"markdown": "md", "sqlite": "db"}


def _check_target(file: str, force: bool, fmt: str) -> bool:
    """Refuse a FILE that export cannot or should not write (exit 2); True when it is
    written into (a device, FIFO or this process's descriptor), False when replaced."""
    from gaoxin_cli.files import writes_into

    path = Path(file)
    example = f"{file.rstrip('/')}/facts.{_SUFFIX.get(fmt, fmt)}"
    if not file:
        raise UsageError("export needs a file name; '' is none")
    if path.is_dir():
        raise UsageError(f"{file} is a folder; give a file name, such as {example}")
    if file.endswith(("/", os.sep)):
        raise UsageError(f"{file} ends in /, which names a folder; for a file, leave out the /")
    if file.replace(os.sep, "/").rsplit("/", 1)[-1] in (".", ".."):
        raise UsageError(f"{file} names a folder; give a file name")
    if writes_into(path):
        return True
    kind = _not_a_file(path)
    if kind:
        raise UsageError(f"{file} is {kind}; export writes files, character devices and FIFOs")
    if not force and (path.exists() or path.is_symlink()):
        raise UsageError(f"{file} exists; add --force to replace it")
    if not path.parent.is_dir():
        raise UsageError(f"cannot write {file}: no folder {path.parent}")
    return False


def _not_a_file(path: Path) -> str:
    """What `path` is when it is there and is not a regular file ('' otherwise)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return ""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin export`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(export)
