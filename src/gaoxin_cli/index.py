"""A SQLite index of a facts folder, so that lookups cost the same at any size.

The index lives in the user's cache folder ($XDG_CACHE_HOME/gaoxin, else
~/.cache/gaoxin), one file per facts folder. It is only a copy: the TOML
files stay the truth, and whenever the index cannot be trusted or used the
files are read instead, with the same output.

- Fresh or stale: every run compares the fact files' list, sizes, mtimes and
  ctimes with those recorded; a file whose mtime or ctime moved is hashed
  (SHA-256) and counts as changed only if its content did (a touched file is
  then recorded anew). A file written within two seconds of the build is
  hashed every time ("racy", as git says). The ctime catches an edit whose
  mtime was set back. The tool version and the schema version are part of
  the key.
- Rebuilt only for what changed: datasets whose files changed are read again;
  the rest is copied. Every build is written to a temporary file and moved
  into place with os.replace, so readers never see half an index and two
  processes building at once both succeed.
- Facts with problems are never indexed: the caller then reads the files,
  which report the problems as usual.

Search uses FTS5 with the trigram tokenizer (substrings, Chinese included),
one row per indicator: a word of three or more characters must have all its
trigrams in the row; a shorter word, any trigram that starts with it (from
the index's term list). The candidates are then scored by the same code as
without the index, so the results are the same.
"""

import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from gaoxin_cli import __version__
from gaoxin_cli.folders import DATASET_FILE
from gaoxin_cli.model import Dataset, Fact, FactBook, Indicator, Label, Location, Source
from gaoxin_cli.query import Need

#: Bump when the tables below change.
SCHEMA_VERSION = "5"
#: A file modified this close to the build is hashed on every check.
RACY_NS = 2_000_000_000

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,
    racy INTEGER NOT NULL,
    PRIMARY KEY(dir, name));
CREATE TABLE datasets(
    dir TEXT PRIMARY KEY, seq INTEGER NOT NULL, id TEXT NOT NULL,
    title_zh TEXT, title_en TEXT, area_zh TEXT, area_en TEXT, period TEXT,
    source_title TEXT, source_description TEXT, source_byline TEXT, line INTEGER);
-- A dataset's lists (kind "author" or "headline"), in order.
CREATE TABLE lists(dir TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT);
CREATE TABLE indicators(
    dir TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, section TEXT NOT NULL,
    heading_zh TEXT, heading_en TEXT, zh TEXT, en TEXT, file TEXT, line INTEGER,
    search_row INTEGER NOT NULL);
CREATE TABLE facts(
    dir TEXT NOT NULL, ind_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL, id TEXT NOT NULL, measure TEXT NOT NULL,
    value, -- no type, so no affinity: 33.0 stays a float and "85" stays text
    unit TEXT, qualifier TEXT, quote TEXT NOT NULL, written TEXT, note TEXT,
    zh TEXT, en TEXT, line INTEGER);
