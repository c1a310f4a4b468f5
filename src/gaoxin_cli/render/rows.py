"""Flat rows of scalars (CSV, TSV, Markdown, SQLite): records spread out,
and facts, comparisons and chart bars as rows for people and spreadsheets."""

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Dataset, Fact
from gaoxin_cli.render.labels import word
from gaoxin_cli.render.records import comparison_records, dataset_record

if TYPE_CHECKING:
    from gaoxin_cli.bars import Chart
    from gaoxin_cli.compare import Comparison

#: Columns of a fact's flat form (CSV, TSV): the record with nested values spread out.
FLAT_COLUMNS = (
    "id",
    "dataset",
    "section",
    "heading",
    "indicator",
    "label_zh",
    "label_en",
    "measure",
    "value",
    "unit",
    "qualifier",
    "status",
    "normalized_value",
    "normalized_unit",
    "period",
    "area_zh",
    "area_en",
    "quote",
    "note",
    "value_en",
    "heading_en",
)


def flat(record: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """`record` as a row of `columns`: a nested value spreads into columns named
    key_subkey (`label_zh`, `normalized_value`), None where it is None."""
    row: dict[str, Any] = {}
    for column, key, sub in _plan(tuple(columns)):
        if column in record:
            row[column] = record[column]
        else:
            row[column] = (record.get(key) or {}).get(sub)
    return row


@lru_cache(maxsize=64)
def _plan(columns: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """Each column, and the key and subkey it may spread from (`label`, `zh`)."""
    return tuple((column, *column.partition("_")[::2]) for column in columns)


def flat_row(fact: Fact) -> dict[str, Any]:
    """One fact as a flat row of scalars (None for empty cells): its record
    spread out, `flat(fact_record(fact), FLAT_COLUMNS)`, made directly, as an
    export of a million facts makes a million of them (a test holds the two
    equal)."""
    normalized = fact.normalized
    label, heading, area = fact.label, fact.heading, fact.area
    return {
        "id": fact.id,
        "dataset": fact.dataset,
        "section": fact.section,
        "heading": heading.zh,
        "indicator": fact.indicator,
        "label_zh": label.zh,
        "label_en": label.en,
        "measure": fact.measure,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "status": fact.status,
        "normalized_value": normalized.value if normalized else None,
        "normalized_unit": normalized.unit if normalized else None,
        "period": fact.period,
        "area_zh": area.zh,
        "area_en": area.en,
        "quote": fact.quote,
        "note": fact.note,
        "value_en": fact.value_en,
        "heading_en": heading.en,
    }


def flat_values(fact: Fact) -> list[Any]:
    """`flat_row` of `fact` as a list, in the order of FLAT_COLUMNS."""
    return list(flat_row(fact).values())  # made in that order (a test holds it)


#: Columns of a dataset's flat row (CSV, TSV, Markdown).
DATASET_COLUMNS = ("id", "title_zh", "title_en", "area_zh", "area_en", "period", "facts", "path")


def dataset_row(dataset: Dataset, facts: int | None = None) -> dict[str, Any]:
    """A dataset as a flat row of scalars."""
    return flat(dataset_record(dataset, facts), DATASET_COLUMNS)


def comparison_columns(comparison: "Comparison") -> list[str]:
    """Columns of the flat form of a comparison: four per dataset (value, unit,
    qualifier, status)."""
    suffixes = ("", "_unit", "_qualifier", "_status")
    per_dataset = [f"{d.id}{suffix}" for d in comparison.datasets for suffix in suffixes]
    return [
        "indicator",
        "key",
        "measure",
        "label_zh",
        "label_en",
        *per_dataset,
        "change",
        "change_unit",
        "change_percent",
        "approximate",
        "note",
    ]


def comparison_rows(comparison: "Comparison", lang: str) -> list[dict[str, Any]]:
    """The comparison as flat rows of scalars (CSV, TSV)."""
    rows = []
    for record in comparison_records(comparison):
        row = {
            "indicator": record["indicator"],
            "key": record["key"],
            "measure": record["measure"],
            "label_zh": record["label"]["zh"],
            "label_en": record["label"]["en"],
        }
        for dataset_id, stated in record["values"].items():
            value = stated or {}
            row[dataset_id] = value.get("value")
            row[f"{dataset_id}_unit"] = value.get("unit")
            row[f"{dataset_id}_qualifier"] = value.get("qualifier")
            row[f"{dataset_id}_status"] = value.get("status")
        change = record["change"] or {}
        row["change"] = change.get("value")
        row["change_unit"] = change.get("unit")
        row["change_percent"] = change.get("percent")
        row["approximate"] = change.get("approximate")
        row["note"] = record["note"][lang] if record["note"] else None
        rows.append(row)
    return rows


def readable_rows(
    facts: "Sequence[Fact]", lang: str
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """Columns, headings and rows of facts for people (Markdown): id, label,
    measure, figure with its status, qualifier and unit, quote; the dataset when
    there are several."""
    columns, headings = readable_columns(len({f.dataset for f in facts}) > 1, lang)
    return columns, headings, [readable_row(f, lang) for f in facts]


def readable_columns(several: bool, lang: str) -> tuple[list[str], list[str]]:
    """Columns and headings of `readable_rows`: the dataset first when there are `several`."""
    columns = ["dataset"] if several else []
    columns += ["id", "label", "measure", "figure", "quote"]
    return columns, [word("indicator" if c == "label" else c, lang) for c in columns]


def readable_row(fact: Fact, lang: str) -> dict[str, Any]:
    """One fact's row of `readable_rows`."""
    from gaoxin_cli.model import MEASURES
    from gaoxin_cli.render.figure_text import format_figure

    return {
        "dataset": fact.dataset,
        "id": fact.id,
        "label": fact.label.pick(lang),
        "measure": MEASURES[fact.measure][1 if lang == "en" else 0],
        "figure": format_figure(fact, lang),
        "quote": fact.quote,
    }


#: Columns of a chart's bars as flat rows.
BAR_COLUMNS = (
    "dataset",
    "section",
    "chart",
    "indicator",
    "id",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "qualifier",
    "status",
    "derived_from",
)


def bar_rows(items: "Sequence[Chart]") -> list[dict[str, Any]]:
    """Each bar of each chart as a flat row: its JSON record (render.shapes)
    spread out, `derived_from` space-separated."""
    from gaoxin_cli.render.shapes import bar_records

    rows = []
    for record in bar_records(items):
        row = flat(record, BAR_COLUMNS)
        row["derived_from"] = " ".join(record["derived_from"]) or None
        rows.append(row)
    return rows


def readable_dataset_rows(
    found: "Sequence[tuple[Dataset, int]]", lang: str
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """Columns, headings and rows of datasets for people (Markdown)."""
    columns = ["id", "title", "area", "period", "facts"]
    rows = [
        {
            "id": d.id,
            "title": d.title.pick(lang),
            "area": d.area.pick(lang),
            "period": d.period,
            "facts": n,
        }
        for d, n in found
    ]
    return columns, [word(c, lang) for c in columns], rows
