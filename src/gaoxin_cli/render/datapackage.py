"""Facts as a Frictionless Data Package (https://datapackage.org, v1 profiles):
a folder of `facts.csv`, the rows `export --format csv` writes, and
`datapackage.json`, which describes them.

Pure: datasets, columns, rows and the CSV's bytes in, the descriptor's JSON
text out; the command writes the files. The same input gives the same bytes
(no dates, no versions of this tool), so that packages can be diffed.
"""

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import MEASURES, QUALIFIERS, SECTIONS, STATUSES, Dataset
from gaoxin_cli.model.units import BASE_UNITS, SCALES
from gaoxin_cli.render.rows import FLAT_COLUMNS

if TYPE_CHECKING:
    from gaoxin_cli.render.delimited import Row

#: The descriptor's file name, which the standard fixes.
DESCRIPTOR = "datapackage.json"
#: The one resource: its name and its file in the folder.
RESOURCE = "facts"
DATA = "facts.csv"

#: The longest package name made by joining the ids of several datasets.
_LONGEST_NAME = 80


def _listed(words: Mapping[str, tuple[str, str]], both: bool = True) -> str:
    """`name (zh, en); …` of a vocabulary of the model (only zh when not `both`)."""
    return "; ".join(
        f"{name} ({zh}, {en})" if both else f"{name} ({zh})" for name, (zh, en) in words.items()
    )


_SCALES = ", ".join(f"{word} = 10^{len(str(scale)) - 1}" for word, scale in SCALES)
_NAMED = ", ".join(
    f"{unit} → {BASE_UNITS[unit]}"
    for unit in ("元", "美元", "%", "个百分点", "户")
    if unit in BASE_UNITS
)
_NORMALIZED = (
    f" Computed by code, never typed by hand: the unit's scale word applied ({_SCALES})"
    f" and its base unit named in English ({_NAMED} …); a fraction such as 1/6 is a"
    " share in percent. Empty for text facts and for units without a normalized form."
)

#: Each column a fact's CSV may have: (Table Schema type, description).
#: `value` is typed by the rows (see `Tally`).
FIELDS: dict[str, tuple[str, str]] = {
    "id": (
        "string",
        "The fact's id: its indicator and, after a dot, its measure or key"
        " (fixed-asset-investment.growth). Unique within a dataset.",
    ),
    "dataset": ("string", "The id of the dataset (the review) the fact belongs to."),
    "section": (
        "string",
        f"The part of the review the fact belongs to, by meaning: {_listed(SECTIONS)}.",
    ),
    "heading": ("string", "The article's heading above the figure, in Chinese."),
    "indicator": (
        "string",
        "The id of the indicator: what the fact is about; the facts of one"
        " indicator (amount, growth, lead over the city) share it.",
    ),
    "label_zh": ("string", "The indicator's name in Chinese."),
    "label_en": ("string", "The indicator's name in English."),
    "measure": (
        "string",
        f"What the number says about its indicator: {_listed(MEASURES)}.",
    ),
    "value": (
        "string",
        "The figure exactly as the article states it, in `unit`: a number (85,"
        " 18.3), a fraction (1/6), or words for text facts (measure text, a"
        " ranking). Typed number when every row of this file holds a number;"
        " else string, and normalized_value holds the numbers as numbers.",
    ),
    "unit": (
        "string",
        "The article's own unit, with its scale word (亿元, 万户, 家, 件, %,"
        " 个百分点, 微克/立方米); empty where the figure has none (text facts).",
    ),
    "qualifier": (
        "string",
        "How the article hedges the figure, by the words of its quote; empty if it"
        f" does not: {_listed(QUALIFIERS, both=False)}.",
    ),
    "status": (
        "string",
        "What the figure is yet, apart from its hedge, by the words of its quote;"
        f" empty if final: {_listed(STATUSES, both=False)}.",
    ),
    "normalized_value": ("number", "The value in the base unit `normalized_unit`." + _NORMALIZED),
    "normalized_unit": (
        "string",
        "The base unit of `normalized_value`, in English." + _NORMALIZED,
    ),
    "period": ("string", "The period the figure is for, as the dataset names it (2019)."),
    "area_zh": ("string", "The area the figure is for, in Chinese."),
    "area_en": ("string", "The area the figure is for, in English."),
    "quote": (
        "string",
        "The shortest clause of the article, verbatim, that states the figure.",
    ),
    "note": ("string", "A curator's note in English on how the figure was read; often empty."),
    "value_en": ("string", "The English of a text value; empty for numbers."),
    "heading_en": ("string", "The article's heading above the figure, in English."),
}

