"""The ids an index holds, for the suggestions of an id not found."""

import sqlite3
from typing import Any

from gaoxin_cli.index.schema import among


class IndexIds:
    """The ids an open index holds, as a query.IdCatalog: SQL does the scanning."""

    __slots__ = ("_db", "_dirs")

    def __init__(self, db: sqlite3.Connection, dirs: list[str] | None) -> None:
        self._db = db
        self._dirs = dirs

    def _where(self) -> tuple[str, list[Any]]:
        if self._dirs is None:
            return "1", []
        marks, values = among(self._dirs)
        return f"d.dir IN {marks}", values

    def containing(self, text: str, facts: bool) -> list[str]:
        where, params = self._where()
        order = "d.seq, t.ind_seq, t.seq" if facts else "d.seq, t.seq"
        table = "facts" if facts else "indicators"
        query = (
            f"SELECT t.id FROM {table} t JOIN datasets d ON d.dir = t.dir"  # noqa: S608 - fixed
            f" WHERE instr(t.id, ?) > 0 AND {where} ORDER BY {order}"
        )
        found: dict[str, None] = {}
        for (id_,) in self._db.execute(query, [text, *params]):
            found[id_] = None
            if len(found) == 3:
                break
        return list(found)

    def distinct(self, facts: bool) -> list[str]:
        where, params = self._where()
        table = "facts" if facts else "indicators"
        query = (
            f"SELECT DISTINCT t.id FROM {table} t"  # noqa: S608 - fixed names, ? marks
            f" JOIN datasets d ON d.dir = t.dir WHERE {where}"
        )
        if self._dirs is None:
            query = f"SELECT DISTINCT id FROM {table}"  # noqa: S608 - a fixed name
        return [id_ for (id_,) in self._db.execute(query, params)]
