"""Figures for people: "≈6亿元" in Chinese, "≈600 m CNY" in English."""

from __future__ import annotations

from decimal import Decimal

from gaoxin_cli.model import QUALIFIERS, Fact, format_value, fraction_of

_EN_UNITS = {
    "percent": "%",
    "percentage_points": " pp",
}
_MONEY = frozenset({"CNY", "USD"})
#: Counted things: the column and label say what; the number is enough.
_COUNTS = frozenset(
    {
        "organizations",
        "items",
        "people",
        "times",
        "events",
        "institutions",
        "facilities",
        "households",
        "levels",
    }
)


def qualifier_mark(fact: Fact) -> str:
    """The qualifier as a mark before the figure: ">", "≈", "≥", "预计 "."""
    if fact.qualifier is None:
        return ""
    return QUALIFIERS[fact.qualifier][1]


def format_figure(fact: Fact, lang: str) -> str:
    """The fact's value for a table cell, with qualifier mark and unit."""
    mark = qualifier_mark(fact)
    if fact.is_text:
        text = fact.note if lang == "en" and fact.note else format_value(fact.value)
        return f"{mark}{text}"
    if lang != "en":
        return f"{mark}{format_value(fact.value)}{fact.unit or ''}"
    if isinstance(fact.value, str) and fraction_of(fact.value) is not None and not fact.unit:
        return f"{mark}{fact.value}"
    normalized = fact.normalized
    if normalized is None:
        return f"{mark}{format_value(fact.value)} {fact.unit or ''}".rstrip()
    if mark == "预计 ":
        mark = "est. "
    return f"{mark}{english_amount(normalized.value, normalized.unit)}"


def english_amount(value: int | float, unit: str) -> str:
    """A normalized amount the English way: 8.5 bn CNY, 428,000 items, 18.3%."""
    if unit in _EN_UNITS:
        return f"{_plain(Decimal(repr(value)))}{_EN_UNITS[unit]}"
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if unit in _MONEY:
        for size, word in ((Decimal(10**9), "bn"), (Decimal(10**6), "m")):
            if abs(exact) >= size:
                return f"{_plain(exact / size)} {word} {unit}"
    number = f"{int(exact):,}" if exact == exact.to_integral_value() else _plain(exact)
    return number if unit in _COUNTS else f"{number} {unit}"


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 8.5, 600, 0.1."""
    return format(number.normalize(), "f")
