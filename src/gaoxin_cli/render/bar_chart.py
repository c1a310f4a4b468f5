"""Terminal bar charts with Rich: labels, bars on a labelled scale, figures.

Stated figures are solid bars (█, to an eighth of a cell); derived rates
are light-shaded (░) and named as derived, so that they read apart
without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from gaoxin_cli.bars import Bar, Chart
from gaoxin_cli.model import SECTIONS
from gaoxin_cli.model.decimals import plain
from gaoxin_cli.render.cells import FittedTable, data
from gaoxin_cli.render.figure_text import format_figure, qualifier_mark, status_mark

_EIGHTHS = " ▏▎▍▌▋▊▉"
_SOLID, _DERIVED = "█", "░"
_MAX_LABEL = 26
_MIN_BAR = 10


def bar_figure(bar: Bar, lang: str) -> str:
    """The bar's figure as text: the fact's own, or the derived rate with its mark."""
    if bar.fact is not None:
        figure = format_figure(bar.fact, lang)
        if bar.fact.unit is None:  # a fraction: say what share it is
            figure += f" (≈{_round(bar.value, 1)}%)"
        return figure
    bound = "<" if bar.qualifier == "under" else qualifier_mark(bar.qualifier)
    return f"{status_mark(bar.status, lang)}{bound}{plain(bar.value)}%"


def _round(value: Decimal, places: int) -> str:
    return plain(value.quantize(Decimal(1).scaleb(-places)))


def scale(bars: Sequence[Bar], kind: str) -> tuple[Decimal, Decimal, Decimal]:
    """The axis: lowest and highest value shown, and the step between ticks.

    Shares run 0–100 %; growth rates from zero (or the lowest rate) to a
    round number above the highest.
    """
    values = [bar.value for bar in bars]
    low, high = min([Decimal(0), *values]), max([Decimal(0), *values])
    if kind != "growth" and high <= 100:
        high = Decimal(100)
    span = high - low or Decimal(1)
    step = Decimal(1)
    for exponent in range(span.adjusted() - 1, span.adjusted() + 2):
        for base in (1, 2, 5):
            candidate = Decimal(base).scaleb(exponent)
            if span / candidate <= 5:
                step = candidate
                break
        else:
            continue
        break
    low = (low / step).to_integral_value(ROUND_FLOOR) * step
    high = (high / step).to_integral_value(ROUND_CEILING) * step
    if high == low:  # every figure is zero
        high = low + step
    return low, high, step


def _bar_text(bar: Bar, low: Decimal, high: Decimal, width: int) -> Text:
    """The bar across `width` cells: solid to an eighth, or shaded to a cell."""
    per_cell = (high - low) / width
    zero = int(((0 - low) / per_cell).to_integral_value())
    end = (bar.value - low) / per_cell
    char, style = (_DERIVED, "dim") if bar.derived else (_SOLID, "cyan")
    if bar.value >= 0:
        if bar.derived:
            cells = int(end.to_integral_value()) - zero
            body, partial = char * cells, ""
        else:
            eighths = int(((end - zero) * 8).to_integral_value())
            body, partial = char * (eighths // 8), _EIGHTHS[eighths % 8].strip()
        if bar.value > 0 and not body and not partial:
            partial = "▏"  # a positive figure never vanishes
        text = Text(" " * zero)
        text.append(body + partial, style=style)
    else:  # left of zero, at least one cell, never on zero's right
        start = min(int(end.to_integral_value()), zero - 1)
        text = Text(" " * max(start, 0))
        text.append(char * (zero - max(start, 0)), style=style)
    text.append(" " * max(width - cell_len(text.plain), 0))
    return text


def _axis(low: Decimal, high: Decimal, step: Decimal, width: int) -> Text:
    """Tick labels under the bars at their places: zero and the top always,
    the bottom and the ticks between where they fit."""
    ticks = []
    tick = low
    while tick <= high:
        ticks.append(tick)
        tick += step
    line = [" "] * width
    taken: list[tuple[int, int]] = []
    zero = [Decimal(0)] if low < 0 < high else []
    for tick in [*zero, high, low, *ticks[1:-1]]:
        label = f"{plain(tick)}%"
        position = int(((tick - low) / (high - low) * width).to_integral_value())
        start = max(min(position, width - len(label)), 0)
        end = start + len(label)
        if all(end < left or start > right for left, right in taken):
            line[start:end] = list(label)
            taken.append((start, end))
    return Text("".join(line).rstrip(), style="dim")


def chart(item: Chart, lang: str, width: int, *, show_dataset: bool) -> Group:
    """One chart: a title naming section, kind and unit; a bar per figure; the axis."""
    pick = 1 if lang == "en" else 0
    section = SECTIONS[item.view.section][pick]
    title = f"{section} · {item.title.pick(lang)} (%)"
    if show_dataset:
        title = f"{item.view.dataset.title.pick(lang)} · {title}"
    labels = [("└" if bar.sub else "") + bar.label.pick(lang) for bar in item.bars]
    figures = [bar_figure(bar, lang) for bar in item.bars]
    figure_width = max(cell_len(figure) for figure in figures)
    longest = max(cell_len(label) for label in labels)
    label_width = max(min(longest, _MAX_LABEL, width - figure_width - _MIN_BAR - 4), 6)
    bar_width = max(width - label_width - figure_width - 4, 4)
    stacked = label_width + bar_width + figure_width + 2 > width  # each label on its own line
    if stacked:
        bar_width = max(width - figure_width - 1, 1)
    low, high, step = scale(item.bars, item.kind)
    grid = FittedTable.grid(padding=(0, 1))
    if not stacked:
        grid.add_column(width=label_width, overflow="fold")
    grid.add_column(width=bar_width, no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    rows: list[RenderableType] = []
    for bar, label, figure in zip(item.bars, labels, figures, strict=True):
        style = "dim" if bar.derived else ""
        cells = [_bar_text(bar, low, high, bar_width), data(figure, style)]
        if stacked:
            line = FittedTable.grid(padding=(0, 1))
            line.add_column(width=bar_width, no_wrap=True)
            line.add_column(justify="right", no_wrap=True)
            line.add_row(*cells)
            rows.extend([data(label, style), line])
        else:
            grid.add_row(data(label, style), *cells)
    grid.add_row(*([] if stacked else [""]), _axis(low, high, step, bar_width), "")
    parts: list[RenderableType] = [data(title, "bold"), *rows, grid]
    if any(bar.derived for bar in item.bars):
        parts.append(
            data(
                f"{_DERIVED} city = zone growth − points above the city"
                " (derived here, not a figure of the article)"
                if lang == "en"
                else f"{_DERIVED} 全市 = 高新区增速 − 高于全市的百分点（由此推算，非原文数字）",
                "dim",
            )
        )
    parts.extend(data(note.pick(lang), "dim") for note in item.notes)
    parts.append(Text(""))
    return Group(*parts)


def draw(items: Sequence[Chart], lang: str, width: int) -> Group:
    """Every chart, one after the other."""
    several = len({item.view.dataset.id for item in items}) > 1
    return Group(*(chart(item, lang, width, show_dataset=several) for item in items))
