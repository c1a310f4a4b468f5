"""CSV and TSV writers: flat rows of scalars under a header row. No Rich here."""

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from gaoxin_cli.render.safe import clean

if TYPE_CHECKING:
    from typing import TypeAlias

    #: A flat row: its cells by column, or their values in the order of the columns.
    Row: TypeAlias = Mapping[str, Any] | list[Any]

#: A CSV cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _guarded(text: str) -> str:
    """`text` as a spreadsheet shows it, not runs it: a leading apostrophe
    before what would start a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


#: Rows are written this many at a time.
_BATCH = 512
#: A cell that starts so is read as a formula, in text joined by spaces.
_JOINED_STARTS = (" =", " +", " -", " @")


def write_csv(
    rows: Iterable["Row"],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
    verbatim: bool = False,
) -> None:
    """Write rows as RFC 4180 CSV with a header (unless `header` is False);
    text guarded against formulas, or `verbatim` (the data package's CSV, a
    machine format: every text as the fact file holds it). A row is a mapping
    of the columns, or a list of their values in order."""
    import csv
    from itertools import islice

    writer = csv.writer(stream, lineterminator="\r\n")  # None is written as ""
    if header:
        writer.writerow(columns)
    starts, given = _FORMULA_STARTS, iter(rows)
    while batch := [
        row if isinstance(row, list) else list(map(row.get, columns))
        for row in islice(given, _BATCH)
    ]:
        if verbatim or _plain(batch):
            writer.writerows(batch)
            continue
        for values in batch:
            writer.writerow(
                [
                    _guarded(clean(v))
                    if v.__class__ is str and (not v.isprintable() or v.startswith(starts))
                    else v
                    for v in values
                ]
            )


def _plain(batch: list[list[Any]]) -> bool:
    """True if every text of `batch` is printable and none starts as a formula
    does (False may be said of some that are: each row is then looked at)."""
    from itertools import chain

    text = " " + " ".join(filter(str.__instancecheck__, chain.from_iterable(batch)))
    return text.isprintable() and not any(
        start[1] in text and start in text for start in _JOINED_STARTS
    )


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _guarded(clean(value))
    return str(value)


def write_tsv(
    rows: Iterable["Row"],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
) -> None:
    """Write tab-separated text with a header row (unless `header` is False);
    tabs and newlines in text become spaces, and text guarded against
    formulas as in CSV (spreadsheets open TSV too). A row is a mapping of
    the columns, or a list of their values in order."""
    if header:
        stream.write("\t".join(columns) + "\n")
    for row in rows:
        values = row if isinstance(row, list) else [row.get(column) for column in columns]
        stream.write("\t".join(map(_tsv_cell, values)) + "\n")
