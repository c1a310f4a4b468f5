"""The data model: datasets, indicators and facts as immutable named tuples.

Pure: no I/O. The loader builds these; everything else reads them. Named
tuples rather than dataclasses because the command runs once per lookup:
defining a dataclass costs about a millisecond at start-up, a named tuple a
tenth of that.
"""

from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:  # imported where used: start-up time
    from gaoxin_cli import units

#: A figure as the article writes it: a whole number, a decimal, or a text
#: (a ranking such as "居全省首位", a list of names, or a fraction "1/6").
Value: TypeAlias = int | float | str

#: Sections, in the article's order, with their zh and en names.
SECTIONS: dict[str, tuple[str, str]] = {
    "overview": ("概览", "Overview"),
    "investment": ("招商双创", "Investment & entrepreneurship"),
    "economy": ("经济指标", "Economy"),
    "innovation": ("科技创新", "Innovation"),
    "services": ("政务服务", "Government services"),
    "governance": ("社会治理与民生", "Governance & livelihood"),
    "party": ("党的建设", "Party building"),
}

#: What a number says about its indicator, in table-column order.
MEASURES: dict[str, tuple[str, str]] = {
    "level": ("数值", "Value"),
    "increase": ("新增", "Added"),
    "growth": ("增长", "Growth"),
    "vs_city": ("高于全市", "Above city"),
    "share_of_city": ("占全市", "Share of city"),
    "share": ("占比", "Share"),
    "rate": ("比率", "Rate"),
    "threshold": ("门槛", "Threshold"),
    "before": ("调整前", "Before"),
    "after": ("调整后", "After"),
    "rank": ("排位", "Standing"),
    "text": ("内容", "Details"),
}

#: Measures whose value is always text.
TEXT_MEASURES = frozenset({"text"})

#: How the article hedges a figure: name -> (the article's words, table mark).
QUALIFIERS: dict[str, tuple[str, str]] = {
    "over": ("余/多/以上", ">"),
    "nearly": ("近", "≈"),
    "at_least": ("至少", "≥"),
    "estimated": ("预计", "预计 "),
}

LANGUAGES = ("zh", "en")


class Label(NamedTuple):
    """A name in Chinese and English."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        """The name in `lang` ("zh" or "en")."""
        return self.en if lang == "en" else self.zh


class Location(NamedTuple):
    """Where something was written: a file and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Fact(NamedTuple):
    """One figure of the source, as the article states it."""

    id: str
    dataset: str
    section: str
    heading: Label
    indicator: str
    label: Label
    measure: str
    value: Value
    unit: str | None
    qualifier: str | None
    period: str
    area: Label
    quote: str
    written: str | None = None
    note: str | None = None
    location: Location | None = None

    @property
    def key(self) -> str:
        """The fact's part of its id after the indicator (usually the measure)."""
        return self.id.rpartition(".")[2]

    @property
    def is_text(self) -> bool:
        """True for facts whose value is words rather than a number."""
        return isinstance(self.value, str) and fraction_of(self.value) is None

    @property
    def figure(self) -> str:
        """The figure as it appears in the quote ("85", "18.3", "1/6", "两")."""
        if self.written is not None:
            return self.written
        return format_value(self.value)

    @property
    def normalized(self) -> "units.Normalized | None":
        """The value with scale words applied and the unit named, or None for text."""
        from gaoxin_cli import units

        if not isinstance(self.value, str):
            return units.normalize(self.value, self.unit)
        fraction = fraction_of(self.value)
        return None if fraction is None else units.normalize(fraction, self.unit)


class Indicator(NamedTuple):
    """What several facts are about, e.g. fixed-asset investment."""

    id: str
    dataset: str
    section: str
    heading: Label
    label: Label
    facts: tuple[Fact, ...]
    location: Location | None = None


class Source(NamedTuple):
    """Where a dataset's figures come from."""

    title: str
    description: str
    byline: str
    authors: tuple[str, ...]


class Dataset(NamedTuple):
    """One review: its metadata and its indicators in the order written."""

    id: str
    title: Label
    area: Label
    period: str
    source: Source
    indicators: tuple[Indicator, ...]
    headlines: tuple[str, ...] = ()
    location: Location | None = None

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact of the dataset, in order."""
        return tuple(fact for indicator in self.indicators for fact in indicator.facts)


class FactBook(NamedTuple):
    """All datasets found in a facts folder."""

    datasets: tuple[Dataset, ...]

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact of every dataset."""
        return tuple(fact for dataset in self.datasets for fact in dataset.facts)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator of every dataset."""
        return tuple(ind for dataset in self.datasets for ind in dataset.indicators)


def fraction_of(text: str) -> tuple[int, int] | None:
    """(numerator, denominator) of a text such as "1/6", or None if it is not one."""
    numerator, slash, denominator = text.partition("/")
    if not slash or not numerator.isdigit() or not denominator.isdigit():
        return None
    if not numerator.isascii() or not denominator.isascii() or int(denominator) == 0:
        return None
    return int(numerator), int(denominator)


def format_value(value: Value) -> str:
    """A value as the article writes it: 85, 18.3, 1/6 or a text."""
    if isinstance(value, bool):  # never a figure, but never "True" either
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    return str(value)


def stands_alone(number: str, text: str) -> bool:
    """True if `number` occurs in `text` not as part of a longer number.

    Not after a digit or a point, and not before a digit or a point followed by
    a digit: "6" is in "增长6%" and "6." ends a sentence, but not in "16" or "6.3".
    """
    start = text.find(number)
    while start != -1:
        end = start + len(number)
        before = text[start - 1] if start else ""
        after = text[end : end + 2]
        if not (before.isdecimal() and before.isascii()) and before != ".":
            followed = after[:1]
            if not (followed.isascii() and followed.isdecimal()) and not (
                followed == "." and after[1:2].isascii() and after[1:2].isdecimal()
            ):
                return True
        start = text.find(number, start + 1)
    return False
