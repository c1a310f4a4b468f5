"""The same indicators across datasets, side by side, with the change between them.

Pure: models in, rows out. A row is one fact key of one indicator (its
measure, or its own key such as `growth-adjusted`) with the fact each
dataset states for it. The change is computed only where it means something:
both figures are numbers whose normalized units agree, and the measures are
the same. Otherwise the row says why there is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from gaoxin_cli.errors import NotFoundError
from gaoxin_cli.model import MEASURES, Dataset, Fact, FactBook, Indicator, Label
from gaoxin_cli.model.decimals import exact

#: Normalized units whose difference is in percentage points, and whose
#: relative change would be a ratio of ratios (not shown).
_RATES = {"percent": "percentage_points", "percentage_points": "percentage_points"}


class Change:
    """From the first dataset's figure to the last one's."""

    __slots__ = ("absolute", "approximate", "relative", "unit")

    def __init__(
        self, absolute: Decimal, unit: str, relative: Decimal | None, approximate: bool
    ) -> None:
        self.absolute = absolute  # in the normalized unit
        self.unit = unit
        self.relative = relative  # percent, one decimal; None for rates
        self.approximate = approximate  # a figure was hedged (余, 近 …) or not final (预计 …)


class Row:
    """One fact key of one indicator, across the datasets compared."""

    __slots__ = ("change", "facts", "indicator", "key", "label", "measure", "note")

    def __init__(
        self,
        indicator: Indicator,
        key: str,
        facts: list[Fact | None],
        change: Change | None,
        note: Label | None,
    ) -> None:
        self.indicator = indicator
        self.key = key
        self.facts = facts
        present = [f for f in facts if f is not None]
        self.measure = present[0].measure
        self.label = present[0].label
        self.change = change
        self.note = note


class Comparison:
    """Datasets as columns (oldest period first), the rows compared, and the
    ids of a section's indicators left out because only one dataset has them."""

    __slots__ = ("alone", "datasets", "one_area", "rows")

    def __init__(self, datasets: list[Dataset], rows: list[Row], alone: list[str]) -> None:
        self.datasets = datasets
        self.rows = rows
        self.alone = alone
        #: True if every dataset is of one area: only then is there a change.
        self.one_area = same_area(datasets)


#: The note of every row of datasets of different areas.
AREAS_DIFFER = Label("地区不同：并列，不计变化", "different areas: side by side, no change")


def same_area(datasets: Sequence[Dataset]) -> bool:
    """True if the datasets are of one area (a district's 2017 and a zone's
    2019 are not: one is not the other's next year)."""
    return len({(d.area.zh.strip(), d.area.en.strip().casefold()) for d in datasets}) <= 1


def compare(
    book: FactBook,
    ids: Sequence[str],
    section: str | None,
    datasets: Sequence[Dataset] | None = None,
) -> Comparison:
    """Compare the indicators or facts named (or every indicator of `section`)
    across `datasets` (default: those of `book`), each a column, oldest first.

    An indicator id gives a row per fact key, a fact id (`gdp.growth`) that
    row alone; a dataset that lacks one has None in its place. Ids named are
    shown even if one dataset alone has them; of a whole section, only those
    at least two datasets have (with one dataset, every indicator). Raises
    NotFoundError when no dataset has any of them.
    """
    wanted = list(dict.fromkeys(i.strip() for i in ids))
    columns = list(book.datasets if datasets is None else datasets)
    order: list[str] = []
    keys: dict[str, set[str] | None] = {}  # indicator id -> fact keys (None: all)
    found: dict[tuple[str, str], Indicator] = {}
    named: set[str] = set()
    for dataset in book.datasets:
        for indicator in dataset.indicators:
            if section is not None and indicator.section != section:
                continue
            chosen = _chosen(indicator, wanted, keys) if wanted else True
            if chosen:
                named.update(_names(indicator, wanted))
                found[(dataset.id, indicator.id)] = indicator
                order.append(indicator.id)
    order = _in_order(order, wanted)
    missing = [i for i in wanted if i not in named]
    if missing:
        messages = [_unknown(m, book, section) for m in missing]
        raise NotFoundError(
            "\n".join(plain for plain, _ in messages), cli="\n".join(cli for _, cli in messages)
        )
    if not found:
        raise NotFoundError(f"no dataset has indicators in section {section!r}")
    alone: list[str] = []
    if not wanted and len(columns) > 1:
        holders = [[key for key in found if key[1] == i] for i in order]
        alone = [i for i, held in zip(order, holders, strict=True) if len(held) < 2]
        order = [i for i in order if i not in alone]
        if not order:
            having = sorted({key[0] for key in found})
            message = (
                f"no indicator of section {section!r} is in two datasets"
                f" (it is in: {', '.join(having)})"
            )
            raise NotFoundError(message, cli=f"{message}; see: gaoxin datasets")
    columns.sort(key=lambda d: d.period)
    rows: list[Row] = []
    for indicator_id in order:
        per_dataset = [found.get((d.id, indicator_id)) for d in columns]
        rows.extend(
            _indicator_rows(per_dataset, columns, keys.get(indicator_id), same_area(columns))
        )
    return Comparison(columns, rows, alone)


