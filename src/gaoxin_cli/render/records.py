"""The JSON record of a fact (DESIGN.md's contract) and its flat row form."""

from pathlib import Path
from typing import Any

from gaoxin_cli.model import Dataset, Fact

#: Keys of a fact's JSON record, in order. Scripts rely on these.
RECORD_KEYS = (
    "id",
    "dataset",
    "section",
    "heading",
    "indicator",
    "label",
    "measure",
    "value",
    "unit",
    "qualifier",
    "normalized",
    "period",
    "area",
    "quote",
    "note",
)

#: Columns of the flat form (CSV, TSV): the record with nested values spread out.
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
    "normalized_value",
    "normalized_unit",
    "period",
    "area_zh",
    "area_en",
    "quote",
    "note",
)


def fact_record(fact: Fact) -> dict[str, Any]:
    """The JSON record of one fact."""
    normalized = fact.normalized
    return {
        "id": fact.id,
        "dataset": fact.dataset,
        "section": fact.section,
        "heading": fact.heading.zh,
        "indicator": fact.indicator,
        "label": {"zh": fact.label.zh, "en": fact.label.en},
        "measure": fact.measure,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "normalized": (
            {"value": normalized.value, "unit": normalized.unit} if normalized else None
        ),
        "period": fact.period,
        "area": {"zh": fact.area.zh, "en": fact.area.en},
        "quote": fact.quote,
        "note": fact.note,
    }


def flat_row(fact: Fact) -> dict[str, Any]:
    """One fact as a flat row of scalars: the record with `label`, `normalized`
    and `area` spread into `label_zh`, `normalized_value` … (None for empty cells)."""
    record = fact_record(fact)
    normalized = record["normalized"] or {}
    record["label_zh"], record["label_en"] = record["label"]["zh"], record["label"]["en"]
    record["normalized_value"] = normalized.get("value")
    record["normalized_unit"] = normalized.get("unit")
    record["area_zh"], record["area_en"] = record["area"]["zh"], record["area"]["en"]
    return {column: record[column] for column in FLAT_COLUMNS}


def dataset_record(dataset: Dataset, facts: int | None = None) -> dict[str, Any]:
    """The JSON record of a dataset's metadata; `facts` is its number of facts
    when its indicators were not loaded."""
    return {
        "id": dataset.id,
        "title": {"zh": dataset.title.zh, "en": dataset.title.en},
        "area": {"zh": dataset.area.zh, "en": dataset.area.en},
        "period": dataset.period,
        "source": {
            "title": dataset.source.title,
            "description": dataset.source.description,
            "byline": dataset.source.byline,
            "authors": list(dataset.source.authors),
        },
        "facts": len(dataset.facts) if facts is None else facts,
        "path": str(Path(dataset.location.path).parent) if dataset.location else None,
    }
