"""Rich building blocks shared by the tables and charts.

Text from fact files becomes a `Text` object here, cleaned of control
characters, never a markup string. Every table is a `FittedTable`, which
never comes out wider than the width it is given.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich import box
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gaoxin_cli.render.folding import as_folding
from gaoxin_cli.render.safe import clean_keep_lines
from gaoxin_cli.render.widths import LineCounts, collapse, reduce_by

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
    Here the widths are computed first, by Rich's rule where it fits (the
    same measurements, through Rich's public `Measurement`), else the columns
    that do not wrap get their full width back and the excess is taken from
    the widest columns that fold: first down to their longest word (and
    `min_width`), then to `min_width`, then to `MIN_FOLD`. Folding keeps
    every character. The table is then drawn by Rich with those widths given
    as each column's fixed `width` (Rich's public Column setting).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        #: Whether each column's cells are whole (figures), by column.
        self.whole_columns: list[bool] = []
        super().__init__(*args, **kwargs)

    def add_column(
        self,
        header: "RenderableType" = "",
        *args: Any,
        overflow: "OverflowMethod" = "fold",
        whole: bool = False,
        **kwargs: Any,
    ) -> None:
        """Rich's add_column, but text folds by this tool's rules (never "…"):
        the header's words whole; `whole` cells (figures) kept on their lines."""
        super().add_column(as_folding(header, False), *args, overflow=overflow, **kwargs)
        self.whole_columns.append(whole)

    def add_row(self, *cells: "RenderableType | None", **kwargs: Any) -> None:
        """Rich's add_row, each text cell of a column that wraps made Folding text."""
        folded_cells = [
            cell
            if cell is None or self.columns[n].no_wrap
            else as_folding(cell, n < len(self.whole_columns) and self.whole_columns[n])
            for n, cell in enumerate(cells)
        ]
        super().add_row(*folded_cells, **kwargs)

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        if not self.columns:
            yield from super().__rich_console__(console, options)
            return
        max_width = options.max_width if self.width is None else self.width
        widths = self.column_widths(console, options.update_width(max_width - self.extra_width))
        given = [column.width for column in self.columns]
        for index, (column, width) in enumerate(zip(self.columns, widths, strict=True)):
            column.width = max(0, width - self.padding_width(index))
        try:
            yield from super().__rich_console__(console, options)
        finally:
            for column, before in zip(self.columns, given, strict=True):
                column.width = before

    def __rich_measure__(self, console: "Console", options: "ConsoleOptions") -> Measurement:
        max_width = options.max_width if self.width is None else self.width
        if max_width < 0:
            return Measurement(0, 0)
        extra = self.extra_width
        total = sum(self.column_widths(console, options.update_width(max_width - extra)))
        inside = options.update_width(total)
        measured = [self._measure(console, inside, n) for n in range(len(self.columns))]
        minimum = sum(m.minimum for m in measured) + extra
        maximum = sum(m.maximum for m in measured) + extra if self.width is None else self.width
        return Measurement(minimum, maximum).clamp(self.min_width)

    @property
    def extra_width(self) -> int:
        """The cells the box draws beside the columns: edges and separators."""
        edges = 2 if self.box and self.show_edge else 0
        return edges + (len(self.columns) - 1 if self.box else 0)

    def padding_width(self, index: int) -> int:
        """The cells of padding column `index` takes, as Rich counts them."""
        _, right, _, left = self.padding
        if self.collapse_padding:
            left, right = 0, abs(0 - right)
        if not self.pad_edge:
            left = 0 if index == 0 else left
            right = 0 if index == len(self.columns) - 1 else right
        return left + right

    def _cell_padding(self, index: int) -> tuple[int, int, int, int]:
        """The horizontal padding around each cell of column `index` (as drawn)."""
        _, right, _, left = self.padding
        if self.collapse_padding and index > 0:
            left = max(0, left - right)
        if not self.pad_edge:
            left = 0 if index == 0 else left
            right = 0 if index == len(self.columns) - 1 else right
        return (0, right, 0, left)

    def _measure(self, console: "Console", options: "ConsoleOptions", index: int) -> Measurement:
        """The narrowest and widest column `index` can be, padding included."""
        column = self.columns[index]
        if options.max_width < 1:
            return Measurement(0, 0)
        pad = self.padding_width(index)
        if column.width is not None:
            return Measurement(column.width + pad, column.width + pad).with_maximum(
                options.max_width
            )
        cells: list[RenderableType] = [column.header] if self.show_header else []
        cells.extend(column.cells)
        if self.show_footer:
            cells.append(column.footer)
        padding = self._cell_padding(index) if any(self.padding) else None
        measured = [
            Measurement.get(console, options, cell if padding is None else Padding(cell, padding))
            for cell in cells
        ]
        found = Measurement(
            max((m.minimum for m in measured), default=1),
            max((m.maximum for m in measured), default=options.max_width),
        ).with_maximum(options.max_width)
        return found.clamp(
            None if column.min_width is None else column.min_width + pad,
            None if column.max_width is None else column.max_width + pad,
        )

    def _by_content(self, console: "Console", options: "ConsoleOptions") -> list[int] | None:
        """Widths as a person would set them, where every column can have at
        least its narrowest (words and figures whole, `min_width`): each
        column that folds starts there, then the width left goes, a few cells
        at a time, where it saves the most lines of the whole table; what no
        column can use to save a line goes by how much text each column holds.
        None if the narrowest widths do not fit."""
        count = range(len(self.columns))
        measured = [self._measure(console, options, n) for n in count]
        folds = [not (c.no_wrap or c.width is not None) for c in self.columns]
        widths = [
            min(max(m.minimum, self._min_width(n)), max(m.maximum, self._min_width(n)))
            if fold
            else m.maximum
            for n, (m, fold) in enumerate(zip(measured, folds, strict=True))
        ]
        left = options.max_width - sum(widths)
        if left < 0:
            return None
        lines = LineCounts(self, console, options)
        height = lines.height(widths)
        while left > 0:
            best: tuple[float, int, int, int] | None = None  # (lines saved a cell, n, step, height)
            for n in count:
                room = min(left, measured[n].maximum - widths[n]) if folds[n] else 0
                for step in range(1, room + 1):
                    widths[n] += step
                    trial = lines.height(widths)
                    widths[n] -= step
                    if trial < height:
                        saved = (height - trial) / step
                        if best is None or saved > best[0]:
                            best = (saved, n, step, trial)
                        break
            if best is None:
                break
            _, n, step, height = best
            widths[n] += step
            left -= step
        content = [lines.content(n) if folds[n] else 0 for n in count]
        while left > 0:  # what saves no line: by how much text each column holds
            wanting = [n for n in count if folds[n] and widths[n] < measured[n].maximum]
            if not wanting:
                break
            weight = sum(content[n] or 1 for n in wanting)
            given = 0
            for n in wanting:
                share = max(1, left * (content[n] or 1) // weight)
                share = min(share, measured[n].maximum - widths[n], left - given)
                widths[n] += share
                given += share
            left -= given
            if not given:
                break
        return widths

    def _rich_widths(self, console: "Console", options: "ConsoleOptions") -> list[int]:
        """The widths Rich itself gives the columns (not expanded, no ratios)."""
        max_width = options.max_width
        count = len(self.columns)
        widths = [self._measure(console, options, n).maximum or 1 for n in range(count)]
        if sum(widths) > max_width:
            wraps = [c.width is None and not c.no_wrap for c in self.columns]
            widths = collapse(widths, wraps, max_width)
            if sum(widths) > max_width:  # last resort, reduce columns evenly
                widths = reduce_by(sum(widths) - max_width, [1] * count, widths, widths)
            widths = [
                self._measure(console, options.update_width(width), n).maximum or 0
                for n, width in enumerate(widths)
            ]
        return widths

    def column_widths(self, console: "Console", options: "ConsoleOptions") -> list[int]:
        """Each column's width, padding included, within `options.max_width`."""
        widths = self._by_content(console, options)
        if widths is not None:
            return widths
        widths = self._rich_widths(console, options)
        if self._acceptable(console, options, widths, self._fold_floor):
            return widths
        count = range(len(self.columns))
        folding = [not (c.no_wrap or c.width is not None) for c in self.columns]
        widths = [
            max(width, self._fold_floor(n)) if folds else self._measure(console, options, n).maximum
            for n, width, folds in zip(count, widths, folding, strict=True)
        ]
        words = [self._measure(console, options, n).minimum for n in count]
        whole_words = [max(w, self._min_width(n)) for n, w in zip(count, words, strict=True)]
        for floors in (
            whole_words,  # first, without breaking a word
            [self._min_width(n) for n in count],
            [self._fold_floor(n) for n in count],
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
        available = options.update_width(options.max_width - self.extra_width)
        widths = self.column_widths(console, available)
        return self._acceptable(console, available, widths, self._min_width)

    def _acceptable(
        self,
        console: "Console",
        options: "ConsoleOptions",
        widths: list[int],
        floor_of: "Callable[[int], int]",
    ) -> bool:
        """True if `widths` fit, cut no column that does not wrap, and give each
        column that folds at least `floor_of(its index)`."""
        if sum(widths) > options.max_width:
            return False
        for n, (width, column) in enumerate(zip(widths, self.columns, strict=True)):
            if column.no_wrap or column.width is not None:
                if width < self._measure(console, options, n).maximum:
                    return False
            elif width < floor_of(n):
                return False
        return True

    def _min_width(self, index: int) -> int:
        return (self.columns[index].min_width or MIN_FOLD) + self.padding_width(index)

    def _fold_floor(self, index: int) -> int:
        return MIN_FOLD + self.padding_width(index)


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
