"""Does a dataset hold every figure of its article? `gaoxin validate --source`.

Pure: a dataset and the article's text in, problems out. The article's line
breaks and spaces (half- and full-width) are ignored, so that a quote matches
across the page layout; problems point at the article's own lines.

- Every quote must be in the article.
- Every figure of the article must be covered: some fact whose figure it is
  has a quote that contains that very occurrence (a text fact covers none).
  Figures are Arabic numbers (decimals, thousands commas, full-width digits,
  fractions such as 1/6) and Chinese numerals before a counter (两次, 三个).
- Numbers that are not figures (years, 第20届, “1+5”, a hotline) are listed in
  the dataset's `[[not_figure]]` tables, each with the quote it stands in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from gaoxin_cli.errors import Problem
from gaoxin_cli.lexicon import (
    COUNTERS,
    DIGITS,
    FIGURE_CLAUSE_END,
    NUMERAL_CHARS,
    NUMERAL_POINT,
    PERCENT_WORDS,
    RANK_LEADS,
    SCALES,
    SPACES,
)
from gaoxin_cli.model import Dataset, Fact
from gaoxin_cli.simplified import ruby_places, simplified

#: How far a problem's quote of its clause reaches either side of the figure.
CLAUSE_REACH = 40
#: An Arabic number: digits, thousands commas, decimals, or a fraction.
NUMBER = re.compile(
    r"(?<![0-9.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![0-9])|(?<![0-9.])\d+(?:\.\d+)?(?:/\d+)?(?![0-9])"
)
#: A quantity in Chinese numerals.
CHINESE = re.compile(f"[{NUMERAL_CHARS}]+(?:{'|'.join(COUNTERS)})")
_POINT = f"(?:{NUMERAL_POINT}[{''.join(DIGITS)}]+)?"
#: An amount in Chinese numerals before a scale word ("千亿元", "六百七十四点七九亿元").
CHINESE_AMOUNT = re.compile(
    f"[{NUMERAL_CHARS}]+{_POINT}(?=(?:{'|'.join(word for word, _ in SCALES)}))"
)
#: A percentage in words: "百分之十九点八".
CHINESE_PERCENT = re.compile(f"{PERCENT_WORDS}[{NUMERAL_CHARS}]+{_POINT}")
#: A standing in Chinese numerals ("全市第一"), read as one where RANK_LEADS lead it.
CHINESE_RANK = re.compile(f"第[{''.join(DIGITS)}十]+(?![{NUMERAL_CHARS}])")


class Article:
    """An article's text without spaces, line breaks and pinyin ruby
    annotations, and where each of its characters stood (its line in the
    file, its place in the raw text)."""

    __slots__ = ("converted", "lines", "offsets", "path", "text")

    def __init__(self, path: str, raw: str, *, converted: bool = False) -> None:
        self.path = path
        #: True if `raw` is the article read in simplified characters: its
        #: quotes are then read so too (`simplified(..., force=True)`).
        self.converted = converted
        kept: list[str] = []
        lines: list[int] = []
        offsets: list[int] = []
        line = 1
        ruby = ruby_places(raw)
        for offset, char in enumerate(raw):
            if char == "\n":
                line += 1
            if offset in ruby:
                continue
            if char in SPACES:
                if _parts_digits(raw, offset, kept):
                    kept.append(" ")  # "2018-01-24 16:20": 24 and 16 stay two numbers
                    lines.append(line)
                    offsets.append(offset)
                continue
            kept.append(ascii_form(char))
            lines.append(line)
            offsets.append(offset)
        self.text = "".join(kept)
        self.lines = lines
        self.offsets = offsets

    def line_of(self, position: int) -> int:
        """The file line of the character at `position` of `text`."""
        return self.lines[min(position, len(self.lines) - 1)] if self.lines else 1

    def clause(self, position: int, reach: int = CLAUSE_REACH) -> str:
        """The clause around `position` (between the punctuation that ends
        clauses), at most `reach` characters either side of it: a message
        stays short, and finding it reads no more than that."""
        low = max(0, position - reach)
        high = min(len(self.text), position + reach)
        start = max(self.text.rfind(c, low, position) for c in FIGURE_CLAUSE_END) + 1
        ends = [
            i for i in (self.text.find(c, position, high) for c in FIGURE_CLAUSE_END) if i != -1
        ]
        return self.text[max(start, low) : min(ends) if ends else high]


def ascii_form(char: str) -> str:
    """Full-width digits, percent, point and slash as ASCII (U+FF13 U+FF12 is 32);
    any other character as it is."""
    if "\uff10" <= char <= "\uff19" or char in "\uff05\uff0e\uff0f":
        return unicodedata.normalize("NFKC", char)
    return char


def _as_read(text: str, article: Article) -> str:
    """`text` (a quote) as `article` is read: simplified if it was, compacted."""
    return compact(simplified(text, force=True) if article.converted else text)


def compact(text: str) -> str:
    """`text` as an Article holds it: no spaces, line breaks or ruby, digits
    as ASCII (one space kept where spaces on a line part two digits)."""
    kept: list[str] = []
    ruby = ruby_places(text)
    for offset, char in enumerate(text):
        if offset in ruby:
            continue
        if char not in SPACES:
            kept.append(ascii_form(char))
        elif _parts_digits(text, offset, kept):
            kept.append(" ")
    return "".join(kept)


def _parts_digits(text: str, offset: int, kept: list[str]) -> bool:
    """True if the space at `offset` is the first of spaces on one line
    between two digits: they are kept apart (one space), never read as one number."""
    if text[offset] == "\n" or not kept or not kept[-1].isdigit() or not kept[-1].isascii():
        return False
    rest = offset
    while rest < len(text) and text[rest] in SPACES and text[rest] != "\n":
        rest += 1
    return (
        rest < len(text) and ascii_form(text[rest]).isdigit() and ascii_form(text[rest]).isascii()
    )


def stated_places(fact: Fact, article: Article) -> set[int]:
    """The places of `article` where `fact` states its figure: inside each
    place its quote stands (none for a text fact)."""
    places = list(_find_all(_as_read(fact.quote, article), article.text))
    return set(_covered_by(fact, places, article))


def check_coverage(dataset: Dataset, article: Article) -> list[Problem]:
    """Every quote of `dataset` in `article`, and every figure of `article` covered."""
    problems: list[Problem] = []
    covered: set[int] = set()
    for fact in dataset.facts:
        places = list(_find_all(_as_read(fact.quote, article), article.text))
        if not places:
            where = fact.location.of("quote") if fact.location else None
            problems.append(
                Problem(
                    where.path if where else "<facts>",
                    where.line if where else 1,
                    f"fact {fact.id}: quote is not in {article.path}",
                )
            )
            continue
        covered.update(_covered_by(fact, places, article))
    for figure, quote, where in dataset.not_figures:
        places = list(_find_all(_as_read(quote, article), article.text))
        if not places:
            problems.append(
                Problem(
                    where.path, where.line, f"not_figure {figure}: quote is not in {article.path}"
                )
            )
        for start in places:
            covered.update(start + n for n in _figure_places(figure, _as_read(quote, article)))
    for start, figure in figures(article.text, _written_quantities(dataset.facts, article)):
        if start not in covered:
            clause = article.clause(start)
            stated = figure + _unit_after(article.text, start + len(figure), figure)
            problems.append(
                Problem(
                    article.path,
                    article.line_of(start),
                    f"{stated} is not stated by any fact (…{clause}…)",
                )
            )
    return problems


def figures(text: str, quantities: Sequence[str] = ()) -> Iterator[tuple[int, str]]:
    """(position, figure) of every figure of `text`: its Arabic numbers, its
    quantities in Chinese numerals before a counter (两次, 三个, 十二条), and the
    Chinese-numeral `quantities` a dataset states, wherever they stand."""
    for match in NUMBER.finditer(text):
        yield match.start(), match.group()
    found = {match.start(): match.group() for match in CHINESE.finditer(text)}
    for pattern in (CHINESE_AMOUNT, CHINESE_PERCENT):
        found.update(
            {m.start(): m.group() for m in pattern.finditer(text) if m.start() not in found}
        )
    for match in CHINESE_RANK.finditer(text):
        lead = text[max(0, match.start() - 6) : match.start()]
        after = text[match.end() : match.end() + 1]
        ends = not after or after in "位名" or after in FIGURE_CLAUSE_END + "、"
        if ends and any(word in lead for word in RANK_LEADS):
            found[match.start()] = match.group()
    for quantity in quantities:
        found.update(dict.fromkeys(_find_all(quantity, text), quantity))
    yield from sorted(found.items())


def _written_quantities(facts: Sequence[Fact], article: Article) -> list[str]:
    """The Chinese-numeral quantities the facts state: the figure as written and its unit."""
    return sorted({_as_read(stated_as(f), article) for f in facts if f.written is not None})


def stated_as(fact: Fact) -> str:
    """How a fact whose figure is written in words stands in its quote: the
    figure and its unit ("两次", "六百七十四点七九亿元"), a percentage in words
    alone ("百分之十九点八")."""
    written = fact.written or fact.figure
    if written.startswith(PERCENT_WORDS):
        return written
    return f"{written}{fact.unit or ''}"


def _covered_by(fact: Fact, places: list[int], article: Article) -> Iterator[int]:
    """Positions of the article's text that `fact` states: its figure inside each
    place its quote stands."""
    quote = _as_read(fact.quote, article)
    if fact.is_text:
        return  # words state no figure, whatever numbers their quote holds
    if fact.written is not None:
        inside = list(_find_all(_as_read(stated_as(fact), article), quote))
    else:
        inside = _figure_places(fact.figure, quote)
    for start in places:
        yield from (start + n for n in inside)


def _figure_places(figure: str, quote: str) -> list[int]:
    """Where `figure` stands in `quote` as a whole number (not inside 16.3 for 6),
    also when the quote writes it with thousands commas."""
    found = [
        match.start()
        for match in NUMBER.finditer(quote)
        if figure in (match.group(), match.group().replace(",", ""))
    ]
    if not found:  # words such as "两" or text that NUMBER does not cut alike
        found = [m.start() for m in re.finditer(re.escape(figure), quote)]
    return found


def _find_all(needle: str, text: str) -> Iterator[int]:
    if not needle:
        return
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _unit_after(text: str, end: int, figure: str) -> str:
    """The unit-like word right after an Arabic figure: up to four characters
    that are neither punctuation nor digits ("件", "亿元", "个百分点"); nothing
    after a Chinese quantity, which holds its counter."""
    if not figure[-1:].isdigit():
        return ""
    word = ""
    for char in text[end : end + 4]:
        if char in FIGURE_CLAUSE_END or char in '、：:（）()“”"' or char.isdigit():
            break
        word += char
    return word
