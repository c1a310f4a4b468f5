"""Text from fact files is data: it must never drive the terminal.

One rule for every output. Machine formats (JSON, JSONL, SQLite, the data
package) keep text verbatim: JSON escapes what a terminal could act on as
\\uXXXX, which parses back to the very same string. Formats for people and
spreadsheets (tables, Markdown, CSV and TSV) neutralise it: control
characters (C0 but tab and newline, DEL, C1), the Unicode bidi controls that
can make text display in another order than it is stored, and zero-width
characters are removed, the line and paragraph separators become a space;
CSV and TSV cells that would run as a formula start with ', Markdown cells
that would link (https://, www., @name, #1) are escaped.
"""

#: Bidi embedding, override and isolate marks, and the Arabic letter mark.
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
#: Characters that take no width and hide in text: zero-width space, joiners,
#: word joiner, byte-order mark.
_ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
#: The Unicode line and paragraph separators: a line break to some readers.
_SEPARATORS = [0x2028, 0x2029]
#: What JSON leaves raw of the unsafe characters (json.dumps escapes C0 itself,
#: and the raw newlines in its output are its own indentation): DEL, C1, bidi,
#: zero-width characters and the separators.
_JSON_UNSAFE = [*range(0x7F, 0xA0), *_BIDI, *_ZERO_WIDTH, *_SEPARATORS]
#: C0 controls, then the rest: whitespace controls and the separators become a
#: space, others go.
_CLEAN = dict.fromkeys([*range(32), *_JSON_UNSAFE]) | {
    ord("\t"): " ",
    ord("\n"): " ",
    ord("\r"): " ",
    **dict.fromkeys(_SEPARATORS, " "),
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
