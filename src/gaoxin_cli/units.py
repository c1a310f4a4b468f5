"""Units as the article writes them, and their normalized form.

A unit is an optional scale word (万 = 10^4, 亿 = 10^8, 万亿 = 10^12) before a
base unit (元, 美元, 家, %, 个百分点 …). Normalizing applies the scale and
names the base unit in English, so that 85 亿元 becomes 8500000000 CNY.
Arithmetic is done in Decimal so that 32.8 亿 is 3280000000, not
3280000000.0000005.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

#: Scale words, longest first so that 万亿 is not read as 万.
SCALES: tuple[tuple[str, int], ...] = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))

#: Base units the article uses, and their normalized English names.
BASE_UNITS: dict[str, str] = {
    "元": "CNY",
    "美元": "USD",
    "%": "percent",
    "个百分点": "percentage_points",
    "微克/立方米": "µg/m³",
    "家": "organizations",
    "件": "items",
    "个": "items",
    "项": "items",
    "名": "people",
    "人": "people",
    "次": "times",
    "场次": "events",
    "场": "events",
    "所": "institutions",
    "座": "facilities",
    "户": "households",
    "年": "years",
    "级": "levels",
    "天": "days",
    "小时": "hours",
}

#: Units that a scale word cannot precede.
UNSCALED = frozenset({"%", "个百分点", "微克/立方米"})

#: The normalized unit of a fraction such as 1/6 ("占全市的1/6").
FRACTION_UNIT = "percent"


class Normalized(NamedTuple):
    """A value in base units: scale applied, unit named in English."""

    value: int | float
    unit: str


def split_unit(unit: str) -> tuple[int, str] | None:
    """The scale and base unit of `unit` ("亿元" -> (10**8, "元")), or None if unknown."""
    if unit in BASE_UNITS:
        return 1, unit
    for word, scale in SCALES:
        base = unit.removeprefix(word)
        if base != unit and base in BASE_UNITS and base not in UNSCALED:
            return scale, base
    return None


def is_known_unit(unit: str) -> bool:
    """True if `unit` is a base unit, with or without a scale word."""
    return split_unit(unit) is not None


def known_units() -> list[str]:
    """The base units, for messages that list what is allowed."""
    return list(BASE_UNITS)


def normalize(number: int | float | Fraction, unit: str | None) -> Normalized | None:
    """`number` written in `unit`, in base units; None if the unit is unknown.

    A fraction with no unit ("1/6") is a share, normalized to percent.
    """
    if isinstance(number, Fraction):
        if unit is None:
            return Normalized(float(number * 100), FRACTION_UNIT)
        number = float(number)
    if unit is None:
        return None
    parts = split_unit(unit)
    if parts is None:
        return None
    scale, base = parts
    # repr() gives the shortest decimal that reads back as this float, i.e.
    # the digits the fact file holds; Decimal keeps them exact.
    exact = Decimal(repr(number)) * scale
    value: int | float = int(exact) if exact == exact.to_integral_value() else float(exact)
    return Normalized(value, BASE_UNITS[base])
