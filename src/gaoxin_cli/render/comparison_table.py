"""The comparison of datasets as a Rich table, or stacked on a narrow terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType

from gaoxin_cli.compare import AREAS_DIFFER
from gaoxin_cli.render.cells import FittedTable, TableOrStack, data, plain_table
from gaoxin_cli.render.figure_text import comparison_cells

if TYPE_CHECKING:
    from gaoxin_cli.compare import Comparison
    from gaoxin_cli.compare import Row as ComparisonRow

#: Texts and notes wrap to no narrower than this.
_MIN_TEXT = 12


def comparison_table(comparison: Comparison, lang: str, width: int) -> Group:
    """Indicators across datasets: a column per dataset, then the change.

    Figures and changes keep their width; labels, texts and notes wrap.
    """
    headings, rows = comparison_cells(comparison, lang)
    if not comparison.one_area:  # side by side: no change column, one line says why
        note = AREAS_DIFFER.pick(lang)
        return Group(
            _side_by_side(comparison, headings[:-1], [r[:-1] for r in rows], lang),
            data(note, "dim"),
        )
    notes = {row.note.pick(lang) for row in comparison.rows if row.note}
    fixed = [
        max(cell_len(cells[n]) for cells in [headings, *rows]) for n in range(2, len(headings) - 1)
    ]
    changes = [cell_len(r[-1]) for r in rows if r[-1] not in notes]
    needed = sum(fixed) + max([*changes, cell_len(headings[-1])]) + 3 * len(headings) + 12
    if needed > width:  # figures never fold: one block per row instead
        return _comparison_stacked(comparison, headings, rows, lang)
    table = plain_table(None)
    table.add_column(headings[0], overflow="fold")
    table.add_column(headings[1], overflow="fold")
    for n, heading in enumerate(headings[2:-1]):
        column = [
            (r[2 + n], _is_figure(row, n)) for r, row in zip(rows, comparison.rows, strict=True)
        ]
        numbers = [cell_len(cell) for cell, figure in column if figure]
        texts = [min(cell_len(cell), _MIN_TEXT) for cell, figure in column if not figure]
        words = any(not figure and cell != "—" for cell, figure in column)
        table.add_column(
            data(heading),
            justify="left" if words and not numbers else "right",
            overflow="fold",
            width=max([*numbers, *texts, cell_len(heading)]),
        )
    table.add_column(
        headings[-1],
        justify="right",
        overflow="fold",
        width=max(
            [*changes, *(min(cell_len(note), _MIN_TEXT) for note in notes), cell_len(headings[-1])]
        ),
    )
    for cells in rows:
        table.add_row(*(data(cell) for cell in cells))
    stacked = _comparison_stacked(comparison, headings, rows, lang, legend=False)
    parts: list[RenderableType] = [TableOrStack(table, stacked)]
    legend = [
        f"{heading} = {dataset.id}"
        for heading, dataset in zip(headings[2:-1], comparison.datasets, strict=True)
        if heading != dataset.id
    ]
    if any("—" in r[2:-1] for r in rows):
        legend.append("— " + ("not stated" if lang == "en" else "未载"))
    if legend:
        parts.append(data(" · ".join(legend), "dim"))
    if comparison.alone:
        n = len(comparison.alone)
        parts.append(
            data(
                f"{n} indicators are in one dataset only (name them to see them): "
                if lang == "en"
                else f"另有{n}个指标只见于一个数据集（指名即可查看）：",
                "dim",
            )
        )
        parts.append(data(" ".join(comparison.alone), "dim"))
    return Group(*parts)


def _side_by_side(
    comparison: Comparison, headings: list[str], rows: list[list[str]], lang: str
) -> RenderableType:
    """The datasets' figures in columns, no change: a table, or stacked where it does not fit."""
    table = plain_table(None)
    for n in (0, 1):  # labels and measures fold, to no narrower than a few characters
        table.add_column(headings[n], min_width=min(max(cell_len(r[n]) for r in rows), 8))
    for n, heading in enumerate(headings[2:]):
        widest = max(cell_len(cells[2 + n]) for cells in rows)
        table.add_column(heading, justify="right", whole=True, min_width=widest)
    for cells in rows:
        table.add_row(*(data(cell) for cell in cells))
    stacked = _comparison_stacked(comparison, [*headings, ""], [[*r, ""] for r in rows], lang)
    return TableOrStack(table, stacked)


def _comparison_stacked(
    comparison: Comparison,
    headings: list[str],
    rows: list[list[str]],
    lang: str,
    *,
    legend: bool = True,
) -> Group:
    """A comparison for a narrow terminal: each row as a few short lines."""
    parts: list[RenderableType] = []
    for cells in rows:
        if cells[0]:
            parts.append(data(cells[0], "bold"))
        parts.append(data(f"  {cells[1]}"))
        grid = FittedTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for heading, figure in zip(headings[2:], cells[2:], strict=True):
            if figure:
                grid.add_row(data(f"    {heading}", "bold"), data(figure))
        parts.append(grid)
    names = [
        f"{heading} = {dataset.id}"
        for heading, dataset in zip(headings[2:-1], comparison.datasets, strict=True)
        if heading != dataset.id
    ]
    if legend and names:
        parts.append(data(" · ".join(names), "dim"))
    return Group(*parts)


def _is_figure(row: ComparisonRow, n: int) -> bool:
    fact = row.facts[n]
    return fact is not None and not fact.is_text
