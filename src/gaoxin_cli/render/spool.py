"""Rows kept on disk to be read more than once, not held in memory."""

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any


class Spooled:
    """Rows (dicts of scalars) written to a temporary file as they come, and
    read back from it each time they are iterated: a Markdown table of a
    million facts aligns its columns by every row without holding them. The
    file is removed when the object is."""

    __slots__ = ("_file", "count")

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the rows
        self.count = 0
        pickler = pickle.Pickler(self._file, protocol=pickle.HIGHEST_PROTOCOL)
        for row in rows:
            pickler.dump(row)
            pickler.clear_memo()
            self.count += 1

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.seek(0)
        unpickler = pickle.Unpickler(self._file)  # noqa: S301 - rows this object wrote
        for _ in range(self.count):
            row: dict[str, Any] = unpickler.load()
            yield row

    def __del__(self) -> None:
        self._file.close()
