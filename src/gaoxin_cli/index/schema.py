"""The index's tables, their version, and where the index file of a facts folder lives.

Facts are stored in columns named after the keys of a `[[indicator.fact]]`
table (key, measure, value, unit, qualifier, status, quote, written, note, zh, en),
so that a stored row and a TOML table make a fact through the same code.
"""

import marshal
import os
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gaoxin_cli.version import __version__

#: Bump when the tables below change, or what search_words stores in them.
SCHEMA_VERSION = "21"

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, ident TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    racy INTEGER NOT NULL,
    PRIMARY KEY(dir, name));
-- Each dataset folder's files as one text (freshness.signature of the rows of
-- `files`), in the order of the datasets; racy if any of them is.
CREATE TABLE folders(
    dir TEXT PRIMARY KEY, seq INTEGER NOT NULL, files TEXT NOT NULL, racy INTEGER NOT NULL);
-- Every row a reader gets carries `crc`, a checksum of its other columns, and
-- each dataset and indicator the number of rows it owns (see `checksum`).
CREATE TABLE datasets(
    dir TEXT PRIMARY KEY, seq INTEGER NOT NULL, id TEXT NOT NULL,
    title_zh TEXT, title_en TEXT, area_zh TEXT, area_en TEXT, period TEXT,
    source_title TEXT, source_description TEXT, source_byline TEXT, source_file TEXT,
    line INTEGER,
    facts INTEGER NOT NULL, indicators INTEGER NOT NULL, lists INTEGER NOT NULL,
    not_figures INTEGER NOT NULL, sections TEXT NOT NULL,
    facts_digest INTEGER NOT NULL, indicators_digest INTEGER NOT NULL, crc INTEGER NOT NULL);
-- A dataset's lists (kind "author" or "headline"), in order.
CREATE TABLE lists(
    dir TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT,
    crc INTEGER NOT NULL);