-- One row per indicator: everything a search word can match in it or its facts.
-- detail=none keeps the index small; candidates are checked again in Python.
CREATE VIRTUAL TABLE search USING fts5(text, tokenize='trigram', detail=none);
"""
#: Created after the first bulk load, which is faster than keeping them up to date.
_INDEXES = """
CREATE UNIQUE INDEX indicators_place ON indicators(dir, seq);
CREATE INDEX indicators_id ON indicators(id);
CREATE INDEX indicators_section ON indicators(section);
CREATE INDEX indicators_search ON indicators(search_row);
CREATE INDEX facts_id ON facts(id);
CREATE INDEX facts_place ON facts(dir, ind_seq);
"""


_MATCH = "SELECT rowid FROM search WHERE search MATCH ?"
#: Lists longer than this go to SQLite as one JSON array rather than one ? each.
_MAX_MARKS = 500


def _among(values: Sequence[Any]) -> tuple[str, list[Any]]:
    """An `IN (...)` operand for `values` and its parameters."""
    if len(values) <= _MAX_MARKS:
        return "(" + ",".join("?" * len(values)) + ")", list(values)
    import json

    return "(SELECT value FROM json_each(?))", [json.dumps(list(values))]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/gaoxin, else ~/.cache/gaoxin."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "gaoxin"


def index_path(root: Path) -> Path:
    """The index file for the facts folder `root`: its name, then a checksum of its path.

    The full path is also recorded inside, so two folders sharing a file name
    never use each other's index.
    """
    import zlib

    resolved = os.fsencode(str(root.resolve()))
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in root.resolve().name)[:40]
    return cache_dir() / f"{stem or 'facts'}-{zlib.crc32(resolved):08x}.sqlite3"


# --- what is on disk ---------------------------------------------------------


class FileStat:
    """A fact file's place and stamps. (A plain class: defined at every start.)"""

    __slots__ = ("ctime_ns", "dir", "mtime_ns", "name", "size")

    def __init__(self, dir_: str, name: str, size: int, mtime_ns: int, ctime_ns: int) -> None:
        self.dir = dir_
        self.name = name
        self.size = size
        self.mtime_ns = mtime_ns
        #: Changes with any write and cannot be set back: catches edits that keep the mtime.
        self.ctime_ns = ctime_ns

    @property
    def latest_ns(self) -> int:
        return max(self.mtime_ns, self.ctime_ns)


def _base(root: Path) -> Path:
    return root.parent if root.is_file() else root


def _is_toml(name: str) -> bool:
    """As the loader sees it: Path(name).suffix == ".toml" (".toml" alone is not)."""
    return name.endswith(".toml") and len(name) > len(".toml")


def _toml_entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return [entry for entry in entries if _is_toml(entry.name)]


