"""Units as the article writes them, and their normalized form.

A unit is an optional scale word (万 = 10^4, 亿 = 10^8, 万亿 = 10^12) before a
base unit (元, 美元, 家, %, 个百分点 …). Normalizing applies the scale and
names the base unit in English, so that 85 亿元 becomes 8500000000 CNY.
Scaling is exact, on the decimal digits the file holds, so that 32.8 亿 is
3280000000, not 3280000000.0000005.
"""

from functools import lru_cache

from gaoxin_cli import lexicon

#: The article's scale words, base units and the units no scale word precedes
#: (the lexicon's lists; here, what normalizing them needs).
SCALES = lexicon.SCALES
BASE_UNITS = lexicon.BASE_UNITS
UNSCALED = lexicon.UNSCALED

#: The normalized unit of a fraction such as 1/6 ("占全市的1/6").
FRACTION_UNIT = "percent"


class Normalized:
    """A value in base units: scale applied, unit named in English.

    A plain class rather than a named tuple: it is defined at every start.
    """

    __slots__ = ("unit", "value")

    def __init__(self, value: int | float, unit: str) -> None:
        self.value = value
        self.unit = unit

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Normalized):
            return NotImplemented
        return (self.value, self.unit) == (other.value, other.unit)

    def __hash__(self) -> int:
        return hash((self.value, self.unit))

    def __repr__(self) -> str:
        return f"Normalized({self.value!r}, {self.unit!r})"


def split_unit(unit: str) -> tuple[int, str] | None:
    """The scale and base unit of `unit` ("亿元" -> (10**8, "元"); "億元" too,
    read as simplified), or None if its base unit is not in the table."""
    found = _split_known(unit)
    if found is None and not unit.isascii():
        from gaoxin_cli.simplified import simplified_word

        reading = simplified_word(unit)
        found = _split_known(reading) if reading != unit else None
    return found


def _split_known(unit: str) -> tuple[int, str] | None:
    if unit in BASE_UNITS:
        return 1, unit
    for word, scale in SCALES:
        base = unit.removeprefix(word)
        if base != unit and base in BASE_UNITS and base not in UNSCALED:
            return scale, base
    return None


@lru_cache(maxsize=1024)
def split_any(unit: str) -> tuple[int, str]:
    """The scale and base unit of any unit: a counter no table lists is a
    base unit as written ("万标箱" -> (10**4, "标箱"), "班次" -> (1, "班次"))."""
    known = split_unit(unit)
    if known is not None:
        return known
    for word, scale in SCALES:
        base = unit.removeprefix(word)
        if base != unit and base:
            return scale, base
    return 1, unit


def scaled_unscaled(unit: str) -> bool:
    """True for a scale word before a unit no scale word may precede ("亿%")."""
    return any(unit.removeprefix(word) in UNSCALED for word, _ in SCALES if unit.startswith(word))


def is_known_unit(unit: str) -> bool:
    """True if `unit` is a base unit, with or without a scale word."""
    return split_unit(unit) is not None


def known_units() -> list[str]:
    """The base units, for messages that list what is allowed."""
    return list(BASE_UNITS)


def normalize(number: int | float | tuple[int, int], unit: str | None) -> Normalized | None:
    """`number` written in `unit`, in base units; a base unit no table lists
    (a counter such as 班次) normalizes to itself, as written.

    A fraction (numerator, denominator) with no unit ("1/6") is a share,
    normalized to percent. (int / int is correctly rounded, as a Fraction
    would be.)
    """
    if isinstance(number, tuple):
        numerator, denominator = number
        if unit is None:
            return Normalized(numerator * 100 / denominator, FRACTION_UNIT)
        number = numerator / denominator
    if unit is None:
        return None
    scale, base = split_any(unit)
    return Normalized(scaled(number, scale), BASE_UNITS.get(base, base))


def scaled(number: int | float, scale: int) -> int | float:
    """`number` times `scale` (a power of ten), exactly: an int when whole.

    repr() gives the shortest decimal that reads back as the float, i.e. the
    digits the fact file holds; shifting those digits is exact, and float()
    of the result rounds it once, correctly.
    """
    if isinstance(number, int):
        return number * scale
    if scale == 1:  # most units have no scale word: the number itself, an int when whole
        return int(number) if number.is_integer() else number
    mantissa, _, exponent = repr(number).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = int(whole + fraction)
    shift = int(exponent or 0) - len(fraction) + len(str(scale)) - 1
    if shift >= 0:
        return digits * int(10**shift)
    divisor = int(10**-shift)
    if digits % divisor == 0:
        return digits // divisor
    return float(f"{digits}e{shift}")


def stands_alone(number: str, text: str) -> bool:
    """True if `number` occurs in `text` not as part of a longer number.

    Not after a digit or a point, and not before a digit or a point followed by
    a digit: "6" is in "增长6%" and "6." ends a sentence, but not in "16" or "6.3".
    """
    start = text.find(number)
    while start != -1:
        end = start + len(number)
        before = text[start - 1] if start else ""
        after = text[end : end + 2]
        if not (before.isdecimal() and before.isascii()) and before != ".":
            followed = after[:1]
            if not (followed.isascii() and followed.isdecimal()) and not (
                followed == "." and after[1:2].isascii() and after[1:2].isdecimal()
            ):
                return True
        start = text.find(number, start + 1)
    return False
