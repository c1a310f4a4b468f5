"""Exact decimal arithmetic for figures: 18.3 is 18.3, not the float's binary value.

Charts, comparisons and the English wording of amounts compute with these,
so that 85亿元 − 80亿元 is 5亿元 exactly and never 4.999….
"""

from decimal import Decimal


def exact(value: int | float) -> Decimal:
    """A figure as an exact decimal: 18.3 is 18.3, not the float's binary value."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def number(value: Decimal) -> int | float:
    """A JSON number for an exact decimal: an int when whole, else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 8.5, 600, 0.1 (and 0, never -0)."""
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text
