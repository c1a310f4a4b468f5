"""Select, look up and search: models in, models out."""

from collections.abc import Iterable, Sequence

from gaoxin_cli.errors import NotFoundError
from gaoxin_cli.model import (
    SECTIONS,
    Dataset,
    Fact,
    FactBook,
    Indicator,
    format_value,
)
from gaoxin_cli.units import stands_alone

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
        raise NotFoundError("\n".join(unknown_id(m, book) for m in missing))
    return found


def unknown_id(wanted: str, book: FactBook) -> str:
    """Why `wanted` was not found, with the closest ids or a search to try."""
    import difflib  # only on this error path

    message = f"no indicator or fact with id {wanted!r}"
    for candidates in ([i.id for i in book.indicators], [f.id for f in book.facts]):
        lowered = wanted.lower()
        close = [c for c in candidates if lowered and lowered in c]
        close += difflib.get_close_matches(wanted, candidates, n=3, cutoff=0.6)
        close = list(dict.fromkeys(close))[:3]
        if close:
            return f"{message}; did you mean {' or '.join(repr(c) for c in close)}?"
    return f"{message}; try: gaoxin search {wanted}"


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


def _is_number(word: str) -> bool:
    """True for 85, -3.5, +18.3: ASCII digits, an optional sign and decimals."""
    unsigned = word[1:] if word.startswith(("+", "-")) else word
    whole, point, decimals = unsigned.partition(".")
    digits = whole + decimals
    return bool(whole) and (not point or bool(decimals)) and digits.isascii() and digits.isdigit()


def fold(text: str) -> str:
    """`text` as search compares it: NFKC (full-width digits and letters become
    ASCII, composed and decomposed accents agree), then case-folded. Only for
    matching: text is shown as written."""
    if text.isascii():
        return text.casefold()
    import unicodedata

    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def search(book: FactBook, query: str, *, section: str | None = None) -> list[Hit]:
    """Facts matching every word of `query`, best first.

    Words match ids, zh and en labels, headings, values, quotes and notes,
    ignoring case and Unicode forms (see `fold`). A number matches figures
    equal to it first, then quotes and values that contain it as a whole
    number.
    """
    words = [fold(word) for word in query.split()]
    if not words:
        return []
    hits: list[Hit] = []
    for fact in book.facts:
        if section is not None and fact.section != section:
            continue
        texts = _Folded(fact)
        total = 0
        for word in words:
            score = _score(fact, texts, word)
            if score == 0:
                break
            total += score
        else:
            hits.append(Hit(fact, total))
    hits.sort(key=lambda hit: -hit.score)  # stable: equal scores keep the book's order
    return hits


class _Folded:
    """A fact's texts as search compares them, folded once, when first asked for."""

    def __init__(self, fact: Fact) -> None:
        self._fact = fact
        self._texts: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        text = self._texts.get(name)
        if text is None:
            fact = self._fact
            raw = {
                "id": fact.id,
                "indicator": fact.indicator,
                "labels": f"{fact.label.zh}\n{fact.label.en}",
                "value": f"{fact.value}\n{fact.value_en}" if isinstance(fact.value, str) else "",
                "headings": f"{fact.heading.zh}\n{fact.heading.en}",
                "quote": fact.quote,
                "note": fact.note or "",
            }[name]
            text = self._texts[name] = fold(raw)
        return text


def _score(fact: Fact, texts: _Folded, word: str) -> int:
    """How well one folded search word matches `fact` (0: not at all)."""
    lowered = word
    if _is_number(word):
        if format_value(fact.value) == word or fold(fact.figure) == word:
            return 100
        normalized = fact.normalized
        if normalized is not None and format_value(normalized.value) == word:
            return 80
        if stands_alone(word, texts["quote"]):
            return 20
        return 0
    score = 0
    if lowered in (texts["id"], texts["indicator"]):
        score = max(score, 90)
    if lowered in texts["id"]:
        score = max(score, 50)
    if any(lowered in label for label in texts["labels"].split("\n")):
        score = max(score, 60)
    if lowered in texts["value"]:  # a text value, in Chinese or English
        score = max(score, 40)
    if any(lowered in heading for heading in texts["headings"].split("\n")):
        score = max(score, 15)
    if lowered in texts["quote"]:
        score = max(score, 30)
    if lowered in texts["note"]:
        score = max(score, 10)
    if lowered in (fact.measure, fact.section):
        score = max(score, 25)
    return score
