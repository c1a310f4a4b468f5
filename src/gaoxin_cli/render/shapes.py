"""JSON records of chart bars and of the overview's sections, in the shape
of a fact's record (`records`): labels as {"zh", "en"}, lists as arrays.
Their CSV and TSV rows are these records spread out (`label_zh`, `label_en`).
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import SECTIONS

if TYPE_CHECKING:
    from gaoxin_cli.bars import Chart

#: Keys of a chart bar's JSON record, in order.
BAR_KEYS = (
    "dataset",
    "section",
    "chart",
    "indicator",
    "id",
    "label",
    "value",
    "unit",
    "qualifier",
    "status",
    "derived_from",
)

#: Columns of the overview's sections as flat rows (CSV, TSV).
SECTION_COLUMNS = ("section", "label_zh", "label_en", "facts")


def bar_records(items: "Sequence[Chart]") -> list[dict[str, Any]]:
    """Each bar of each chart: its value in percent, the fact it shows (`id`),
    or the facts it was derived from (`derived_from`, an array; empty when stated)."""
    from gaoxin_cli.model.decimals import number

    return [
        {
            "dataset": item.view.dataset.id,
            "section": item.view.section,
            "chart": item.kind,
            "indicator": bar.indicator.id,
            "id": bar.fact.id if bar.fact else None,
            "label": {"zh": bar.label.zh, "en": bar.label.en},
            "value": number(bar.value),
            "unit": "percent",
            "qualifier": bar.qualifier,
            "status": bar.status,
            "derived_from": [f.id for f in bar.derived_from],
        }
        for item in items
        for bar in item.bars
    ]


def section_records(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    """Each section: its name, its label in zh and en, and its number of facts."""
    return [
        {
            "section": name,
            "label": {"zh": SECTIONS[name][0], "en": SECTIONS[name][1]},
            "facts": n,
        }
        for name, n in counts.items()
    ]


def section_rows(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    """The sections as flat rows of SECTION_COLUMNS."""
    return [
        {
            "section": r["section"],
            "label_zh": r["label"]["zh"],
            "label_en": r["label"]["en"],
            "facts": r["facts"],
        }
        for r in section_records(counts)
    ]