def scan(root: Path) -> tuple[list[str], list[FileStat]] | None:
    """Dataset folders (relative to the base, "" for itself) and their TOML files.

    The same folders as folders.find_dataset_dirs, in one pass with one
    listing per folder. None for anything the loader would report a problem
    for: the loader then says what.
    """
    try:
        if stat.S_ISREG(root.stat().st_mode):
            folders = [("", _toml_entries(str(root.parent)))]
        else:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
            own = [e for e in entries if _is_toml(e.name)]
            if own or any(e.name == DATASET_FILE for e in entries):
                folders = [("", own)]
            else:
                folders = [(e.name, _toml_entries(e.path)) for e in entries if e.is_dir()]
                folders = [(name, found) for name, found in folders if found]
        dirs: list[str] = []
        files: list[FileStat] = []
        for rel, found in folders:
            dirs.append(rel)
            for entry in found:
                info = entry.stat()
                if not stat.S_ISREG(info.st_mode):
                    return None
                files.append(
                    FileStat(rel, entry.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                )
    except OSError:
        return None
    return (dirs, files) if dirs else None


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(base: Path, rel: str) -> Path:
    return base / rel if rel else base


# --- opening ---------------------------------------------------------------------


class Index:
    """An open, fresh index of one facts folder."""

    def __init__(self, connection: sqlite3.Connection, base: Path) -> None:
        self._db = connection
        self._base = base

    def close(self) -> None:
        self._db.close()

    def book(self, need: Need) -> FactBook:
        """The datasets, with the indicators `need` asks for (all when it asks for none)."""
        dirs = None
        if need.datasets is not None:
            among, ids = _among(list(need.datasets))
            query = f"SELECT dir FROM datasets WHERE id IN {among}"  # noqa: S608 - ? marks
            dirs = {dir_ for (dir_,) in self._db.execute(query, ids)}
        rows = self._select_indicators(need)
        if dirs is not None and rows is not None:
            rows = [row for row in rows if row[0] in dirs]
        return self._assemble(rows, first_only=need.first_dataset, dirs=dirs)

    def datasets_found(self) -> list[tuple[str, Location, int]]:
        """(id, place of its dataset.toml, number of facts) of every dataset, in order."""
        query = (
            "SELECT d.id, d.dir, d.line, (SELECT count(*) FROM facts f WHERE f.dir = d.dir)"
            " FROM datasets d ORDER BY d.seq"
        )
        return [
            (id_, Location(str(_folder(self._base, dir_) / DATASET_FILE), line), count)
            for id_, dir_, line, count in self._db.execute(query)
        ]

    def catalog(self) -> list[tuple[Dataset, int]]:
        """Every dataset's metadata (no indicators) and its number of facts, in order."""
        counts = dict(self._db.execute("SELECT dir, count(*) FROM facts GROUP BY dir"))
        return [
            (self._dataset(row, [], {}), counts.get(row[0], 0))
            for row in self._db.execute("SELECT * FROM datasets ORDER BY seq").fetchall()
        ]

    def _select_indicators(self, need: Need) -> list[tuple[str, int]] | None:
        """(dir, seq) of the indicators wanted, or None for all."""
        db = self._db
        if need.ids is not None:
            among, ids = _among([i.strip() for i in need.ids])
            query = (
                f"SELECT dir, seq FROM indicators WHERE id IN {among}"  # noqa: S608 - ? marks
                f" UNION SELECT dir, ind_seq FROM facts WHERE id IN {among}"
            )
            return list(db.execute(query, [*ids, *ids]))
        if need.words is not None:
            return self._search_candidates(need.words, need.section)
        if need.section is not None:
            return list(
                db.execute("SELECT dir, seq FROM indicators WHERE section = ?", [need.section])
            )
        return None

    def _search_candidates(
        self, words: Sequence[str], section: str | None
    ) -> list[tuple[str, int]]:
        rows: set[int] | None = None
        for word in words:
            folded = word.casefold()
            if len(folded) >= 3:
                # Every trigram of the word: a superset of the rows holding it.
                grams = list(dict.fromkeys(folded[i : i + 3] for i in range(len(folded) - 2)))
                match = " AND ".join(map(_quoted, grams))
            else:
                # Shorter than a trigram: any trigram that starts with it (every
                # character starts one, as texts end with two newlines).
                match = " OR ".join(map(_quoted, self._terms_starting(folded)))
            found = {row for (row,) in self._db.execute(_MATCH, [match])} if match else set()
            rows = found if rows is None else rows & found
            if not rows:
                return []
        if not rows:
            return []
        among, values = _among(sorted(rows))
        query = f"SELECT dir, seq FROM indicators WHERE search_row IN {among}"  # noqa: S608
        params: list[Any] = values
        if section is not None:
            query += " AND section = ?"
            params.append(section)
        return list(self._db.execute(query, params))

    def _terms_starting(self, prefix: str) -> list[str]:
        self._db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms"
            " USING fts5vocab(main, search, row)"
        )
        query = "SELECT term FROM temp.search_terms WHERE term >= ? AND term < ?"
        return [term for (term,) in self._db.execute(query, [prefix, prefix + "\U0010ffff"])]

    def _assemble(
        self, wanted: list[tuple[str, int]] | None, *, first_only: bool, dirs: set[str] | None
    ) -> FactBook:
        db = self._db
        if wanted is not None and not first_only:
            # Only datasets with something wanted: the query code skips the others.
            among, present = _among(sorted({dir_ for dir_, _ in wanted}))
            dataset_rows = list(
                db.execute(
                    f"SELECT * FROM datasets WHERE dir IN {among} ORDER BY seq",  # noqa: S608
                    present,
                )
            )
        else:
            dataset_rows = list(db.execute("SELECT * FROM datasets ORDER BY seq"))
            if dirs is not None:
                dataset_rows = [row for row in dataset_rows if row[0] in dirs]
            if first_only:
                dataset_rows = dataset_rows[:1]
            if wanted is None and (first_only or dirs is not None):
                among, chosen = _among([row[0] for row in dataset_rows])
                query = f"SELECT dir, seq FROM indicators WHERE dir IN {among}"  # noqa: S608
                wanted = list(db.execute(query, chosen))
        if wanted is None:
            ind_rows = list(db.execute("SELECT * FROM indicators"))
            fact_rows = list(db.execute("SELECT * FROM facts ORDER BY dir, ind_seq, seq"))
        else:
            ind_rows, fact_rows = [], []
            for dir_, seq in sorted(set(wanted)):
                ind_rows.extend(
                    db.execute("SELECT * FROM indicators WHERE dir = ? AND seq = ?", [dir_, seq])
                )
                fact_rows.extend(
                    db.execute(
                        "SELECT * FROM facts WHERE dir = ? AND ind_seq = ? ORDER BY seq",
                        [dir_, seq],
                    )
                )
        facts_by_indicator: dict[tuple[str, int], list[tuple[Any, ...]]] = {}
        for row in fact_rows:
            facts_by_indicator.setdefault((row[0], row[1]), []).append(row)
        inds_by_dir: dict[str, list[tuple[Any, ...]]] = {}
        for row in ind_rows:
            inds_by_dir.setdefault(row[0], []).append(row)
        datasets = []
        for row in dataset_rows:
            dir_ = row[0]
            datasets.append(self._dataset(row, inds_by_dir.get(dir_, []), facts_by_indicator))
        return FactBook(tuple(datasets))

    def _dataset(
        self,
        row: tuple[Any, ...],
        ind_rows: list[tuple[Any, ...]],
        facts_by_indicator: dict[tuple[str, int], list[tuple[Any, ...]]],
    ) -> Dataset:
        dir_, _seq, dataset_id, title_zh, title_en, area_zh, area_en, period = row[:8]
        source_title, source_description, source_byline, line = row[8:12]
        lists: dict[str, list[str]] = {"author": [], "headline": []}
        for kind, value in self._db.execute(
            "SELECT kind, value FROM lists WHERE dir = ? ORDER BY seq", [dir_]
        ):
            lists[kind].append(value)
        folder = _folder(self._base, dir_)
        area = Label(area_zh, area_en)
        indicators = []
        for ind in sorted(ind_rows, key=lambda r: r[1]):
            _, seq, ind_id, section, heading_zh, heading_en, zh, en, file, ind_line, _ = ind
            path = str(folder / file)
            heading = Label(heading_zh, heading_en)
            facts = tuple(
                Fact(
                    id=f[3],
                    dataset=dataset_id,
                    section=section,
                    heading=heading,
                    indicator=ind_id,
                    label=Label(f[11], f[12]),
                    measure=f[4],
                    value=f[5],
                    unit=f[6],
                    qualifier=f[7],
                    period=period,
                    area=area,
                    quote=f[8],
                    written=f[9],
                    note=f[10],
                    location=Location(path, f[13]),
                )
                for f in facts_by_indicator.get((dir_, seq), [])
            )
            indicators.append(
                Indicator(
                    id=ind_id,
                    dataset=dataset_id,
                    section=section,
                    heading=heading,
                    label=Label(zh, en),
                    facts=facts,
                    location=Location(path, ind_line),
                )
            )
        return Dataset(
            id=dataset_id,
            title=Label(title_zh, title_en),
            area=area,
            period=period,
            source=Source(
                title=source_title,
                description=source_description,
                byline=source_byline,
                authors=tuple(lists["author"]),
            ),
            indicators=tuple(indicators),
            headlines=tuple(lists["headline"]),
            location=Location(str(folder / DATASET_FILE), line),
        )


