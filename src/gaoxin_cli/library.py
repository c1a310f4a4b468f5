"""The Python way in: `load` a book of facts and ask it, `validate_facts`,
`draft_facts`. The commands are built on these; `gaoxin_cli` exports them.

Nothing here imports Typer or Rich, prints or exits: answers are returned,
problems returned or raised as `gaoxin_cli.errors` exceptions, and warnings
(a damaged index, built anew) issued through `warnings` as GaoxinWarning.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaoxin_cli.errors import FactsError, NotFoundError, Problem, UsageError
from gaoxin_cli.model import Dataset, Fact, FactBook, Indicator

if TYPE_CHECKING:
    from gaoxin_cli.draft.result import Draft
    from gaoxin_cli.query import FactFilter
    from gaoxin_cli.source import FactStream

#: A folder, given as a path or as text.
PathLike = str | os.PathLike[str]


class Book(FactBook):
    """Facts loaded from one or more facts folders, and the questions people ask
    of them. Immutable, like every record of the model."""

    __slots__ = ()

    def get(self, id: str, *, dataset: str | None = None) -> Fact | Indicator:
        """The fact or indicator with this id (`gaoxin get ID`); with several
        datasets that have it, `dataset` says which. NotFoundError names the
        closest ids when there is none."""
        from gaoxin_cli import query

        book = self if dataset is None else query.select_datasets(self, (dataset,))
        if dataset is not None and not book.datasets:
            from gaoxin_cli.source import check_datasets

            check_datasets((dataset,), [d.id for d in self.datasets])
        found = query.lookup(book, (id,))
        if len(found) > 1:
            held = ", ".join(d.id for d in book.datasets if d.id in {f.dataset for f in found})
            raise UsageError(f"{id!r} is in several datasets ({held}): say which with dataset=")
        return found[0]

    def search(
        self,
        query: str,
        *,
        section: str | None = None,
        measure: str | Sequence[str] | None = None,
        qualifier: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        unit: str | None = None,
        limit: int | None = None,
    ) -> list[Fact]:
        """The facts that match every word of `query` (Chinese or English words,
        aliases, ids, hedges, statuses, a number in any notation), best first,
        then filtered as `filter` does and cut to `limit`: `gaoxin search`.
        Question words are ignored, "fastest" or 最高 order by value, and
        where no fact matches every word, those with the most of them are
        the answer, said in a GaoxinWarning."""
        from gaoxin_cli import query as queries

        keep = _filter(measure, qualifier, unit, section, status)
        hits = [hit.fact for hit in queries.search_or_some(self, query, section=section)]
        chosen = [fact for fact in hits if keep.keep(fact)]
        return chosen[:limit] if limit is not None else chosen

    def filter(
        self,
        *,
        section: str | None = None,
        measure: str | Sequence[str] | None = None,
        qualifier: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        unit: str | None = None,
    ) -> list[Fact]:
        """The facts, in order, of this section, measure(s), hedge(s) ("any":
        has a bound; "none": has none), status(es) ("estimated", "preliminary";
        "any": not final; "none": final) and unit (as written, 亿元, or
        normalized, CNY): the listings' --section, --measure, --qualifier,
        --status and --unit."""
        return _filter(measure, qualifier, unit, section, status).facts(self.facts)

    def records(self, facts: Iterable[Fact] | None = None) -> list[dict[str, Any]]:
        """The JSON records of `facts` (default: every fact), exactly as
        `gaoxin export --format json` writes them."""
        from gaoxin_cli.render.records import fact_record

        return [fact_record(fact) for fact in (self.facts if facts is None else facts)]

    def check(self, text: str, *, name: str = "text") -> list[dict[str, Any]]:
        """A verdict on every figure `text` states (a sentence, a paragraph, a
        whole article; simplified or traditional characters), in its order:
        `gaoxin check --format json`'s records, each with the claim's clause,
        value, unit, qualifier, status and measure, its `verdict` ("agrees",
        "differs" or "unknown"), the `fact` held against it, the `reason`
        and the fact's `quote`; `name` is what they call the text (`input`)."""
        from gaoxin_cli.check import check_text
        from gaoxin_cli.factfiles.reading import check_plain_text

        check_plain_text(text, name)
        return [verdict.record() for verdict in check_text(self.facts, text, name=name)]

    def dataset(self, id: str) -> Dataset:
        """The dataset with this id."""
        for dataset in self.datasets:
            if dataset.id == id:
                return dataset
        from gaoxin_cli.source import check_datasets

        check_datasets((id,), [d.id for d in self.datasets])
        raise NotFoundError(f"no dataset {id!r}")  # pragma: no cover - check_datasets raised


def _filter(
    measure: str | Sequence[str] | None,
    qualifier: str | Sequence[str] | None,
    unit: str | None,
    section: str | None,
    status: str | Sequence[str] | None = None,
) -> FactFilter:
    from gaoxin_cli.query import FactFilter

    measures = (measure,) if isinstance(measure, str) else measure
    qualifiers = (qualifier,) if isinstance(qualifier, str) else qualifier
    statuses = (status,) if isinstance(status, str) else status
    return FactFilter.checked(measures, qualifiers, unit, section, statuses)


