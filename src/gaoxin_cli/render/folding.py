"""Text cells that fold by this tool's rules (`render.fold`): `Folding`
measures as its narrowest piece and widest line, and renders folded at the
width it is given, so Rich has nothing to wrap.
"""

from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult


class Folding:
    """Text that folds by this tool's rules (`render.fold`) at the width it
    is given: words and figures whole, by the Chinese line-break rules, every
    character kept. `whole` text (a figure) measures as wide as its widest
    line, so a table gives it that width or does not fit; only where nothing
    else can be done does it fold, and then still keeps every character."""

    __slots__ = ("text", "whole")

    def __init__(self, text: Text, *, whole: bool = False) -> None:
        self.text = text
        self.whole = whole

    def __rich_measure__(self, console: "Console", options: "ConsoleOptions") -> Measurement:
        from rich.cells import cell_len

        from gaoxin_cli.render.fold import widest_piece

        plain = self.text.plain
        widest = max((cell_len(line) for line in plain.split("\n")), default=0)
        narrowest = widest if self.whole else widest_piece(plain)
        return Measurement(narrowest, widest).with_maximum(options.max_width)

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        yield folded(self.text, options.max_width)


def folded(text: Text, width: int) -> Text:
    """`text` with a line break wherever `render.fold` folds it at `width`
    (its styles kept): every line then fits, and Rich has nothing to wrap."""
    from gaoxin_cli.render.fold import fold_spans

    out = text.copy()
    out.truncate(0)
    out.plain = ""
    out.spans = []
    for n, line in enumerate(text.split("\n", allow_blank=True)):
        if n:
            out.append("\n")
        for k, (start, end) in enumerate(fold_spans(line.plain, width)):
            if k:
                out.append("\n")
            out.append_text(line[start:end])
    return out


def as_folding(cell: "RenderableType", whole: bool) -> "RenderableType":
    """A cell as Folding text: a str is plain text (never markup), a Text keeps its styles."""
    if isinstance(cell, str):
        return Folding(Text(cell), whole=whole)
    if isinstance(cell, Text):
        return Folding(cell, whole=whole)
    return cell
