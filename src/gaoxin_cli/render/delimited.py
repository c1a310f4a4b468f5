"""CSV and TSV writers: flat rows of scalars under a header row. No Rich here."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from gaoxin_cli.render.safe import clean

#: A CSV cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        value = clean(value)
        if value.startswith(_FORMULA_STARTS):
            # A leading apostrophe makes spreadsheets show the text, not run it.
            return "'" + value
    return value


def write_csv(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
) -> None:
    """Write rows as RFC 4180 CSV with a header (unless `header` is False);
    text guarded against formulas."""
    import csv

    writer = csv.writer(stream, lineterminator="\r\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return clean(str(value))


def write_tsv(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
) -> None:
    """Write tab-separated text with a header row (unless `header` is False);
    tabs and newlines in text become spaces."""
    if header:
        stream.write("\t".join(columns) + "\n")
    for row in rows:
        stream.write("\t".join(_tsv_cell(row.get(column)) for column in columns) + "\n")