def load(
    *folders: PathLike,
    datasets: Sequence[str] | None = None,
    cache: bool = True,
) -> Book:
    """The facts of these facts folders (default: $GAOXIN_FACTS, else the
    shipped facts), of the chosen datasets only when given; from the index
    when `cache` allows, else from the files, with the same answers.

    Raises FactsError (its `problems` say path, line and what is wrong) when a
    fact file is broken, UsageError for an unknown dataset.
    """
    from gaoxin_cli.source import FactSource

    book = FactSource([Path(f) for f in folders] or None, datasets=datasets, cache=cache).book()
    return Book(book.datasets)


def stream(
    *folders: PathLike,
    datasets: Sequence[str] | None = None,
    cache: bool = True,
) -> FactStream:
    """The facts of these folders (as `load` chooses them), a dataset at a
    time: `stream.datasets` before any is read, then each dataset whole as it
    is iterated (`stream.facts()`: every fact, in order), from the index when
    `cache` allows. What `gaoxin export` writes from: memory holds one dataset.
    Iterate it once."""
    from gaoxin_cli.source import FactSource

    return FactSource([Path(f) for f in folders] or None, datasets=datasets, cache=cache).stream()


def validate_facts(
    *paths: PathLike,
    source: bool | PathLike | None = None,
    datasets: Sequence[str] | None = None,
) -> list[Problem]:
    """Every problem of the fact files at `paths` (facts folders, dataset
    folders or fact files; default: as `load`), sorted; empty when none.

    `source` also checks the datasets against their articles: True for the
    article each dataset.toml names (`[source] file`), or the path of an
    article for one dataset. Every quote must be in it and every figure of it
    stated by a fact or listed as a not_figure (`gaoxin validate --source`).
    """
    return checked(*paths, source=source, datasets=datasets)[1]


def checked(
    *paths: PathLike,
    source: bool | PathLike | None = None,
    datasets: Sequence[str] | None = None,
) -> tuple[FactBook | None, list[Problem]]:
    """`validate_facts`, and the book checked (None when it could not be read)."""
    from gaoxin_cli.checks.validate import warn_unknown_units
    from gaoxin_cli.source import FactSource

    problems: list[Problem] = []
    whole = True  # read without a problem: the book is returned
    try:
        book = FactSource([Path(p) for p in paths] or None, datasets=datasets, cache=False).book()
    except FactsError as error:
        if error.book is None:
            return None, error.problems
        # Go on with what could be read: the first run lists every problem.
        from gaoxin_cli import query

        book = query.select_datasets(error.book, list(datasets) if datasets else None)
        problems.extend(error.problems)
        whole = False
    if source is True:
        for dataset in book.datasets:
            problems.extend(_own_coverage(dataset))
    elif source is not None and not isinstance(source, bool):
        if len(book.datasets) != 1:
            ids = ", ".join(d.id for d in book.datasets) or "none"
            raise UsageError(
                f"an article checks one dataset: choose one ({ids})",
                cli=f"--source checks one dataset: choose one with --dataset ({ids})",
            )
        problems.extend(coverage_of(book.datasets[0], Path(source)))
    warn_unknown_units(book)
    return (book if whole else None), sorted(set(problems))


def article_of(dataset: Dataset) -> Path | None:
    """The article a dataset's `[source] file` names, beside its dataset.toml."""
    if dataset.source.file is None or dataset.location is None:
        return None
    return Path(dataset.location.path).parent / dataset.source.file


def _own_coverage(dataset: Dataset) -> list[Problem]:
    key = "source" if dataset.source.file is None else "source.file"
    where = dataset.location.of(key) if dataset.location else None
    place = (where.path, where.line) if where else (dataset.id, 1)
    article = article_of(dataset)
    if article is None:
        return [
            Problem(*place, f"dataset {dataset.id} names no article: add file = ... to [source]")
        ]
    try:
        return coverage_of(dataset, article)
    except UsageError as error:  # the named file is missing or unreadable: the data's fault
        return [Problem(*place, f"[source] file {dataset.source.file!r}: {error}")]


def coverage_of(dataset: Dataset, article: Path) -> list[Problem]:
    """The problems of `dataset` held against the article at `article`:
    quotes not in it, figures of it no fact states. UsageError when the
    article cannot be read."""
    from gaoxin_cli.checks.coverage import Article, check_coverage
    from gaoxin_cli.factfiles.reading import read_article
    from gaoxin_cli.simplified import simplified

    # Read in simplified characters (same positions, same lines): quotes are too.
    raw = read_article(article)
    reading = simplified(raw)
    return check_coverage(dataset, Article(str(article), reading, converted=reading != raw))


def draft_facts(text: str, *, name: str = "article.txt") -> Draft:
    """A draft of every fact of a review from its plain text: proposals with
    value, unit, hedge, measure, quote, label and section, and the numbers
    that are no figures. `draft.records()` are `gaoxin draft --format json`'s
    records; `name` is what its quotes' places are said to be in."""
    from gaoxin_cli.draft.article import Review
    from gaoxin_cli.draft.propose import propose
    from gaoxin_cli.factfiles.reading import check_plain_text

    check_plain_text(text, name)
    if not text.strip():
        raise UsageError(f"{name}: no text to draft")
    return propose(Review(name, text))
