"""A Markdown (GitHub) table writer: text escaped so that it stays text. No Rich here."""

import re
from collections.abc import Iterable, Mapping, Sequence
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
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    stream: TextIO,
    headings: Sequence[str] | None = None,
) -> None:
    """Write a Markdown (GitHub) table: text escaped so that it stays text,
    columns of numbers aligned right. `rows` is read twice (a list, or rows
    spooled to disk)."""
    heads = [_markdown_cell(h) for h in (headings or columns)]
    stream.write("| " + " | ".join(heads) + " |\n")
    # A column of numbers only (and at least one) is aligned right: one pass over the rows.
    seen: set[str] = set()
    words: set[str] = set()
    for row in rows:
        for column in columns:
            value = row.get(column)
            if value is not None:
                seen.add(column)
                if not _is_number(value):
                    words.add(column)
    rules = ["---:" if c in seen and c not in words else "---" for c in columns]
    stream.write("| " + " | ".join(rules) + " |\n")
    for row in rows:
        cells = [_markdown_cell(row.get(column)) for column in columns]
        stream.write("| " + " | ".join(cells) + " |\n")
