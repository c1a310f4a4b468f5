"""The numbers of a review's running text: each a figure, with its unit, or a
number that is not a figure and why.

Pure: text in, `Number`s out. Numbers are found as `validate --source` finds
them (coverage.figures), so every number found here is one it checks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from gaoxin_cli.checks import coverage, quotes
from gaoxin_cli.draft.names import around, in_quotation, name_or_date, years_span
from gaoxin_cli.lexicon import (
    AFTER_UNIT_HEDGES,
    COUNTERS,
    DIGITS,
    INSIDE_HEDGES,
    MULTIPLIERS,
    NAMED_COUNTS,
    NUMERAL_POINT,
    PERCENT_WORDS,
    PHRASE_END,
    SET_PHRASES,
)
from gaoxin_cli.model import units

#: A unit as written: 余 or 多, a scale word, 余 or 多, a base unit (longest
#: first, so that 个百分点 is not read as 个).
_UNIT = re.compile(
    "([余多])?("
    + "|".join(word for word, _ in units.SCALES)
    + ")?([余多])?("
    + "|".join(re.escape(b) for b in sorted(units.BASE_UNITS, key=len, reverse=True))
    + ")"
)
#: A unit no table lists: a scale word alone, or up to four Chinese characters,
#: that ends its phrase ("2.3亿标准箱,", "1398头,", "超2000亿。").
_ANY_UNIT = re.compile(
    "("
    + "|".join(word for word, _ in units.SCALES)
    + ")?([\u4e00-\u9fff]{0,4}?)(?=["
    + re.escape("".join(sorted(PHRASE_END)))
    + "]|$)"
)


class Number:
    """A number of the article: where it stands, as written, and what it is."""

    __slots__ = (
        "chinese",
        "end",
        "nf_quote",
        "noun_after",
        "rank",
        "reason",
        "shared",
        "start",
        "unit",
        "unit_end",
        "value",
        "written",
    )

    def __init__(self, start: int, written: str) -> None:
        self.start = start
        self.end = start + len(written)
        self.written = written
        self.chinese = not written[:1].isdigit()
        self.value: int | float | str = _value(written)
        self.unit: str | None = None
        self.unit_end = self.end
        #: True when the unit stands after a list of figures ("0.9和0.4个百分点").
        self.shared = False
        #: True when 以上 or 以下 after the unit belongs to a noun ("亿元以上项目"): a threshold.
        self.noun_after = False
        #: True for a standing written 第N ("全市第一").
        self.rank = False
        #: Why the number is not a figure (a year, a name …), or None for a figure.
        self.reason: str | None = None
        #: For a non-figure: the short text it is listed with ("2019年", "第20届").
        self.nf_quote = written

    @property
    def is_figure(self) -> bool:
        """True if the number states a quantity."""
        return self.reason is None


def numbers(text: str) -> list[Number]:
    """Every number of `text`, read."""
    found = []
    for start, written in coverage.figures(text):
        number = Number(start, written)
        if number.chinese:
            _read_chinese(number, text)
        else:
            _read_arabic(number, text)
        found.append(number)
    return sorted(found, key=lambda n: n.start)


#: The most digits a figure has: beyond them it is a code or junk, and the
#: fact-file format refuses numbers over 10^15.
MAX_DIGITS = 16


#: The last characters of counters: a quantity in Chinese numerals ends in one.
COUNTERS_LAST = frozenset(counter[-1] for counter in COUNTERS)


def _value(written: str) -> int | float | str:
    if sum(c.isdigit() for c in written) > MAX_DIGITS:
        return written
    if not written[:1].isdigit():
        return chinese_value(written)
    plain = written.replace(",", "")
    if "/" in plain:
        return plain
    return float(plain) if "." in plain else int(plain)


def chinese_value(numeral: str) -> int:
    """The value of a Chinese numeral such as 两, 十二, 三百五十 (its counter left off)."""
    total, digit = 0, 0
    for char in numeral:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in MULTIPLIERS:
            total += (digit or 1) * MULTIPLIERS[char]
            digit = 0
    return total + digit


def chinese_decimal(numeral: str) -> int | float:
    """The value of Chinese numerals with a decimal point: 六百七十四点七九 is 674.79."""
    whole, point, fraction = numeral.partition(NUMERAL_POINT)
    if not point:
        return chinese_value(whole)
    return float(f"{chinese_value(whole)}.{''.join(str(DIGITS[c]) for c in fraction)}")


def _read_words(number: Number, text: str) -> bool:
    """A percentage in words (百分之十九点八), an amount before a scale word
    (六百七十四点七九亿元, 千亿元) or a standing (全市第一); False for a counted quantity."""
    written = number.written
    if written.startswith(PERCENT_WORDS):
        number.value = chinese_decimal(written.removeprefix(PERCENT_WORDS))
        number.unit = "%"
        return True
    if written.startswith("第"):
        number.value = chinese_value(written[1:])
        number.rank = True
        after = text[number.end : number.end + 1]
        if after in ("位", "名"):
            number.unit, number.unit_end = after, number.end + 1
        return True
    if written[-1:] in COUNTERS_LAST:
        return False
    number.value = chinese_decimal(written)
    _read_unit(number, text)
    return True


def _read_chinese(number: Number, text: str) -> None:
    """A quantity in Chinese numerals: its counter is its unit."""
    if _read_words(number, text):
        return
    written = number.written
    numeral = written.rstrip("".join(sorted(set("".join(COUNTERS)))))
    counter = written[len(numeral) :]
    # The regex ends at the first counter; keep the whole counter (场次, 小时).
    number.written = numeral
    number.value = chinese_value(numeral)
    number.end = number.start + len(numeral)
    number.unit = counter
    number.unit_end = number.start + len(written)
    before = text[max(0, number.start - 1) : number.start]
    after = text[number.unit_end : number.unit_end + 4]
    phrase = next((p for p in SET_PHRASES if around(text, number.start, p)), None)
    quoted = in_quotation(text, number.start)
    span = years_span(text, number.start, number.unit_end) if counter == "年" else None
    named = next((n for n in NAMED_COUNTS if text.startswith(n, number.unit_end)), None)
    if before == "第":
        _not_figure(number, "an ordinal", text[number.start - 1 : number.unit_end])
    elif named is not None and counter in ("项", "届", "次"):
        _not_figure(number, "part of a name", written + named)
    elif counter == "届" and after[:1] not in PHRASE_END:
        _not_figure(number, "an ordinal", written)
    elif counter == "年" and span is not None:
        _not_figure(number, "a span of years, not a count", span)
    elif quoted is not None:
        _not_figure(number, "part of a name in quotation marks", quoted)
    elif phrase is not None:
        _not_figure(number, "part of a set phrase", phrase)
    elif counter == "年" and after.startswith(("行动", "计划", "规划", "攻坚")):
        _not_figure(number, "part of the name of a plan", written + after[:2])
    elif numeral == "一":
        _not_figure(number, "“one” or “a”, not a count", written)
    elif counter not in units.BASE_UNITS:
        _not_figure(number, "a counter that is not a unit", written)


def _read_arabic(number: Number, text: str) -> None:
    start, end = number.start, number.end
    if text[start - 1 : start] == "第" and _ranked(text, start):
        _read_unit(number, text)  # 居全省第3位: a rank
        return
    named = name_or_date(number, text)
    if named is not None:
        _not_figure(number, *named)
        return
    sign_before = text[start - 2 : start - 1]
    if text[start - 1 : start] in ("-", "−") and not (
        sign_before.isascii() and sign_before.isalnum()
    ):
        number.value = -number.value if isinstance(number.value, int | float) else number.value
    _read_unit(number, text)
    span = years_span(text, start, number.unit_end) if number.unit == "年" else None
    if span is not None:
        _not_figure(number, "a span of years, not a count", span)
        return
    hotline = text.startswith(("热线", "市民热线", "服务热线", "政务服务热线"), end)
    if hotline or (number.unit is None and number.written.isdigit() and len(number.written) >= 7):
        _not_figure(number, "a telephone or code number", text[start : end + 4])


def _read_unit(number: Number, text: str) -> None:
    """The unit after the number (余 or 多 may stand inside it), and whether 以上
    or 以下 after it belongs to a noun; a fraction such as 1/6 has no unit.
    (Its hedges are read from its quote, as validate reads them.)"""
    end = number.end
    if isinstance(number.value, str):  # a fraction
        return
    unit, unit_end, _ = read_unit(text, end)
    if unit is None:
        shared_end = _list_end(text, end)
        if shared_end is not None:
            unit = read_unit(text, shared_end)[0]
            unit_end = end
            number.shared = unit is not None
    if unit is None and not number.shared:  # a counter no table lists, as written
        other = _ANY_UNIT.match(text, end)
        written = other.group() if other is not None else ""
        for word in AFTER_UNIT_HEDGES:  # "1200根以上": 以上 is a hedge, not the unit's
            written = written.removesuffix(word)
        if written[:1] in INSIDE_HEDGES:
            written = ""
        if written:
            unit, unit_end = written, end + len(written)
    number.unit = unit
    number.unit_end = unit_end
    rest = text[unit_end:]
    if rest[:1] in ("余", "多") and unit is not None:
        rest = rest[1:]
    for word in ("以上", "以下"):
        after = rest[len(word) : len(word) + 1]
        if rest.startswith(word) and after and after not in PHRASE_END:
            number.noun_after = True


#: A list of figures that may share the unit after its last ("0.9和0.4个百分点").
_LIST = re.compile(r"[0-9]+(?:\.[0-9]+)?" + quotes.SHARED_UNIT)


@lru_cache(maxsize=4)
def _lists(text: str) -> tuple[list[int], list[int]]:
    """Where each list of figures of `text` starts and ends, found once per
    text: a list of thousands of figures is read in one pass, not once a figure."""
    starts: list[int] = []
    ends: list[int] = []
    for found in _LIST.finditer(text):
        starts.append(found.start())
        ends.append(found.end())
    return starts, ends


def _list_end(text: str, end: int) -> int | None:
    """The end of the list of figures the figure ending at `end` is an item of
    (not its last), or None."""
    starts, ends = _lists(text)
    at = bisect_right(starts, end) - 1
    if at >= 0 and starts[at] < end < ends[at]:
        return ends[at]
    return None


def read_unit(text: str, at: int) -> tuple[str | None, int, str]:
    """(unit, where it ends, the hedge character inside it) of the unit written at `at`."""
    found = _UNIT.match(text, at)
    if found is None:
        return None, at, ""
    before, scale, after, base = found.groups()
    if (before and after) or (after and not scale) or (scale and base in units.UNSCALED):
        return None, at, ""
    return (scale or "") + base, found.end(), before or after or ""


def _not_figure(number: Number, reason: str, quote: str) -> None:
    number.reason = reason
    number.nf_quote = quote


def _ranked(text: str, start: int) -> bool:
    """True if 第N stands in a ranking: 居全省第3位, 排名第2."""
    lead = text[max(0, start - 8) : start]
    return any(word in lead for word in ("居", "位列", "排名", "排在", "列")) and (
        text[start:].lstrip("0123456789")[:1] in ("位", "名")
    )


def item_end(text: str, number: Number) -> int | None:
    """Where the item of a 、-list that `number` ends ("学校4所、…") stops, or None
    if no 、 follows its unit (or its unit stands after a list of figures)."""
    if number.shared or number.unit is None:
        return None
    at = number.unit_end
    for word in AFTER_UNIT_HEDGES:
        if text.startswith(word, at):
            at += len(word)
            break
    return at if text.startswith("、", at) else None
