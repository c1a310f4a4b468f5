"""Views: a command's answer as data, and the forms it can be written in.

A View holds a command's answer and knows its forms: JSON records
(`records`; written by `json_text`), flat rows under named columns
(`rows`; CSV and TSV by `delimited`), a Markdown table for people
(`markdown`), and Rich tables and charts at a terminal (`tables`,
`comparison_table`, `bar_chart`). Each form is computed, and what it needs
imported, only when it is written: scripts never import Rich.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Dataset, Fact, Indicator

if TYPE_CHECKING:  # type aliases cost start-up time when built at run time
    from typing import TypeAlias

    from rich.console import RenderableType

    from gaoxin_cli.bars import Chart
    from gaoxin_cli.compare import Comparison
    from gaoxin_cli.query import Hit, SectionView

    Rows: TypeAlias = list[dict[str, Any]]
    #: (columns, rows) of CSV and TSV.
    Flat: TypeAlias = tuple[Sequence[str], Rows]
    #: (columns, headings, rows) of a Markdown table.
    Readable: TypeAlias = tuple[Sequence[str], Sequence[str], Rows]
    #: Builds the Rich form of an answer: (lang, width) -> renderable.
    Table: TypeAlias = Callable[[str, int], RenderableType]


class View:
    """A command's answer in every form.

    - `records()`: what JSON and JSONL write (a list of records, or one object);
    - `flat(lang)`: the columns and rows CSV and TSV write;
    - `readable(lang)`: a Markdown table (default: the flat rows under their column names);
    - `table(lang, width)`: a Rich renderable for a terminal, or None if there is none.
    """

    __slots__ = ("flat", "readable", "records", "table")

    def __init__(
        self,
        records: Callable[[], Any],
        flat: "Callable[[str], Flat]",
        *,
        readable: "Callable[[str], Readable] | None" = None,
        table: "Table | None" = None,
    ) -> None:
        self.records = records
        self.flat = flat
        self.readable = readable or self._flat_as_readable
        self.table = table

    def _flat_as_readable(self, lang: str) -> "Readable":
        columns, rows = self.flat(lang)
        return columns, columns, rows


def _records(found: Iterable[Fact], fields: list[str] | None) -> Iterator[dict[str, Any]]:
    """Each fact's JSON record (with `fields`, only those), as it comes."""
    from gaoxin_cli.render.records import fact_record

    if fields is None:
        return map(fact_record, found)
    from gaoxin_cli.render.fields import project

    return (project(fact_record(f), fields) for f in found)


def _flat(
    found: Iterable[Fact], fields: list[str] | None
) -> tuple[Sequence[str], Iterator[dict[str, Any]]]:
    """The columns of CSV and TSV (with `fields`, theirs) and each fact's row, as it comes."""
    if fields is None:
        from gaoxin_cli.render.rows import FLAT_COLUMNS, flat_row

        return FLAT_COLUMNS, map(flat_row, found)
    from gaoxin_cli.render.fields import flat_columns, value_of

    columns = flat_columns(fields)
    return columns, ({c: value_of(r, c) for c in columns} for r in _records(found, None))


def facts(found: Sequence[Fact], table: "Table | None" = None) -> "View":
    """Facts: JSON records, flat rows, and Markdown for people (label, measure,
    figure, quote)."""

    def flat(_lang: str) -> "Flat":
        columns, rows = _flat(found, None)
        return columns, list(rows)

    def readable(lang: str) -> "Readable":
        from gaoxin_cli.render.rows import readable_rows

        return readable_rows(found, lang)

    return View(lambda: list(_records(found, None)), flat, readable=readable, table=table)


