"""Checks over loaded models: the rules that span fields, facts and files.

Pure: returns problems, never prints or exits. The loader has already
checked each key's type; these checks need the whole fact, or every fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gaoxin_cli.checks import quotes
from gaoxin_cli.errors import Problem
from gaoxin_cli.lexicon import DECLINE_WORDS
from gaoxin_cli.model import (
    QUALIFIERS,
    STATUSES,
    TEXT_MEASURES,
    Fact,
    FactBook,
    Location,
    format_value,
    fraction_of,
    units,
)
from gaoxin_cli.model.units import stands_alone
from gaoxin_cli.simplified import simplified


def check_factbook(book: FactBook) -> list[Problem]:
    """Every problem of every dataset in `book`."""
    problems: list[Problem] = []
    problems.extend(
        _duplicates(
            "dataset", ((d.id, d.location.of("id") if d.location else None) for d in book.datasets)
        )
    )
    for dataset in book.datasets:
        problems.extend(_duplicates("indicator", ((i.id, i.location) for i in dataset.indicators)))
        problems.extend(_duplicates("fact", ((f.id, f.location) for f in dataset.facts)))
        known = {f.id for f in dataset.facts} | {i.id for i in dataset.indicators}
        problems.extend(
            Problem(
                *_where(dataset.location, "headlines"), f"headlines: no fact or indicator {ref!r}"
            )
            for ref in dataset.headlines
            if ref not in known
        )
        for fact in dataset.facts:
            problems.extend(
                Problem(*_where(fact.location, key), f"fact {fact.id}: {message}")
                for key, message in check_fact(fact)
            )
        for indicator in dataset.indicators:
            pair = {f.measure: f for f in indicator.facts if f.measure in ("before", "after")}
            if len(pair) == 2 and pair["before"].unit != pair["after"].unit:
                after = pair["after"]
                problems.append(
                    Problem(
                        *_where(after.location, "unit"),
                        f"fact {after.id}: 'after' is in {after.unit}, but 'before' is in"
                        f" {pair['before'].unit}: the two take the same unit",
                    )
                )
    return problems


def check_fact(fact: Fact) -> Iterator[tuple[str, str]]:
    """What is wrong with one fact: (the key to point at, message) pairs, the
    first problem of each key only (a wrong unit is one problem, not three)."""
    seen: set[str] = set()
    for key, message in _fact_problems(fact):
        if key not in seen:
            seen.add(key)
            yield key, message


def _fact_problems(fact: Fact) -> Iterator[tuple[str, str]]:
    is_fraction = isinstance(fact.value, str) and fraction_of(fact.value) is not None
    is_number = not isinstance(fact.value, str) or is_fraction
    if fact.measure in TEXT_MEASURES and is_number:
        yield "value", f"measure '{fact.measure}' takes a text value, not {fact.figure}"
    elif fact.measure not in TEXT_MEASURES | {"rank"} and not is_number:
        yield "value", f"measure '{fact.measure}' needs a number (or a fraction such as \"1/6\")"
    if is_number and fact.value_en is not None:
        yield "value_en", f"value_en is the English of a text value; {fact.figure} is a number"
    if is_number and not is_fraction and fact.unit is None and fact.measure != "rank":
        yield "value", "a number needs a unit (亿元, 家, %, 个百分点 …)"
    if fact.unit is not None and not is_number:
        yield "unit", f"a text value takes no unit, but unit is {fact.unit!r}"
    if fact.unit is not None and units.scaled_unscaled(fact.unit):
        unscaled = ", ".join(sorted(units.UNSCALED))
        yield "unit", f"no scale word (万, 亿, 万亿) goes before {unscaled}: {fact.unit!r}"
    if is_number and not is_fraction and _negative(fact) and not _declines(simplified(fact.quote)):
        yield (
            "value",
            f"{format_value(fact.value)} is negative, but the quote has no word of decline"
            f" ({' / '.join(DECLINE_WORDS)}) before {fact.figure}",
        )
    stated = quote_states(fact)
    if not stated:
        yield "quote", f"quote does not contain the figure as written ({fact.figure!r})"
    if stated and is_number:
        yield from _check_reading(fact)
    problem = quotes.unit_problem(fact) if is_number else None
    if problem:
        yield "unit", problem


def _check_reading(fact: Fact) -> Iterator[tuple[str, str]]:
    """The unit written after the figure, and the hedges around it, against the fact's keys."""
    readings = quotes.read(fact)
    if not readings:
        return
    figure = fact.figure
    if fact.unit is not None and not any(r.unit_found for r in readings):
        written = readings[0].written_unit
        says = f"{figure}{written}" if written else f"{figure} with no unit after it"
        yield "unit", f"the quote writes {says}, not {figure}{fact.unit}"
        return
    fitting = [r for r in readings if r.unit_found or fact.unit is None]
    hedges = frozenset().union(*(r.hedges for r in fitting))
    statuses = frozenset().union(*(r.statuses for r in fitting))
    said = "the quote hedges {figure} ({words}): add {wanted}"
    yield from _agreeing("qualifier", fact.qualifier, hedges, QUALIFIERS, said, "next to", figure)
    said = "the quote gives {figure} a status ({words}): add {wanted}"
    yield from _agreeing("status", fact.status, statuses, STATUSES, said, "before", figure)


