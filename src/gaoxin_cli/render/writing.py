"""Writing a view: `write(view, fmt, stream)`, the one way out, picks the
writer of each format; and what a stream can show (its width, Chinese).
Nothing here reads fact files or decides exit codes.
"""

from typing import TYPE_CHECKING, Any, TextIO

from gaoxin_cli.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console

    from gaoxin_cli.render.views import View


def write(
    view: "View",
    fmt: str,
    stream: TextIO,
    *,
    lang: str = "zh",
    bom: bool = False,
    headers: bool = True,
) -> None:
    """Write `view` to `stream` in `fmt`: table, tsv, csv, json, jsonl or markdown.

    `bom` starts CSV or TSV with U+FEFF, which Excel needs to read UTF-8;
    `headers` False leaves out their header row.
    Where `stream` cannot encode Chinese, JSON is written with \\u escapes
    (the same parsed strings) and any other format is an OutputError.
    """
    if fmt in ("json", "jsonl"):
        from gaoxin_cli.render import json_text

        data = view.records()
        ascii_only = not can_encode_chinese(stream)
        if not isinstance(data, list | dict):  # records as they come: an export's stream
            json_text.stream_json(data, stream, lines=fmt == "jsonl", ascii_only=ascii_only)
            return
        if fmt == "jsonl" and isinstance(data, list):
            json_text.write_jsonl(data, stream, ascii_only=ascii_only)
        else:
            json_text.write_json(data, stream, ascii_only=ascii_only)
        return
    require_chinese(stream)
    if fmt == "table":
        if view.table is None:
            raise OutputError("this answer has no table form: use --format json, csv or tsv")
        console = _console_class()(
            file=stream, width=terminal_width(stream), highlight=False, emoji=False, soft_wrap=False
        )
        console.width = max(min(console.width, MAX_WIDTH), MIN_WIDTH)  # a terminal's own too
        # crop=False: should a line ever come out too wide, the terminal wraps
        # it; nothing is cut off at its edge.
        console.print(view.table(lang, console.width), crop=False)
        return
    if bom:
        stream.write("\ufeff")
    if fmt == "markdown":
        from gaoxin_cli.render.markdown import write_markdown

        columns, headings, rows = view.readable(lang)
        write_markdown(rows, columns, stream, headings)
    elif fmt == "csv":
        from gaoxin_cli.render.delimited import write_csv

        columns, rows = view.flat(lang)
        write_csv(rows, columns, stream, header=headers)
    else:
        from gaoxin_cli.render.delimited import write_tsv

        columns, rows = view.flat(lang)
        write_tsv(rows, columns, stream, header=headers)


def write_records(records: list[Any], fmt: str, stream: TextIO) -> None:
    """Write records as `fmt` ("json": one array; "jsonl": a line each), in
    \\u escapes where `stream` cannot encode Chinese."""
    from gaoxin_cli.render.json_text import write_json, write_jsonl

    ascii_only = not can_encode_chinese(stream)
    (write_json if fmt == "json" else write_jsonl)(records, stream, ascii_only=ascii_only)


def _console_class() -> "type[Console]":
    """Rich's Console, but a reader that goes away (`| head`) is a BrokenPipeError
    for the one place errors become exit codes (141), not Rich's own exit 1."""
    from rich.console import Console

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipedConsole


#: The widest output drawn, whatever COLUMNS says: a chart fills the width it
#: is given, and COLUMNS=99999999 must not make gigabytes of bars.
MAX_WIDTH = 1000
#: The narrowest: below it a column could not hold one Chinese character beside
#: its frame, and a character would be lost; the terminal wraps a wider line.
MIN_WIDTH = 20


def terminal_width(stream: TextIO) -> int | None:
    """The width $COLUMNS asks for, from MIN_WIDTH to MAX_WIDTH; None to let Rich ask the
    terminal. A COLUMNS of 0, below 0 or not a number means "unknown": the
    width of the terminal `stream` writes to, else 80."""
    import os

    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value > 0:
        return max(min(value, MAX_WIDTH), MIN_WIDTH)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, AttributeError, ValueError):
        return 80


def can_encode_chinese(stream: TextIO) -> bool:
    """True if `stream`'s encoding can write Chinese text and the marks tables use."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "中文“”—·≈".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def require_chinese(stream: TextIO) -> None:
    """An OutputError, saying what to do, if `stream` cannot encode Chinese."""
    if not can_encode_chinese(stream):
        raise cannot_show(stream, "Chinese text")


def cannot_show(stream: TextIO, what: str, instead: str = "use --format json") -> OutputError:
    """The error for text that `stream`'s encoding cannot write: what to set,
    and `instead`, another way to get the answer ("" for none)."""
    encoding = getattr(stream, "encoding", None) or "?"
    other = f", or {instead}" if instead else ""
    return OutputError(
        f"standard output uses encoding {encoding!r}, which cannot show {what}; "
        f"set PYTHONIOENCODING=utf-8 (or a UTF-8 locale){other}"
    )
