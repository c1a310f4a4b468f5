"""Checks over loaded models: the rules that span fields, facts and files.

Pure: returns problems, never prints or exits. The loader has already
checked each key's type; these checks need the whole fact, or every fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gaoxin_cli import units
from gaoxin_cli.errors import Problem
from gaoxin_cli.model import TEXT_MEASURES, Fact, FactBook, Location, fraction_of, stands_alone


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
    return problems


def check_fact(fact: Fact) -> Iterator[tuple[str, str]]:
    """What is wrong with one fact: (the key to point at, message) pairs."""
    is_fraction = isinstance(fact.value, str) and fraction_of(fact.value) is not None
    is_number = not isinstance(fact.value, str) or is_fraction
    if fact.measure in TEXT_MEASURES and is_number:
        yield "value", f"measure '{fact.measure}' takes a text value, not {fact.figure}"
    elif fact.measure not in TEXT_MEASURES | {"rank"} and not is_number:
        yield "value", f"measure '{fact.measure}' needs a number (or a fraction such as \"1/6\")"
    if is_number and fact.value_en is not None:
        yield "value_en", f"value_en is the English of a text value; {fact.figure} is a number"
    if is_number and not is_fraction and fact.unit is None:
        yield "value", "a number needs a unit (亿元, 家, %, 个百分点 …)"
    if fact.unit is not None:
        if not is_number:
            yield "unit", f"a text value takes no unit, but unit is {fact.unit!r}"
        elif not units.is_known_unit(fact.unit):
            yield (
                "unit",
                f"unknown unit {fact.unit!r}; use one of {', '.join(units.known_units())},"
                " optionally after 万, 亿 or 万亿",
            )
    if not quote_states(fact):
        yield "quote", f"quote does not contain the figure as written ({fact.figure!r})"


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