#: Columns every fact has a non-empty cell in (the loader requires them): all
#: but the unit, hedge, status and normalized value of text facts and the optional notes.
OPTIONAL = frozenset(
    {"unit", "qualifier", "status", "normalized_value", "normalized_unit", "note", "value_en"}
)
REQUIRED = frozenset(FLAT_COLUMNS) - OPTIONAL

#: Columns whose values come from a vocabulary of the model.
_ENUMS: dict[str, Mapping[str, object]] = {
    "section": SECTIONS,
    "measure": MEASURES,
    "qualifier": QUALIFIERS,
    "status": STATUSES,
}

_RESOURCE_DESCRIPTION = (
    "One fact a row: a figure the article states, with the clause it is"
    " quoted from. UTF-8 CSV (RFC 4180, CRLF line ends) with a header row; an"
    " empty cell is no value. Text is verbatim, as the fact files hold it"
    " (a spreadsheet may read a cell starting with =, +, - or @ as a formula:"
    " open facts.csv as text, or use gaoxin export --format csv, which guards it)."
)


class Tally:
    """Rows counted on their way into the CSV (`rows` is iterated once): how
    many, and whether every `value` is a number (its type in the schema)."""

    __slots__ = ("_at", "_rows", "count", "words")

    def __init__(self, rows: Iterable["Row"], columns: Sequence[str]) -> None:
        self._rows = rows
        self._at = list(columns).index("value") if "value" in columns else None
        self.count = 0
        self.words = False  # a value that is no number: words, a fraction

    def __iter__(self) -> Iterator["Row"]:
        at = self._at
        for row in self._rows:
            self.count += 1
            if not isinstance(row, list):
                value = row.get("value")
            else:
                value = None if at is None else row[at]
            if not isinstance(value, int | float) or isinstance(value, bool):
                self.words = True
            yield row


