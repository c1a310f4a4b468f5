"""What a search query means, and how well a fact answers it: one scoring
function for the index and the fact files alike.

A query is read into terms (see `parse`):

- a number in any notation, with an optional scale word and unit: 3288,
  3,288, full-width digits, 85亿, 85亿元, 8.5 bn, 8.5 billion, 850000万, 18.3%;
- an English word, matched as a whole word, case-folded, with simple plural,
  -ing and -ed endings folded (patents = patent, planned = plan); the small
  words "the", "of", "and" … are dropped unless the query has nothing else;
- a run of Chinese characters, matched as a substring (as Chinese is written
  without spaces).

Every term must match the fact somewhere. Each term scores by the best place
it matches (`WEIGHTS`): a number by the fact's own figure first; a word by the
label, an alias, what the fact is (its measure, its hedge or its status:
"growth", "增长", "over", "以上", "estimated", "预计"), its id, its text
value, its quote, its heading, its note. A query that is a whole label or
alias scores `EXACT` more, and a label mostly covered by the query a little
more (`COVERAGE`). Ties keep the datasets' order.

The index does not score: `needles` gives, for each term, texts of which a
matching fact's search text holds at least one, so the index can pick
candidates that this module then scores, as it does without the index.
"""

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from gaoxin_cli.model import MEASURES, QUALIFIERS, STATUSES, Fact
from gaoxin_cli.search.terms import Term, fold, latin_words, parse
from gaoxin_cli.search.words import (
    MEASURE_WORDS,
    QUALIFIER_WORDS,
    STATUS_WORDS,
    STOP_WORDS,
    UNIT_NAMES,
    UNIT_WORDS,
)

#: Points a term earns by the best place it matches.
WEIGHTS = {
    "figure": 100,  # a number equal to the figure as written (or with its scale)
    "id": 90,  # the whole id of the fact or its indicator
    "normalized": 80,  # a number equal to the figure in base units
    "label": 60,
    "alias": 55,
    "kind": 65,  # the measure's or the hedge's words: 以上 finds hedges before 规模以上
    "id_part": 40,
    "value": 35,  # a text value, in Chinese or English
    "quote": 20,
    "heading": 10,
    "note": 5,
}
#: Added when the whole query is a label or an alias of the fact.
EXACT = 100
#: At most this much is added by how much of the label (or alias) the query covers.
COVERAGE = 10


def canonical(number: Decimal | float | int) -> str:
    """A number's one spelling: 3288, 8500000000, 18.3 (no exponent, no trailing zeros)."""
    if isinstance(number, int) and not isinstance(number, bool):
        return str(number)  # the common case, without Decimal
    if isinstance(number, float):
        text = repr(number)
        if "e" not in text and "n" not in text:  # not 1e+16, nan or inf
            whole, _, fraction = text.partition(".")
            fraction = fraction.rstrip("0")
            text = f"{whole}.{fraction}" if fraction else whole
            return "0" if text in ("-0", "0") else text
    value = number if isinstance(number, Decimal) else Decimal(repr(number))
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _figures(fact: Fact) -> tuple[str | None, str | None]:
    """The fact's figure as written and in base units, canonical; None for text."""
    value = fact.value
    written = None if isinstance(value, str) else canonical(value)
    unit = fact.unit
    if written is not None and unit is not None and unit[:1] not in ("万", "亿"):
        from gaoxin_cli.model.units import split_unit

        # A unit without a scale word: the figure is its own base value.
        return written, written if split_unit(unit) is not None else None
    normalized = fact.normalized
    base = None if normalized is None else canonical(normalized.value)
    return written, base


def digits_of(text: str) -> str:
    """`text` with thousands commas between digits removed (56,708.71 -> 56708.71)."""
    if "," not in text:
        return text
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def needles(query: str) -> list[list[str]]:
    """For each term of `query`, texts of which a matching fact's search text
    (see `search_words`) holds at least one; [] if the query has no term. A
    term with no such text gives an empty list: it narrows nothing."""
    out = []
    for term in parse(query):
        if term.kind == "number":
            if term.scale is None:  # a figure as written, or the number in a text
                alternatives = [canonical(v) for v in term.values()]
            else:  # a figure in base units (a line of its own in the search
                # text: 8500000000, not a part of 328500000000), or the number
                # in a text with its scale word: "85亿", "8.5 bn"
                alternatives = [f"\n{canonical(v)}\n" for v in term.values()]
                alternatives += spelled(term)
        elif term.kind == "word" and "." not in term.text:
            # A word's stem, or what every word of that stem holds (company:
            # compan); a word of one letter is itself ("y" of "y-o-y").
            long_y = len(term.text) > 1 and term.text.endswith("y")
            alternatives = [term.text[:-1] if long_y else term.text]
        else:
            alternatives = list(term.forms)
        out.append([a.lstrip("+-") for a in dict.fromkeys(alternatives) if a.strip("+-\n")])
    return out


