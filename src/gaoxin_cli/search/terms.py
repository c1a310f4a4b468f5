"""Reading a search query into terms: numbers (with scale word and unit),
English words (stemmed), and Chinese runs in either script; and how text is
folded before it is compared (`fold`).
"""

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from gaoxin_cli.lexicon import QUESTION_ENDS, QUESTION_WORDS
from gaoxin_cli.model import MEASURES
from gaoxin_cli.search.words import (
    MEASURE_WORDS,
    SCALE_WORDS,
    STOP_WORDS,
    SUPERLATIVES,
    UNIT_WORDS,
)

#: The Chinese words of measures, kept apart in a run of Chinese ("占全市", "比重").
_KIND_WORDS = frozenset(
    word
    for words in (*(zh for zh, _ in MEASURES.values()), *MEASURE_WORDS.values())
    for word in ((words,) if isinstance(words, str) else words)
    if not word.isascii() and len(word) >= 2
) | frozenset(("比重", "占比"))


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = re.compile(
    r"(?<![0-9a-z.])(?P<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    rf"(?:\s*(?P<scale>{_alternation(list(SCALE_WORDS))}))?"
    rf"(?:\s*(?P<unit>{_alternation(list(UNIT_WORDS))}))?"
    r"(?![0-9a-z])"
)
_LATIN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")


def fold(text: str) -> str:
    """`text` as search compares it: NFKC (full-width digits and letters become
    ASCII, composed and decomposed accents agree), then case-folded. Only for
    matching: text is shown as written."""
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def stem(word: str) -> str:
    """An English word with a plural, -ing or -ed ending folded: patents and
    patent, companies and company, planned and plan, listing and list."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for ending, keep in (("ies", "y"), ("ied", "y"), ("sses", "ss")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + keep
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # planned -> plan, but not called -> cal
            return base
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def latin_words(text: str) -> list[str]:
    """The stems of the English words (and numbers, ids' parts) of folded `text`."""
    return [stem(word) for word in _LATIN.findall(text.replace("-", " ").replace("_", " "))]


class Term:
    """One part of a query: a number, an English word or a Chinese run."""

    __slots__ = ("forms", "kind", "number", "scale", "text", "unit")

    def __init__(
        self,
        kind: str,
        text: str,
        number: Decimal | None = None,
        scale: str | None = None,
        unit: str | None = None,
    ) -> None:
        self.kind = kind  # "number", "word" or "han"
        self.text = text  # folded: the stem of a word, the characters of a Chinese run
        self.number = number
        self.scale = scale
        self.unit = unit
        #: A Chinese run as either script writes it (亿元, 億元): any of them matches.
        self.forms: tuple[str, ...] = (text,)

    def values(self) -> list[Decimal]:
        """The figures a number term may mean: as typed, and with its scale applied."""
        number = self.number if self.number is not None else Decimal(0)
        if self.scale is None:
            return [number]
        return [number * SCALE_WORDS[self.scale]]


def parse(query: str) -> list[Term]:
    """The terms of `query` (see the module's docstring)."""
    text = fold(query)
    terms: list[Term] = []
    rest = []
    last = 0
    for match in _NUMBER.finditer(text):
        rest.append(text[last : match.start()])
        last = match.end()
        try:
            number = Decimal(match["number"].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            continue
        terms.append(Term("number", match.group(), number, match["scale"], match["unit"]))
    rest.append(text[last:])
    words: list[Term] = []
    for chunk in rest:
        for found in re.findall(r"[a-z0-9]+(?:[.][0-9a-z]+)*|[^\W\da-z_]+", chunk):
            token = _without_superlatives(found)
            if not token:
                continue  # an order asked for, not a word to find (see order_asked)
            if token.isascii():
                words.extend(Term("word", part) for part in _split_word(token))
                continue
            from gaoxin_cli.simplified import reading_form

            for part in _chinese_words(token):
                han = Term("han", part)
                # either script: a fact's text is compared in simplified too (Folded)
                han.forms = tuple(dict.fromkeys((part, fold(reading_form(part)))))
                words.append(han)
    meaningful = [t for t in words if not (t.kind == "word" and t.text in STOP_WORDS)]
    return terms + (meaningful or words)


def _without_superlatives(token: str) -> str:
    """`token` less the words that ask for an order ("fastest", "最快")."""
    if token in SUPERLATIVES:
        return ""
    for word in SUPERLATIVES:
        if not word.isascii() and word in token:
            token = token.replace(word, " ")
    return token.strip()


def _chinese_words(token: str) -> list[str]:
    """A run of Chinese as the words to find: the question words dropped
    ("高新技术企业有多少家" -> 高新技术企业, 家), and the kind words of
    measures apart ("占全市比重" -> 占全市, 比重)."""
    token = token.rstrip(QUESTION_ENDS) or token
    if len(token) <= 2:
        return [token]
    for word in sorted((*QUESTION_WORDS, *_KIND_WORDS), key=len, reverse=True):
        if word in token and token != word:
            keep = word if word in _KIND_WORDS else " "
            token = token.replace(word, f" {keep} " if keep != " " else " ")
    return [part for part in token.split() if part]


def order_asked(query: str) -> int | None:
    """-1 if `query` asks for the largest values first ("fastest growth",
    "增长最快"), 1 for the smallest first, None if it asks for no order."""
    text = fold(query)
    for token in re.findall(r"[a-z]+|[^\W\da-z_]+", text):
        if token in SUPERLATIVES:
            return SUPERLATIVES[token]
        for word, order in SUPERLATIVES.items():
            if not word.isascii() and word in token:
                return order
    return None


def _split_word(token: str) -> list[str]:
    """A query word: an id (gdp.growth) stays whole, else its stem."""
    if "." in token and not token.replace(".", "").isdigit():
        return [token]
    return [stem(token)]


def phrase_of(query: str) -> str:
    """The folded query as a whole, spaces made single."""
    return " ".join(fold(query).split())
