"""Line numbers for TOML tables and keys, and a guard run before parsing.

tomllib returns plain dicts without positions, so problems found after
parsing are located by a light scan of the text: table headers
(`[a]`, `[[a.b]]`) and the keys under them. The scan only has to be right for
files that already parsed, and falls back to the nearest enclosing table, then
line 1.

`key_problem` runs before parsing: tomllib (and LineIndex) take time growing
with the square of a key's number of dotted parts (`a.a.a… = 1`), so keys
and table headers with more than MAX_KEY_PARTS parts, or longer than
MAX_KEY_CHARS, are refused after one linear pass over the text.
"""

from __future__ import annotations

import re
import sys

#: A path into the parsed document: table names and array indices.
TomlPath = tuple[str | int, ...]

#: Most dotted parts a key or table header may have (fact files use 2).
MAX_KEY_PARTS = 32
#: Most characters a key or table header may have, all its parts as written.
MAX_KEY_CHARS = 1024

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


# --- the guard before parsing -------------------------------------------------

# Each pattern below takes time linear in what it looks at, matching or
# failing: no part of it can split a run of characters in more than one way
# ("unrolled" loops, no nested repeats).
_SPACE = re.compile(r"[ \t]*")
#: Whitespace, line ends and comments, as between the items of an array.
_GAP = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
#: The rest of a line after a statement: whitespace, a comment, the line end.
_LINE_END = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_BASIC = r'"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"'
_LITERAL = r"'[^'\r\n]*'"
_KEY_PIECE = re.compile(rf"[A-Za-z0-9_-]+|{_BASIC}|{_LITERAL}")
_DOT = re.compile(r"[ \t]*\.[ \t]*")
_BARE_VALUE = r"[A-Za-z0-9_+.:-]+"
_ITEM = rf"(?:{_BASIC}|{_LITERAL}|{_BARE_VALUE})"
#: A short bare key, within both limits by its form: at most 32 parts of at
#: most 31 characters, dots without spaces (1,023 characters at most).
_SHORT_KEY = r"[A-Za-z0-9_-]{1,31}(?:\.[A-Za-z0-9_-]{1,31}){0,31}"
#: Whole arrays and inline tables of strings and numbers, read in one match.
_FLAT_ARRAY = rf"\[[ \t\r\n]*(?:{_ITEM}[ \t\r\n]*,[ \t\r\n]*)*(?:{_ITEM}[ \t\r\n]*)?\]"
_FLAT_TABLE = (
    rf"\{{[ \t]*(?:{_SHORT_KEY}[ \t]*=[ \t]*{_ITEM}[ \t]*,[ \t]*)*"
    rf"(?:{_SHORT_KEY}[ \t]*=[ \t]*{_ITEM}[ \t]*)?\}}"
)
_FLAT = re.compile(f"{_FLAT_ARRAY}|{_FLAT_TABLE}")
#: The common line, read in one match: a short key, `=`, a string, number,
#: boolean, date or flat array or table, a comment, the line end.
_SIMPLE_LINE = re.compile(
    rf"[ \t]*{_SHORT_KEY}[ \t]*=[ \t]*(?:{_ITEM}|{_FLAT_ARRAY}|{_FLAT_TABLE})"
    r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)"
)
#: Items of an array read in one match: strings, numbers, flat arrays and
#: tables, each with its comma.
_ITEMS = re.compile(rf"(?:(?:{_ITEM}|{_FLAT_ARRAY}|{_FLAT_TABLE})[ \t\r\n]*,[ \t\r\n]*)*")
#: Arrays opened one inside another: `[[[`, maybe with spaces between.
_OPENERS = re.compile(r"\[(?:[ \t\r\n]*\[)*")
#: A value that holds no key: a string of any of the four kinds (a multi-line
#: one may end in one or two quotes of its own before its closing three), or a
#: number, boolean or date-time (whose dots, colons and space are no key's).
_SCALAR = re.compile(
    r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""(?:"{1,2}(?!"))?'
    r"|'''[^']*(?:'(?!'')[^']*)*'''(?:'{1,2}(?!'))?"
    rf"|{_BASIC}|{_LITERAL}"
    rf"|{_BARE_VALUE}(?: (?=[0-9]{{2}}:){_BARE_VALUE})?"
)


class _NotTomlError(Exception):
    """The text is not TOML here: parsing will say what is wrong."""


