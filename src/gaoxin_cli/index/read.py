"""Reading the index: the datasets, indicators and facts a command asks for.

Rows are read by column name and facts made by the model's one constructor
(`model.make_fact`), so a column added or moved in `schema` cannot shift a
value into the wrong field.
"""

import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaoxin_cli.factfiles.folders import DATASET_FILE
from gaoxin_cli.index.freshness import folder_of
from gaoxin_cli.index.schema import (
    DATASET_COLUMNS,
    FACT_COLUMNS,
    INDICATOR_COLUMNS,
    LIST_COLUMNS,
    NOT_FIGURE_COLUMNS,
    DamagedError,
    among,
    checksum,
    checksum_of,
)
from gaoxin_cli.model import Dataset, FactBook, Indicator, Label, Location, Source, make_fact

if TYPE_CHECKING:
    from typing import TypeAlias

    from gaoxin_cli.query import IdCatalog

    Row: TypeAlias = dict[str, Any]

#: Rows holding a text: the trigram index narrows, instr() confirms (trigrams alone
#: also match a row holding each somewhere, as 8500000000 does 850, 500 and 000).
_MATCH = "SELECT rowid FROM search WHERE search MATCH ? AND instr(text, ?) > 0"


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _checked(row: "Row", columns: tuple[str, ...]) -> bool:
    """True, or DamagedError if `row` fails its checksum over `columns`."""
    if checksum(row, columns) != row["crc"]:
        raise DamagedError(f"a stored row fails its checksum ({row.get('id', '')})")
    return True


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """The index file at `path` opened for reading, or None if there is none, or
    if it is not this user's own or others may write it (in a shared cache
    folder, someone else's file is never trusted: it is built anew)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022:
        return None
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and info.st_uid != geteuid():
        return None
    try:
        return sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None


class Index:
    """An open, fresh index of one facts folder."""

    def __init__(self, connection: sqlite3.Connection, base: Path) -> None:
        self._db = connection
        self._base = base

    def close(self) -> None:
        self._db.close()

    def _rows(self, query: str, params: Sequence[Any], columns: tuple[str, ...]) -> list["Row"]:
        """The rows of `query` as dicts, each checked: DamagedError if one fails."""
        cursor = self._db.execute(query, params)
        names = [column[0] for column in cursor.description]
        if names[: len(columns)] == list(columns) and names[-1] == "crc":
            # the stored order: each row's checked values are the first of its tuple
            count, rows = len(columns), []
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                if checksum_of(values[:count]) != values[-1]:
                    _checked(row, columns)  # which raises DamagedError
                rows.append(row)
            return rows
        made = (dict(zip(names, values, strict=True)) for values in cursor)
        return [row for row in made if _checked(row, columns)]

    def book(
        self,
        *,
        ids: Sequence[str] | None = None,
        section: str | None = None,
        words: Sequence[str] | None = None,
        first_dataset: bool = False,
        datasets: Sequence[str] | None = None,
    ) -> FactBook:
        """The datasets with the indicators asked for: those with an id among
        `ids` (an indicator's or a fact's), else those that may match every
        search word of `words` (in `section`, if given), else those of
        `section`, else all; only the first dataset, or only `datasets`."""
        dirs = None
        if datasets is not None:
            marks, values = among(list(datasets))
            query = f"SELECT dir FROM datasets WHERE id IN {marks}"  # noqa: S608 - ? marks
            dirs = {dir_ for (dir_,) in self._db.execute(query, values)}
        places = self._select_indicators(ids, section, words)
        if dirs is not None and places is not None:
            places = [place for place in places if place[0] in dirs]
        return self._assemble(places, first_only=first_dataset, dirs=dirs)

    def each_dataset(self, datasets: Sequence[str] | None = None) -> Iterator[Dataset]:
        """Every dataset (or those of `datasets`) whole, one at a time, in order:
        each one's rows read and checked before it is given out."""
        order = "SELECT dir, id FROM datasets ORDER BY seq"  # a row each, read as it comes
        for dir_, id_ in self._db.execute(order).fetchall():
            if datasets is not None and id_ not in datasets:
                continue
            where = [dir_]
            query = "SELECT * FROM datasets WHERE dir = ?"
            rows = self._rows(query, where, DATASET_COLUMNS)
            if len(rows) != 1 or rows[0]["id"] != id_:
                raise DamagedError(f"the row of dataset {id_} is missing")
            row = rows[0]
            query = "SELECT * FROM indicators WHERE dir = ?"
            ind_rows = self._rows(query, where, INDICATOR_COLUMNS)
            query = "SELECT * FROM facts WHERE dir = ? ORDER BY ind_seq, seq"
            by_indicator: dict[tuple[str, int], list[Row]] = {}
            for fact in self._rows(query, where, FACT_COLUMNS):
                by_indicator.setdefault((fact["dir"], fact["ind_seq"]), []).append(fact)
            yield self._dataset(row, ind_rows, by_indicator, whole=True)

    def each_flat(self, datasets: Sequence[str] | None = None) -> Iterator[tuple[str, list[Any]]]:
        """`each_dataset` as each dataset's id and its facts' flat rows (`flat.each_flat`)."""
        from gaoxin_cli.index.flat import each_flat

        return each_flat(self._db, datasets)

    def _datasets(self) -> list["Row"]:
        return self._rows("SELECT * FROM datasets ORDER BY seq", (), DATASET_COLUMNS)

    def dataset_ids(self) -> list[str]:
        """Every dataset's id, in order, each row checked as it is read (none kept)."""
        cursor = self._db.execute("SELECT * FROM datasets ORDER BY seq")
        names = [column[0] for column in cursor.description]
        rows = (dict(zip(names, values, strict=True)) for values in cursor)
        return [row["id"] for row in rows if _checked(row, DATASET_COLUMNS)]

    def catalog(self) -> list[tuple[Dataset, int]]:
        """Every dataset's metadata (no indicators) and its number of facts, in order."""
        lists: dict[str, list[Row]] = {}
        for list_row in self._rows("SELECT * FROM lists ORDER BY dir, seq", (), LIST_COLUMNS):
            lists.setdefault(list_row["dir"], []).append(list_row)
        return [
            (self._dataset(row, None, {}, list_rows=lists.get(row["dir"], [])), row["facts"])
            for row in self._datasets()
        ]

    def ids(self, datasets: Sequence[str] | None = None) -> "IdCatalog":
        """The indicator and fact ids of every dataset (or of `datasets`), for
        suggestions: after checking that the index holds every row its
        datasets count (DamagedError if not), without reading the rows."""
        from gaoxin_cli.index.ids import IndexIds

        return IndexIds.checked(self._db, self._datasets(), datasets)

    def _select_indicators(
        self, ids: Sequence[str] | None, section: str | None, words: Sequence[str] | None
    ) -> list[tuple[str, int]] | None:
        """(dir, seq) of the indicators wanted, or None for all."""
        db = self._db
        if ids is not None:
            marks, wanted = among([i.strip() for i in ids])
            query = (
                f"SELECT dir, seq FROM indicators WHERE id IN {marks}"  # noqa: S608 - ? marks
                f" UNION SELECT dir, ind_seq FROM facts WHERE id IN {marks}"
            )
            return list(db.execute(query, [*wanted, *wanted]))
        if words is not None:
            return self._search_candidates(words, section)
        if section is not None:
            query = "SELECT dir, seq FROM indicators WHERE section = ?"
            found = list(db.execute(query, [section]))
            counts: dict[str, int] = {}
            for dir_, _ in found:
                counts[dir_] = counts.get(dir_, 0) + 1
            for row in self._datasets():  # each knows how many each has: "economy=12 party=3"
                pairs = (item.partition("=") for item in row["sections"].split())
                if counts.get(row["dir"], 0) != {n: int(c) for n, _, c in pairs}.get(section, 0):
                    raise DamagedError(f"indicators of dataset {row['id']} are missing")
            return found
        return None

    def _search_candidates(
        self, words: Sequence[str], section: str | None
    ) -> list[tuple[str, int]]:
        from gaoxin_cli.search.matching import needles

        rows: set[int] | None = None
        for alternatives in needles(" ".join(words)):
            if not alternatives:
                continue  # nothing to look for: the files' scoring decides
            found: set[int] = set()
            for needle in alternatives:
                found |= self._rows_holding(needle)
            rows = found if rows is None else rows & found
            if not rows:
                return []
        if not rows:
            return []
        marks, values = among(sorted(rows))
        query = f"SELECT dir, seq, section FROM indicators WHERE search_row IN {marks}"  # noqa: S608
        places = list(self._db.execute(query, values))
        if len(places) != len(rows):  # each search row belongs to one indicator
            raise DamagedError("indicators of matching search rows are missing")
        return [(dir_, seq) for dir_, seq, sect in places if section is None or sect == section]

    def _rows_holding(self, needle: str) -> set[int]:
        """Search rows whose text may hold `needle` (a superset)."""
        if len(needle) >= 3:
            # Every trigram of the needle: a superset of the rows holding it.
            grams = list(dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2)))
            match = " AND ".join(map(_quoted, grams))
        else:
            # Shorter than a trigram: any trigram that starts with it (every
            # character starts one, as texts end with two newlines).
            match = " OR ".join(map(_quoted, self._terms_starting(needle)))
        if not match:
            return set()
        return {row for (row,) in self._db.execute(_MATCH, [match, needle])}

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
        whole = False  # are all indicators of each dataset read? (then their count is checked)
        if wanted is not None and not first_only:
            # Only datasets with something wanted: the query code skips the others.
            marks, present = among(sorted({dir_ for dir_, _ in wanted}))
            dataset_rows = self._rows(
                f"SELECT * FROM datasets WHERE dir IN {marks} ORDER BY seq",  # noqa: S608
                present,
                DATASET_COLUMNS,
            )
        else:
            whole = wanted is None
            dataset_rows = self._datasets()
            if dirs is not None:
                dataset_rows = [row for row in dataset_rows if row["dir"] in dirs]
            if first_only:
                dataset_rows = dataset_rows[:1]
            if wanted is None and (first_only or dirs is not None):
                marks, chosen = among([row["dir"] for row in dataset_rows])
                query = f"SELECT dir, seq FROM indicators WHERE dir IN {marks}"  # noqa: S608
                wanted = list(self._db.execute(query, chosen))
        if wanted is None:
            ind_rows = self._rows("SELECT * FROM indicators", (), INDICATOR_COLUMNS)
            fact_rows = self._rows(
                "SELECT * FROM facts ORDER BY dir, ind_seq, seq", (), FACT_COLUMNS
            )
        else:
            ind_rows, fact_rows = [], []
            by_dir: dict[str, list[int]] = {}
            for dir_, seq in sorted(set(wanted)):
                by_dir.setdefault(dir_, []).append(seq)
            for dir_, seqs in by_dir.items():  # two queries a dataset, not two an indicator
                marks, params = among(seqs)
                ind_rows += self._rows(
                    f"SELECT * FROM indicators WHERE dir = ? AND seq IN {marks}",  # noqa: S608
                    [dir_, *params],
                    INDICATOR_COLUMNS,
                )
                fact_rows += self._rows(
                    f"SELECT * FROM facts WHERE dir = ? AND ind_seq IN {marks}"  # noqa: S608
                    " ORDER BY ind_seq, seq",
                    [dir_, *params],
                    FACT_COLUMNS,
                )
        facts_by_indicator: dict[tuple[str, int], list[Row]] = {}
        for row in fact_rows:
            facts_by_indicator.setdefault((row["dir"], row["ind_seq"]), []).append(row)
        inds_by_dir: dict[str, list[Row]] = {}
        for row in ind_rows:
            inds_by_dir.setdefault(row["dir"], []).append(row)
        return FactBook(
            tuple(
                self._dataset(row, inds_by_dir.get(row["dir"], []), facts_by_indicator, whole=whole)
                for row in dataset_rows
            )
        )

    def _dataset(
        self,
        row: "Row",
        ind_rows: list["Row"] | None,
        facts_by_indicator: dict[tuple[str, int], list["Row"]],
        *,
        whole: bool = False,
        list_rows: list["Row"] | None = None,
    ) -> Dataset:
        """The dataset of `row` with the indicators of `ind_rows` (None: metadata
        only; `whole`: all of them, and its not-figures); DamagedError if a row
        is missing."""
        dir_ = row["dir"]
        query = "SELECT * FROM lists WHERE dir = ? ORDER BY seq"
        if list_rows is None:  # else read with those of every dataset (a catalog)
            list_rows = self._rows(query, [dir_], LIST_COLUMNS)
        not_figure_rows: list[Row] = []
        if whole:  # a part of a dataset (one fact, a search) comes without them
            query = "SELECT * FROM not_figures WHERE dir = ? ORDER BY seq"
            not_figure_rows = self._rows(query, [dir_], NOT_FIGURE_COLUMNS)
        ind_rows = ind_rows or []
        if len(list_rows) != row["lists"] or (
            whole
            and (len(ind_rows), len(not_figure_rows)) != (row["indicators"], row["not_figures"])
        ):
            raise DamagedError(f"rows of dataset {row['id']} are missing")
        lists: dict[str, list[str]] = {"author": [], "headline": []}
        for list_row in list_rows:
            lists.setdefault(list_row["kind"], []).append(list_row["value"])
        folder = folder_of(self._base, dir_)
        area = Label(row["area_zh"], row["area_en"])
        indicators = []
        paths: dict[str, str] = {}  # a section file's path, made once
        for ind in sorted(ind_rows, key=lambda r: r["seq"]):
            if ind["file"] not in paths:
                paths[ind["file"]] = str(folder / ind["file"])
            path = paths[ind["file"]]
            heading = Label(ind["heading_zh"], ind["heading_en"])
            label = Label(ind["zh"], ind["en"])
            aliases = tuple(ind["aliases"].split("\n")) if ind["aliases"] else ()
            fact_rows = facts_by_indicator.get((dir_, ind["seq"]), [])
            if len(fact_rows) != ind["facts"]:
                raise DamagedError(f"facts of indicator {ind['id']} are missing")
            facts = tuple(
                make_fact(
                    fact,
                    indicator=ind["id"],
                    label=label,
                    dataset=row["id"],
                    section=ind["section"],
                    heading=heading,
                    period=row["period"],
                    area=area,
                    location=Location(path, fact["line"]),
                    aliases=aliases,
                )
                for fact in fact_rows
            )
            indicators.append(
                Indicator(
                    id=ind["id"],
                    dataset=row["id"],
                    section=ind["section"],
                    heading=heading,
                    label=label,
                    facts=facts,
                    location=Location(path, ind["line"]),
                    aliases=aliases,
                )
            )
        return Dataset(
            id=row["id"],
            title=Label(row["title_zh"], row["title_en"]),
            area=area,
            period=row["period"],
            source=Source(
                title=row["source_title"],
                description=row["source_description"],
                byline=row["source_byline"],
                authors=tuple(lists["author"]),
                file=row["source_file"],
            ),
            indicators=tuple(indicators),
            headlines=tuple(lists["headline"]),
            location=Location(str(folder / DATASET_FILE), row["line"]),
            not_figures=tuple(
                (nf["figure"], nf["quote"], Location(str(folder / DATASET_FILE), nf["line"]))
                for nf in not_figure_rows
            ),
        )
