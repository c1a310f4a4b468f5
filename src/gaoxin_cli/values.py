"""A figure's text: the value as the article writes it, a fraction, a number in a quote.

Pure and light: the model, the checks, search and the renderers share these.
"""

from typing import TypeAlias

#: A figure as the article writes it: a whole number, a decimal, or a text
#: (a ranking such as "居全省首位", a list of names, or a fraction "1/6").
Value: TypeAlias = int | float | str


def fraction_of(text: str) -> tuple[int, int] | None:
    """(numerator, denominator) of a text such as "1/6", or None if it is not one."""
    numerator, slash, denominator = text.partition("/")
    if not slash or not numerator.isdigit() or not denominator.isdigit():
        return None
    if not numerator.isascii() or not denominator.isascii() or int(denominator) == 0:
        return None
    return int(numerator), int(denominator)


def format_value(value: Value) -> str:
    """A value as the article writes it: 85, 18.3, 1/6 or a text."""
    if isinstance(value, bool):  # never a figure, but never "True" either
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    return str(value)


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
