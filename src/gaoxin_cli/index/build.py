"""Writing the index: every dataset whose files changed is read again, the rest copied.

The new index is written beside the old one and moved into place, so a
reader sees one or the other. Facts with problems are never indexed.
"""

from __future__ import annotations

import sqlite3
import time
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaoxin_cli.files import replacing
from gaoxin_cli.index import freshness, schema
from gaoxin_cli.index.freshness import Changes, FileStat
from gaoxin_cli.model import Dataset, FactBook, Indicator, Location

if TYPE_CHECKING:
    from gaoxin_cli.factfiles.loader import Reads


def build(
    path: Path,
    meta: dict[str, str],
    base: Path,
    dirs: list[str],
    changes: Changes | None,
) -> bool:
    """Write a fresh index to `path`; False (and nothing written) if the facts have problems."""
    path.parent.mkdir(parents=True, exist_ok=True)
    from gaoxin_cli.index.cache import prune

    prune(path.parent)  # builds are rare: the time to drop what is left of others
    try:
        with replacing(path, private=True) as temp:
            incremental = changes is not None and path.is_file()
            if incremental:
                _copy_database(path, temp)
            db = sqlite3.connect(temp)
            try:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                if not incremental:
                    db.executescript(schema.TABLES)
                    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                todo = changes.dirs if incremental and changes is not None else set(dirs)
                with db:
                    _write(db, base, dirs, todo, changes if incremental else None)
                if not incremental:
                    db.executescript(schema.INDEXES)
            finally:
                db.close()
    except _ProblemsError:
        return False
    return True


class _ProblemsError(Exception):
    """The facts have problems: the build stops, and the files are read instead."""


def _write(
    db: sqlite3.Connection,
    base: Path,
    dirs: list[str],
    todo: set[str],
    changes: Changes | None,
) -> None:
    """Replace the datasets in `todo` and record touched files anew; raise
    _ProblemsError on any problem."""
    from gaoxin_cli.checks.validate import check_factbook
    from gaoxin_cli.factfiles import loader

    for dir_ in todo:
        _delete_dataset(db, dir_)
    started = time.time_ns()
    for dir_ in dirs:
        if dir_ not in todo:
            continue
        reads: loader.Reads = {}
        dataset, problems = loader.load_dataset(freshness.folder_of(base, dir_), reads)
        if problems or dataset is None or check_factbook(FactBook((dataset,))):
            raise _ProblemsError
        _insert_dataset(db, dir_, dataset)
        _insert_files(db, dir_, reads, started)
    if changes is not None:
        db.executemany(
            "UPDATE files SET size = :size, mtime_ns = :mtime_ns, ctime_ns = :ctime_ns,"
            " ident = :ident, racy = :racy WHERE dir = :dir AND name = :name",
            (_file_row(f, None, started) for f in changes.refresh),
        )
    order = [(seq, dir_) for seq, dir_ in enumerate(dirs)]
    db.executemany("UPDATE datasets SET seq = ? WHERE dir = ?", order)
    _sign_folders(db, dirs)
    db.execute("DELETE FROM ids")
    db.execute("INSERT INTO ids SELECT DISTINCT 0, id FROM indicators")
    db.execute("INSERT INTO ids SELECT DISTINCT 1, id FROM facts")
    if db.execute("SELECT id FROM datasets GROUP BY id HAVING count(*) > 1").fetchone():
        raise _ProblemsError  # one dataset id in two folders: the loader reports it


def _sign_folders(db: sqlite3.Connection, dirs: list[str]) -> None:
    """Record each dataset folder's signature from its rows of `files`, in order."""
    lines: dict[str, list[str]] = {dir_: [] for dir_ in dirs}
    racy: dict[str, bool] = {}
    query = "SELECT dir, name, size, mtime_ns, ctime_ns, ident, racy FROM files"
    for dir_, *file, is_racy in db.execute(query):
        lines.setdefault(dir_, []).append(freshness.signature_line(*file))
        racy[dir_] = racy.get(dir_, False) or bool(is_racy)
    db.execute("DELETE FROM folders")
    db.executemany(
        "INSERT INTO folders VALUES (?, ?, ?, ?)",
        [
            (dir_, seq, freshness.signature(lines[dir_]), int(racy.get(dir_, False)))
            for seq, dir_ in enumerate(dirs)
        ],
    )


