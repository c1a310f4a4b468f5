"""Rich building blocks shared by the tables and charts.

Text from fact files becomes a `Text` object here, cleaned of control
characters, never a markup string. Every table is a `FittedTable`, which
never comes out wider than the width it is given.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich import box
from rich.table import Column, Table
from rich.text import Text

from gaoxin_cli.render.safe import clean_keep_lines

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, OverflowMethod, RenderableType, RenderResult

#: No column that folds is made narrower than this (a Chinese character is two cells).
MIN_FOLD = 2


class FittedTable(Table):
    """A Rich table whose columns always fit the width it is given, and whose
    columns that do not wrap (figures, ids) keep their whole width.

    Rich collapses wrapping columns to fit, but then widens any column with a
    `min_width` back to it, and as a last resort narrows every column evenly:
    the table comes out wider than the terminal, which crops the end of its
    lines (a Chinese character cut in half is dropped), or a figure is cut.
    Here the widths Rich chose are kept when they fit; otherwise the columns
    that do not wrap get their full width back and the excess is taken from
    the widest columns that fold: first down to their longest word (and
    `min_width`), then to `min_width`, then to `MIN_FOLD`. Folding keeps
    every character.
    """

    def add_column(self, *args: Any, overflow: "OverflowMethod" = "fold", **kwargs: Any) -> None:
        """Rich's add_column, but text that does not fit folds (never "…")."""
        super().add_column(*args, overflow=overflow, **kwargs)

    def _calculate_column_widths(self, console: "Console", options: "ConsoleOptions") -> list[int]:
        widths = super()._calculate_column_widths(console, options)
        if self._acceptable(console, options, widths, self._fold_floor):
            return widths
        folding = [not (c.no_wrap or c.width is not None) for c in self.columns]
        widths = [
            max(width, self._fold_floor(column))
            if folds
            else self._measure_column(console, options, column).maximum
            for width, column, folds in zip(widths, self.columns, folding, strict=True)
        ]
        words = [self._measure_column(console, options, column).minimum for column in self.columns]
        whole_words = [max(w, self._min_width(c)) for w, c in zip(words, self.columns, strict=True)]
        for floors in (
            whole_words,  # first, without breaking a word
            [self._min_width(column) for column in self.columns],
            [self._fold_floor(column) for column in self.columns],
        ):
            excess = sum(widths) - options.max_width
            while excess > 0:
                room = [
                    (width, n)
                    for n, (width, folds) in enumerate(zip(widths, folding, strict=True))
                    if folds and width > floors[n]
                ]
                if not room:
                    break
                _, widest = max(room)
                widths[widest] -= 1
                excess -= 1
        return widths

    def fits(self, console: "Console", options: "ConsoleOptions") -> bool:
        """True if the table fits the width of `options` with every column
        that does not wrap whole and every column that folds at least its
        `min_width` wide."""
        available = options.update_width(options.max_width - self._extra_width)
        widths = self._calculate_column_widths(console, available)
        return self._acceptable(console, available, widths, self._min_width)

    def _acceptable(
        self,
        console: "Console",
        options: "ConsoleOptions",
        widths: list[int],
        floor_of: "Callable[[Column], int]",
    ) -> bool:
        """True if `widths` fit, cut no column that does not wrap, and give each
        column that folds at least `floor_of(column)`."""
        if sum(widths) > options.max_width:
            return False
        for width, column in zip(widths, self.columns, strict=True):
            if column.no_wrap or column.width is not None:
                if width < self._measure_column(console, options, column).maximum:
                    return False
            elif width < floor_of(column):
                return False
        return True

    def _min_width(self, column: Column) -> int:
        return (column.min_width or MIN_FOLD) + self._get_padding_width(column._index)

    def _fold_floor(self, column: Column) -> int:
        return MIN_FOLD + self._get_padding_width(column._index)


def data(text: str, style: str = "") -> Text:
    """Text from a fact file, made safe: no markup, no control characters."""
    return Text(clean_keep_lines(text), style=style)


def plain_table(title: str | None) -> FittedTable:
    """A table in this tool's style: a rule under the header, no outer edge."""
    return FittedTable(
        title=data(title, "bold") if title else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )


class TableOrStack:
    """A table where it fits the width it is rendered at, else `stacked`
    (by default the same rows, one block each: the first cell, then each
    other cell under its column's heading)."""

    def __init__(self, table: FittedTable, stacked: "RenderableType | None" = None) -> None:
        self.table = table
        self.stacked = stacked if stacked is not None else stack(table)

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        yield self.table if self.table.fits(console, options) else self.stacked


def stack(table: FittedTable) -> "RenderableType":
    """The rows of `table`, one block each: its first cell on a line, then
    each other cell that is not empty, after its column's heading."""
    from rich.console import Group

    columns = table.columns
    cells = [list(column.cells) for column in columns]
    parts: list[RenderableType] = []
    if table.title is not None:
        parts.append(table.title)
    for row in range(table.row_count):
        parts.append(cells[0][row])
        grid = FittedTable.grid(padding=(0, 1))
        grid.add_column(overflow="fold", style="bold")
        grid.add_column(overflow="fold")
        for column, column_cells in zip(columns[1:], cells[1:], strict=True):
            cell = column_cells[row]
            if not isinstance(cell, str | Text) or str(cell).strip():
                heading = column.header if isinstance(column.header, str | Text) else ""
                grid.add_row(Text.assemble("  ", heading), cell)
        parts.append(grid)
    return Group(*parts)