def open_index(root: Path) -> Index | None:
    """A fresh index of `root`, built or updated as needed; None to read the files instead."""
    found = scan(root)
    if found is None:
        return None
    dirs, files = found
    path = index_path(root)
    if path.exists() and not path.is_file():
        return None  # something else is in the way: read the files
    base = _base(root)
    db = _open_read_only(path)
    changes = _changes(db, root, dirs, files)
    if db is not None:
        if changes is not None and not changes.dirs and not changes.refresh:
            return Index(db, base)  # fresh: the common case
        db.close()
    try:
        built = _build(path, root, base, dirs, files, changes)
    except (OSError, sqlite3.Error):
        return None
    if not built:
        return None
    db = _open_read_only(path)
    return None if db is None else Index(db, base)


class _Changes:
    """Dataset folders whose files changed, and files only touched (same content)."""

    __slots__ = ("dirs", "refresh")

    def __init__(self, dirs: set[str], refresh: list[FileStat]) -> None:
        self.dirs = dirs
        self.refresh = refresh


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        return sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None


def _changes(
    db: sqlite3.Connection | None, root: Path, dirs: list[str], files: list[FileStat]
) -> _Changes | None:
    """What changed since the index was built; None if it is missing or unusable."""
    if db is None:
        return None
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta != _meta(root):
            return None
        known = {(row[0], row[1]): row[2:] for row in db.execute("SELECT * FROM files")}
        stored_dirs = [d for (d,) in db.execute("SELECT dir FROM datasets ORDER BY seq")]
    except sqlite3.Error:
        return None
    if stored_dirs != dirs:
        return None  # datasets added, removed or reordered: rebuild the list
    base = _base(root)
    changed: set[str] = set()
    refresh: list[FileStat] = []
    now = time.time_ns()
    seen: set[tuple[str, str]] = set()
    for file in files:
        key = (file.dir, file.name)
        seen.add(key)
        old = known.get(key)
        if old is None:
            changed.add(file.dir)
            continue
        size, mtime_ns, ctime_ns, sha, racy = old
        moved = (mtime_ns, ctime_ns) != (file.mtime_ns, file.ctime_ns)
        if size != file.size:
            changed.add(file.dir)
        elif moved or racy or now - file.latest_ns < RACY_NS:
            try:
                same = _sha256(_folder(base, file.dir) / file.name) == sha
            except OSError:
                same = False
            if not same:
                changed.add(file.dir)
            elif moved or (racy and now - file.latest_ns >= RACY_NS):
                refresh.append(file)
    changed.update(d for d, _ in set(known) - seen)
    return _Changes(changed, [f for f in refresh if f.dir not in changed])


