"""Answers -> output. `write(view, fmt, stream)` is the one way out.

Commands hand a View (`views`), a format and the stream to write to; this
package picks the writer: JSON and JSONL (`json_text`), CSV and TSV
(`delimited`), Markdown (`markdown`), a SQLite file (`sqlite`), or Rich
tables and charts at a terminal (`tables`, `comparison_table`,
`bar_chart`). Nothing here reads fact files or decides exit codes, and the
data formats never import Rich, so scripts do not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from gaoxin_cli.errors import OutputError

if TYPE_CHECKING:
    from gaoxin_cli.render.views import View


def write(view: View, fmt: str, stream: TextIO, *, lang: str = "zh", bom: bool = False) -> None:
    """Write `view` to `stream` in `fmt`: table, tsv, csv, json, jsonl or markdown.

    `bom` starts CSV or TSV with U+FEFF, which Excel needs to read UTF-8.
    Where `stream` cannot encode Chinese, JSON is written with \\u escapes
    (the same parsed strings) and any other format is an OutputError.
    """
    if fmt in ("json", "jsonl"):
        from gaoxin_cli.render import json_text

        data = view.records()
        ascii_only = not can_encode_chinese(stream)
        if fmt == "jsonl" and isinstance(data, list):
            json_text.write_jsonl(data, stream, ascii_only=ascii_only)
        else:
            json_text.write_json(data, stream, ascii_only=ascii_only)
        return
    require_chinese(stream)
    if fmt == "table":
        if view.table is None:
            raise OutputError("this answer has no table form: use --format json, csv or tsv")
        from rich.console import Console

        console = Console(file=stream, highlight=False, emoji=False, soft_wrap=False)
        console.print(view.table(lang, console.width))
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
        write_csv(rows, columns, stream)
    else:
        from gaoxin_cli.render.delimited import write_tsv

        columns, rows = view.flat(lang)
        write_tsv(rows, columns, stream)


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
        encoding = getattr(stream, "encoding", "?")
        raise OutputError(
            f"standard output uses encoding {encoding!r}, which cannot show Chinese text; "
            "set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or use --format json"
        )
