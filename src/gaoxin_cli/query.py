"""Select, look up and search: models in, models out."""

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import Protocol

from gaoxin_cli.errors import NotFoundError, UsageError
from gaoxin_cli.model import (
    SECTIONS,
    Dataset,
    Fact,
    FactBook,
    Indicator,
)

# Plain classes, not named tuples: they are defined at every start.


class SectionView:
    """A section of one dataset, its indicators in the article's order."""

    __slots__ = ("dataset", "indicators", "section")

    def __init__(self, dataset: Dataset, section: str, indicators: tuple[Indicator, ...]) -> None:
        self.dataset = dataset
        self.section = section
        self.indicators = indicators

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(fact for ind in self.indicators for fact in ind.facts)


class Hit:
    """A search result: a fact and how well it matched."""

    __slots__ = ("fact", "score")

    def __init__(self, fact: Fact, score: int) -> None:
        self.fact = fact
        self.score = score


def select_datasets(book: FactBook, chosen: Sequence[str] | None) -> FactBook:
    """The datasets of `book` named in `chosen` (all when None), in the book's order."""
    if chosen is None:
        return book
    return FactBook(tuple(d for d in book.datasets if d.id in chosen))


def section_view(book: FactBook, section: str) -> list[SectionView]:
    """The section in each dataset of `book` that has it."""
    return [
        SectionView(d, section, tuple(i for i in d.indicators if i.section == section))
        for d in book.datasets
    ]


def section_counts(dataset: Dataset) -> dict[str, int]:
    """Facts per section, in the article's order, for sections that have any."""
    counts = dict.fromkeys(SECTIONS, 0)
    for fact in dataset.facts:
        counts[fact.section] = counts.get(fact.section, 0) + 1
    return {name: n for name, n in counts.items() if n}


def all_ids(book: FactBook) -> list[str]:
    """Every indicator and fact id, indicators first, in order."""
    return [i.id for i in book.indicators] + [f.id for f in book.facts]


def lookup(book: FactBook, ids: Sequence[str]) -> list[Indicator | Fact]:
    """The indicators or facts named by `ids`, in the order asked, each once
    (a repeated id is looked up once); an id found in several datasets gives
    one item for each, in the datasets' order.

    Raises NotFoundError naming every unknown id, with a suggestion when one
    is close.
    """
    items: dict[str, list[Indicator | Fact]] = {}
    for dataset in book.datasets:
        for indicator in dataset.indicators:
            items.setdefault(indicator.id, []).append(indicator)
            for fact in indicator.facts:
                items.setdefault(fact.id, []).append(fact)
    found: list[Indicator | Fact] = []
    missing: list[str] = []
    for wanted in dict.fromkeys(i.strip() for i in ids):  # an id named twice is looked up once
        matches = items.get(wanted)
        if matches is None:
            missing.append(wanted)
        else:
            found.extend(matches)
    if missing:
        messages = [unknown_id(m, book) for m in missing]
        raise NotFoundError(
            "\n".join(plain for plain, _ in messages), cli="\n".join(cli for _, cli in messages)
        )
    return found


class IdCatalog(Protocol):
    """Where `unknown_id` looks for ids close to one not found: every
    indicator id (`facts` False) or fact id (True) of the datasets read."""

    def containing(self, text: str, facts: bool) -> list[str]:
        """The first three distinct ids holding `text`, in the datasets' order."""
        ...

    def distinct(self, facts: bool) -> list[str]:
        """Every id once."""
        ...


class BookIds:
    """The ids of a book, as an IdCatalog."""

    __slots__ = ("book",)

    def __init__(self, book: FactBook) -> None:
        self.book = book

    def _ids(self, facts: bool) -> list[str]:
        return [f.id for f in self.book.facts] if facts else [i.id for i in self.book.indicators]

    def containing(self, text: str, facts: bool) -> list[str]:
        return list(dict.fromkeys(c for c in self._ids(facts) if text in c))[:3]

    def distinct(self, facts: bool) -> list[str]:
        return list(dict.fromkeys(self._ids(facts)))


#: The ids `unknown_id` suggests from instead of the book's, when set: the
#: index's ids of every dataset read (FactSource.answer), so that a mistyped
#: id never loads every fact to find its neighbours.
SUGGEST_FROM: ContextVar[IdCatalog | None] = ContextVar("SUGGEST_FROM", default=None)


