"""The ids an index holds, for the suggestions of an id not found."""

import sqlite3
from collections.abc import Sequence
from typing import Any

from gaoxin_cli.index.schema import among


class IndexIds:
    """The ids an open index holds, as a query.IdCatalog: each distinct id read
    once through the id indexes, and where an id first stands looked up only
    for the few that hold the word asked for."""

    __slots__ = ("_db", "_dirs", "_distinct")

    def __init__(self, db: sqlite3.Connection, dirs: list[str] | None) -> None:
        self._db = db
        self._dirs = dirs
        self._distinct: dict[bool, list[str]] = {}

    @classmethod
    def checked(
        cls, db: sqlite3.Connection, rows: list[dict[str, Any]], datasets: Sequence[str] | None
    ) -> "IndexIds":
        """The ids of the datasets of `rows` (their checked rows; or of those of
        `datasets`), once the tables hold every row the datasets count: a
        ValueError (damage, as a reader reports it) if they do not."""
        for table in ("indicators", "facts"):
            (stored,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            if stored != sum(row[table] for row in rows):
                raise ValueError(f"rows of the {table} table are missing")
        dirs = None if datasets is None else [r["dir"] for r in rows if r["id"] in datasets]
        return cls(db, dirs)

    def _where(self) -> tuple[str, list[Any]]:
        if self._dirs is None:
            return "1", []
        marks, values = among(self._dirs)
        return f"t.dir IN {marks}", values

    def distinct(self, facts: bool) -> list[str]:
        if facts not in self._distinct:
            where, params = self._where()
            table = "facts" if facts else "indicators"
            query = f"SELECT DISTINCT t.id FROM {table} t WHERE {where}"  # noqa: S608 - fixed names
            if self._dirs is None:  # every dataset: the ids the build listed
                query, params = "SELECT id FROM ids WHERE facts = ?", [int(facts)]
            self._distinct[facts] = [id_ for (id_,) in self._db.execute(query, params)]
        return self._distinct[facts]

    def containing(self, text: str, facts: bool) -> list[str]:
        holding = [id_ for id_ in self.distinct(facts) if text in id_]
        if not holding:
            return []
        where, params = self._where()
        marks, ids = among(holding)
        table, place = ("facts", "t.ind_seq, t.seq") if facts else ("indicators", "t.seq")
        # Each id's first place in the datasets' order: the order a book lists them in.
        order = f"printf('%012d %012d %012d', d.seq, {place}{'' if facts else ', 0'})"
        query = (
            f"SELECT t.id FROM {table} t JOIN datasets d ON d.dir = t.dir"  # noqa: S608 - fixed
            f" WHERE t.id IN {marks} AND {where} GROUP BY t.id ORDER BY min({order}) LIMIT 3"
        )
        return [id_ for (id_,) in self._db.execute(query, [*ids, *params])]