def _chosen(indicator: Indicator, wanted: list[str], keys: dict[str, set[str] | None]) -> bool:
    """Whether `indicator` is named in `wanted`, whole or by some of its facts;
    records which fact keys to show in `keys`."""
    if indicator.id in wanted:
        keys[indicator.id] = None
        return True
    facts = [f.key for f in indicator.facts if f.id in wanted]
    if not facts:
        return False
    shown = keys.get(indicator.id, set())
    if shown is not None:
        keys[indicator.id] = shown | set(facts)
    return True


def _names(indicator: Indicator, wanted: list[str]) -> set[str]:
    """The ids of `wanted` that `indicator` answers: its own, its facts'."""
    return {indicator.id, *(f.id for f in indicator.facts)} & set(wanted)


def _in_order(found: list[str], wanted: list[str]) -> list[str]:
    """Indicator ids once each: in the order their ids were named, else as found."""
    unique = list(dict.fromkeys(found))
    if not wanted:
        return unique

    def first_named(indicator_id: str) -> int:
        return min(
            n for n, w in enumerate(wanted) if w == indicator_id or w.startswith(f"{indicator_id}.")
        )

    return sorted(unique, key=first_named)


def _unknown(wanted: str, book: FactBook, section: str | None) -> tuple[str, str]:
    """Why `wanted` is not compared: (for a library user, for the command line)."""
    elsewhere = sorted(
        {i.section for i in book.indicators if wanted in (i.id, *(f.id for f in i.facts))}
    )
    if section is not None and elsewhere:
        message = f"{wanted!r} is not in section {section!r} (it is in: {', '.join(elsewhere)})"
        return message, message
    from gaoxin_cli.query import unknown_id

    return unknown_id(wanted, book)


def _indicator_rows(
    per_dataset: list[Indicator | None],
    datasets: list[Dataset],
    shown: set[str] | None,
    one_area: bool,
) -> list[Row]:
    keys: list[str] = []
    for indicator in per_dataset:
        for fact in indicator.facts if indicator else ():
            if fact.key not in keys and (shown is None or fact.key in shown):
                keys.append(fact.key)
    first = next(i for i in per_dataset if i is not None)
    rows = []
    for key in keys:
        facts = [
            next((f for f in indicator.facts if f.key == key), None) if indicator else None
            for indicator in per_dataset
        ]
        change, note = _change(facts, datasets) if one_area else (None, AREAS_DIFFER)
        rows.append(Row(first, key, facts, change, note))
    return rows


def _change(
    facts: list[Fact | None], datasets: list[Dataset]
) -> tuple[Change | None, Label | None]:
    present = [(f, d) for f, d in zip(facts, datasets, strict=True) if f is not None]
    if len(present) < 2:
        return None, None  # the missing figures say it
    (old, _), (new, _) = present[0], present[-1]
    measures = list(dict.fromkeys(f.measure for f, _ in present))
    if len(measures) > 1:
        zh = " vs ".join(MEASURES[m][0] for m in measures)
        return None, Label(f"度量不同：{zh}", f"measures differ: {' vs '.join(measures)}")
    if old.is_text and new.is_text:
        return None, None
    if old.is_text or new.is_text:
        return None, Label("文字与数字不可比", "words and a number: not comparable")
    before, after = old.normalized, new.normalized
    if before is None or after is None:
        return None, None
    if before.unit != after.unit:
        zh = " vs ".join(f"{f.unit or ''}" for f, _ in present)
        en = " vs ".join(dict.fromkeys(f.normalized.unit for f, _ in present if f.normalized))
        return None, Label(f"单位不同：{zh}", f"units differ: {en}")
    start, end = exact(before.value), exact(after.value)
    absolute = end - start
    if isinstance(old.value, str) or isinstance(new.value, str):
        # A fraction ("1/6") is a repeating decimal: two places are plenty.
        absolute = absolute.quantize(Decimal("0.01"))
    relative = None
    if before.unit not in _RATES and start != 0:
        relative = (absolute / abs(start) * 100).quantize(Decimal("0.1"))
    approximate = any(f.qualifier is not None or f.status is not None for f in (old, new))
    return Change(absolute, _RATES.get(before.unit, before.unit), relative, approximate), None