def search_words(fact: Fact) -> list[str]:
    """Texts of `fact` beyond its own fields that search matches: its kind words
    and its figures in canonical form, and its quote without thousands commas."""
    words = list(kind_words(fact))
    words += [f for f in _figures(fact) if f is not None]
    plain = digits_of(fact.quote)
    if plain != fact.quote:
        words.append(plain)
    from gaoxin_cli.simplified import may_be_traditional, simplified

    texts = (fact.label.zh, fact.quote, fact.heading.zh, fact.unit or "", fact.note or "")
    if may_be_traditional("".join(texts)):  # most facts: none of them, one test
        words += [simplified(text) for text in texts if may_be_traditional(text)]
    return words


def kind_words(fact: Fact) -> tuple[str, ...]:
    """Words for what the fact is: its measure's, hedge's and status's, in both languages."""
    normalized = fact.normalized
    unit = normalized.unit if normalized is not None else None
    return _kind_words(fact.measure, fact.qualifier, fact.status, unit)


@lru_cache(maxsize=4096)
def _kind_words(
    measure: str, qualifier: str | None, status: str | None, unit: str | None
) -> tuple[str, ...]:
    """`kind_words` of a measure, hedge, status and normalized unit: made once
    for each (an index of a million facts asks for a few hundred kinds)."""
    words = list(MEASURES.get(measure, ()))
    words.append(measure.replace("_", " "))
    words += MEASURE_WORDS.get(measure, ())
    kinds = ((qualifier, QUALIFIERS, QUALIFIER_WORDS), (status, STATUSES, STATUS_WORDS))
    for name, own, more in kinds:
        if name:
            words += [*own[name][0].split("/"), *more.get(name, ())]
    if unit is not None:  # the unit the tool writes in English: "people", "USD"
        words += [unit.replace("_", " "), *UNIT_NAMES.get(unit, ())]
    return tuple(words)


def _raw_texts(fact: Fact, name: str) -> tuple[str, ...]:
    """The texts of one place of `fact`, as written."""
    if name == "label":
        return (fact.label.zh, fact.label.en)
    if name == "alias":
        return fact.aliases
    if name == "kind":
        return kind_words(fact)
    if name == "id":
        return (fact.id, fact.indicator)
    if name == "value":
        return (fact.value, fact.value_en or "") if isinstance(fact.value, str) else ()
    if name == "quote":
        return (fact.quote, digits_of(fact.quote))
    if name == "heading":
        return (fact.heading.zh, fact.heading.en)
    return (fact.note or "",)


def _both_scripts(texts: Sequence[str]) -> tuple[str, ...]:
    """`texts` folded, each that may be in traditional characters also in
    simplified ones (億元 as 亿元), so a word in either script finds it."""
    from gaoxin_cli.simplified import may_be_traditional, simplified

    folded = [fold(text) for text in texts]
    folded += [fold(simplified(text)) for text in texts if may_be_traditional(text)]
    return tuple(folded)


class Folded:
    """A fact's texts as search compares them, folded once, when first asked for."""

    __slots__ = ("_fact", "_texts", "_words")

    def __init__(self, fact: Fact) -> None:
        self._fact = fact
        self._texts: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, set[str]] = {}

    def texts(self, name: str) -> tuple[str, ...]:
        """The folded texts of one place (label, alias, kind, id, value, quote, heading, note)."""
        found = self._texts.get(name)
        if found is None:
            found = self._texts[name] = _both_scripts(_raw_texts(self._fact, name))
        return found

    def words(self, name: str) -> set[str]:
        """The stems of the English words of one place."""
        found = self._words.get(name)
        if found is None:
            found = self._words[name] = {w for t in self.texts(name) for w in latin_words(t)}
        return found