class _TooLongError(Exception):
    """A key or table header over a limit, at a place in the text."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def key_problem(text: str) -> tuple[int, str] | None:
    """(line, message) for the first key or table header with more than
    MAX_KEY_PARTS dotted parts or more than MAX_KEY_CHARS characters; None if
    there is none, or if the text stops being TOML before one (parsing will
    report that). Keys in inline tables count; dots in strings, comments,
    numbers and dates do not. Time linear in the length of the text."""
    try:
        _statements(text)
    except _NotTomlError:
        return None
    except _TooLongError as found:
        return text.count("\n", 0, found.position) + 1, found.message
    return None


def _past(pattern: re.Pattern[str], text: str, position: int) -> int:
    """Where `pattern` (one that may match nothing) stops matching from `position`."""
    found = pattern.match(text, position)
    return found.end() if found else position


def _statements(text: str) -> None:
    """Scan the table headers and `key = value` lines of `text` in order."""
    position = 0
    end = len(text)
    while True:
        position = _past(_GAP, text, position)
        if position >= end:
            return
        simple = _SIMPLE_LINE.match(text, position)
        if simple:
            position = simple.end()
            continue
        if text.startswith("[", position):
            close = "]]" if text.startswith("[[", position) else "]"
            position = _key(text, position + len(close), "table header")
            position = _past(_SPACE, text, position)
            if not text.startswith(close, position):
                raise _NotTomlError
            position += len(close)
        else:
            position = _value(text, _equals(text, _key(text, position, "key")))
        line_end = _LINE_END.match(text, position)
        if line_end is None:
            raise _NotTomlError
        position = line_end.end()


def _key(text: str, position: int, what: str) -> int:
    """The end of the dotted key at `position` (after spaces), within the limits."""
    start = position = _past(_SPACE, text, position)
    parts = 0
    while True:
        piece = _KEY_PIECE.match(text, position)
        if piece is None:
            raise _NotTomlError
        parts += 1
        position = piece.end()
        if parts > MAX_KEY_PARTS:
            raise _TooLongError(start, f"{what} has more than {MAX_KEY_PARTS} dotted parts")
        if position - start > MAX_KEY_CHARS:
            raise _TooLongError(start, f"{what} is longer than {MAX_KEY_CHARS} characters")
        dot = _DOT.match(text, position)
        if dot is None:
            return position
        position = dot.end()


def _equals(text: str, position: int) -> int:
    """Past the `=` after a key (and the spaces around it)."""
    position = _past(_SPACE, text, position)
    if not text.startswith("=", position):
        raise _NotTomlError
    return _past(_SPACE, text, position + 1)


def _value(text: str, position: int) -> int:
    """The end of the value at `position`. Arrays and inline tables (whose keys
    are checked too) are followed with a stack, not by recursion."""
    closers: list[str] = []  # for each array or inline table open here: "]" or "}"
    deepest = sys.getrecursionlimit()  # tomllib cannot read a value nested deeper
    want_value = True
    while len(closers) <= deepest:
        if want_value:
            start = _past(_GAP if closers else _SPACE, text, position)
            if closers and closers[-1] == "]":
                start = _past(_GAP, text, _past(_ITEMS, text, start))
            position, want_value = _opening(text, start, closers)
            if want_value:
                continue
        if not closers:
            return position
        position = _past(_GAP, text, position)
        mark = text[position : position + 1]
        if mark == closers[-1]:
            closers.pop()
            position += 1
        elif mark == ",":
            position += 1
            want_value = True
            if closers[-1] == "}":
                position = _equals(text, _key(text, position, "key"))
        else:
            raise _NotTomlError
    raise _NotTomlError


def _opening(text: str, position: int, closers: list[str]) -> tuple[int, bool]:
    """Read what starts a value at `position`: past a scalar, or into an array
    or inline table (pushing its closer). Also: is a value still to come
    (after `[`, or `{ key =`)?"""
    opener = text[position : position + 1]
    if opener in "[{" and (flat := _FLAT.match(text, position)):
        return flat.end(), False
    if opener == "[":
        arrays = _OPENERS.match(text, position)
        assert arrays is not None  # noqa: S101 - it matches the "[" just seen
        closers.extend("]" * arrays.group().count("["))
        return arrays.end(), True
    if opener == "{":
        closers.append("}")
        position = _past(_SPACE, text, position + 1)
        if text.startswith("}", position):
            return position, False  # an empty inline table: closed by the caller
        return _equals(text, _key(text, position, "key")), True
    if opener == "]" and closers and closers[-1] == "]":
        return position, False  # an empty array, or a comma before its end
    scalar = _SCALAR.match(text, position)
    if scalar is None:
        raise _NotTomlError
    return scalar.end(), False