def fact_list(found: Sequence[Fact], fields: Sequence[str] | None = None) -> "View":
    """Facts one a row, in the order given: with `fields`, only those (see
    render.fields); else whole records, and at a terminal id, label, figure, quote."""
    if fields is None:

        def listed(lang: str, _width: int) -> "RenderableType":
            from gaoxin_cli.query import Hit
            from gaoxin_cli.render.tables import search_table

            return search_table([Hit(f, 0) for f in found], lang)

        return facts(found, listed)
    chosen = list(fields)

    def flat(_lang: str) -> "Flat":
        columns, rows = _flat(found, chosen)
        return columns, list(rows)

    def table(lang: str, width: int) -> "RenderableType":
        from gaoxin_cli.render.fields import fields_table

        return fields_table(*flat(lang), width)

    return View(lambda: list(_records(found, chosen)), flat, table=table)


def fact_stream(found: Iterable[Fact], fields: Sequence[str] | None = None) -> "View":
    """Facts read once, as they come (an export): the records and rows are
    iterators, written as they are made, so that memory holds one dataset's
    facts, not all. The same text as `facts` or `fact_list` of the same
    facts; Markdown, which aligns each column by all of its rows, keeps its
    rows in a temporary file rather than in memory. No table form."""
    chosen = None if fields is None else list(fields)

    def readable(lang: str) -> "tuple[Sequence[str], Sequence[str], Iterable[dict[str, Any]]]":
        from gaoxin_cli.render.spool import Spooled

        if chosen is not None:
            columns, rows = _flat(found, chosen)
            return columns, columns, Spooled(rows)
        from gaoxin_cli.render.rows import readable_columns, readable_row

        datasets: set[str] = set()

        def noted(fact: Fact) -> dict[str, Any]:
            if len(datasets) < 2:
                datasets.add(fact.dataset)
            return readable_row(fact, lang)

        spooled = Spooled(map(noted, found))
        return (*readable_columns(len(datasets) > 1, lang), spooled)

    # rows as iterators where a View's forms are lists: written once, as they come
    return View(
        lambda: _records(found, chosen),
        lambda _lang: _flat(found, chosen),  # type: ignore[arg-type,return-value]
        readable=readable,  # type: ignore[arg-type]
    )


def flat_stream(rows: Iterable[list[Any]]) -> "View":
    """Facts' flat rows read once, as they come (`FactStream.flat_rows`): the
    text `fact_stream` of the same facts writes as CSV or TSV, or into a data
    package. Only those: JSON and Markdown are written from the facts."""

    def only_flat(*_args: object) -> Any:
        raise TypeError("flat rows are written as CSV or TSV; JSON and Markdown need the facts")

    from gaoxin_cli.render.rows import FLAT_COLUMNS

    return View(only_flat, lambda _lang: (FLAT_COLUMNS, rows), readable=only_flat)  # type: ignore[arg-type,return-value]


