"""Rich tables for people at a terminal: sections, detail, search results,
datasets and the overview.

Every piece of text from fact files goes in through `cells.data`, never as
a markup string: "[red]" in a label prints as those five characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from gaoxin_cli.model import (
    MEASURES,
    QUALIFIERS,
    SECTIONS,
    STATUSES,
    Dataset,
    Fact,
    Indicator,
    Label,
)
from gaoxin_cli.query import Hit, SectionView
from gaoxin_cli.render.cells import FittedTable, TableOrStack, data, plain_table
from gaoxin_cli.render.figure_text import english_amount, format_figure
from gaoxin_cli.render.labels import word

#: Measures whose cells hold words; they wrap, figures never do.
_WIDE_MEASURES = frozenset({"text", "rank"})
#: A label column is never made narrower than its widest word, nor than this.
_MIN_LABEL = 12
_MIN_TEXT = 12


def _cell(facts: Sequence[Fact], lang: str) -> Text:
    return data("\n".join(format_figure(fact, lang) for fact in facts))


def _rows(
    indicator: Indicator, lang: str, *, with_id: bool = True
) -> list[tuple[Text, dict[str, list[Fact]]]]:
    """The indicator's row, then a sub-row for each fact with a label of its own."""
    main: dict[str, list[Fact]] = {}
    subrows: list[tuple[Text, dict[str, list[Fact]]]] = []
    for fact in indicator.facts:
        if fact.label.pick(lang) == indicator.label.pick(lang):
            main.setdefault(fact.measure, []).append(fact)
        else:
            subrows.append((data("└" + fact.label.pick(lang)), {fact.measure: [fact]}))
    label = data(indicator.label.pick(lang))
    if with_id:
        label.append("\n")
        label.append_text(data(indicator.id, "dim"))
    return [(label, main), *subrows]


def section_tables(
    views: Iterable[SectionView], lang: str, width: int, *, show_dataset: bool
) -> Group:
    """One table per heading of each section view, one row per indicator."""
    blocks: list[tuple[list[Indicator], str] | None] = []
    for n, view in enumerate(views):
        if n:
            blocks.append(None)  # a line between datasets
        for heading, group in groupby(view.indicators, key=lambda ind: ind.heading):
            title = heading.pick(lang)
            if show_dataset:
                title = f"{view.dataset.title.pick(lang)} · {title}"
            blocks.append((list(group), title))
    tables = [None if b is None else _indicator_table(b[0], b[1], lang) for b in blocks]
    # One layout for the whole answer: tables if every one fits, else every block stacked.
    fit = all(t is None or _fits(t, width) for t in tables)
    parts: list[RenderableType] = []
    for block, table in zip(blocks, tables, strict=True):
        if block is None or table is None:
            parts.append(Text(""))
        else:
            parts.append(table if fit else _stacked(block[0], block[1], lang))
    return Group(*parts)


def _fits(table: FittedTable, width: int) -> bool:
    """True if `table` fits `width` columns with every word and figure whole."""
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=max(width, 1))
    return table.fits(console, console.options)


def indicator_block(
    indicators: Sequence[Indicator], title: str | None, lang: str
) -> RenderableType:
    """Indicators with a column per measure, each label over its id; stacked
    (each indicator on its own lines) where the columns of figures do not fit
    beside labels whose words stay whole.

    Columns take their width by content: figures are never folded, headers
    and labels fold between words (`render.fold`)."""
    table = _indicator_table(indicators, title, lang)
    return TableOrStack(table, _stacked(indicators, title, lang))


def _indicator_table(indicators: Sequence[Indicator], title: str | None, lang: str) -> FittedTable:
    from gaoxin_cli.render.fold import widest_piece

    measures = [m for m in MEASURES if any(f.measure == m for i in indicators for f in i.facts)]
    labels = [label.plain for i in indicators for label, _ in _rows(i, lang, with_id=False)]
    table = plain_table(title)
    table.add_column(
        word("indicator", lang),
        min_width=_floor([*labels, *(i.id for i in indicators)], _MIN_LABEL),
    )
    for measure in measures:
        wide = measure in _WIDE_MEASURES
        lines = [
            format_figure(f, lang) for i in indicators for f in i.facts if f.measure == measure
        ]
        header = word_for_measure(measure, lang)
        # A Chinese heading stays whole; an English one may fold between words.
        heading = widest_piece(header) if header.isascii() else cell_len(header)
        table.add_column(
            header,
            justify="left" if wide else "right",
            whole=not wide,
            min_width=max(
                heading,
                _floor(lines, _MIN_TEXT) if wide else max(map(cell_len, lines)),
            ),
        )
    for indicator in indicators:
        for label, cell_facts in _rows(indicator, lang):
            table.add_row(label, *(_cell(cell_facts.get(m, []), lang) for m in measures))
    return table


