"""JSON records: nested objects as scripts read them (DESIGN.md's contract).

A fact becomes a dict here and only here; the flat rows of CSV, TSV and
SQLite (`rows`) are these records spread out.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Dataset, Fact

if TYPE_CHECKING:
    from gaoxin_cli.compare import Comparison

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
    "status",
    "normalized",
    "period",
    "area",
    "quote",
    "note",
    "value_en",
    "heading_en",
)

#: The keys of a fact's record that a comparison shows for each dataset.
COMPARED_KEYS = ("id", "value", "unit", "qualifier", "status", "normalized", "period", "quote")


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
        "status": fact.status,
        "normalized": (
            {"value": normalized.value, "unit": normalized.unit} if normalized else None
        ),
        "period": fact.period,
        "area": {"zh": fact.area.zh, "en": fact.area.en},
        "quote": fact.quote,
        "note": fact.note,
        "value_en": fact.value_en,
        "heading_en": fact.heading.en,
    }


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
            "file": dataset.source.file,
        },
        "facts": len(dataset.facts) if facts is None else facts,
        "path": str(Path(dataset.location.path).parent) if dataset.location else None,
    }


def comparison_records(comparison: "Comparison") -> list[dict[str, Any]]:
    """One JSON record per compared row: each dataset's fact, the change, a note."""
    from gaoxin_cli.model.decimals import number

    records = []
    for row in comparison.rows:
        values: dict[str, Any] = {}
        for dataset, fact in zip(comparison.datasets, row.facts, strict=True):
            if fact is None:
                values[dataset.id] = None
            else:
                record = fact_record(fact)
                values[dataset.id] = {key: record[key] for key in COMPARED_KEYS}
        change = row.change
        records.append(
            {
                "indicator": row.indicator.id,
                "key": row.key,
                "measure": row.measure,
                "label": {"zh": row.label.zh, "en": row.label.en},
                "values": values,
                "change": (
                    {
                        "value": number(change.absolute),
                        "unit": change.unit,
                        "percent": None if change.relative is None else number(change.relative),
                        "approximate": change.approximate,
                    }
                    if change
                    else None
                ),
                "note": {"zh": row.note.zh, "en": row.note.en} if row.note else None,
            }
        )
    return records