def _meta(root: Path) -> dict[str, str]:
    return {"schema": SCHEMA_VERSION, "version": __version__, "root": str(root.resolve())}


# --- building ----------------------------------------------------------------------


def _build(
    path: Path,
    root: Path,
    base: Path,
    dirs: list[str],
    files: list[FileStat],
    changes: _Changes | None,
) -> bool:
    """Write a fresh index to `path`; False if the facts have problems."""
    import tempfile

    from gaoxin_cli.loader import load_dataset
    from gaoxin_cli.validate import check_factbook

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=path.stem + ".", suffix=".tmp")
    os.close(handle)
    temp = Path(temp_name)
    try:
        incremental = changes is not None and path.is_file()
        if incremental:
            _copy_database(path, temp)
        db = sqlite3.connect(temp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            if not incremental:
                db.executescript(_SCHEMA)
                db.executemany("INSERT INTO meta VALUES (?, ?)", _meta(root).items())
            todo = changes.dirs if incremental and changes is not None else set(dirs)
            with db:
                for dir_ in todo:
                    _delete_dataset(db, dir_)
                started = time.time_ns()
                for dir_ in dirs:
                    if dir_ not in todo:
                        continue
                    dataset, problems = load_dataset(_folder(base, dir_))
                    if problems or dataset is None:
                        return False
                    if check_factbook(FactBook((dataset,))):
                        return False
                    _insert_dataset(db, dir_, dataset)
                    _insert_files(db, base, dir_, [f for f in files if f.dir == dir_], started)
                if incremental and changes is not None:
                    db.executemany(
                        "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, racy = ?"
                        " WHERE dir = ? AND name = ?",
                        (
                            (
                                f.size,
                                f.mtime_ns,
                                f.ctime_ns,
                                int(started - f.latest_ns < RACY_NS),
                                f.dir,
                                f.name,
                            )
                            for f in changes.refresh
                        ),
                    )
                db.executemany(
                    "UPDATE datasets SET seq = ? WHERE dir = ?",
                    [(i, d) for i, d in enumerate(dirs)],
                )
                duplicate = db.execute(
                    "SELECT id FROM datasets GROUP BY id HAVING count(*) > 1"
                ).fetchone()
                if duplicate:
                    return False
            if not incremental:
                db.executescript(_INDEXES)
        finally:
            db.close()
        temp.replace(path)  # atomic: readers see the old index or the new one
        return True
    finally:
        temp.unlink(missing_ok=True)


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
    for table in ("facts", "indicators", "datasets", "lists", "files"):
        db.execute(f"DELETE FROM {table} WHERE dir = ?", [dir_])  # noqa: S608 - fixed names


def _insert_files(
    db: sqlite3.Connection, base: Path, dir_: str, files: Iterable[FileStat], started: int
) -> None:
    folder = _folder(base, dir_)
    db.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                f.dir,
                f.name,
                f.size,
                f.mtime_ns,
                f.ctime_ns,
                _sha256(folder / f.name),
                int(started - f.latest_ns < RACY_NS),
            )
            for f in files
        ),
    )


