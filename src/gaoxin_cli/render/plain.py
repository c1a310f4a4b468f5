"""JSON, JSONL, CSV and TSV writers. No Rich here: these are the fast paths."""

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from gaoxin_cli.render.safe import clean, json_escape_unsafe

#: A CSV cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def dumps_json(data: Any, *, ascii_only: bool = False) -> str:
    """`data` as JSON: a list of objects one object per line, anything else indented.

    One record per line (as sqlite-utils writes) reads well, greps well and
    uses the C encoder: indenting every key would be several times slower on
    a big export. ensure_ascii=False keeps Chinese readable (UTF-8, no
    \\uXXXX) for people and tools like jq; `ascii_only` is for a stdout that
    cannot encode it, where escapes still give the same parsed strings.
    """
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        items = [json.dumps(item, ensure_ascii=ascii_only, allow_nan=False) for item in data]
        text = "[" + ",\n ".join(items) + "]"
    else:
        text = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False)
    return text if ascii_only else json_escape_unsafe(text)


def write_json(data: Any, stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write `data` as one JSON document."""
    stream.write(dumps_json(data, ascii_only=ascii_only))
    stream.write("\n")


def write_jsonl(records: Iterable[Any], stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write one compact JSON object per line."""
    for record in records:
        line = json.dumps(record, ensure_ascii=ascii_only, allow_nan=False)
        stream.write(line if ascii_only else json_escape_unsafe(line))
        stream.write("\n")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        value = clean(value)
        if value.startswith(_FORMULA_STARTS):
            # A leading apostrophe makes spreadsheets show the text, not run it.
            return "'" + value
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """Write rows as RFC 4180 CSV with a header; text guarded against formulas."""
    import csv

    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return clean(str(value))


def write_tsv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """Write tab-separated text with a header row; tabs and newlines in text become spaces."""
    stream.write("\t".join(columns) + "\n")
    for row in rows:
        stream.write("\t".join(_tsv_cell(row.get(column)) for column in columns) + "\n")


#: Characters that Markdown could read as markup, escaped with a backslash.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|&~$"})


def _markdown_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return clean(str(value)).translate(_MARKDOWN)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def write_markdown(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    headings: Sequence[str] | None = None,
) -> None:
    """Write a Markdown (GitHub) table: text escaped so that it stays text,
    columns of numbers aligned right."""
    heads = [_markdown_cell(h) for h in (headings or columns)]
    stream.write("| " + " | ".join(heads) + " |\n")
    rules = []
    for column in columns:
        values = [row.get(column) for row in rows if row.get(column) is not None]
        rules.append("---:" if values and all(map(_is_number, values)) else "---")
    stream.write("| " + " | ".join(rules) + " |\n")
    for row in rows:
        cells = [_markdown_cell(row.get(column)) for column in columns]
        stream.write("| " + " | ".join(cells) + " |\n")