def _agreeing(
    key: str,
    given: str | None,
    read: frozenset[str],
    vocabulary: dict[str, tuple[str, str]],
    said: str,
    where: str,
    figure: str,
) -> Iterator[tuple[str, str]]:
    """A qualifier or status against what the quote says, both ways: a word
    with no key (`said`: "the quote hedges 85 (…): add qualifier = 'over'"),
    a key with no word ("status 'estimated' needs 预计/预期 before 7.5 …")."""
    if given is None and read:
        wanted = " or ".join(f"{key} = {name!r}" for name in sorted(read))
        words = " / ".join(vocabulary[name][0] for name in sorted(read))
        yield key, said.format(figure=figure, words=words, wanted=wanted)
    elif given is not None and given not in read:
        words = vocabulary[given][0]
        yield key, f"{key} {given!r} needs {words} {where} {figure} in the quote"


def warn_unknown_units(book: FactBook) -> None:
    """Say, as warnings, which units are in no table: they are kept and
    normalized as written (a counter such as 艘次 or 万标箱), not refused."""
    import warnings

    from gaoxin_cli.errors import GaoxinWarning

    for dataset in book.datasets:
        for fact in dataset.facts:
            if fact.unit is None or units.is_known_unit(fact.unit):
                continue
            path, line = _where(fact.location, "unit")
            warnings.warn(
                f"{path}:{line}: fact {fact.id}: unit {fact.unit!r} is in no unit table;"
                " it normalizes to itself, as written",
                GaoxinWarning,
                stacklevel=2,
            )


def _negative(fact: Fact) -> bool:
    return isinstance(fact.value, int | float) and fact.value < 0


def _declines(quote: str) -> bool:
    return any(word in quote for word in DECLINE_WORDS)


def quote_states(fact: Fact) -> bool:
    """True if the quote contains the fact's figure as written.

    A number must stand on its own: "6" is not found in "16.3" or "6.3".
    """
    figure = fact.figure
    if fact.written is not None or fact.is_text:
        return figure in fact.quote
    return stands_alone(figure, fact.quote)


def _duplicates(kind: str, items: Iterable[tuple[str, Location | None]]) -> Iterator[Problem]:
    first: dict[str, Location | None] = {}
    for item_id, location in items:
        if item_id in first:
            where = first[item_id]
            yield Problem(
                *_where(location),
                f"duplicate {kind} id {item_id!r} (first defined at {where or 'another file'})",
            )
        else:
            first[item_id] = location


def _where(location: Location | None, key: str | None = None) -> tuple[str, int]:
    if location is None:
        return ("<facts>", 1)
    if key is not None:
        location = location.of(key)
    return (location.path, location.line)