def _term_score(fact: Fact, texts: Folded, term: Term) -> int:
    """Points for the best place `term` matches `fact` (0: nowhere)."""
    if term.kind == "number":
        return _number_score(fact, texts, term)
    ids = texts.texts("id")
    best = WEIGHTS["id"] if term.text in ids else 0
    for place in ("kind", "label", "alias", "id_part", "value", "quote", "heading", "note"):
        if WEIGHTS[place] <= best:
            break
        if place == "id_part":
            if term.kind == "word" and (
                term.text in texts.words("id")
                or ("." in term.text and any(t.startswith(term.text) for t in ids))
            ):
                best = WEIGHTS["id_part"]
            continue
        if term.kind == "word":
            found = term.text in texts.words(place)
        else:
            found = any(form in text for form in term.forms for text in texts.texts(place))
        if found:
            best = WEIGHTS[place]
    return best


def _number_score(fact: Fact, texts: Folded, term: Term) -> int:
    written, base = _figures(fact)
    wanted = {canonical(v) for v in term.values()}
    unit = UNIT_WORDS.get(term.unit or "")
    normalized = fact.normalized
    if unit is not None and (normalized is None or normalized.unit != unit):
        return _in_text(texts, term)
    if term.scale is None and written in wanted:
        return WEIGHTS["figure"]
    if base in wanted:
        return WEIGHTS["figure"] if term.scale is not None or unit else WEIGHTS["normalized"]
    if term.scale is None and isinstance(fact.value, str) and fold(fact.value) == term.text:
        return WEIGHTS["figure"]  # a fraction such as 1/6 is matched by its text
    return _in_text(texts, term)


def _in_text(texts: Folded, term: Term) -> int:
    """Points for a number that stands alone in the fact's texts (a label, a
    quote): as typed, with its scale word and unit if it has them."""
    from gaoxin_cli.model.units import stands_alone

    typed = format(term.number if term.number is not None else 0, "f").lstrip("+")
    forms = spelled(term)
    for place in ("label", "alias", "value", "quote", "note"):
        for text in texts.texts(place):
            plain = digits_of(text)
            if stands_alone(typed, plain) and (
                (term.scale is None and term.unit is None) or any(f in plain for f in forms)
            ):
                return min(WEIGHTS[place], WEIGHTS["quote"] + 5)
    return 0


def spelled(term: Term) -> list[str]:
    """A number term as a text may hold it: "85亿元", "8.5bn" or "8.5 bn"."""
    text = digits_of(term.text).lstrip("+")
    return list(dict.fromkeys(["".join(text.split()), " ".join(text.split())]))


def score(fact: Fact, terms: Sequence[Term], phrase: str, texts: Folded | None = None) -> int:
    """How well `fact` answers the query of `terms` (`phrase`: the folded query
    as a whole); 0 unless every term matches. See the module's docstring."""
    texts = texts or Folded(fact)
    total = 0
    for term in terms:
        points = _term_score(fact, texts, term)
        if points == 0:
            return 0
        total += points
    names = texts.texts("label") + texts.texts("alias")
    if phrase in names:
        total += EXACT
    total += _coverage(terms, texts)
    return total


def partial_score(fact: Fact, terms: Sequence[Term]) -> tuple[int, int, list[bool]]:
    """How well `fact` answers some of `terms`: (how many it matches, their
    points, which it matches), for a query no fact answers whole."""
    texts = Folded(fact)
    points = [_term_score(fact, texts, term) for term in terms]
    return sum(1 for p in points if p), sum(points), [bool(p) for p in points]


def _coverage(terms: Sequence[Term], texts: Folded) -> int:
    """Up to COVERAGE: the largest share of one label's or alias's words (or
    characters) that the query's words name."""
    wanted = {t.text for t in terms if t.kind == "word"}
    han = [t.forms for t in terms if t.kind == "han"]
    best = 0.0
    for name in texts.texts("label") + texts.texts("alias"):
        if name.isascii():
            words = [w for w in latin_words(name) if w not in STOP_WORDS]
            if words and wanted:
                best = max(best, sum(w in wanted for w in words) / len(words))
        elif han:
            covered = sum(len(forms[0]) for forms in han if any(f in name for f in forms))
            best = max(best, min(covered / len(name), 1.0))
    return round(COVERAGE * best)
