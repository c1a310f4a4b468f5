"""CSV and TSV writers: flat rows of scalars under a header row. No Rich here."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from gaoxin_cli.render.safe import clean

#: A CSV cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _guarded(text: str) -> str:
    """`text` as a spreadsheet shows it, not runs it: a leading apostrophe
    before what would start a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
    verbatim: bool = False,
) -> None:
    """Write rows as RFC 4180 CSV with a header (unless `header` is False);
    text guarded against formulas, or `verbatim` (the data package's CSV, a
    machine format: every text as the fact file holds it)."""
    import csv

    writer = csv.writer(stream, lineterminator="\r\n")  # None is written as ""
    if header:
        writer.writerow(columns)
    write, starts = writer.writerow, _FORMULA_STARTS
    for row in rows:
        values = list(map(row.get, columns))
        if not verbatim:  # text with nothing unprintable nor a formula's start goes as it is
            # All of a row's text at once: printable (so no tab nor CR), and no
            # cell (nor word) opening with a formula's = + - @ after a space.
            joined = " " + " ".join([v for v in values if v.__class__ is str])
            if (
                not joined.isprintable()
                or " =" in joined
                or " +" in joined
                or " -" in joined
                or " @" in joined
            ):
                values = [
                    _guarded(clean(v))
                    if v.__class__ is str and (not v.isprintable() or v.startswith(starts))
                    else v
                    for v in values
                ]
        write(values)


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _guarded(clean(value))
    return str(value)


def write_tsv(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    *,
    header: bool = True,
) -> None:
    """Write tab-separated text with a header row (unless `header` is False);
    tabs and newlines in text become spaces, and text guarded against
    formulas as in CSV (spreadsheets open TSV too)."""
    if header:
        stream.write("\t".join(columns) + "\n")
    for row in rows:
        stream.write("\t".join(_tsv_cell(row.get(column)) for column in columns) + "\n")
