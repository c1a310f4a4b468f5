"""A Markdown (GitHub) table writer: text escaped so that it stays text. No Rich here."""

import re
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from gaoxin_cli.render.safe import clean

#: Characters that Markdown could read as markup, escaped with a backslash.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|&~$"})


#: What a Markdown viewer would make a link of: a URL, www., an e-mail
#: address or a mention (any @), an issue (#1).
_LINKS = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<![\w.])(www)(\.)|(@)|(?<!\w)(#)(?=\w)")


def _markdown_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    text = clean(str(value)).translate(_MARKDOWN)
    # "https\://", "www\.", "\@name", "\#1": shown as written, never linked
    return _LINKS.sub(
        lambda m: "".join(("\\" + g if g in (":", ".", "@", "#") else g) for g in m.groups() if g),
        text,
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def write_markdown(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    headings: Sequence[str] | None = None,
) -> None:
    """Write a Markdown (GitHub) table: text escaped so that it stays text,
    columns of numbers aligned right."""
    heads = [_markdown_cell(h) for h in (headings or columns)]
    stream.write("| " + " | ".join(heads) + " |\n")
    rules = []
    for column in columns:
        values = [row.get(column) for row in rows if row.get(column) is not None]
        rules.append("---:" if values and all(map(_is_number, values)) else "---")
    stream.write("| " + " | ".join(rules) + " |\n")
    for row in rows:
        cells = [_markdown_cell(row.get(column)) for column in columns]
        stream.write("| " + " | ".join(cells) + " |\n")
