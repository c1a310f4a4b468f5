"""Line numbers for TOML tables and keys.

tomllib returns plain dicts without positions, so problems found after
parsing are located by a light scan of the text: table headers
(`[a]`, `[[a.b]]`) and the keys under them. The scan only has to be right for
files that already parsed, and falls back to the nearest enclosing table, then
line 1.
"""

from __future__ import annotations

import re
import sys

#: A path into the parsed document: table names and array indices.
TomlPath = tuple[str | int, ...]

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*(.+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*(.+?)\s*\]")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)
_KEY_PART = re.compile(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""")


def _key_parts(dotted: str) -> list[str]:
    parts = []
    for match in _KEY_PART.finditer(dotted):
        quoted, literal, bare = match.groups()
        if quoted is not None and "\\" in quoted:
            parts.append(_unescape(match.group()))
        else:
            parts.append(next(g for g in (quoted, literal, bare) if g is not None))
    return parts


def _unescape(quoted_key: str) -> str:
    """A double-quoted key with escapes ("a\\nb"), as TOML reads it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        return next(iter(tomllib.loads(f"{quoted_key} = 0")))
    except (tomllib.TOMLDecodeError, StopIteration):
        return quoted_key.strip('"')


class LineIndex:
    """Where each table and key of a TOML text starts."""

    def __init__(self, text: str) -> None:
        self._tables: dict[TomlPath, int] = {}
        self._keys: dict[TomlPath, dict[str, int]] = {}
        array_counts: dict[TomlPath, int] = {}
        current: TomlPath = ()
        in_multiline: str | None = None
        # TOML lines end at LF (or CRLF); str.splitlines() would also split at
        # U+0085, U+2028 and others that may sit inside strings.
        for number, line in enumerate(text.split("\n"), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if header := _ARRAY_HEADER.match(line):
                current = self._open(_key_parts(header.group(1)), array_counts, is_array=True)
                self._tables.setdefault(current, number)
                continue
            if header := _TABLE_HEADER.match(line):
                current = self._open(_key_parts(header.group(1)), array_counts, is_array=False)
                self._tables.setdefault(current, number)
                continue
            if key := _KEY.match(line):
                parts = _key_parts(key.group(1))
                for depth, part in enumerate(parts):
                    table = current + tuple(parts[:depth])
                    self._keys.setdefault(table, {}).setdefault(part, number)
                rest = line[key.end() :]
                for fence in ('"""', "'''"):
                    if rest.count(fence) % 2 == 1:
                        in_multiline = fence
                        break

    @staticmethod
    def _open(parts: list[str], array_counts: dict[TomlPath, int], *, is_array: bool) -> TomlPath:
        resolved: list[str | int] = []
        for part in parts[:-1]:
            resolved.append(part)
            count = array_counts.get(tuple(resolved))
            if count:
                resolved.append(count - 1)
        if not parts:
            return ()
        resolved.append(parts[-1])
        path = tuple(resolved)
        if not is_array:
            return path
        index = array_counts.get(path, 0)
        array_counts[path] = index + 1
        return (*path, index)

    def keys(self, path: TomlPath) -> dict[str, int]:
        """The line of each key written in the table at `path` (shared, not a copy)."""
        return self._keys.get(path, {})

    def line(self, path: TomlPath, key: str | None = None) -> int:
        """The line of `key` in the table at `path`, else of the table, else 1."""
        if key is not None and key in self._keys.get(path, {}):
            return self._keys[path][key]
        while path:
            if path in self._tables:
                return self._tables[path]
            parent, last = path[:-1], path[-1]
            if isinstance(last, str) and last in self._keys.get(parent, {}):
                return self._keys[parent][last]
            path = parent
        return 1
