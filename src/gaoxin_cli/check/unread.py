"""Numbers a text states that are not read as figures but look like
quantities: after Latin letters ("FDI 9亿美元", "RMB85亿元"), with too many
digits, in Chinese numerals with 余 or 多 ("九千多人"), in capital numerals
("壹佰零贰亿元"), or a fraction in words ("六分之五"). A checker that passed
over them would let a wrong figure beside a right one through: each is an
unknown of its own.

Pure: the review and what draft made of it in; (start, end) spans out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gaoxin_cli.draft.numbers import read_unit
from gaoxin_cli.draft.result import Draft
from gaoxin_cli.lexicon import CAPITAL_NUMERALS, FRACTION_WORD, INSIDE_HEDGES, NUMERAL_CHARS

#: Why draft leaves a number out that may still be a quantity.
MAYBE_QUANTITY = ("part of a name (letters and digits)", "too many digits to be a figure")
_DIGITS = re.compile(r"[0-9][0-9,.]*")
#: Numerals in words that draft does not read: with a hedge before the counter,
#: capital numerals, fractions in words.
_WORDS = re.compile(
    f"[{NUMERAL_CHARS}{CAPITAL_NUMERALS}两]+(?:{FRACTION_WORD}[{NUMERAL_CHARS}]+)?[{INSIDE_HEDGES}]?"
)


def unread(text: str, draft: Draft, read: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of `text` (the review's running text) that state a quantity no
    figure was read from: `read` holds the spans figures were read from."""
    taken = sorted(read)
    found = []
    for start, end in _candidates(text, draft):
        if not any(low < end and start < high for low, high in taken):
            found.append((start, end))
            taken.append((start, end))
    return sorted(set(found))


def _candidates(text: str, draft: Draft) -> Iterable[tuple[int, int]]:
    """Quantity-like spans: a number draft left out for its letters or digits
    and a unit after it (a year aside), and numerals in words it does not read:
    a fraction, or capital numerals or a hedge before a unit (伍 of 队伍 is none)."""
    doubtful = {n.figure for n in draft.not_figures if n.reason in MAYBE_QUANTITY}
    for found in _DIGITS.finditer(text):
        if found.group() in doubtful:
            end = _unit_end(text, found.end())
            if end is not None:
                yield found.start(), end
    for found in _WORDS.finditer(text):
        words = found.group()
        if FRACTION_WORD in words.strip(FRACTION_WORD):  # 六分之五
            yield found.start(), _unit_end(text, found.end()) or found.end()
        elif any(c in CAPITAL_NUMERALS for c in words) or words[-1] in INSIDE_HEDGES:
            end = _unit_end(text, found.end())
            if end is not None:
                yield found.start(), end


def _unit_end(text: str, at: int) -> int | None:
    """Where a unit written at `at` (after a space) ends, or None: no unit,
    or 年 (PM2.5年均浓度 states no years)."""
    at += len(text[at:]) - len(text[at:].lstrip(" "))
    unit, end, _ = read_unit(text, at)
    return None if unit is None or unit == "年" else end
