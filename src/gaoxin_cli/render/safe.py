"""Text from fact files is data: it must never drive the terminal.

Control characters (C0 but tab and newline, DEL, C1) and the Unicode bidi
controls that can make text display in another order than it is stored are
removed before text reaches a terminal or a text format.
"""

#: Bidi embedding, override and isolate marks, and the Arabic letter mark.
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
#: What JSON leaves raw of the unsafe characters (json.dumps escapes C0 itself,
#: and the raw newlines in its output are its own indentation): DEL, C1, bidi.
_JSON_UNSAFE = [*range(0x7F, 0xA0), *_BIDI]
#: C0 controls, then the rest: whitespace controls become a space, others go.
_CLEAN = dict.fromkeys([*range(32), *_JSON_UNSAFE]) | {
    ord("\t"): " ",
    ord("\n"): " ",
    ord("\r"): " ",
}
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _JSON_UNSAFE}


def clean(text: str) -> str:
    """`text` without control characters.

    Whitespace controls (tab, newline, carriage return) become a space so
    words stay apart; every other unsafe character is dropped.
    """
    return text.translate(_CLEAN)


def clean_keep_lines(text: str) -> str:
    """Like `clean`, but keeps newlines (used for multi-line table cells)."""
    return "\n".join(clean(part) for part in text.split("\n"))


def json_escape_unsafe(text: str) -> str:
    """Escape, as \\uXXXX, the unsafe characters JSON leaves raw (C1, DEL, bidi).

    `json.dumps(ensure_ascii=False)` already escapes C0 controls; the rest
    would otherwise reach a terminal that prints the JSON. Escaped, the JSON
    still parses to the very same strings.
    """
    return text.translate(_JSON_ESCAPES)