def descriptor(
    datasets: Sequence[Dataset],
    columns: Sequence[str],
    tally: Tally,
    size: int,
    sha256: str,
) -> str:
    """The text of `datapackage.json` for the CSV of `size` bytes and SHA-256
    `sha256` whose rows `tally` counted under `columns` (as `export --format
    csv` writes them), from `datasets`."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": package_name(datasets),
        "title": " / ".join(d.title.zh for d in datasets) or "gaoxin facts",
        "description": _description(datasets, tally.count),
    }
    sources = list(dict.fromkeys(_source(d) for d in datasets))
    if sources:
        package["sources"] = [{"title": title} for title in sources]
    authors = list(dict.fromkeys(name for d in datasets for name in d.source.authors))
    if authors:
        package["contributors"] = [{"title": name, "role": "author"} for name in authors]
    package["resources"] = [
        {
            "profile": "tabular-data-resource",
            "name": RESOURCE,
            "path": DATA,
            "title": "Facts",
            "description": _RESOURCE_DESCRIPTION,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": size,
            "hash": f"sha256:{sha256}",
            "schema": _schema(columns, tally, several=len(datasets) > 1),
        }
    ]
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def write_package(
    columns: Sequence[str],
    rows: Iterable["Row"],
    datasets: Sequence[Dataset],
    folder: str,
) -> None:
    """Write the CSV of `rows`, and the descriptor of it, into `folder` (made if
    missing): both are written in full beside their places first, then moved
    into place, the descriptor first (a folder whose CSV is still the old one
    is then one that export takes for its own); if either cannot be written,
    neither is replaced."""
    import hashlib
    from pathlib import Path

    from gaoxin_cli.files import replacing
    from gaoxin_cli.render.delimited import write_csv

    tally = Tally(rows, columns)
    path = Path(folder)
    name = ""
    try:
        path.mkdir(parents=True, exist_ok=True)
        # The blocks end inner first: the descriptor is moved into place first.
        with replacing(path / DATA) as data_temp, replacing(path / DESCRIPTOR) as temp:
            name = DATA
            with data_temp.open("w", encoding="utf-8", newline="") as stream:
                # a machine format: text as the files hold it
                write_csv(tally, columns, stream, verbatim=True)
            digest = hashlib.sha256()
            with data_temp.open("rb") as written:
                while chunk := written.read(1 << 20):
                    digest.update(chunk)
            size = data_temp.stat().st_size
            name = DESCRIPTOR
            temp.write_text(
                descriptor(datasets, columns, tally, size, digest.hexdigest()), encoding="utf-8"
            )
            name = ""
    except OSError as error:  # named as the user typed it, never by a temporary name
        shown = str(Path(folder) / name) if name else folder
        raise OSError(error.errno, error.strerror or str(error), shown) from error


def package_name(datasets: Sequence[Dataset]) -> str:
    """The package's name: the dataset's id; for several, their ids joined by _
    (the first and how many more when that is long); lower-case a-z, 0-9, -, ., _."""
    slugs = [_slug(d.id) for d in datasets]
    if not slugs:
        return "gaoxin-facts"
    joined = "_".join(slugs)
    if len(joined) <= _LONGEST_NAME:
        return joined
    return f"{slugs[0]}-and-{len(slugs) - 1}-more"


def _slug(text: str) -> str:
    kept = "".join(c if c.isascii() and (c.isalnum() or c in "-._") else "-" for c in text.lower())
    return "-".join(part for part in kept.split("-") if part) or "dataset"


def _source(dataset: Dataset) -> str:
    source = dataset.source
    return f"{source.title} ({source.byline})" if source.byline else source.title


def _description(datasets: Sequence[Dataset], count: int) -> str:
    reviews = " ".join(
        f"{d.title.en} ({d.id})."
        + (f" {d.source.description.strip().rstrip('.')}." if d.source.description else "")
        for d in datasets
    )
    held = f"{count} fact{'' if count == 1 else 's'}"
    return (
        f"{reviews} {DATA} holds {held}, one a row: a figure the article states, with"
        " its unit, hedge, status, normalized value and the clause it is quoted from."
    ).strip()


def _schema(columns: Sequence[str], tally: Tally, *, several: bool) -> dict[str, Any]:
    fields = []
    for column in columns:
        name = column.replace(".", "_")  # --fields label.zh is the column label_zh
        kind, text = FIELDS[name]
        field: dict[str, Any] = {"name": column, "type": kind, "description": text}
        if name == "value":
            # number when every row's figure is a number, else string (words, 1/6)
            field["type"] = "number" if tally.count and not tally.words else "string"
        constraints: dict[str, Any] = {}
        if name in REQUIRED:
            constraints["required"] = True
        if name in _ENUMS:
            constraints["enum"] = list(_ENUMS[name])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    key = ["dataset", "id"] if several else ["id"]
    if all(name in columns for name in key):
        schema["primaryKey"] = key
    return schema


def written_here(text: str) -> bool:
    """True if `text` is a descriptor this module writes: one resource, facts
    at facts.csv, whose fields are all columns of facts."""
    try:
        package = json.loads(text)
    except ValueError:
        return False
    if not isinstance(package, dict) or package.get("profile") != "tabular-data-package":
        return False
    resources = package.get("resources")
    if not isinstance(resources, list) or len(resources) != 1:
        return False
    resource = resources[0]
    if not isinstance(resource, dict) or (resource.get("name"), resource.get("path")) != (
        RESOURCE,
        DATA,
    ):
        return False
    fields = (resource.get("schema") or {}).get("fields")
    if not isinstance(fields, list) or not fields:
        return False
    return all(
        isinstance(f, dict) and str(f.get("name", "")).replace(".", "_") in FIELDS for f in fields
    )
