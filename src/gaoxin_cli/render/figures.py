"""Figures for people: "≈6亿元" in Chinese, "≈600 m CNY" in English."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from gaoxin_cli.model import MEASURES, QUALIFIERS, Dataset, Fact, format_value, fraction_of

if TYPE_CHECKING:
    from gaoxin_cli.compare import Change, Comparison

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
    """A decimal without exponent or trailing zeros: 8.5, 600, 0.1 (and 0, never -0)."""
    text = format(number.normalize(), "f")
    return "0" if text == "-0" else text


def format_change(change: Change, first: Fact, lang: str) -> str:
    """A change for people: "+5亿元" or "+500 m CNY", "-1.3个百分点" or "-1.3 pp",
    then the relative change; "≈" when a figure was hedged."""
    mark = "≈" if change.approximate else ""
    absolute = change.absolute
    if lang == "en":
        from gaoxin_cli.compare import number

        text = english_amount(number(absolute), change.unit)
    elif change.unit == "percentage_points":
        text = f"{_plain(absolute)}个百分点"
    else:
        from gaoxin_cli.units import split_unit

        scale = (split_unit(first.unit) or (1, ""))[0] if first.unit else 1
        text = f"{_plain(absolute / scale)}{first.unit or ''}"
    sign = "+" if absolute > 0 else ""
    text = f"{mark}{sign}{text}"
    if change.relative is not None:
        relative_sign = "+" if change.relative > 0 else ""
        text += f" ({relative_sign}{_plain(change.relative)}%)"
    return text


def dataset_heading(dataset: Dataset, datasets: Sequence[Dataset], lang: str) -> str:
    """What tells a dataset apart from the others: its period, else its area, else its id."""
    if len({d.period for d in datasets}) == len(datasets):
        return dataset.period
    if len({d.area.pick(lang) for d in datasets}) == len(datasets):
        return dataset.area.pick(lang)
    return dataset.id


_COMPARE_WORDS = {
    "indicator": ("指标", "Indicator"),
    "measure": ("度量", "Measure"),
    "change": ("变化", "Change"),
}


def comparison_cells(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str]]]:
    """Headings and rows of text for a comparison: indicator (on its first row),
    measure, one figure per dataset ("—" where it states none), and the
    change, or why there is none."""
    pick = 1 if lang == "en" else 0
    datasets = comparison.datasets
    headings = [
        _COMPARE_WORDS["indicator"][pick],
        _COMPARE_WORDS["measure"][pick],
        *(dataset_heading(d, datasets, lang) for d in datasets),
        _COMPARE_WORDS["change"][pick],
    ]
    rows = []
    previous = None
    for row in comparison.rows:
        indicator = row.indicator.label.pick(lang) if row.indicator.id != previous else ""
        previous = row.indicator.id
        measure = MEASURES[row.measure][pick]
        if row.label != row.indicator.label:
            measure = row.label.pick(lang)  # a fact with a name of its own
        first = next(f for f in row.facts if f is not None)
        change = format_change(row.change, first, lang) if row.change else ""
        rows.append(
            [
                indicator,
                measure,
                *(format_figure(f, lang) if f is not None else "—" for f in row.facts),
                row.note.pick(lang) if row.note else change,
            ]
        )
    return headings, rows
