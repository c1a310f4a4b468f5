"""Units, numbers and safe text: properties over open-ended input."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gaoxin_cli.model.units import Normalized, normalize, scaled, stands_alone
from gaoxin_cli.render.safe import clean, json_escape_unsafe

SCALES = st.sampled_from([1, 10**4, 10**8, 10**12])


def _decimal_scaled(number: int | float, scale: int) -> int | float:
    exact = Decimal(repr(number)) * scale
    return int(exact) if exact == exact.to_integral_value() else float(exact)


@given(
    number=st.integers(-(10**15), 10**15)
    | st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False)
    | st.decimals(-10000, 10000, places=3, allow_nan=False).map(float),
    scale=SCALES,
)
def test_scaling_is_exact(number: int | float, scale: int) -> None:
    """Scaling shifts the written digits: the same as exact decimal arithmetic."""
    result = scaled(number, scale)
    expected = _decimal_scaled(number, scale)
    assert result == expected
    assert type(result) is type(expected)


def test_known_scalings() -> None:
    """32.8 亿元 is 3 280 000 000 CNY, 18.0 % is 18 percent, 1/6 is 100/6 percent, and so on."""
    assert normalize(32.8, "亿元") == Normalized(3_280_000_000, "CNY")
    assert normalize(85, "亿元") == Normalized(8_500_000_000, "CNY")
    assert normalize(18.0, "%") == Normalized(18, "percent")
    assert normalize(0.35, "万元") == Normalized(3500, "CNY")
    assert normalize(1.5, "万亿元") == Normalized(1_500_000_000_000, "CNY")
    assert normalize((1, 6), None) == Normalized(100 / 6, "percent")


_STANDS_ALONE = r"(?<![0-9.]){}(?![0-9]|\.[0-9])"


@given(
    number=st.from_regex(r"\A[0-9]{1,4}(\.[0-9]{1,2})?\Z"),
    text=st.text(alphabet="0123456789.%亿元 ,增长", max_size=30),
)
def test_stands_alone_matches_its_regex(number: str, text: str) -> None:
    """The hand-written scan agrees with the regex it replaced."""
    expected = re.search(_STANDS_ALONE.format(re.escape(number)), text) is not None
    assert stands_alone(number, text) is expected


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_clean_leaves_no_control_characters(text: str) -> None:
    """Nothing that can drive a terminal survives clean(); tab and newlines become spaces."""
    cleaned = clean(text)
    assert not _UNSAFE.search(cleaned)
    spaced = "\t\n\r\u2028\u2029"  # whitespace controls and the line/paragraph separators
    assert cleaned.count(" ") == text.count(" ") + sum(text.count(c) for c in spaced)


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_escaped_json_parses_to_the_same_value(value: object) -> None:
    """JSON with its unsafe characters escaped reads back as the very same value."""
    text = json_escape_unsafe(json.dumps(value, ensure_ascii=False))
    assert not _UNSAFE.search(text.replace("\n", ""))
    assert json.loads(text) == value


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_a_float_without_a_scale_is_itself_an_int_when_whole(number: float) -> None:
    """scaled(x, 1) is x, as an int when x is whole (33.0 -> 33), as for scaled units."""
    result = scaled(number, 1)
    assert result == number
    assert isinstance(result, int) == number.is_integer()
    assert scaled(number, 10) == scaled(scaled(number, 1), 10)