def unknown_id(wanted: str, book: FactBook) -> tuple[str, str]:
    """Why `wanted` was not found, with the closest ids (of SUGGEST_FROM, else
    of `book`): (as said to a library user, as said on the command line,
    where it may name a search to try)."""
    import difflib  # only on this error path

    catalog = SUGGEST_FROM.get() or BookIds(book)
    message = f"no indicator or fact with id {wanted!r}"
    lowered = wanted.lower()
    for facts in (False, True):  # indicators first
        close = catalog.containing(lowered, facts) if lowered else []
        close += difflib.get_close_matches(wanted, catalog.distinct(facts), n=3, cutoff=0.6)
        close = list(dict.fromkeys(close))[:3]
        if close:
            message = f"{message}; did you mean {' or '.join(repr(c) for c in close)}?"
            return message, message
    return message, f"{message}; try: gaoxin search {wanted}"


def headline_indicators(dataset: Dataset) -> list[Indicator]:
    """The dataset's headline indicators; a headline fact brings its indicator
    with only that fact."""
    indicators = {i.id: i for i in dataset.indicators}
    out: list[Indicator] = []
    for item in lookup(FactBook((dataset,)), dataset.headlines):
        if isinstance(item, Indicator):
            out.append(item)
        else:
            parent = indicators[item.indicator]
            out.append(parent._replace(facts=(item,)))
    return out


def facts_of(items: Iterable[Indicator | Fact]) -> list[Fact]:
    """The facts of looked-up items: an indicator's facts, or the fact itself."""
    out: list[Fact] = []
    for item in items:
        out.extend(item.facts if isinstance(item, Indicator) else (item,))
    return out


def _wanted(name: str | None, wanted: frozenset[str]) -> bool:
    """True if a fact's qualifier or status `name` is one of `wanted`, which may
    also hold "any" (any name at all) and "none" (no name)."""
    if name is None:
        return "none" in wanted
    return name in wanted or "any" in wanted


def check_section(section: str | None) -> None:
    """A usage error unless `section` is None or a section's name."""
    if section is not None and section not in SECTIONS:
        raise UsageError(f"unknown section {section!r}; one of: {', '.join(SECTIONS)}")


class FactFilter:
    """Which facts a listing keeps: by measure, hedge, status and unit (each None: any).

    `qualifiers` may hold "any" (has a bound) and "none" (no bound), and
    `statuses` "any" (has a status: not final) and "none" (final); a unit
    matches as written (亿元) or normalized (CNY).
    """

    __slots__ = ("measures", "qualifiers", "section", "statuses", "unit")

    def __init__(
        self,
        measures: Sequence[str] | None = None,
        qualifiers: Sequence[str] | None = None,
        unit: str | None = None,
        section: str | None = None,
        statuses: Sequence[str] | None = None,
    ) -> None:
        self.measures = frozenset(measures) if measures else None
        self.qualifiers = frozenset(qualifiers) if qualifiers else None
        self.unit = unit
        self.section = section
        self.statuses = frozenset(statuses) if statuses else None

    @classmethod
    def checked(
        cls,
        measures: Sequence[str] | None = None,
        qualifiers: Sequence[str] | None = None,
        unit: str | None = None,
        section: str | None = None,
        statuses: Sequence[str] | None = None,
    ) -> "FactFilter":
        """The filter, after a usage error for any value that is not a measure,
        a hedge (or any, none), a status (or any, none), a unit or a section."""
        from gaoxin_cli.model import MEASURES, QUALIFIERS, STATUSES

        for measure in measures or ():
            if measure not in MEASURES:
                raise UsageError(f"unknown measure {measure!r}; one of: {', '.join(MEASURES)}")
        allowed = (*QUALIFIERS, "any", "none")
        for qualifier in qualifiers or ():
            if qualifier not in allowed:
                message = f"unknown qualifier {qualifier!r}; one of: {', '.join(allowed)}"
                if qualifier in STATUSES:  # a qualifier of earlier versions
                    raise UsageError(
                        f"{message} ({qualifier} is a status: status={qualifier!r})",
                        cli=f"{message} ({qualifier} is a status: --status {qualifier})",
                    )
                raise UsageError(message)
        allowed = (*STATUSES, "any", "none")
        for status in statuses or ():
            if status not in allowed:
                raise UsageError(f"unknown status {status!r}; one of: {', '.join(allowed)}")
        if unit is not None:
            from gaoxin_cli.model.units import BASE_UNITS, is_known_unit

            if not is_known_unit(unit) and unit not in BASE_UNITS.values():
                raise UsageError(
                    f"unknown unit {unit!r}; a unit as written (亿元, %, 家 …) or normalized"
                    f" ({', '.join(dict.fromkeys(BASE_UNITS.values()))})"
                )
        check_section(section)
        return cls(measures, qualifiers, unit, section, statuses)

    @property
    def active(self) -> bool:
        """True if it drops anything at all."""
        parts = (self.measures, self.qualifiers, self.statuses, self.unit, self.section)
        return any(part is not None for part in parts)

    def keep(self, fact: Fact) -> bool:
        """True if `fact` passes every part of the filter."""
        if self.section is not None and fact.section != self.section:
            return False
        if self.measures is not None and fact.measure not in self.measures:
            return False
        if self.qualifiers is not None and not _wanted(fact.qualifier, self.qualifiers):
            return False
        if self.statuses is not None and not _wanted(fact.status, self.statuses):
            return False
        if self.unit is not None and fact.unit != self.unit:
            normalized = fact.normalized
            return normalized is not None and normalized.unit == self.unit
        return True

    def facts(self, facts: Iterable[Fact]) -> list[Fact]:
        """The facts that pass."""
        return [fact for fact in facts if self.keep(fact)]

    def views(self, views: Sequence[SectionView]) -> list[SectionView]:
        """Section views with only the facts that pass, and the indicators left with any."""
        out = []
        for view in views:
            indicators = []
            for indicator in view.indicators:
                kept = tuple(self.facts(indicator.facts))
                if kept:
                    indicators.append(indicator._replace(facts=kept))
            out.append(SectionView(view.dataset, view.section, tuple(indicators)))
        return out