def _insert_dataset(db: sqlite3.Connection, dir_: str, dataset: Dataset) -> None:
    source = dataset.source
    db.execute(
        "INSERT INTO datasets VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            dir_,
            dataset.id,
            dataset.title.zh,
            dataset.title.en,
            dataset.area.zh,
            dataset.area.en,
            dataset.period,
            source.title,
            source.description,
            source.byline,
            dataset.location.line if dataset.location else 1,
        ],
    )
    db.executemany(
        "INSERT INTO lists VALUES (?, ?, ?, ?)",
        [
            *((dir_, "author", n, name) for n, name in enumerate(source.authors)),
            *((dir_, "headline", n, ref) for n, ref in enumerate(dataset.headlines)),
        ],
    )
    first_row = db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM search").fetchone()[0]
    ind_rows = []
    fact_rows = []
    texts = []
    for seq, ind in enumerate(dataset.indicators):
        location = ind.location or Location("", 1)
        ind_rows.append(
            (
                dir_,
                seq,
                ind.id,
                ind.section,
                ind.heading.zh,
                ind.heading.en,
                ind.label.zh,
                ind.label.en,
                Path(location.path).name,
                location.line,
                first_row + seq,
            )
        )
        texts.append((first_row + seq, search_text(ind)))
        for fact_seq, fact in enumerate(ind.facts):
            fact_rows.append(
                (
                    dir_,
                    seq,
                    fact_seq,
                    fact.id,
                    fact.measure,
                    fact.value,
                    fact.unit,
                    fact.qualifier,
                    fact.quote,
                    fact.written,
                    fact.note,
                    fact.label.zh,
                    fact.label.en,
                    fact.location.line if fact.location else 1,
                )
            )
    db.executemany("INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ind_rows)
    db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fact_rows)
    db.executemany("INSERT INTO search(rowid, text) VALUES (?, ?)", texts)


_SCALED = ("万", "亿")


def search_text(indicator: Indicator) -> str:
    """Everything a search word can match in an indicator's facts, case-folded.

    A superset of what query.search scores: ids, labels, headings, values as
    written and normalized, quotes, notes, measures and the section.
    """
    from gaoxin_cli.model import format_value

    parts = [indicator.id, indicator.label.zh, indicator.label.en, indicator.section]
    parts += [indicator.heading.zh, indicator.heading.en]
    for fact in indicator.facts:
        parts += [fact.id, fact.measure, fact.quote, fact.label.zh, fact.label.en, fact.figure]
        value = fact.value
        parts.append(format_value(value))
        if fact.note:
            parts.append(fact.note)
        if fact.section != indicator.section or fact.heading != indicator.heading:
            parts += [fact.section, fact.heading.zh, fact.heading.en]
        unit = fact.unit or ""
        whole_float = isinstance(value, float) and value.is_integer()
        if isinstance(value, str) or unit.startswith(_SCALED) or whole_float:
            normalized = fact.normalized  # only these can differ from the value as written
            if normalized is not None:
                parts.append(format_value(normalized.value))
    return "\n".join(dict.fromkeys(parts)).casefold() + "\n\n"