def _copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(source.as_uri() + "?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _delete_dataset(db: sqlite3.Connection, dir_: str) -> None:
    db.execute(
        "DELETE FROM search WHERE rowid IN (SELECT search_row FROM indicators WHERE dir = ?)",
        [dir_],
    )
    for table in ("facts", "indicators", "datasets", "lists", "not_figures", "files"):
        db.execute(f"DELETE FROM {table} WHERE dir = ?", [dir_])  # noqa: S608 - fixed names


def _file_row(file: FileStat, sha: str | None, started: int) -> dict[str, object]:
    return {
        "dir": file.dir,
        "name": file.name,
        "size": file.size,
        "mtime_ns": file.mtime_ns,
        "ctime_ns": file.ctime_ns,
        "ident": file.ident,
        "sha256": sha,
        "racy": int(freshness.is_racy(file, started)),
    }


def _insert_files(db: sqlite3.Connection, dir_: str, reads: Reads, started: int) -> None:
    """Record each file as it was parsed: the stamps taken while it was read
    and the hash of those very bytes. A file that changed while it was read
    is not recorded, so the next run finds its dataset changed and reads it
    again."""
    rows = []
    for name, read in sorted(reads.items()):
        if read is None:
            continue
        info, sha = read
        file = FileStat(
            dir_, name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, freshness.identity(info)
        )
        rows.append(_file_row(file, sha, started))
    db.executemany(schema.insert("files", schema.FILE_COLUMNS), rows)


def _sections(dataset: Dataset) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ind in dataset.indicators:
        counts[ind.section] = counts.get(ind.section, 0) + 1
    return counts


def _with_crc(row: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    row["crc"] = schema.checksum(row, columns)
    return row


def _insert_dataset(db: sqlite3.Connection, dir_: str, dataset: Dataset) -> None:
    source = dataset.source
    lists = [
        *(("author", name) for name in source.authors),
        *(("headline", ref) for ref in dataset.headlines),
    ]
    db.executemany(
        schema.insert("lists", (*schema.LIST_COLUMNS, "crc")),
        [
            _with_crc({"dir": dir_, "kind": kind, "seq": n, "value": value}, schema.LIST_COLUMNS)
            for n, (kind, value) in enumerate(lists)
        ],
    )
    db.executemany(
        schema.insert("not_figures", (*schema.NOT_FIGURE_COLUMNS, "crc")),
        [
            _with_crc(
                {"dir": dir_, "seq": n, "figure": figure, "quote": quote, "line": where.line},
                schema.NOT_FIGURE_COLUMNS,
            )
            for n, (figure, quote, where) in enumerate(dataset.not_figures)
        ],
    )
    first_row = db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM search").fetchone()[0]
    ind_rows = []
    fact_rows = []
    files: dict[str, str] = {}  # a section file's name, made once
    texts = []
    for seq, ind in enumerate(dataset.indicators):
        location = ind.location or Location("", 1)
        ind_row = {
            "dir": dir_,
            "seq": seq,
            "id": ind.id,
            "section": ind.section,
            "heading_zh": ind.heading.zh,
            "heading_en": ind.heading.en,
            "zh": ind.label.zh,
            "en": ind.label.en,
            "aliases": "\n".join(ind.aliases),
            "file": files.get(location.path)
            or files.setdefault(location.path, Path(location.path).name),
            "line": location.line,
            "search_row": first_row + seq,
            "facts": len(ind.facts),
        }
        ind_rows.append(_with_crc(ind_row, schema.INDICATOR_COLUMNS))
        texts.append((first_row + seq, search_text(ind)))
        for fact_seq, fact in enumerate(ind.facts):
            normalized = fact.normalized
            values = [  # in the order of schema.FACT_COLUMNS, which the checksum covers
                dir_,
                seq,
                fact_seq,
                fact.id,
                fact.key,
                fact.measure,
                fact.value,
                fact.unit,
                fact.qualifier,
                fact.status,
                fact.quote,
                fact.written,
                fact.note,
                fact.label.zh,
                fact.label.en,
                fact.location.line if fact.location else 1,
                fact.value_en,
                schema.stored_number(normalized.value) if normalized else None,
                normalized.unit if normalized else None,
            ]
            fact_rows.append((*values, schema.checksum_of(values)))
    db.executemany(schema.insert("indicators", (*schema.INDICATOR_COLUMNS, "crc")), ind_rows)
    marks = ", ".join("?" * (len(schema.FACT_COLUMNS) + 1))
    columns = ", ".join((*schema.FACT_COLUMNS, "crc"))
    db.executemany(f"INSERT INTO facts({columns}) VALUES ({marks})", fact_rows)  # noqa: S608
    db.executemany("INSERT INTO search(rowid, text) VALUES (?, ?)", texts)
    flat_fact = itemgetter(*map(schema.FACT_COLUMNS.index, schema.FLAT_FACT_COLUMNS))
    db.execute(
        schema.insert("datasets", ("seq", *schema.DATASET_COLUMNS, "crc")),
        _with_crc(
            {
                "dir": dir_,
                "seq": 0,
                "id": dataset.id,
                "title_zh": dataset.title.zh,
                "title_en": dataset.title.en,
                "area_zh": dataset.area.zh,
                "area_en": dataset.area.en,
                "period": dataset.period,
                "source_title": source.title,
                "source_description": source.description,
                "source_byline": source.byline,
                "source_file": source.file,
                "line": dataset.location.line if dataset.location else 1,
                "facts": sum(len(ind.facts) for ind in dataset.indicators),
                "indicators": len(dataset.indicators),
                "lists": len(lists),
                "not_figures": len(dataset.not_figures),
                "sections": " ".join(
                    f"{name}={count}" for name, count in sorted(_sections(dataset).items())
                ),
                "facts_digest": schema.digest(list(map(flat_fact, fact_rows))),
                "indicators_digest": schema.digest(
                    [tuple(row[c] for c in schema.FLAT_INDICATOR_COLUMNS) for row in ind_rows]
                ),
            },
            schema.DATASET_COLUMNS,
        ),
    )


def search_text(indicator: Indicator) -> str:
    """Everything a search word can match in an indicator's facts, case-folded.

    A superset of what matching.score reads, folded as it folds: ids, labels,
    aliases, headings, text values, quotes, notes, and each fact's kind words
    and figures (matching.search_words); all of it again without thousands
    commas, where it has them, as a number in a search is looked for.
    """
    from gaoxin_cli.search.matching import digits_of, search_words
    from gaoxin_cli.search.terms import fold

    parts = [indicator.id, indicator.label.zh, indicator.label.en, *indicator.aliases]
    parts += [indicator.heading.zh, indicator.heading.en]
    for fact in indicator.facts:
        parts += [fact.id, fact.quote, fact.label.zh, fact.label.en, *search_words(fact)]
        if isinstance(fact.value, str):
            parts += [fact.value, fact.value_en or ""]
        if fact.note:
            parts.append(fact.note)
        if fact.heading is not indicator.heading and fact.heading != indicator.heading:
            parts += [fact.heading.zh, fact.heading.en]
    text = "\n".join(dict.fromkeys(parts))
    plain = digits_of(text)  # "per 10,000 people" holds the number 10000 that a search names
    return fold(text if plain == text else f"{text}\n{plain}") + "\n\n"
