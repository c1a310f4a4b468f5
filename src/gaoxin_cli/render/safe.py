"""Text from fact files is data: it must never drive the terminal.

Control characters (C0 but tab and newline, DEL, C1) and the Unicode bidi
controls that can make text display in another order than it is stored are
removed before text reaches a terminal or a text format.
"""

from __future__ import annotations

import re

#: C0 controls, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
#: What JSON leaves raw of those: json.dumps escapes C0 itself, and the raw
#: newlines in its output are its own indentation.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` without control characters.

    Whitespace controls (tab, newline, carriage return) become a space so
    words stay apart; every other unsafe character is dropped.
    """
    return _UNSAFE_RE.sub(lambda m: " " if m.group() in "\t\n\r" else "", text)


def clean_keep_lines(text: str) -> str:
    """Like `clean`, but keeps newlines (used for multi-line table cells)."""
    return "\n".join(clean(part) for part in text.split("\n"))


def json_escape_unsafe(text: str) -> str:
    """Escape, as \\uXXXX, the unsafe characters JSON leaves raw (C1, DEL, bidi).

    `json.dumps(ensure_ascii=False)` already escapes C0 controls; the rest
    would otherwise reach a terminal that prints the JSON. Escaped, the JSON
    still parses to the very same strings.
    """
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
