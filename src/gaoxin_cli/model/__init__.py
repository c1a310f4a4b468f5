"""The data model: datasets, indicators and facts as immutable records.

Pure: no I/O. The loader builds these; everything else reads them. Plain
slots classes with value equality: a dataclass costs about a millisecond to
define at each start, a named tuple a tenth of that, a plain class a hundredth.
"""

from typing import TYPE_CHECKING, Any, TypeAlias

from gaoxin_cli.model.record import Record
from gaoxin_cli.model.record import set_field as _set

# The model's vocabularies, re-exported: model.SECTIONS is vocabulary.SECTIONS.
from gaoxin_cli.model.vocabulary import LANGUAGES as LANGUAGES
from gaoxin_cli.model.vocabulary import MEASURES as MEASURES
from gaoxin_cli.model.vocabulary import QUALIFIERS as QUALIFIERS
from gaoxin_cli.model.vocabulary import SECTIONS as SECTIONS
from gaoxin_cli.model.vocabulary import STATUSES as STATUSES
from gaoxin_cli.model.vocabulary import TEXT_MEASURES as TEXT_MEASURES

#: A figure as the article writes it: a whole number, a decimal, or a text
#: (a ranking such as "居全省首位", a list of names, or a fraction "1/6").
Value: TypeAlias = int | float | str

if TYPE_CHECKING:  # imported where used: start-up time
    from collections.abc import Mapping

    from gaoxin_cli.model import units


#: A number of the article that is not a figure: (the number, the quote it
#: stands in, where the dataset lists it).
NotFigure: TypeAlias = "tuple[str, str, Location]"


class Label(Record):
    """A name in Chinese and English."""

    __slots__ = ("en", "zh")
    _fields = ("zh", "en")
    zh: str
    en: str

    def __init__(self, zh: str, en: str) -> None:
        _set(self, "zh", zh)
        _set(self, "en", en)

    def pick(self, lang: str) -> str:
        """The name in `lang` ("zh" or "en"); the Chinese one where the English is
        still to write (a draft)."""
        return self.en if lang == "en" and self.en else self.zh


class Location(Record):
    """Where something was written: a file and a 1-based line; for a table
    read from a file, also the line of each of its keys (not compared)."""

    __slots__ = ("keys", "line", "path")
    _fields = ("path", "line")
    path: str
    line: int
    keys: "Mapping[str, int] | None"

    def __init__(self, path: str, line: int, keys: "Mapping[str, int] | None" = None) -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "keys", keys)

    def of(self, key: str) -> "Location":
        """Where `key` of this table was written (the table's line if unknown)."""
        line = self.keys.get(key) if self.keys else None
        return self if line is None else Location(self.path, line)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Fact(Record):
    """One figure of the source, as the article states it."""

    #: The fields, in the order a Fact is compared and written.
    _FACT_FIELDS = (
        *("id", "dataset", "section", "heading", "indicator", "label", "measure", "value"),
        *("unit", "qualifier", "status", "period", "area", "quote", "written", "note"),
        *("location", "value_en", "aliases"),
    )
    __slots__ = ("_normalized", *_FACT_FIELDS)  # _normalized: made when first asked for
    _fields = _FACT_FIELDS
    _normalized: "units.Normalized | None"
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
    status: str | None
    period: str
    area: Label
    quote: str
    written: str | None
    note: str | None
    location: Location | None
    value_en: str | None
    aliases: tuple[str, ...]

    def __init__(
        self,
        id: str,
        dataset: str,
        section: str,
        heading: Label,
        indicator: str,
        label: Label,
        measure: str,
        value: Value,
        unit: str | None,
        qualifier: str | None,
        period: str,
        area: Label,
        quote: str,
        written: str | None = None,
        note: str | None = None,
        location: Location | None = None,
        value_en: str | None = None,
        aliases: tuple[str, ...] = (),
        status: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "dataset", dataset)
        _set(self, "section", section)
        _set(self, "heading", heading)
        _set(self, "indicator", indicator)
        _set(self, "label", label)
        _set(self, "measure", measure)
        _set(self, "value", value)
        _set(self, "unit", unit)
        _set(self, "qualifier", qualifier)
        #: What the figure is yet: None (final), "estimated" (预计) or
        #: "preliminary" (初步核算); apart from its bound, the qualifier.
        _set(self, "status", status)
        _set(self, "period", period)
        _set(self, "area", area)
        _set(self, "quote", quote)
        _set(self, "written", written)
        _set(self, "note", note)
        _set(self, "location", location)
        #: The English of a text value ("居全省首位" -> "First in the province").
        _set(self, "value_en", value_en)
        #: Other names of its indicator people search for ("FDI", "外资").
        _set(self, "aliases", aliases)

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
        """The figure as it appears in the quote ("85", "18.3", "1/6", "两"); a negative
        value the quote states by a word ("低于全省0.4个百分点") as its magnitude."""
        if self.written is not None:
            return self.written
        text = format_value(self.value)
        return text[1:] if text[:1] == "-" and text not in self.quote else text

    @property
    def normalized(self) -> "units.Normalized | None":
        """The value with scale words applied and the unit named, or None for
        text; made once (search, the index and exports ask for it again)."""
        try:
            return self._normalized
        except AttributeError:
            found = normalized_of(self.value, self.unit)
            _set(self, "_normalized", found)
            return found


