"""Chosen fields of fact records (`--fields`) and their order (`--sort`).

A field is named as in CSV (`label_en`, `normalized_value`) or, for a part of
a nested record value, with a dot (`label.en`, `normalized.value`); a whole
nested value (`label`) is an object in JSON and spreads into its parts
(`label_zh`, `label_en`) in CSV, TSV and Markdown.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gaoxin_cli.errors import UsageError
from gaoxin_cli.model import format_value
from gaoxin_cli.render.records import RECORD_KEYS
from gaoxin_cli.render.rows import FLAT_COLUMNS

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gaoxin_cli.model import Fact

#: The parts of each nested value of a fact's record.
NESTED = {"label": ("zh", "en"), "normalized": ("value", "unit"), "area": ("zh", "en")}

#: Every field name `--fields` and `--sort` take, record keys first.
FIELD_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *RECORD_KEYS,
            *FLAT_COLUMNS,
            *(f"{key}.{part}" for key, parts in NESTED.items() for part in parts),
        ]
    )
)


def parse_fields(text: str) -> list[str]:
    """The field names of `--fields a,b,c`, in order; a usage error names an unknown one."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise UsageError("--fields needs at least one field name")
    for name in names:
        check_field(name, "--fields")
    return list(dict.fromkeys(names))


def check_field(name: str, option: str) -> None:
    """A usage error unless `name` is a field name; it lists the valid ones."""
    if name not in FIELD_NAMES:
        import difflib

        close = difflib.get_close_matches(name, FIELD_NAMES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise UsageError(
            f"{option}: unknown field {name!r}{hint}; fields: {', '.join(FIELD_NAMES)}"
        )


def value_of(record: Mapping[str, Any], name: str) -> Any:
    """The value of field `name` in a fact's record (None where it has none)."""
    if name in record:
        return record[name]
    key, _, part = name.partition("." if "." in name else "_")
    nested = record.get(key)
    return nested.get(part) if isinstance(nested, Mapping) else None


def project(record: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """The record with only the fields `names`, in that order, keyed as named."""
    return {name: value_of(record, name) for name in names}


def flat_columns(names: Sequence[str]) -> list[str]:
    """Columns of CSV, TSV and Markdown for `names`: a nested value spread into its parts."""
    columns: list[str] = []
    for name in names:
        if name in NESTED:
            columns += [f"{name}_{part}" for part in NESTED[name]]
        else:
            columns.append(name)
    return list(dict.fromkeys(columns))


def sort_records(records: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """`records` ordered by `field` (`-field`: descending): numbers as numbers,
    then texts; records without the field last either way. Stable."""
    descending = field.startswith("-")
    name = field.removeprefix("-")
    groups: tuple[list[dict[str, Any]], ...] = ([], [], [])
    for record in records:
        groups[_group(value_of(record, name))].append(record)
    numbers, texts, absent = groups
    numbers.sort(key=lambda r: float(_number(value_of(r, name))), reverse=descending)
    texts.sort(key=lambda r: _text_key(value_of(r, name)), reverse=descending)
    return numbers + texts + absent


def _group(value: Any) -> int:
    """0 for a number (or a nested value led by one), 1 for text, 2 for none."""
    if value is None:
        return 2
    return 0 if _number(value) is not None else 1


def _number(value: Any) -> Any:
    if isinstance(value, Mapping):
        value = next(iter(value.values()), None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return None


def _text_key(value: Any) -> str:
    if isinstance(value, Mapping):
        return ",".join(str(v) for v in value.values())
    return str(value)


def complete_fields(incomplete: str) -> list[str]:
    """Shell completion for `--fields a,b,c`: the last name, after what is typed."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in FIELD_NAMES if name.startswith(last)]


def sort_facts(facts: Sequence["Fact"], field: str) -> list["Fact"]:
    """`facts` ordered by a field of their records (see `sort_records`)."""
    from gaoxin_cli.render.records import fact_record

    records = [fact_record(f) | {"\0": n} for n, f in enumerate(facts)]
    return [facts[r["\0"]] for r in sort_records(records, field)]


#: Fields whose values are names or codes, kept on one line in a table.
_WHOLE = frozenset(
    {
        "id",
        "dataset",
        "section",
        "indicator",
        "measure",
        "unit",
        "qualifier",
        "status",
        "normalized",
        "period",
        "verdict",
    }
)


def fields_table(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], width: int
) -> "RenderableType":
    """The chosen fields as a table at a terminal: a column each, every cell
    folding (nothing is cut); names and codes (ids, units) kept on one line
    where the width allows; stacked where even folding cannot fit."""
    from rich.cells import cell_len

    from gaoxin_cli.render.cells import TableOrStack, data, plain_table

    texts = [["" if row.get(c) is None else _text(row.get(c)) for c in columns] for row in rows]
    widest = [max([cell_len(c), *(cell_len(t[n]) for t in texts)]) for n, c in enumerate(columns)]
    whole = [c.split("_")[0].split(".")[0] in _WHOLE for c in columns]
    needed = sum(w + 3 for w, keep in zip(widest, whole, strict=True) if keep)
    needed += sum(8 for keep in whole if not keep)
    table = plain_table(None)
    for column, keep in zip(columns, whole, strict=True):
        table.add_column(column, overflow="fold", no_wrap=keep and needed <= width)
    for cells in texts:
        table.add_row(*(data(text) for text in cells))
    return TableOrStack(table)


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return " / ".join("" if v is None else _text(v) for v in value.values())
    return str(format_value(value))
