"""What each command shows, ready for every format: a View.

A View holds a command's answer as data and knows its forms: JSON records,
flat rows under named columns, a Markdown table for people, and a Rich
table at a terminal (built only when asked for, so that scripts never
import Rich). Commands build a View; `render.write` picks the form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Dataset, Fact, Indicator

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gaoxin_cli.bars import Chart
    from gaoxin_cli.compare import Comparison
    from gaoxin_cli.query import Hit, SectionView

Rows = list[dict[str, Any]]
#: (columns, headings, rows) of a Markdown table.
Readable = tuple[list[str], list[str], Rows]


class View:
    """A command's answer in every form; each form is computed only when written.

    - `records()`: what JSON and JSONL write (a list of records, or one object);
    - `columns` and `rows(lang)`: what CSV and TSV write;
    - `readable(lang)`: a Markdown table (default: the rows under their column names);
    - `table(lang, width)`: a Rich renderable for a terminal, or None if there is none.
    """

    __slots__ = ("columns", "readable", "records", "rows", "table")

    def __init__(
        self,
        records: Callable[[], Any],
        columns: Sequence[str],
        rows: Callable[[str], Rows],
        *,
        readable: Callable[[str], Readable] | None = None,
        table: Callable[[str, int], RenderableType] | None = None,
    ) -> None:
        self.records = records
        self.columns = list(columns)
        self.rows = rows
        self.readable = readable or (lambda lang: (self.columns, self.columns, rows(lang)))
        self.table = table


def facts(found: Sequence[Fact], table: Callable[[str, int], RenderableType] | None = None) -> View:
    """Facts: JSON records, flat rows, and Markdown for people (label, measure,
    figure, quote)."""
    from gaoxin_cli.render import records, rows

    return View(
        lambda: [records.fact_record(f) for f in found],
        rows.FLAT_COLUMNS,
        lambda _lang: [rows.flat_row(f) for f in found],
        readable=lambda lang: rows.readable_rows(found, lang),
        table=table,
    )


def sections(views: Sequence[SectionView]) -> View:
    """A section of each dataset: one table per heading at a terminal."""

    def table(lang: str, width: int) -> RenderableType:
        from gaoxin_cli.render.tables import section_tables

        return section_tables(views, lang, width, show_dataset=len(views) > 1)

    return facts([f for view in views for f in view.facts], table)


def detail(items: Sequence[Indicator | Fact], datasets: Mapping[str, Dataset]) -> View:
    """Indicators or facts in full."""
    from gaoxin_cli.query import facts_of

    def table(lang: str, _width: int) -> RenderableType:
        from gaoxin_cli.render.tables import detail as render_detail

        return render_detail(items, dict(datasets), lang)

    return facts(facts_of(items), table)


def hits(found: Sequence[Hit]) -> View:
    """Search results, best first."""

    def table(lang: str, _width: int) -> RenderableType:
        from gaoxin_cli.render.tables import search_table

        return search_table(found, lang)

    return facts([hit.fact for hit in found], table)


def charts(items: Sequence[Chart]) -> View:
    """Bar charts at a terminal; each bar a row elsewhere."""
    from gaoxin_cli.render.rows import BAR_COLUMNS, bar_rows

    def table(lang: str, width: int) -> RenderableType:
        from gaoxin_cli.render.bar_chart import draw

        return draw(items, lang, width)

    return View(lambda: bar_rows(items), BAR_COLUMNS, lambda _lang: bar_rows(items), table=table)


def comparison(compared: Comparison) -> View:
    """Indicators across datasets: JSON records, flat rows, and the cells people read."""
    from gaoxin_cli.render import records, rows

    def readable(lang: str) -> Readable:
        from gaoxin_cli.render.figure_text import comparison_cells

        headings, cells = comparison_cells(compared, lang)
        for n, column_dataset in enumerate(compared.datasets, start=2):
            if headings[n] != column_dataset.id:  # a report has no legend: name both
                headings[n] = f"{headings[n]} ({column_dataset.id})"
        columns = [str(n) for n in range(len(headings))]
        return columns, headings, [dict(zip(columns, row, strict=True)) for row in cells]

    def table(lang: str, width: int) -> RenderableType:
        from gaoxin_cli.render.comparison_table import comparison_table

        return comparison_table(compared, lang, width)

    return View(
        lambda: records.comparison_records(compared),
        rows.comparison_columns(compared),
        lambda lang: rows.comparison_rows(compared, lang),
        readable=readable,
        table=table,
    )


def datasets(found: Sequence[tuple[Dataset, int]]) -> View:
    """The datasets and their numbers of facts."""
    from gaoxin_cli.render import records, rows

    def table(lang: str, _width: int) -> RenderableType:
        from gaoxin_cli.render.tables import datasets_table

        return datasets_table(found, lang)

    return View(
        lambda: [records.dataset_record(d, n) for d, n in found],
        rows.DATASET_COLUMNS,
        lambda _lang: [rows.dataset_row(d, n) for d, n in found],
        readable=lambda lang: rows.readable_dataset_rows(found, lang),
        table=table,
    )


def overview(
    dataset: Dataset,
    counts: Mapping[str, int],
    headlines: Sequence[Indicator],
    others: Sequence[str],
) -> View:
    """What `gaoxin` shows: the dataset, its overview figures, sections and headlines."""
    from gaoxin_cli.query import facts_of
    from gaoxin_cli.render import records, rows

    def summary() -> dict[str, Any]:
        return {
            "dataset": records.dataset_record(dataset),
            "overview": [records.fact_record(f) for f in dataset.facts if f.section == "overview"],
            "sections": rows.section_rows(counts),
            "headlines": [records.fact_record(f) for f in facts_of(headlines)],
            "other_datasets": list(others),
        }

    def table(lang: str, width: int) -> RenderableType:
        from gaoxin_cli.render.tables import overview as render_overview

        return render_overview(dataset, dict(counts), headlines, lang, width, others)

    return View(summary, rows.SECTION_COLUMNS, lambda _lang: rows.section_rows(counts), table=table)
