"""Facts as a SQLite database for Datasette, DuckDB, pandas or the `sqlite3` shell."""

import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from gaoxin_cli.files import replacing, scratch, writes_into, writing_into
from gaoxin_cli.model import Dataset, Fact
from gaoxin_cli.render.rows import FLAT_COLUMNS, flat_row

_DATASETS = """
CREATE TABLE datasets(
    id TEXT PRIMARY KEY,
    title_zh TEXT, title_en TEXT, area_zh TEXT, area_en TEXT, period TEXT,
    source_title TEXT, source_description TEXT, source_byline TEXT,
    authors TEXT,  -- a JSON array of names
    facts INTEGER NOT NULL
)"""

#: SQL types of the facts table's columns (the CSV columns, in their order).
_FACT_TYPES = {
    "value": "",  # no type: 85 stays an integer, 18.3 a real, "居全省首位" text
    "normalized_value": "NUMERIC",  # integers stay integers, decimals reals
}


def _facts_table() -> str:
    columns = []
    for column in FLAT_COLUMNS:
        kind = _FACT_TYPES.get(column, "TEXT")
        not_null = " NOT NULL" if column in ("id", "dataset", "measure", "quote") else ""
        columns.append(f"    {column} {kind}{not_null}".rstrip())
    columns.append("    PRIMARY KEY (dataset, id)")
    columns.append("    FOREIGN KEY (dataset) REFERENCES datasets(id)")
    return "CREATE TABLE facts(\n" + ",\n".join(columns) + "\n)"


def _storable(value: object) -> object:
    """An integer beyond SQLite's 64 bits (10^20 CNY from 万亿) as a real."""
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return float(value)
    return value


def write_sqlite(
    datasets: Sequence[Dataset], facts: Iterable[Fact], path: Path, *, new: bool = False
) -> None:
    """Write `datasets` and `facts` to a new SQLite file at `path` (replaced whole,
    atomically; with `new`, never replacing a file that appeared meanwhile); into
    a device, FIFO or /dev/stdout the database is built in a temporary file first
    and its bytes copied there.

    A full disk or another SQLite failure is raised as an OSError naming `path`.
    """
    try:
        if writes_into(path):
            with scratch(".db") as temp:
                _fill(temp, datasets, facts)
                with temp.open("rb") as source, writing_into(path) as target:
                    shutil.copyfileobj(source, target)
        else:
            with replacing(path, new=new) as temp:
                _fill(temp, datasets, facts)
    except sqlite3.OperationalError as error:  # full disk, I/O error; not a bug in the rows
        reason = str(error)
        if reason == "database or disk is full":  # SQLITE_FULL, the same words on every version
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)) from None
        raise OSError(errno.EIO, reason, str(path)) from None


def _fill(temp: Path, datasets: Sequence[Dataset], facts: Iterable[Fact]) -> None:
    db = sqlite3.connect(temp)
    try:
        db.execute("PRAGMA journal_mode = MEMORY")  # a new file: no journal beside it
        with db:
            db.execute(_DATASETS)
            db.execute(_facts_table())
            db.execute("CREATE INDEX facts_indicator ON facts(indicator)")
            counts: dict[str, int] = {}

            def rows() -> Iterator[list[object]]:  # facts as they come, counted
                for fact in facts:
                    counts[fact.dataset] = counts.get(fact.dataset, 0) + 1
                    row = flat_row(fact)
                    yield [_storable(row[c]) for c in FLAT_COLUMNS]

            marks = ", ".join("?" * len(FLAT_COLUMNS))
            db.executemany(f"INSERT INTO facts VALUES ({marks})", rows())  # noqa: S608 - ? marks
            db.executemany(
                "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        d.id,
                        d.title.zh,
                        d.title.en,
                        d.area.zh,
                        d.area.en,
                        d.period,
                        d.source.title,
                        d.source.description or None,
                        d.source.byline or None,
                        json.dumps(list(d.source.authors), ensure_ascii=False),
                        counts.get(d.id, 0),
                    )
                    for d in datasets
                ],
            )
    finally:
        db.close()
