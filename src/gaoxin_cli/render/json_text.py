"""JSON and JSONL writers, text made safe for terminals. No Rich here.

A few hundred records (every lookup) are encoded here with the C string
quoting of `_json`, without importing the `json` package, whose decoder a
writer never needs (a tenth of the start-up of a lookup); more records go to
`json.dumps` and its C encoder. Both write the very same text: a test holds
them to it on generated records.
"""

import math
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from gaoxin_cli.render.safe import json_escape_unsafe

try:
    from _json import encode_basestring as _quote
    from _json import encode_basestring_ascii as _quote_ascii
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import py_encode_basestring as _quote
    from json.encoder import py_encode_basestring_ascii as _quote_ascii

#: Up to this many records are encoded here; more by the json package.
SMALL = 2000


class _NotSmallError(Exception):
    """A value the small encoder leaves to the json package."""


def _encode(value: Any, quote: Callable[[str], str]) -> str:
    """`value` as json.dumps(value, allow_nan=False) writes it (separators ", " and ": ")."""
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
        return float.__repr__(value)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise _NotSmallError
        pairs = (f"{quote(key)}: {_encode(item, quote)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_encode(item, quote) for item in value) + "]"
    raise _NotSmallError


def dumps_one(value: Any, *, ascii_only: bool = False) -> str:
    """One compact JSON value, as json.dumps(value, ensure_ascii=ascii_only, allow_nan=False)."""
    try:
        return _encode(value, _quote_ascii if ascii_only else _quote)
    except _NotSmallError:
        import json

        return json.dumps(value, ensure_ascii=ascii_only, allow_nan=False)


def _lines(items: list[Any], ascii_only: bool) -> list[str]:
    if len(items) <= SMALL:
        return [dumps_one(item, ascii_only=ascii_only) for item in items]
    import json

    return [json.dumps(item, ensure_ascii=ascii_only, allow_nan=False) for item in items]


def dumps_json(data: Any, *, ascii_only: bool = False) -> str:
    """`data` as JSON: a list of objects one object per line, anything else
    (such as the overview, one object) on one line.

    One record per line (as sqlite-utils writes) reads well, greps well and
    is fast to write: indenting every key would be several times slower on a
    big export; `| jq .` indents. ensure_ascii=False keeps Chinese readable (UTF-8, no \\uXXXX)
    for people and tools like jq; `ascii_only` is for a stdout that cannot
    encode it, where escapes still give the same parsed strings.
    """
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        text = "[" + ",\n ".join(_lines(data, ascii_only)) + "]"
    else:
        text = dumps_one(data, ascii_only=ascii_only)
    return text if ascii_only else json_escape_unsafe(text)


def write_json(data: Any, stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write `data` as one JSON document."""
    stream.write(dumps_json(data, ascii_only=ascii_only))
    stream.write("\n")


def write_jsonl(records: Iterable[Any], stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write one compact JSON object per line."""
    for line in _lines(list(records), ascii_only):
        stream.write(line if ascii_only else json_escape_unsafe(line))
        stream.write("\n")


def stream_json(
    records: Iterable[dict[str, Any]], stream: TextIO, *, lines: bool, ascii_only: bool = False
) -> None:
    """Write records as they come, the same text as `write_json` (one array)
    or `write_jsonl` (`lines`) of the same records: a batch at a time, so
    that an export of a million facts never holds them all."""
    import json
    from itertools import islice

    encode = json.JSONEncoder(ensure_ascii=ascii_only, allow_nan=False).encode
    escape = (lambda text: text) if ascii_only else json_escape_unsafe
    parts = iter(records)
    first = True
    if not lines:
        stream.write("[")
    while batch := list(islice(parts, 100)):
        if lines:
            stream.write(escape("\n".join(map(encode, batch))) + "\n")
        else:
            stream.write(("" if first else ",\n ") + escape(",\n ".join(map(encode, batch))))
        first = False
    if not lines:
        stream.write("]\n")