-- A dataset's numbers that are no figures, in order.
CREATE TABLE not_figures(
    dir TEXT NOT NULL, seq INTEGER NOT NULL, figure TEXT NOT NULL, quote TEXT NOT NULL,
    line INTEGER NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE indicators(
    dir TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, section TEXT NOT NULL,
    heading_zh TEXT, heading_en TEXT, zh TEXT, en TEXT, aliases TEXT NOT NULL,
    file TEXT, line INTEGER, search_row INTEGER NOT NULL, facts INTEGER NOT NULL,
    crc INTEGER NOT NULL);
CREATE TABLE facts(
    dir TEXT NOT NULL, ind_seq INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
    key TEXT, measure TEXT NOT NULL,
    value, -- no type, so no affinity: 33.0 stays a float and "85" stays text
    unit TEXT, qualifier TEXT, status TEXT, quote TEXT NOT NULL, written TEXT, note TEXT,
    zh TEXT, en TEXT, line INTEGER, value_en TEXT,
    -- Fact.normalized as the build made it (NULL for a text): what an export
    -- writes without making the fact again; an int beyond SQLite's as its digits
    normalized_value, normalized_unit TEXT, crc INTEGER NOT NULL);
-- Every distinct indicator id (facts 0) and fact id (facts 1): what an id
-- not found is compared with for suggestions, without scanning every fact.
CREATE TABLE ids(facts INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY(facts, id)) WITHOUT ROWID;
-- One row per indicator: everything a search word can match in it or its facts.
-- detail=none keeps the index small; candidates are checked again in Python.
CREATE VIRTUAL TABLE search USING fts5(text, tokenize='trigram', detail=none);
"""
#: Created after the first bulk load, which is faster than keeping them up to date.
INDEXES = """
CREATE UNIQUE INDEX indicators_place ON indicators(dir, seq);
CREATE INDEX indicators_id ON indicators(id);
CREATE INDEX indicators_section ON indicators(section);
CREATE INDEX indicators_search ON indicators(search_row);
CREATE INDEX facts_id ON facts(id);
CREATE INDEX facts_place ON facts(dir, ind_seq, seq);
"""

FILE_COLUMNS = ("dir", "name", "size", "mtime_ns", "ctime_ns", "ident", "sha256", "racy")
#: The columns of each table whose rows are checked when read: what `crc` covers.
#: (A dataset's `seq`, its place in the list, is rewritten by every build.)
DATASET_COLUMNS = (
    "dir",
    "id",
    "title_zh",
    "title_en",
    "area_zh",
    "area_en",
    "period",
    "source_title",
    "source_description",
    "source_byline",
    "source_file",
    "line",
    "facts",
    "indicators",
    "lists",
    "not_figures",
    "sections",
    "facts_digest",
    "indicators_digest",
)
LIST_COLUMNS = ("dir", "kind", "seq", "value")
NOT_FIGURE_COLUMNS = ("dir", "seq", "figure", "quote", "line")
INDICATOR_COLUMNS = (
    "dir",
    "seq",
    "id",
    "section",
    "heading_zh",
    "heading_en",
    "zh",
    "en",
    "aliases",
    "file",
    "line",
    "search_row",
    "facts",
)
FACT_COLUMNS = (
    "dir",
    "ind_seq",
    "seq",
    "id",
    "key",
    "measure",
    "value",
    "unit",
    "qualifier",
    "status",
    "quote",
    "written",
    "note",
    "zh",
    "en",
    "line",
    "value_en",
    "normalized_value",
    "normalized_unit",
)


class DamagedError(ValueError):
    """A row read from the index fails its checksum, or rows are missing."""


def checksum(row: Mapping[str, Any], columns: Sequence[str]) -> int:
    """A CRC-32 of a row's `columns`: what the row's `crc` must be.

    It finds a changed byte, a value edited with `sqlite3`, a row moved to
    another place (the place is among the columns); with the counts a dataset
    and an indicator keep, a row deleted. (It is a check against damage, not
    a signature: whoever rewrites the index can rewrite the checksums.)
    """
    return checksum_of([row[column] for column in columns])


def checksum_of(values: Sequence[Any]) -> int:
    """`checksum` of a row given as its values, in the order of its columns:
    a CRC-32 of their marshal form (version 2: no references, the same bytes
    for equal values, whatever objects hold them, on every Python this runs on)."""
    return zlib.crc32(marshal.dumps(tuple(values), 2))


#: What an export of flat rows reads of a dataset's facts and indicators (in
#: order): all it reads is checked at once, by the dataset's `facts_digest` and
#: `indicators_digest`, a `digest` of these rows.
FLAT_FACT_COLUMNS = tuple(
    c for c in FACT_COLUMNS if c not in ("dir", "seq", "key", "written", "line")
)
FLAT_INDICATOR_COLUMNS = ("seq", "id", "section", "heading_zh", "heading_en", "zh", "en")
FLAT_FACTS = "SELECT {} FROM facts WHERE dir = ? ORDER BY ind_seq, seq".format(  # noqa: S608
    ", ".join(FLAT_FACT_COLUMNS)
)
FLAT_INDICATORS = "SELECT {} FROM indicators WHERE dir = ? ORDER BY seq".format(  # noqa: S608
    ", ".join(FLAT_INDICATOR_COLUMNS)
)


def digest(rows: list[tuple[Any, ...]]) -> int:
    """A CRC-32 of a dataset's rows as `FLAT_FACTS` or `FLAT_INDICATORS` reads
    them: every value, row and their order checked in one step."""
    return zlib.crc32(marshal.dumps(rows, 2))


#: The range of an SQLite INTEGER: a normalized int beyond it is stored as its digits.
_INT64 = range(-(2**63), 2**63)


def stored_number(number: int | float | None) -> int | float | str | None:
    """A normalized value as the facts table stores it: as it is, unless it is
    an int SQLite cannot hold (10¹² 亿 is 10²⁰), which goes as its digits."""
    if isinstance(number, int) and number not in _INT64:
        return str(number)
    return number


def number_of(stored: int | float | str | None) -> int | float | None:
    """A normalized value read back from the facts table (see `stored_number`)."""
    return int(stored) if isinstance(stored, str) else stored


#: Lists longer than this go to SQLite as one JSON array rather than one ? each.
_MAX_MARKS = 500


def among(values: Sequence[Any]) -> tuple[str, list[Any]]:
    """An `IN (...)` operand for `values` and its parameters."""
    if len(values) <= _MAX_MARKS:
        return "(" + ",".join("?" * len(values)) + ")", list(values)
    import json

    return "(SELECT value FROM json_each(?))", [json.dumps(list(values))]


def insert(table: str, columns: Sequence[str]) -> str:
    """An INSERT of named parameters into named columns: no column is placed by position."""
    names = ", ".join(columns)
    marks = ", ".join(f":{column}" for column in columns)
    return f"INSERT INTO {table}({names}) VALUES ({marks})"  # noqa: S608 - fixed names


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/gaoxin (an absolute path), else ~/.cache/gaoxin; None if
    there is no home directory either (the files are then read)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "gaoxin"
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no $HOME and no passwd entry
        return None
    return home / ".cache" / "gaoxin" if home.is_absolute() else None


def index_path(root: Path) -> Path | None:
    """The index file for the facts folder `root`: its name, then a checksum of
    its path (None without a cache folder).

    The full path is also recorded inside, so two folders sharing a file name
    never use each other's index.
    """
    return path_for(root.resolve())


def path_for(resolved: Path) -> Path | None:
    """`index_path` of a facts folder whose path is already resolved."""
    folder = cache_dir()
    if folder is None:
        return None
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in resolved.name)[:40]
    checksum = zlib.crc32(os.fsencode(str(resolved)))
    return folder / f"{stem or 'facts'}-{checksum:08x}.sqlite3"


def meta(resolved: Path) -> dict[str, str]:
    """What the index of the facts folder at `resolved` (a resolved path) was
    built for: an index built for anything else is rebuilt whole."""
    return {"schema": SCHEMA_VERSION, "version": __version__, "root": str(resolved)}
