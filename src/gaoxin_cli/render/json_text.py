"""JSON and JSONL writers: the C encoder, text made safe for terminals. No Rich here."""

import json
from collections.abc import Iterable
from typing import Any, TextIO

from gaoxin_cli.render.safe import json_escape_unsafe


def dumps_json(data: Any, *, ascii_only: bool = False) -> str:
    """`data` as JSON: a list of objects one object per line, anything else indented.

    One record per line (as sqlite-utils writes) reads well, greps well and
    uses the C encoder: indenting every key would be several times slower on
    a big export. ensure_ascii=False keeps Chinese readable (UTF-8, no
    \\uXXXX) for people and tools like jq; `ascii_only` is for a stdout that
    cannot encode it, where escapes still give the same parsed strings.
    """
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        items = [json.dumps(item, ensure_ascii=ascii_only, allow_nan=False) for item in data]
        text = "[" + ",\n ".join(items) + "]"
    else:
        text = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False)
    return text if ascii_only else json_escape_unsafe(text)


def write_json(data: Any, stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write `data` as one JSON document."""
    stream.write(dumps_json(data, ascii_only=ascii_only))
    stream.write("\n")


def write_jsonl(records: Iterable[Any], stream: TextIO, *, ascii_only: bool = False) -> None:
    """Write one compact JSON object per line."""
    for record in records:
        line = json.dumps(record, ensure_ascii=ascii_only, allow_nan=False)
        stream.write(line if ascii_only else json_escape_unsafe(line))
        stream.write("\n")
