"""The boundary: choosing formats, writing to stdout, and turning errors into
stderr lines and exit codes. The one place where the process meets the user.
"""

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from gaoxin_cli.cli.options import Format
from gaoxin_cli.errors import ExitCode, GaoxinError, OutputError, UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gaoxin_cli.model import Fact


def resolve_format(chosen: Format | None, json_flag: bool) -> Format:
    """The format asked for, else a table at a terminal and TSV elsewhere."""
    if json_flag:
        if chosen is not None and chosen != "json":
            raise UsageError(f"--json and --format {chosen} ask for different formats")
        return "json"
    if chosen is not None:
        return chosen
    return "table" if _isatty(sys.stdout) else "tsv"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _can_encode_chinese(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "中文“”—·≈".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _require_chinese(stream: TextIO) -> None:
    if not _can_encode_chinese(stream):
        encoding = getattr(stream, "encoding", "?")
        raise OutputError(
            f"standard output uses encoding {encoding!r}, which cannot show Chinese text; "
            "set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or use --format json"
        )


def write_data(data: Any, fmt: Format) -> None:
    """Write a JSON-able value as JSON (the one format for non-tabular results)."""
    from gaoxin_cli.render import plain

    stream = sys.stdout
    if fmt == "jsonl" and isinstance(data, list):
        plain.write_jsonl(data, stream, ascii_only=not _can_encode_chinese(stream))
    else:
        plain.write_json(data, stream, ascii_only=not _can_encode_chinese(stream))


def write_facts(
    facts: "Sequence[Fact]", fmt: Format, *, bom: bool = False, lang: str = "zh"
) -> None:
    """Write facts in a data format: JSON records, flat CSV/TSV rows, or a
    Markdown table of what people read (label, measure, figure, quote)."""
    from gaoxin_cli.render.records import FLAT_COLUMNS, fact_record, flat_row

    if fmt in ("json", "jsonl"):
        write_data([fact_record(f) for f in facts], fmt)
    elif fmt == "markdown":
        from gaoxin_cli.render.rows import readable_rows

        columns, headings, rows = readable_rows(facts, lang)
        write_rows(rows, columns, fmt, headings=headings)
    else:
        write_rows([flat_row(f) for f in facts], FLAT_COLUMNS, fmt, bom=bom)


def write_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: Format,
    *,
    bom: bool = False,
    headings: Sequence[str] | None = None,
) -> None:
    """Write flat rows as CSV, TSV or Markdown (JSON formats write them as objects).

    `bom` starts the text with U+FEFF, which Excel needs to read UTF-8 CSV;
    `headings` replace the column names in a Markdown table.
    """
    from gaoxin_cli.render import plain

    stream = sys.stdout
    if fmt in ("json", "jsonl"):
        write_data([dict(r) for r in rows], fmt)
        return
    _require_chinese(stream)
    if bom:
        stream.write("\ufeff")
    if fmt == "csv":
        plain.write_csv(rows, columns, stream)
    elif fmt == "markdown":
        plain.write_markdown(rows, columns, stream, headings)
    else:
        plain.write_tsv(rows, columns, stream)


@contextmanager
def output_to(path: "Path | None") -> Iterator[None]:
    """Standard output goes to the file `path` while inside (stdout when None).

    The file is written beside its final place and moved there at the end,
    so an error never leaves half a file behind.
    """
    if path is None:
        yield
        return
    import tempfile

    from gaoxin_cli.folders import publish

    folder = path.parent
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    saved = sys.stdout
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123 - a descriptor
            sys.stdout = stream
            try:
                yield
            finally:
                sys.stdout = saved
        publish(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def print_renderable(build: "Callable[[int], RenderableType]") -> None:
    """Print what `build(width)` makes to stdout: colour at a terminal, NO_COLOR honoured."""
    from rich.console import Console

    stream = sys.stdout
    _require_chinese(stream)
    console = Console(file=stream, highlight=False, emoji=False, soft_wrap=False)
    console.print(build(console.width))


def error_line(message: str) -> None:
    """One line on stderr, cleaned of control characters."""
    from gaoxin_cli.render.safe import clean

    stream = sys.stderr
    text = clean(message)
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(text.encode("ascii", "backslashreplace").decode("ascii") + "\n")
    stream.flush()


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (tests); nothing to flush there


@contextmanager
def boundary(*, debug: bool = False) -> Iterator[None]:
    """Run a command: errors become stderr lines and exit codes, never tracebacks."""
    try:
        yield
        sys.stdout.flush()
    except GaoxinError as error:
        if debug:
            raise
        for line in error.lines():
            error_line(line)
        raise typer.Exit(int(error.exit_code)) from None
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(int(ExitCode.BROKEN_PIPE)) from None
    except KeyboardInterrupt:
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except OSError as error:
        if debug:
            raise
        reason = error.strerror or str(error)
        where = f" to {error.filename}" if error.filename else ""
        error_line(f"gaoxin: cannot write output{where}: {reason}")
        silence_stdout()
        raise typer.Exit(int(ExitCode.ERROR)) from None
