"""What a quote says about its figure: the unit written after it, the hedges
around it, and which units each measure takes.

Pure: text in, findings out. `validate` turns what does not agree with a
fact's keys into problems.
"""

from __future__ import annotations

import re

from gaoxin_cli.lexicon import (
    HEDGE_WORDS,
    INSIDE_HEDGES,
    LIST_JOINERS,
    NOT_HEDGES,
    PERCENT_WORDS,
    PHRASE_END,
    STATUS_WORDS,
)
from gaoxin_cli.model import Fact, units

#: Hedge words right before a figure, right after it (or its unit), and
#: anywhere before it in its clause, each with the qualifier it asks for: the
#: vocabulary's HEDGE_WORDS by where they stand.
BEFORE: dict[str, str] = {w: q for w, q, place in HEDGE_WORDS if place == "before"}
AFTER: dict[str, str] = {w: q for w, q, place in HEDGE_WORDS if place == "after"}
SCOPED: dict[str, str] = {w: q for w, q, place in HEDGE_WORDS if place == "scoped"}
#: The longest hedge word (and a word that holds one, 签约): what is read
#: right before a figure and right after its unit.
_LONGEST_HEDGE = max(len(word) for word, _, _ in HEDGE_WORDS) + 2
#: Status words, anywhere before the figure in its quote, and the status each asks for.
STATUS: dict[str, str] = dict(STATUS_WORDS)

#: The units each measure takes, by base unit (the unit less its scale word):
#: rates, shares and growth in percent (or a fraction such as 1/6); the points
#: above the city in percentage points; amounts and counts never in either.
PERCENT = frozenset({"%"})
POINTS = frozenset({"个百分点"})
MEASURE_UNITS: dict[str, str] = {
    "growth": "percent",
    "rate": "percent",
    "share": "percent",
    "share_of_city": "percent",
    "vs_city": "points",
    "vs_province": "points",
    "vs_national": "points",
    "change": "points",
    "level": "amount",
    "increase": "amount",
    "threshold": "amount",
}


def unit_problem(fact: Fact) -> str | None:
    """Why the fact's unit does not fit its measure, or None."""
    kind = MEASURE_UNITS.get(fact.measure)
    if kind is None or fact.is_text:
        return None
    if fact.unit and fact.note and not units.is_known_unit(fact.unit):
        return None  # a misprint kept as written ("8.41个百多点"), its note says so
    split = units.split_unit(fact.unit) if fact.unit else None
    base = split[1] if split else None
    if kind == "percent" and base is not None and base not in PERCENT:
        return f"measure '{fact.measure}' is in % (or a fraction such as 1/6), not {fact.unit}"
    if kind == "points" and base not in POINTS:
        return f"measure '{fact.measure}' is in 个百分点, not {fact.unit or 'a fraction'}"
    if kind == "amount" and (base in PERCENT | POINTS or fact.unit is None):
        return (
            f"measure '{fact.measure}' is an amount or a count, not a share"
            f" ({fact.unit or fact.figure}): use share, rate or growth"
        )
    return None


class Reading:
    """Where a figure stands in its quote: whether its unit follows it as
    written, what is written there instead, and the qualifiers its hedges ask for."""

    __slots__ = ("hedges", "statuses", "unit_found", "written_unit")

    def __init__(
        self,
        unit_found: bool,
        written_unit: str,
        hedges: frozenset[str],
        statuses: frozenset[str] = frozenset(),
    ) -> None:
        self.unit_found = unit_found
        self.written_unit = written_unit
        self.hedges = hedges
        self.statuses = statuses