def _floor(texts: Sequence[str], least: int) -> int:
    """The narrowest a column of `texts` that fold may be: `least` cells (or
    its longest line, if shorter), and never less than its widest word."""
    from gaoxin_cli.render.fold import widest_piece

    longest = max((cell_len(line) for text in texts for line in text.split("\n")), default=0)
    return max(min(longest, least), max(map(widest_piece, texts), default=0))


def _stacked(indicators: Sequence[Indicator], title: str | None, lang: str) -> Group:
    parts: list[RenderableType] = []
    if title:
        parts.append(data(title, "bold"))
    for indicator in indicators:
        for label, cell_facts in _rows(indicator, lang):
            parts.append(label)
            grid = FittedTable.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for measure, facts in cell_facts.items():
                grid.add_row(
                    Text(f"  {word_for_measure(measure, lang)}", style="bold"),
                    _cell(facts, lang),
                )
            parts.append(grid)
    return Group(*parts)


def word_for_measure(measure: str, lang: str) -> str:
    """A measure's column heading in `lang`."""
    zh, en = MEASURES[measure]
    return en if lang == "en" else zh


def detail(items: Sequence[Indicator | Fact], datasets: dict[str, Dataset], lang: str) -> Group:
    """Indicators or facts in full: labels, every measure, unit, normalized value, quote."""
    parts: list[RenderableType] = []
    for item in items:
        facts = item.facts if isinstance(item, Indicator) else (item,)
        head = Text()
        head.append_text(data(item.label.zh, "bold"))
        head.append("  ")
        head.append_text(data(item.label.en, "bold"))
        head.append("  ")
        head.append_text(data(item.id, "dim"))
        parts.append(head)
        dataset = datasets.get(item.dataset)
        grid = FittedTable.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        if dataset is not None:
            grid.add_row(
                word("dataset", lang),
                data(f"{dataset.id} · {dataset.title.pick(lang)} · {dataset.period}"),
            )
        grid.add_row(
            word("section", lang),
            data(f"{item.section} · {SECTIONS[item.section][1 if lang == 'en' else 0]}"),
        )
        grid.add_row(word("heading", lang), data(item.heading.pick(lang)))
        parts.append(grid)
        parts.extend(_fact_grid(fact, lang, item.label) for fact in facts)
        parts.append(Text(""))
    return Group(*parts)


def _fact_grid(fact: Fact, lang: str, indicator_label: Label) -> Group:
    zh, en = MEASURES[fact.measure]
    title = Text("• ")
    title.append_text(data(fact.id, "cyan"))
    title.append(f"  {en if lang == 'en' else zh}")
    rows: list[tuple[str, str]] = [("figure", format_figure(fact, lang))]
    if fact.label != indicator_label:
        rows.append(("indicator", f"{fact.label.zh} · {fact.label.en}"))
    normalized = fact.normalized
    if normalized is not None:
        rows.append(("unit", f"{fact.unit or '—'}"))
        amount = english_amount(normalized.value, normalized.unit)
        rows.append(("normalized", f"{normalized.value} {normalized.unit}  ({amount})"))
    if fact.qualifier:
        rows.append(("qualifier", f"{fact.qualifier} ({QUALIFIERS[fact.qualifier][0]})"))
    if fact.status:
        rows.append(("status", f"{fact.status} ({STATUSES[fact.status][0]})"))
    rows.append(("quote", f"“{fact.quote}”"))
    if fact.note:
        rows.append(("note", fact.note))
    grid = FittedTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        grid.add_row(Text(f"  {word(name, lang)}", style="bold"), data(value))
    return Group(title, grid)


