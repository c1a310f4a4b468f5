"""The arithmetic of column widths: how many lines a table takes at given
widths (`LineCounts`), and Rich's own rule for a table too wide
(`collapse`, `reduce_by`), which `FittedTable` applies through public API.
"""

from typing import TYPE_CHECKING, Protocol

from rich.measure import Measurement
from rich.text import Text

from gaoxin_cli.render.folding import Folding

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.table import Column


class Laid(Protocol):
    """What counting lines needs of a table: its columns, whether it shows a
    header, and the padding each column takes."""

    show_header: bool
    columns: "list[Column]"

    def padding_width(self, index: int) -> int: ...


class LineCounts:
    """How many lines each cell of a table takes at a column width, counted
    once per (column, width): the height of the table at given widths."""

    def __init__(self, table: Laid, console: "Console", options: "ConsoleOptions") -> None:
        self.table = table
        self.console = console
        self.options = options
        self.cells = [
            ([column.header] if table.show_header else []) + list(column.cells)
            for column in table.columns
        ]
        self.known: dict[tuple[int, int], list[int]] = {}

    def column(self, index: int, width: int) -> list[int]:
        """The lines each cell of column `index` takes at `width` (padding included)."""
        found = self.known.get((index, width))
        if found is None:
            inside = max(width - self.table.padding_width(index), 1)
            found = self.known[(index, width)] = [
                _lines_of(cell, inside) for cell in self.cells[index]
            ]
        return found

    def height(self, widths: list[int]) -> int:
        """The cost of `widths`: the lines of all rows (the header too), then,
        as a tie-break, the lines of all cells (a short phrase is not folded
        even where its row is taller anyway)."""
        columns = [self.column(n, w) for n, w in enumerate(widths)]
        if not columns:
            return 0
        rows: int = sum(max(row) for row in zip(*columns, strict=True))
        cells: int = sum(sum(column) for column in columns)
        return rows * 1000 + cells

    def content(self, index: int) -> int:
        """How much text column `index` holds: the cells of all its lines."""
        return sum(
            Measurement.get(self.console, self.options, cell).maximum for cell in self.cells[index]
        )


def _lines_of(cell: "RenderableType", width: int) -> int:
    """The lines `cell` takes at `width`: Folding text as it folds, other
    text a line a line, anything else one."""
    from gaoxin_cli.render.fold import fold_spans

    if isinstance(cell, Folding):
        return sum(len(fold_spans(line, width)) for line in cell.text.plain.split("\n"))
    if isinstance(cell, Text | str):
        return str(cell).count("\n") + 1
    return 1


def collapse(widths: list[int], wraps: list[bool], max_width: int) -> list[int]:
    """Narrow the widest columns that wrap, together, until the total fits
    (Rich's rule for a table too wide)."""
    excess = sum(widths) - max_width
    if not any(wraps):
        return widths
    while sum(widths) and excess > 0:
        widest = max(w for w, wraps_ in zip(widths, wraps, strict=True) if wraps_)
        second = max(
            w if wraps_ and w != widest else 0 for w, wraps_ in zip(widths, wraps, strict=True)
        )
        ratios = [
            1 if (w == widest and wraps_) else 0 for w, wraps_ in zip(widths, wraps, strict=True)
        ]
        if not any(ratios) or widest == second:
            break
        widths = reduce_by(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - max_width
    return widths


def reduce_by(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """`values` less `total` in all, shared by `ratios`, each at most its maximum."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    share = sum(ratios)
    if not share:
        return values[:]
    left = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and share > 0:
            taken = min(most, round(ratio * left / share))
            result.append(value - taken)
            left -= taken
            share -= ratio
        else:
            result.append(value)
    return result