def search(book: FactBook, query: str, *, section: str | None = None) -> list[Hit]:
    """Facts matching every term of `query`, best first (see gaoxin_cli.search.matching)."""
    from gaoxin_cli.search import matching
    from gaoxin_cli.search import terms as reading

    terms = reading.parse(query)
    if not terms:
        return []
    phrase = reading.phrase_of(query)
    hits: list[Hit] = []
    for fact in book.facts:
        if section is not None and fact.section != section:
            continue
        score = matching.score(fact, terms, phrase)
        if score:
            hits.append(Hit(fact, score))
    hits.sort(key=lambda hit: -hit.score)  # stable: equal scores keep the book's order
    return by_order_asked(hits, query)


def by_order_asked(hits: list[Hit], query: str) -> list[Hit]:
    """`hits` as `query` asks: largest value first for "fastest", "highest",
    "最快" …, smallest first for "lowest" …; as they are otherwise. Facts
    whose value is words come after the figures."""
    from gaoxin_cli.search.terms import order_asked

    order = order_asked(query)
    if order is None or not hits:
        return hits
    best = max(hit.score for hit in hits)

    def key(hit: Hit) -> tuple[bool, bool, float]:
        # The facts that answer best ("增长" as a growth rate, not in a quote)
        # first, in the order asked; figures before words.
        number = hit.fact.normalized
        weaker = hit.score < best * 0.8
        if number is None:
            return (weaker, True, 0.0)
        return (weaker, False, order * float(number.value))

    return sorted(hits, key=key)


def search_or_some(book: FactBook, query: str, *, section: str | None = None) -> list[Hit]:
    """`search`, and where no fact matches every word, `search_some`: the
    facts with the most of them, said in a GaoxinWarning (with the words no
    fact has), as `gaoxin search` answers a question in plain words."""
    return search(book, query, section=section) or some_of(book, query, section=section)


def some_of(book: FactBook, query: str, *, section: str | None = None) -> list[Hit]:
    """`search_some`'s facts, said in a GaoxinWarning with the words no fact
    has: the answer to a query `search` found nothing for."""
    hits, unmatched = search_some(book, query, section=section)
    if hits:
        import warnings

        from gaoxin_cli.errors import GaoxinWarning

        said = f"; no fact has {', '.join(map(repr, unmatched))}" if unmatched else ""
        warnings.warn(
            f"no fact matches every word of {query!r}: these match the most{said}",
            GaoxinWarning,
            stacklevel=2,
        )
    return hits


def search_some(
    book: FactBook, query: str, *, section: str | None = None
) -> tuple[list[Hit], list[str]]:
    """For a query no fact answers whole: the facts that match the most of
    its words, best first (as `search` orders them), and the words no fact
    matches at all. ([], words) if no fact matches any word."""
    from gaoxin_cli.search import matching
    from gaoxin_cli.search import terms as reading

    terms = reading.parse(query)
    if not terms:
        return [], []
    scored: list[tuple[int, Hit]] = []
    matched = [False] * len(terms)
    for fact in book.facts:
        if section is not None and fact.section != section:
            continue
        count, points, which = matching.partial_score(fact, terms)
        if count:
            scored.append((count, Hit(fact, points)))
            matched = [a or b for a, b in zip(matched, which, strict=True)]
    unmatched = [term.text for term, found in zip(terms, matched, strict=True) if not found]
    if not scored:
        return [], unmatched
    most = max(count for count, _ in scored)
    hits = [hit for count, hit in scored if count == most]
    hits.sort(key=lambda hit: -hit.score)
    return by_order_asked(hits, query), unmatched