def search_table(hits: Sequence[Hit], lang: str) -> RenderableType:
    """Search results, best first: id, label, figure and quote."""
    several = len({hit.fact.dataset for hit in hits}) > 1
    numbers = [format_figure(hit.fact, lang) for hit in hits if not hit.fact.is_text]
    words = [format_figure(hit.fact, lang) for hit in hits if hit.fact.is_text]
    table = plain_table(None)
    table.add_column(word("id", lang), no_wrap=True, style="cyan")
    table.add_column(word("indicator", lang), ratio=2, min_width=10)
    # Figures that are numbers never fold; words (a ranking, names) may.
    table.add_column(
        word("figure", lang),
        min_width=max(*map(cell_len, numbers), *(min(cell_len(w), _MIN_TEXT) for w in words), 4),
    )
    table.add_column(word("quote", lang), ratio=3, min_width=12)
    for hit in hits:
        fact = hit.fact
        where = data(fact.id)
        if several:  # the dataset under the id
            where.append("\n")
            where.append_text(data(fact.dataset, "dim"))
        table.add_row(
            where,
            data(fact.label.pick(lang)),
            data(format_figure(fact, lang)),
            data(fact.quote),
        )
    return TableOrStack(table)


def datasets_table(catalog: Sequence[tuple[Dataset, int]], lang: str) -> RenderableType:
    """The datasets: id, title, area, period and number of facts."""
    table = plain_table(None)
    table.add_column(word("id", lang), no_wrap=True, style="cyan")
    table.add_column(word("title", lang), overflow="fold", ratio=3)
    table.add_column(word("area", lang), overflow="fold", ratio=1)
    table.add_column(word("period", lang), no_wrap=True)
    table.add_column(word("facts", lang), justify="right", no_wrap=True)
    for dataset, count in catalog:
        table.add_row(
            data(dataset.id),
            data(dataset.title.pick(lang)),
            data(dataset.area.pick(lang)),
            data(dataset.period),
            str(count),
        )
    return TableOrStack(table)


def cache_table(found: Sequence[dict[str, Any]], lang: str) -> RenderableType:
    """The index files (records {index, bytes, folder, state}): name, size, the
    facts folder each indexes, and its state."""
    table = plain_table(None)
    table.add_column(word("index", lang), overflow="fold", style="cyan")
    table.add_column(word("size", lang), justify="right", no_wrap=True)
    table.add_column(word("folder", lang), overflow="fold")
    table.add_column(word("state", lang), overflow="fold")
    for entry in found:
        table.add_row(
            data(Path(entry["index"]).name),
            f"{entry['bytes']:,}",
            data(entry["folder"] or ""),
            word(entry["state"], lang),
        )
    return TableOrStack(table)


def overview(
    dataset: Dataset,
    counts: dict[str, int],
    headlines: Sequence[Indicator],
    lang: str,
    width: int,
    others: Sequence[str] = (),
) -> Group:
    """What `gaoxin` shows with no arguments: the dataset, its own overview
    figures, its sections, its headline figures; other datasets by id."""
    parts: list[RenderableType] = [data(dataset.title.pick(lang), "bold")]
    grid = FittedTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(word("area", lang), data(dataset.area.pick(lang)))
    grid.add_row(word("period", lang), data(dataset.period))
    grid.add_row(word("source", lang), data(dataset.source.title))
    if dataset.source.byline:
        grid.add_row("", data(dataset.source.byline))
    grid.add_row(word("dataset", lang), data(dataset.id))
    if others:
        also = "also: " if lang == "en" else "另有："
        grid.add_row("", data(f"{also}{' '.join(others)} (gaoxin datasets)", "dim"))
    parts.extend([grid, Text("")])
    general = [i for i in dataset.indicators if i.section == "overview"]
    if general:
        title = SECTIONS["overview"][1 if lang == "en" else 0]
        parts.extend([indicator_block(general, title, lang), Text("")])

    sections = plain_table(None)
    sections.add_column(word("section", lang), overflow="fold")
    sections.add_column(word("facts", lang), justify="right")
    sections.add_column(word("command", lang), overflow="fold", style="cyan")
    for name, count in counts.items():
        zh, en = SECTIONS[name]
        command = "gaoxin" if name == "overview" else f"gaoxin {name}"
        sections.add_row(en if lang == "en" else zh, str(count), command)
    parts.extend([TableOrStack(sections), Text("")])

    if headlines:
        parts.extend([indicator_block(headlines, word("headlines", lang), lang), Text("")])

    example = headlines[0].id if headlines else "ID"
    more = "More" if lang == "en" else "更多"
    hint = (
        f"{more}: gaoxin economy · gaoxin get {example} · gaoxin search 专利 · "
        "gaoxin export --format csv · gaoxin --help"
    )
    parts.append(data(hint, "dim"))
    return Group(*parts)
