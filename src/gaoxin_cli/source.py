"""The one way in for facts: from the index when it can, else from the files.

A command (or a library user) says which facts folders, which datasets and
what it will look at; it gets a FactBook, the same with or without the
index:

    >>> from gaoxin_cli.source import FactSource, Selection
    >>> book = FactSource().book(Selection(ids=("gdp",)))
    >>> [f.id for f in book.facts]
    ['gdp.growth', 'gdp.vs_city']
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gaoxin_cli import query
from gaoxin_cli.errors import NotFoundError, UsageError
from gaoxin_cli.factfiles.folders import facts_dirs_from_env
from gaoxin_cli.model import Dataset, Fact, FactBook

if TYPE_CHECKING:
    from gaoxin_cli.index import Index

T = TypeVar("T")
R = TypeVar("R")


class Selection:
    """What a command will look at: indicators or facts by id, a section,
    search words, the first dataset only, or some datasets by id; None (or
    False) for "any". The index loads only that; without it the whole book is
    read and the query code picks the same things out of it."""

    __slots__ = ("datasets", "first_dataset", "ids", "section", "words")

    def __init__(
        self,
        ids: tuple[str, ...] | None = None,
        section: str | None = None,
        words: tuple[str, ...] | None = None,
        first_dataset: bool = False,
        datasets: tuple[str, ...] | None = None,
    ) -> None:
        self.ids = ids
        self.section = section
        self.words = words
        self.first_dataset = first_dataset
        self.datasets = datasets

    def among(self, datasets: tuple[str, ...] | None) -> "Selection":
        """The same selection, narrowed to `datasets`."""
        return Selection(self.ids, self.section, self.words, self.first_dataset, datasets)


class FactSource:
    """Facts folders (each `--facts`, else $GAOXIN_FACTS, else the shipped
    facts), the datasets chosen among them (None for all), and whether the
    index may be used."""

    __slots__ = ("cache", "datasets", "roots")

    def __init__(
        self,
        roots: Sequence[Path] | None = None,
        *,
        datasets: Sequence[str] | None = None,
        cache: bool = True,
    ) -> None:
        self.roots = facts_dirs_from_env(list(roots) if roots else None)
        self.datasets = tuple(datasets) if datasets is not None else None
        self.cache = cache

    def book(self, selection: Selection | None = None) -> FactBook:
        """The facts `selection` asks for (all when None), from the index when
        it can, else from the files, which are then checked whole.

        Commands pick what they show with the query module either way, so
        the output is the same with or without the index.
        """
        selection = (selection or Selection()).among(self.datasets)
        if self.cache:
            book = self._indexed(selection)
            if book is not None:
                return book
        from gaoxin_cli.factfiles.loader import load_factbook

        book = load_factbook(*self.roots)
        if self.datasets is not None:
            check_datasets(self.datasets, [d.id for d in book.datasets])
        return query.select_datasets(book, self.datasets)

    def answer(self, selection: Selection, question: Callable[[FactBook], T]) -> tuple[FactBook, T]:
        """`question` asked of the facts `selection` names, and the book it was asked of.

        When an id is not found, it is asked again of every fact, so that the
        error can suggest the closest ids.
        """
        book = self.book(selection)
        try:
            return book, question(book)
        except NotFoundError:
            if selection.ids is None:
                raise
        if self.cache and len(self.roots) == 1:  # the index names the closest ids, loading no fact
            asked: list[FactBook] = []

            def suggesting(index: "Index") -> T:
                # asked again after damage: the book is read again from the index built anew
                asked.append(self.book(selection) if asked else book)
                catalog = index.ids(self.datasets)  # DamagedError if rows are missing
                token = query.SUGGEST_FROM.set(catalog)
                try:
                    return question(asked[-1])
                finally:
                    query.SUGGEST_FROM.reset(token)

            answer = _ask_index(self.roots[0], suggesting)
            if answer is not None:
                return asked[-1], answer
        book = self.book()
        return book, question(book)

    def catalog(self) -> list[tuple[Dataset, int]]:
        """Every dataset chosen and its number of facts, without loading the
        facts when the index has them."""
        found: list[tuple[Dataset, int]] | None = None
        if self.cache:
            found = self._indexed_catalog()
        if found is None:
            from gaoxin_cli.factfiles.loader import load_factbook

            found = [(d, len(d.facts)) for d in load_factbook(*self.roots).datasets]
        if self.datasets is not None:
            check_datasets(self.datasets, [d.id for d, _ in found])
            found = [(d, n) for d, n in found if d.id in self.datasets]
        return found

    def stream(self) -> "FactStream":
        """Every dataset chosen, one at a time, each whole: what an export
        reads, so that memory holds one dataset's facts and not all of them.

        From the index, each dataset is read and checked (checksums, counts)
        before any of its facts is given out; should one fail, the index is
        discarded and the rest is read from the files. Without the index the
        files are read whole first (they are checked as one book).
        """
        if self.cache:
            found = self._indexed_stream()
            if found is not None:
                return found
        book = self.book()
        return FactStream(lambda: book.datasets, lambda: iter(book.datasets))

    def _indexed_stream(self) -> "FactStream | None":
        from gaoxin_cli.index import READ_ERRORS, discard, open_index

        opened: list[tuple[Path, Index]] = []

        def close() -> None:
            for _, index in opened:
                index.close()

        ids: list[str] = []
        for root in self.roots:
            index = open_index(root)
            if index is None:
                close()
                return None
            opened.append((root, index))
            try:
                ids += index.dataset_ids()
            except READ_ERRORS:
                close()
                discard(root)
                return None
        if len(set(ids)) < len(ids):
            close()
            return None  # one dataset id in two folders: the loader reports it
        if self.datasets is not None:
            try:
                check_datasets(self.datasets, ids)
            except UsageError:
                close()
                raise

        def metadata() -> list[Dataset]:  # asked for by SQLite and the data package only
            return [
                dataset
                for _, index in opened
                for dataset, _ in index.catalog()
                if self._wants(dataset.id)
            ]

        def indexed(
            each: "Callable[[Index], Iterator[tuple[str, Sequence[R]]]]",
            of_files: "Callable[[Dataset], Iterable[R]]",
        ) -> Iterator[R]:
            """What `each` gives of each dataset from the indexes; from the
            files (by `of_files`) for the datasets not yet given, should one fail."""
            given: set[str] = set()
            try:
                for root, index in opened:
                    try:
                        for dataset_id, items in each(index):
                            given.add(dataset_id)
                            yield from items
                    except READ_ERRORS as error:  # noqa: PERF203 - once a root, not a row
                        discard(root)
                        _warn(f"the index of {root} was damaged ({error}); read the files")
                        rest = FactSource(self.roots, datasets=self.datasets, cache=False)
                        for dataset in rest.book().datasets:
                            if dataset.id not in given:
                                yield from of_files(dataset)
                        return
            finally:
                close()

        def each_whole(index: "Index") -> Iterator[tuple[str, Sequence[Dataset]]]:
            return ((dataset.id, (dataset,)) for dataset in index.each_dataset(self.datasets))

        def read() -> Iterator[Dataset]:
            return indexed(each_whole, lambda dataset: (dataset,))

        def flat() -> "Iterator[list[Any]]":
            from gaoxin_cli.render.rows import flat_values

            return indexed(
                lambda index: index.each_flat(self.datasets),
                lambda dataset: map(flat_values, dataset.facts),
            )

        return FactStream(metadata, read, flat)

    def _wants(self, dataset: str) -> bool:
        return self.datasets is None or dataset in self.datasets

    def _indexed(self, selection: Selection) -> FactBook | None:
        """What `selection` asks for from the index of each root; None to read the files."""
        datasets: list[Dataset] = []
        found: list[str] = []
        for root in self.roots:

            def ask(index: "Index") -> tuple[list[str], FactBook]:
                ids = []
                if len(self.roots) > 1 or selection.datasets is not None:
                    ids = index.dataset_ids()
                book = index.book(
                    ids=selection.ids,
                    section=selection.section,
                    words=selection.words,
                    first_dataset=selection.first_dataset,
                    datasets=selection.datasets,
                )
                return ids, book

            answer = _ask_index(root, ask)
            if answer is None:
                return None
            found.extend(answer[0])
            datasets.extend(answer[1].datasets)
        if len(set(found)) < len(found):
            return None  # one dataset id in two folders: the loader reports it
        if selection.datasets is not None:
            check_datasets(selection.datasets, found)
        if selection.first_dataset:
            datasets = datasets[:1]
        return FactBook(tuple(datasets))

    def _indexed_catalog(self) -> list[tuple[Dataset, int]] | None:
        found: list[tuple[Dataset, int]] = []
        for root in self.roots:
            answer = _ask_index(root, lambda index: index.catalog())
            if answer is None:
                return None
            found.extend(answer)
        ids = [d.id for d, _ in found]
        return None if len(set(ids)) < len(ids) else found


class FactStream:
    """Datasets read one at a time (`FactSource.stream`): iterating gives each
    whole, once; `datasets`, each one's metadata, is read when first asked
    for, and must be asked for before the datasets are read."""

    __slots__ = ("_datasets", "_flat", "_metadata", "_read")

    def __init__(
        self,
        metadata: Callable[[], Sequence[Dataset]],
        read: Callable[[], Iterator[Dataset]],
        flat: "Callable[[], Iterator[list[Any]]] | None" = None,
    ) -> None:
        self._metadata = metadata
        self._datasets: tuple[Dataset, ...] | None = None
        self._read = read
        self._flat = flat

    @property
    def datasets(self) -> tuple[Dataset, ...]:
        """Every dataset read, without its indicators when they are not in memory anyway."""
        if self._datasets is None:
            self._datasets = tuple(self._metadata())
        return self._datasets

    def __iter__(self) -> Iterator[Dataset]:
        return self._read()

    def facts(self) -> Iterator[Fact]:
        """Every fact, dataset by dataset."""
        for dataset in self:
            yield from dataset.facts

    @property
    def columns(self) -> tuple[str, ...]:
        """The name of each value of a row of `flat_rows`, in order: the header of CSV and TSV."""
        from gaoxin_cli.render.rows import FLAT_COLUMNS

        return FLAT_COLUMNS

    def flat_rows(self) -> "Iterator[list[Any]]":
        """Every fact as the values of its flat row (`render.rows.flat_row`),
        in the order of `columns`, dataset by dataset: what CSV and TSV write;
        from the index without making the facts (the same values, checked as
        `facts` checks them). Iterate it, or `facts()`, once."""
        if self._flat is not None:
            return self._flat()
        from gaoxin_cli.render.rows import flat_values

        return map(flat_values, self.facts())


def _ask_index(root: Path, ask: "Callable[[Index], T]") -> "T | None":
    """`ask` of the index of `root`; None to read the files instead.

    An index that fails while it is read (an SQLite error, a row that fails
    its checksum or is missing) is discarded, a warning says so, and a new
    one is built from the files and asked once more.
    """
    from gaoxin_cli.index import READ_ERRORS, discard, open_index

    for attempt in range(2):
        index = open_index(root)
        if index is None:
            return None
        try:
            return ask(index)
        except UnicodeEncodeError:
            return None  # a word SQLite cannot take (not UTF-8): the files answer
        except READ_ERRORS as error:
            discard(root)
            if attempt == 0:
                _warn(f"the index of {root} was damaged ({error}); built it anew from the files")
        finally:
            index.close()
    return None


def _warn(message: str) -> None:
    import warnings

    from gaoxin_cli.errors import GaoxinWarning

    warnings.warn(message, GaoxinWarning, stacklevel=3)


def load_book(
    roots: Sequence[Path] | None = None,
    selection: Selection | None = None,
    *,
    datasets: Sequence[str] | None = None,
    cache: bool = True,
) -> FactBook:
    """The facts `selection` asks for: `FactSource(roots, ...).book(selection)`."""
    return FactSource(roots, datasets=datasets, cache=cache).book(selection)


def check_datasets(chosen: Sequence[str], known: Sequence[str]) -> None:
    """A usage error for each chosen dataset id that is not among `known`."""
    unknown = [d for d in chosen if d not in known]
    if unknown:
        import difflib

        lines = []
        for wanted in unknown:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(known)}"
            lines.append(f"no dataset {wanted!r}; {hint}")
        raise UsageError(
            "\n".join(lines), cli="\n".join(f"{line} (see: gaoxin datasets)" for line in lines)
        )