def normalized_of(value: Value, unit: str | None) -> "units.Normalized | None":
    """A figure in base units: a number or a fraction ("1/6") in `unit`;
    None for a text."""
    from gaoxin_cli.model import units

    if not isinstance(value, str):
        return units.normalize(value, unit)
    fraction = fraction_of(value)
    return None if fraction is None else units.normalize(fraction, unit)


def make_fact(
    fields: "Mapping[str, Any]",
    *,
    indicator: str,
    label: Label,
    dataset: str,
    section: str,
    heading: Label,
    period: str,
    area: Label,
    location: Location | None,
    aliases: tuple[str, ...] = (),
) -> Fact:
    """A fact from the keys of its `[[indicator.fact]]` table (measure, value,
    and optionally key, unit, qualifier, status, quote, written, note, zh, en, value_en) and the
    indicator and dataset it belongs to.

    The one way a Fact is made: the loader passes the TOML table, the index
    a stored row with columns of the same names, so the two cannot drift.
    """
    return Fact(
        id=f"{indicator}.{fields.get('key') or fields['measure']}",
        dataset=dataset,
        section=section,
        heading=heading,
        indicator=indicator,
        label=(
            Label(fields.get("zh") or label.zh, fields.get("en") or label.en)
            if fields.get("zh") or fields.get("en")
            else label  # the indicator's own: one Label for all its facts
        ),
        measure=fields["measure"],
        value=fields["value"],
        unit=fields.get("unit"),
        qualifier=fields.get("qualifier"),
        status=fields.get("status"),
        period=period,
        area=area,
        quote=fields["quote"],
        written=fields.get("written"),
        note=fields.get("note"),
        value_en=fields.get("value_en"),
        location=location,
        aliases=aliases,
    )


class Indicator(Record):
    """What several facts are about, e.g. fixed-asset investment."""

    __slots__ = ("aliases", "dataset", "facts", "heading", "id", "label", "location", "section")
    _fields = ("id", "dataset", "section", "heading", "label", "facts", "location", "aliases")
    id: str
    dataset: str
    section: str
    heading: Label
    label: Label
    facts: tuple[Fact, ...]
    location: Location | None
    aliases: tuple[str, ...]

    def __init__(
        self,
        id: str,
        dataset: str,
        section: str,
        heading: Label,
        label: Label,
        facts: tuple[Fact, ...],
        location: Location | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        _set(self, "id", id)
        _set(self, "dataset", dataset)
        _set(self, "section", section)
        _set(self, "heading", heading)
        _set(self, "label", label)
        _set(self, "facts", facts)
        _set(self, "location", location)
        #: Other names people search for ("FDI", "外资"), in either language.
        _set(self, "aliases", aliases)


class Source(Record):
    """Where a dataset's figures come from."""

    __slots__ = ("authors", "byline", "description", "file", "title")
    _fields = ("title", "description", "byline", "authors", "file")
    title: str
    description: str
    byline: str
    authors: tuple[str, ...]
    file: str | None

    def __init__(
        self,
        title: str,
        description: str,
        byline: str,
        authors: tuple[str, ...],
        file: str | None = None,
    ) -> None:
        _set(self, "title", title)
        _set(self, "description", description)
        _set(self, "byline", byline)
        _set(self, "authors", authors)
        #: The article's plain text: a file name in the dataset's folder, or None.
        _set(self, "file", file)


class Dataset(Record):
    """One review: its metadata and its indicators in the order written."""

    __slots__ = _DATASET_FIELDS = (
        "id",
        "title",
        "area",
        "period",
        "source",
        "indicators",
        "headlines",
        "location",
        "not_figures",
    )
    _fields = _DATASET_FIELDS
    id: str
    title: Label
    area: Label
    period: str
    source: Source
    indicators: tuple[Indicator, ...]
    headlines: tuple[str, ...]
    location: Location | None
    not_figures: "tuple[NotFigure, ...]"

    def __init__(
        self,
        id: str,
        title: Label,
        area: Label,
        period: str,
        source: Source,
        indicators: tuple[Indicator, ...],
        headlines: tuple[str, ...] = (),
        location: Location | None = None,
        not_figures: "tuple[NotFigure, ...]" = (),
    ) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "area", area)
        _set(self, "period", period)
        _set(self, "source", source)
        _set(self, "indicators", indicators)
        _set(self, "headlines", headlines)
        #: Numbers of the article that are no figures: (number, quote, where listed).
        _set(self, "not_figures", not_figures)
        _set(self, "location", location)

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact of the dataset, in order."""
        return tuple(fact for indicator in self.indicators for fact in indicator.facts)


class FactBook(Record):
    """All datasets found in a facts folder."""

    __slots__ = ("datasets",)
    _fields = ("datasets",)
    datasets: tuple[Dataset, ...]

    def __init__(self, datasets: tuple[Dataset, ...]) -> None:
        _set(self, "datasets", datasets)

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
