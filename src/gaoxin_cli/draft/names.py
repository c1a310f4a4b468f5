"""Numbers that are no figures: what makes a number name, order or date
something (a date, a time of day, a name of letters and digits, an ordinal,
a span of years), and the short quote it stands in.

Pure: the running text and a number's place in it in, a reason out. The
words these read are the lexicon's.
"""

from __future__ import annotations

import re
from typing import Protocol

from gaoxin_cli.lexicon import DATE_AFTER, TIME_AFTER, YEARS_SINCE, YEARS_SPAN


class Number(Protocol):
    """What these rules read of a number: where it stands, as written, its value."""

    start: int
    end: int
    written: str
    value: int | float | str


_RANGE = re.compile("[至到\\-—~\uff5e][0-9]+[月日号]")
#: A date written with hyphens or slashes: 2018-01-24, 2024/2/2.
_ISO_DATE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}([-/])[0-9]{1,2}\1[0-9]{1,2}(?![0-9])")
#: A time of day: 16:20, 09:47:22.
_CLOCK = re.compile(
    r"(?<![0-9.:：])(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?:[:：][0-5][0-9])?(?![0-9.:：\ufe30])"
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def name_or_date(number: Number, text: str) -> tuple[str, str] | None:
    """(why, the short quote) if the number names, orders or dates something."""
    start, end, written = number.start, number.end, number.written
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    if isinstance(number.value, str) and "/" not in number.value:
        return "too many digits to be a figure", written
    dated = _date_or_time(number, text)
    if dated is not None:
        return dated
    if latin(before) or latin(after) or (before == "." and latin(text[start - 2 : start - 1])):
        return "part of a name (letters and digits)", _token(text, start, end)
    if "+" in (before, after):
        return "part of a name such as “1+5”", _plus_name(text, start, end)
    if before == "第":
        return "an ordinal", text[start - 1 : end + 1]
    quoted = in_quotation(text, start)
    if quoted is not None:
        return "part of a name in quotation marks", quoted
    if _YEAR.fullmatch(written) and text.startswith("年", end):
        return "a year", written + "年"
    if after in DATE_AFTER:
        return "a date", written + after
    span = _RANGE.match(text, end)
    if span is not None:
        return "a date range", text[start : span.end()]
    if after == "强":
        return "the name of a ranking list", written + after
    if after == "版" or text.startswith("版本", end):
        return "a version", written + after
    return None


def _date_or_time(number: Number, text: str) -> tuple[str, str] | None:
    """(why, the short quote) if the number is part of a date or a time of
    day as a dateline writes them ("2018-01-24 16:20", "上午9时")."""
    start, end = number.start, number.end
    for pattern, why in ((_ISO_DATE, "a date"), (_CLOCK, "a time of day")):
        for found in pattern.finditer(text, max(0, start - 12), min(len(text), end + 12)):
            if found.start() <= start and end <= found.end():
                return why, found.group()
    if text[end : end + 1] in TIME_AFTER:
        return "a time of day", number.written + text[end]
    return None


def years_span(text: str, start: int, end: int) -> str | None:
    """The words that make "N年" at `start` (ending at `end`) a span of time,
    with it ("今后三年", "过去的四年", "五年来"); None for a count of years."""
    low = max(0, start - 6)
    found = [text.find(word, low, start) for word in YEARS_SPAN]
    begin = min((at for at in found if at != -1), default=None)
    since = next(
        (w for w in sorted(YEARS_SINCE, key=len, reverse=True) if text.startswith(w, end)), ""
    )
    if begin is None and not since:
        return None
    return text[begin if begin is not None else start : end + len(since)]


def latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _token(text: str, start: int, end: int) -> str:
    low, high = start, end
    while (
        low > 0 and text[low - 1].isascii() and (text[low - 1].isalnum() or text[low - 1] in ".-")
    ):
        low -= 1
    while (
        high < len(text) and text[high].isascii() and (text[high].isalnum() or text[high] in ".-")
    ):
        high += 1
    return text[low:high]


def _plus_name(text: str, start: int, end: int) -> str:
    low, high = start, end
    while low > 0 and (text[low - 1].isdigit() or text[low - 1] == "+"):
        low -= 1
    while high < len(text) and (text[high].isdigit() or text[high] == "+"):
        high += 1
    if text[low - 1 : low] == "“" and text[high : high + 1] == "”":
        low, high = low - 1, high + 1
    return text[low:high]


def in_quotation(text: str, position: int) -> str | None:
    """The “…” around `position`, quotation marks included, if it is a short name."""
    opening = text.rfind("“", 0, position)
    if opening == -1 or "”" in text[opening:position]:
        return None
    closing = text.find("”", position)
    if closing == -1 or closing - opening > 24:
        return None
    return text[opening : closing + 1]


def around(text: str, position: int, phrase: str) -> bool:
    low = max(0, position - len(phrase))
    return any(
        text.startswith(phrase, at) and at <= position < at + len(phrase)
        for at in range(low, position + 1)
    )
