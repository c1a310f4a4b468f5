"""Rich building blocks shared by the tables and charts.

Text from fact files becomes a `Text` object here, cleaned of control
characters, never a markup string.
"""

from rich import box
from rich.table import Table
from rich.text import Text

from gaoxin_cli.render.safe import clean_keep_lines


def data(text: str, style: str = "") -> Text:
    """Text from a fact file, made safe: no markup, no control characters."""
    return Text(clean_keep_lines(text), style=style)


def plain_table(title: str | None) -> Table:
    """A table in this tool's style: a rule under the header, no outer edge."""
    return Table(
        title=data(title, "bold") if title else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