def sections(views: Sequence["SectionView"]) -> "View":
    """A section of each dataset: one table per heading at a terminal."""

    def table(lang: str, width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import section_tables

        return section_tables(views, lang, width, show_dataset=len(views) > 1)

    return facts([f for view in views for f in view.facts], table)


def detail(items: Sequence[Indicator | Fact], datasets: Mapping[str, Dataset]) -> "View":
    """Indicators or facts in full."""
    from gaoxin_cli.query import facts_of

    def table(lang: str, _width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import detail as render_detail

        return render_detail(items, dict(datasets), lang)

    return facts(facts_of(items), table)


def hits(found: Sequence["Hit"]) -> "View":
    """Search results, best first."""

    def table(lang: str, _width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import search_table

        return search_table(found, lang)

    return facts([hit.fact for hit in found], table)


def charts(items: Sequence["Chart"]) -> "View":
    """Bar charts at a terminal; each bar a row elsewhere."""

    def bars() -> "Rows":
        from gaoxin_cli.render.shapes import bar_records

        return bar_records(items)

    def flat(_lang: str) -> "Flat":
        from gaoxin_cli.render.rows import BAR_COLUMNS, bar_rows

        return BAR_COLUMNS, bar_rows(items)

    def table(lang: str, width: int) -> "RenderableType":
        from gaoxin_cli.render.bar_chart import draw

        return draw(items, lang, width)

    return View(bars, flat, table=table)


def comparison(compared: "Comparison") -> "View":
    """Indicators across datasets: JSON records, flat rows, and the cells people read."""

    def json_records() -> "Rows":
        from gaoxin_cli.render.records import comparison_records

        return comparison_records(compared)

    def flat(lang: str) -> "Flat":
        from gaoxin_cli.render.rows import comparison_columns, comparison_rows

        return comparison_columns(compared), comparison_rows(compared, lang)

    def readable(lang: str) -> "Readable":
        from gaoxin_cli.render.figure_text import comparison_cells

        headings, cells = comparison_cells(compared, lang)
        for n, column_dataset in enumerate(compared.datasets, start=2):
            if headings[n] != column_dataset.id:  # a report has no legend: name both
                headings[n] = f"{headings[n]} ({column_dataset.id})"
        columns = [str(n) for n in range(len(headings))]
        return columns, headings, [dict(zip(columns, row, strict=True)) for row in cells]

    def table(lang: str, width: int) -> "RenderableType":
        from gaoxin_cli.render.comparison_table import comparison_table

        return comparison_table(compared, lang, width)

    return View(json_records, flat, readable=readable, table=table)


def datasets(found: Sequence[tuple[Dataset, int]]) -> "View":
    """The datasets and their numbers of facts."""

    def json_records() -> "Rows":
        from gaoxin_cli.render.records import dataset_record

        return [dataset_record(d, n) for d, n in found]

    def flat(_lang: str) -> "Flat":
        from gaoxin_cli.render.rows import DATASET_COLUMNS, dataset_row

        return DATASET_COLUMNS, [dataset_row(d, n) for d, n in found]

    def readable(lang: str) -> "Readable":
        from gaoxin_cli.render.rows import readable_dataset_rows

        return readable_dataset_rows(found, lang)

    def table(lang: str, _width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import datasets_table

        return datasets_table(found, lang)

    return View(json_records, flat, readable=readable, table=table)


def cache_entries(found: Sequence[Any]) -> "View":
    """The index files in the cache folder (objects with `path`, `size`, `folder`
    and `state`, as `gaoxin cache` lists them): file, size, facts folder, state."""
    columns = ("index", "bytes", "folder", "state")

    def json_records() -> "Rows":
        return [
            {"index": str(e.path), "bytes": e.size, "folder": e.folder, "state": e.state}
            for e in found
        ]

    def flat(_lang: str) -> "Flat":
        return columns, json_records()

    def table(lang: str, _width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import cache_table

        return cache_table(json_records(), lang)

    return View(json_records, flat, table=table)


def overview(
    dataset: Dataset,
    counts: Mapping[str, int],
    headlines: Sequence[Indicator],
    others: Sequence[str],
) -> "View":
    """What `gaoxin` shows: the dataset, its overview figures, sections and headlines."""

    def summary() -> dict[str, Any]:
        from gaoxin_cli.query import facts_of
        from gaoxin_cli.render.records import dataset_record, fact_record
        from gaoxin_cli.render.shapes import section_records

        return {
            "dataset": dataset_record(dataset),
            "overview": [fact_record(f) for f in dataset.facts if f.section == "overview"],
            "sections": section_records(counts),
            "headlines": [fact_record(f) for f in facts_of(headlines)],
            "other_datasets": list(others),
        }

    def flat(_lang: str) -> "Flat":
        from gaoxin_cli.render.shapes import SECTION_COLUMNS, section_rows

        return SECTION_COLUMNS, section_rows(counts)

    def table(lang: str, width: int) -> "RenderableType":
        from gaoxin_cli.render.tables import overview as render_overview

        return render_overview(dataset, dict(counts), headlines, lang, width, others)

    return View(summary, flat, table=table)
