"""Folding text into lines of a given width in terminal cells, the way a
person sets Chinese and English text by hand.

A line may end at a space (the space is not shown at the fold) or between
two Chinese characters, never inside a word or a figure ("18.3%",
"fixed-asset-investment.growth"), never before a closing mark (，。、）” …)
and never after an opening one (（“ …), by the Chinese line-break rules. Only
a single word wider than the whole line is cut, at the width, and even then
every character is kept: joining the lines gives back the text, less the
spaces at the folds.
"""

import re
import unicodedata
from functools import lru_cache

from rich.cells import cell_len

from gaoxin_cli.lexicon import BASE_UNITS, INSIDE_HEDGES, NO_LINE_END, NO_LINE_START, SCALES

_UNITS = "|".join(re.escape(u) for u in sorted(BASE_UNITS, key=len, reverse=True))
_SCALES = "|".join(word for word, _ in SCALES)
#: A figure with its unit, never folded: "85亿元", "7000多人", "42.8万余件", "1个百分点".
_FIGURE = re.compile(
    f"[0-9][0-9.,/%]*[{INSIDE_HEDGES}]?(?:(?:{_SCALES})[{INSIDE_HEDGES}]?)?(?:{_UNITS})?[{INSIDE_HEDGES}]?"
)

#: Characters of a word or a figure: a figure starts after none of them
#: ("fortune500", "overover85亿元" are words that hold digits).
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,/%-")


def _wide(char: str) -> bool:
    """A character that stands as a word of its own: Chinese, and the
    non-ASCII marks (“ is one cell wide but no part of an English word)."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return True
    return not char.isascii() and (char in NO_LINE_START or char in NO_LINE_END)


@lru_cache(maxsize=4096)
def _sized_pieces(text: str) -> tuple[tuple[int, int, bool, int], ...]:
    """`_pieces` of `text` with the cells each takes, once per text (a table
    folds the same cell at many widths while it chooses them)."""
    return tuple((a, b, space, cell_len(text[a:b])) for a, b, space in _pieces(text))


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """`text` cut where a line may break: (start, end, is_space) spans. A
    piece is a run of spaces, a word of narrow characters, or one Chinese
    character, with the closing marks after it and the opening marks before
    it held on."""
    pieces: list[list[int]] = []  # [start, end, kind]: 0 space, 1 narrow word, 2 wide
    previous = -1  # the kind of the character before
    for n, char in enumerate(text):
        kind = 0 if char.isspace() else 2 if _wide(char) else 1
        if pieces:
            same_run = kind == previous and kind != 2
            closes = char in NO_LINE_START and previous != 0
            opened = text[n - 1] in NO_LINE_END and kind != 0
            if same_run or closes or opened:
                pieces[-1][1] = n + 1
                previous = kind
                continue
        pieces.append([n, n + 1, kind])
        previous = kind
    return _whole_figures(text, [(start, end, kind == 0) for start, end, kind in pieces])


def _whole_figures(text: str, pieces: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """`pieces` with those that a figure and its unit span joined into one."""
    merged: list[tuple[int, int, bool]] = []
    spans = [m.span() for m in _FIGURE.finditer(text) if m.end() - m.start() > 1]
    at = 0  # the first span that may still hold a piece (both go left to right)
    for start, end, space in pieces:
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        inside = (
            merged and not space and not merged[-1][2] and at < len(spans) and spans[at][0] < start
        )
        if inside:
            merged[-1] = (merged[-1][0], end, False)
        else:
            merged.append((start, end, space))
    return merged


def fold_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where `text` (one line, no newline) folds at `width` cells: each line's
    (start, end) in `text`, spaces at the folds left out. Every line is at
    most `width` cells wide (at least one character, should a single
    character be wider)."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    start: int | None = None  # where the current line starts
    end = 0  # where its last shown character ends
    used = 0  # its cells, start to end
    pending = 0  # the cells of the spaces after end
    for p_start, p_end, is_space, size in _sized_pieces(text):
        if is_space:
            if start is None and not lines and size < width:  # an indent is kept
                start, end, used = p_start, p_end, size
            else:
                pending += size
            continue
        if start is not None and used + pending + size <= width:
            end, used, pending = p_end, used + pending + size, 0
            continue
        if start is not None and end > start:
            lines.append((start, end))
        start, pending = p_start, 0
        while cell_len(text[start:p_end]) > width:  # a piece wider than a line
            cut = _forced_cut(text, start, p_end, width)
            lines.append((start, cut))
            start = cut
        end, used = p_end, cell_len(text[start:p_end])
    if start is not None and end > start and text[start:end].strip():
        lines.append((start, end))
    return lines or [(0, 0)]


def _forced_cut(text: str, start: int, end: int, width: int) -> int:
    """Where a piece too wide for a line (`text[start:end]`) is cut: between a
    held mark and its word if that fits ("（" | "fixed-asset…"; words stay whole
    before the line-break rules), else after a hyphen (fixed-asset-|investment),
    else at the width, not before a closing mark nor after an opening one
    where it can."""
    fits, used = start + 1, cell_len(text[start])
    while fits < end:
        size = cell_len(text[fits])
        if used + size > width:
            break
        used += size
        fits += 1
    wide = [_wide(char) for char in text[start : min(fits + 1, end)]]
    figures = [
        m.span()
        for m in _FIGURE.finditer(text, start, end)
        if text[m.start() - 1 : m.start()] not in _WORD_CHARS and any(map(_wide, m.group()))
    ]
    # Between a narrow and a wide character, never inside a figure with its
    # Chinese unit; and before such a figure where it starts inside a word
    # ("3288b)|85亿元").
    seams = sorted(
        {
            at
            for at in range(start + 1, min(fits + 1, end))
            if wide[at - start - 1] != wide[at - start] and not any(a < at < b for a, b in figures)
        }
        | {a for a, _ in figures if start < a <= fits}
    )
    kept = [at for at in seams if text[at] not in NO_LINE_START and text[at - 1] not in NO_LINE_END]
    closed = [at for at in seams if text[at] not in NO_LINE_START]
    if seams:  # a word whole first, by the line-break rules as far as they allow it
        return (kept or closed or seams)[-1]
    hyphens = [
        at
        for at in range(start + 1, fits + 1)
        if text[at - 1] == "-" and text[at - 2 : at - 1].isalpha()
    ]
    if hyphens:  # then after a hyphen: fixed-asset-|investment
        return hyphens[-1]
    cut = fits
    while (
        cut - start > 1
        and cut < end
        and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END)
    ):
        cut -= 1  # a mark stays with what it closes or opens
    for a, b in figures:  # but never inside a figure with its unit: before it, or after it
        if a < cut < b:
            return a if a > start else b if b <= fits else cut
    return cut


def fold(text: str, width: int) -> list[str]:
    """`text` (one line) folded into lines of at most `width` cells."""
    return [text[start:end] for start, end in fold_spans(text, width)]


@lru_cache(maxsize=4096)
def widest_piece(text: str) -> int:
    """The cells of the widest piece of `text` no fold splits (a word, a
    figure with its unit, a Chinese character with its marks; a hyphenated
    word counts by its parts, as it may fold after a hyphen): the narrowest
    a column can be without cutting one."""
    widest = 0
    for line in text.split("\n"):
        for start, end, space in _pieces(line):
            if not space:
                parts = _HYPHENATED.split(line[start:end])
                widest = max(widest, *(cell_len(part) for part in parts))
    return widest


#: Where a hyphenated word may fold: after a hyphen that follows a letter.
_HYPHENATED = re.compile(r"(?<=[A-Za-z]-)")
