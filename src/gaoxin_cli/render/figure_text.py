"""Figures as text for people, in zh or en: "≈6亿元" or "≈600 m CNY", changes,
and the cells of a comparison."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from gaoxin_cli.model import (
    MEASURES,
    QUALIFIERS,
    STATUSES,
    Dataset,
    Fact,
    format_value,
    fraction_of,
)
from gaoxin_cli.model.decimals import exact, number, plain
from gaoxin_cli.render.labels import word

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


#: A status's mark in English tables (zh: its mark in model.STATUSES).
_EN_STATUS_MARKS = {"estimated": "est. ", "preliminary": "prelim. "}


def status_mark(status: str | None, lang: str) -> str:
    """A status as a mark before the figure: "预计 ", "初步 " (en: "est. ", "prelim. ")."""
    if status is None:
        return ""
    if lang == "en":
        return _EN_STATUS_MARKS[status]
    return STATUSES[status][1]


def marks_legend(lang: str) -> list[tuple[str, str]]:
    """Every mark the tables and charts print, and what it means: the
    bounds and statuses of the vocabulary, and the signs of the views."""
    from gaoxin_cli.model import QUALIFIERS

    en = lang == "en"
    rows = [
        (mark, f"{name} ({words})" if en else f"{words}（{name}）")
        for name, (words, mark) in QUALIFIERS.items()
    ]
    rows += [
        (status_mark(name, lang).strip(), f"{name} ({words})" if en else f"{words}（{name}）")
        for name, (words, _) in STATUSES.items()
    ]
    rows += [
        (
            "≈",
            "a change between figures that are hedged or not final"
            if en
            else "变化：所据数字有限定或非最终",
        ),
        ("—", "not stated by that dataset" if en else "该数据集未载"),
        (
            "└",
            "a fact with a label of its own, under its indicator" if en else "指标下另有名称的数字",
        ),
        ("░", "derived by the tool, not a figure of the article" if en else "由此推算，非原文数字"),
    ]
    return rows


def qualifier_mark(qualifier: str | None) -> str:
    """A qualifier as a mark before the figure: ">", "<≈" (近: just under), "~", "≥", "≤"."""
    if qualifier is None:
        return ""
    return QUALIFIERS[qualifier][1]


def format_figure(fact: Fact, lang: str) -> str:
    """The fact's value for a table cell: its status mark, its qualifier
    mark, the figure and its unit ("预计 ~4.5%", "est. ~4.5%")."""
    mark = status_mark(fact.status, lang) + qualifier_mark(fact.qualifier)
    if fact.is_text:
        text = fact.value_en if lang == "en" and fact.value_en else format_value(fact.value)
        return f"{mark}{text}"
    if lang != "en":
        return f"{mark}{format_value(fact.value)}{fact.unit or ''}"
    if isinstance(fact.value, str) and fraction_of(fact.value) is not None and not fact.unit:
        return f"{mark}{fact.value}"
    normalized = fact.normalized
    if normalized is None:
        return f"{mark}{format_value(fact.value)} {fact.unit or ''}".rstrip()
    return f"{mark}{english_amount(normalized.value, normalized.unit)}"


def english_amount(value: int | float, unit: str) -> str:
    """A normalized amount the English way: 8.5 bn CNY, 428,000 items, 18.3%."""
    amount = exact(value)
    if unit in _EN_UNITS:
        return f"{plain(amount)}{_EN_UNITS[unit]}"
    if unit in _MONEY:
        for size, scale_word in ((Decimal(10**9), "bn"), (Decimal(10**6), "m")):
            if abs(amount) >= size:
                return f"{plain(amount / size)} {scale_word} {unit}"
    digits = f"{int(amount):,}" if amount == amount.to_integral_value() else plain(amount)
    return digits if unit in _COUNTS else f"{digits} {unit}"


def format_change(change: Change, first: Fact, lang: str) -> str:
    """A change for people: "+5亿元" or "+500 m CNY", "-1.3个百分点" or "-1.3 pp",
    then the relative change; "≈" when a figure was hedged."""
    mark = "≈" if change.approximate else ""
    absolute = change.absolute
    if lang == "en":
        text = english_amount(number(absolute), change.unit)
    elif change.unit == "percentage_points":
        text = f"{plain(absolute)}个百分点"
    else:
        from gaoxin_cli.model.units import split_unit

        scale = (split_unit(first.unit) or (1, ""))[0] if first.unit else 1
        text = f"{plain(absolute / scale)}{first.unit or ''}"
    sign = "+" if absolute > 0 else ""
    text = f"{mark}{sign}{text}"
    if change.relative is not None:
        relative_sign = "+" if change.relative > 0 else ""
        text += f" ({relative_sign}{plain(change.relative)}%)"
    return text


def dataset_heading(dataset: Dataset, datasets: Sequence[Dataset], lang: str) -> str:
    """What tells a dataset apart from the others: its area and period where
    the areas differ ("大连高新区 2019"), else its period, else its id."""
    areas = {d.area.pick(lang) for d in datasets}
    if len(areas) > 1 and len({(d.area.pick(lang), d.period) for d in datasets}) == len(datasets):
        return f"{dataset.area.pick(lang)} {dataset.period}".strip()
    if len({d.period for d in datasets}) == len(datasets):
        return dataset.period
    if len({d.area.pick(lang) for d in datasets}) == len(datasets):
        return dataset.area.pick(lang)
    return dataset.id


def comparison_cells(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str]]]:
    """Headings and rows of text for a comparison: indicator (on its first row),
    measure, one figure per dataset ("—" where it states none), and the
    change, or why there is none."""
    pick = 1 if lang == "en" else 0
    datasets = comparison.datasets
    headings = [
        word("indicator", lang),
        word("measure", lang),
        *(dataset_heading(d, datasets, lang) for d in datasets),
        word("change", lang),
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