def read(fact: Fact) -> list[Reading]:
    """Each place the fact's figure stands alone in its quote, read (a quote
    in traditional characters as simplified; the written unit as the quote
    writes it)."""
    from gaoxin_cli.simplified import simplified, simplified_word, without_ruby

    figure, written = simplified(fact.figure), without_ruby(fact.quote)
    quote = simplified(written)
    unit = simplified_word(fact.unit) if fact.unit else None
    readings = []
    # Where each scoped hedge and status word first ends: "before the figure"
    # is then one comparison, and a quote is read once, however many places.
    first_end = {
        word: at + len(word) for word in (*SCOPED, *STATUS) if (at := quote.find(word)) != -1
    }
    for start in _places(figure, quote, whole=fact.written is None):
        end = start + len(figure)
        in_words = figure.startswith(PERCENT_WORDS) and unit == "%"  # 百分之十九点八
        unit_end = _unit_end(quote, end, unit) if unit and not in_words else end
        hedges: set[str] = set()
        before_word = _before_hedge(quote[max(0, start - _LONGEST_HEDGE) : start])
        if before_word is not None:
            hedges.add(BEFORE[before_word])
        hedges.update(q for word, q in SCOPED.items() if first_end.get(word, start + 1) <= start)
        inside = quote[end : unit_end if unit_end is not None else end]
        hedges.update(AFTER[c] for c in inside if c in INSIDE_HEDGES and c not in (unit or ""))
        at = unit_end if unit_end is not None else end
        after = quote[at : at + _LONGEST_HEDGE + 1]
        if after[:1] in INSIDE_HEDGES and after[:1]:
            hedges.add(AFTER[after[0]])
        for word in ("以上", "左右", "以内", "以下"):
            rest = after[len(word) :]
            if after.startswith(word) and (not rest or rest[0] in PHRASE_END):
                hedges.add(AFTER[word])
        # one hedge after a list holds for each of its figures: "增长10.6%和12.3%左右"
        tail = _LIST_TAIL.match(quote, at, at + SHARED_REACH)
        if tail is not None:
            hedges.add(AFTER[tail.group(1)])
        statuses = frozenset(
            s for word, s in STATUS.items() if first_end.get(word, start + 1) <= start
        )
        unit_found, written_unit = unit_end is not None, _written_unit(written, end)
        readings.append(Reading(unit_found, written_unit, frozenset(hedges), statuses))
    return readings


def _before_hedge(before: str) -> str | None:
    """The hedge word `before` ends with, the longest (不超过, not 超过)."""
    word = next((w for w in sorted(BEFORE, key=len, reverse=True) if before.endswith(w)), None)
    if word is not None and any(
        before.endswith(other) and other.endswith(word) for other in NOT_HEDGES
    ):
        return None
    return word


def _places(figure: str, quote: str, *, whole: bool) -> list[int]:
    """Where `figure` stands in `quote` (as a whole number, for digits)."""
    places = []
    start = quote.find(figure)
    while start != -1:
        if not whole or _alone_at(figure, quote, start):
            places.append(start)
        start = quote.find(figure, start + 1)
    return places


def _alone_at(figure: str, quote: str, start: int) -> bool:
    before = quote[start - 1] if start else ""
    after = quote[start + len(figure) : start + len(figure) + 2]
    if (before.isascii() and before.isdecimal()) or before == ".":
        return False
    return not (
        (after[:1].isascii() and after[:1].isdecimal())
        or (after[:1] == "." and after[1:2].isascii() and after[1:2].isdecimal())
    )


def _unit_end(quote: str, end: int, unit: str) -> int | None:
    """Where `unit`, written right after the figure, ends in `quote` (余 or 多 may
    stand before it, or between its scale word and base unit); None if it is not there."""
    split = units.split_unit(unit)
    scale_word = ""
    if split is not None:
        scale_word = unit[: len(unit) - len(split[1])]
    pieces = [re.escape(scale_word)] if scale_word else []
    pieces.append(re.escape(unit[len(scale_word) :]))
    pattern = f"[{INSIDE_HEDGES}]?" + f"[{INSIDE_HEDGES}]?".join(pieces)
    match = re.compile(pattern).match(quote, end)
    if match is None:  # a list sharing one unit: "分别高于全省、全国0.9和0.4个百分点"
        # read no further than a list of figures in a quote runs (linear in any quote)
        match = re.compile(SHARED_UNIT + pattern).match(quote, end, end + SHARED_REACH)
    return match.end() if match else None


#: The rest of a list of figures a figure is an item of (not the last), with
#: the hedge written once after it: "和12.3%左右", "、3%、2.5‰以内".
_LIST_TAIL = re.compile(
    rf"(?:[{LIST_JOINERS}][0-9]+(?:\.[0-9]+)?[^0-9{LIST_JOINERS}，。；,;：:（）()]{{0,5}}?)+?"
    r"(以上|左右|以内|以下)(?=$|[，。；,;、）)”\s])"
)
#: The furthest a figure's unit is looked for after a list sharing it.
SHARED_REACH = 1000
#: Figures between a figure and the unit they share: "0.9和0.4个百分点", "3、5、8家".
SHARED_UNIT = rf"(?:[{LIST_JOINERS}][0-9]+(?:\.[0-9]+)?)+"


def _written_unit(quote: str, end: int) -> str:
    """What the quote writes right after a figure, up to the end of its phrase."""
    text = ""
    for char in quote[end : end + 8]:
        if char in PHRASE_END or (char.isascii() and char.isdecimal()):
            break
        text += char
    return text
