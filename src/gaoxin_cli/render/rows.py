"""Flat rows and records beyond a fact's: datasets, comparisons, chart bars,
and facts as people read them (Markdown)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Dataset, Fact
from gaoxin_cli.render.records import dataset_record

if TYPE_CHECKING:
    from gaoxin_cli.charts import Chart
    from gaoxin_cli.compare import Comparison


#: Columns of a dataset's flat row (CSV, TSV, Markdown).
DATASET_COLUMNS = ("id", "title_zh", "title_en", "area_zh", "area_en", "period", "facts", "path")


def dataset_row(dataset: Dataset, facts: int | None = None) -> dict[str, Any]:
    """A dataset as a flat row of scalars."""
    record = dataset_record(dataset, facts)
    record["title_zh"], record["title_en"] = record["title"]["zh"], record["title"]["en"]
    record["area_zh"], record["area_en"] = record["area"]["zh"], record["area"]["en"]
    return {column: record[column] for column in DATASET_COLUMNS}


def comparison_records(comparison: "Comparison") -> list[dict[str, Any]]:
    """One JSON record per compared row: each dataset's fact, the change, a note."""
    from gaoxin_cli.compare import number

    records = []
    for row in comparison.rows:
        values: dict[str, Any] = {}
        for dataset, fact in zip(comparison.datasets, row.facts, strict=True):
            if fact is None:
                values[dataset.id] = None
                continue
            normalized = fact.normalized
            values[dataset.id] = {
                "id": fact.id,
                "value": fact.value,
                "unit": fact.unit,
                "qualifier": fact.qualifier,
                "normalized": (
                    {"value": normalized.value, "unit": normalized.unit} if normalized else None
                ),
                "period": fact.period,
                "quote": fact.quote,
            }
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


def comparison_columns(comparison: "Comparison") -> list[str]:
    """Columns of the flat form of a comparison: three per dataset."""
    per_dataset = [
        f"{d.id}{suffix}" for d in comparison.datasets for suffix in ("", "_unit", "_qualifier")
    ]
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
    measure, figure with its qualifier and unit, quote; the dataset when
    there are several."""
    from gaoxin_cli.model import MEASURES
    from gaoxin_cli.render.figures import format_figure

    pick = 1 if lang == "en" else 0
    several = len({f.dataset for f in facts}) > 1
    columns = ["dataset"] if several else []
    columns += ["id", "label", "measure", "figure", "quote"]
    words = {
        "dataset": ("数据集", "Dataset"),
        "id": ("ID", "ID"),
        "label": ("指标", "Indicator"),
        "measure": ("度量", "Measure"),
        "figure": ("数值", "Figure"),
        "quote": ("原文", "Quote"),
    }
    rows = [
        {
            "dataset": f.dataset,
            "id": f.id,
            "label": f.label.pick(lang),
            "measure": MEASURES[f.measure][pick],
            "figure": format_figure(f, lang),
            "quote": f.quote,
        }
        for f in facts
    ]
    return columns, [words[c][pick] for c in columns], rows


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
    "derived_from",
)


def bar_rows(items: "Sequence[Chart]") -> list[dict[str, Any]]:
    """Each bar of each chart as a flat row: its value in percent, the fact it
    shows (`id`), or the facts it was derived from (`derived_from`, space-separated)."""
    from gaoxin_cli.compare import number

    return [
        {
            "dataset": item.view.dataset.id,
            "section": item.view.section,
            "chart": item.kind,
            "indicator": bar.indicator.id,
            "id": bar.fact.id if bar.fact else None,
            "label_zh": bar.label.zh,
            "label_en": bar.label.en,
            "value": number(bar.value),
            "unit": "percent",
            "qualifier": bar.qualifier,
            "derived_from": " ".join(f.id for f in bar.derived_from) or None,
        }
        for item in items
        for bar in item.bars
    ]
