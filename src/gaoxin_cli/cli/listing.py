"""The options every listing shares (sections, search, get, export): filters
(--measure, --qualifier, --status, --unit) and shape (--fields, --sort, --limit,
--no-headers), and the one way a listing writes its facts.

No `from __future__ import annotations`: Typer reads these annotations at
every start (see cli/common.py).
"""

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from gaoxin_cli.cli.common import Settings, environment, option
from gaoxin_cli.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from gaoxin_cli.model import Fact
    from gaoxin_cli.query import FactFilter
    from gaoxin_cli.render import View


def complete_measures(incomplete: str) -> list[str]:
    """Shell completion for measures."""
    from gaoxin_cli.model import MEASURES

    return [name for name in MEASURES if name.startswith(incomplete)]


def complete_qualifiers(incomplete: str) -> list[str]:
    """Shell completion for hedges, and `any` and `none`."""
    from gaoxin_cli.model import QUALIFIERS

    return [name for name in (*QUALIFIERS, "any", "none") if name.startswith(incomplete)]


def complete_statuses(incomplete: str) -> list[str]:
    """Shell completion for statuses, and `any` and `none`."""
    from gaoxin_cli.model import STATUSES

    return [name for name in (*STATUSES, "any", "none") if name.startswith(incomplete)]


def complete_units(incomplete: str) -> list[str]:
    """Shell completion for units: as the article writes them, and normalized."""
    from gaoxin_cli.model.units import BASE_UNITS, SCALES, UNSCALED

    written = [*BASE_UNITS]
    written += [s + u for s, _ in SCALES for u in BASE_UNITS if u not in UNSCALED]
    names = dict.fromkeys([*written, *BASE_UNITS.values()])
    return [name for name in names if name.startswith(incomplete)]


def complete_field_names(incomplete: str) -> list[str]:
    """Shell completion for field names (after commas too)."""
    from gaoxin_cli.render.fields import complete_fields

    return complete_fields(incomplete)


def complete_sort(incomplete: str) -> list[str]:
    """Shell completion for `--sort FIELD` and `--sort -FIELD`."""
    from gaoxin_cli.render.fields import FIELD_NAMES

    sign = "-" if incomplete.startswith("-") else ""
    return [sign + n for n in FIELD_NAMES if (sign + n).startswith(incomplete)]


MeasureOption = Annotated[
    list[str] | None,
    option(
        "--measure",
        "-m",
        metavar="MEASURE",
        autocompletion=complete_measures,
        help="Only facts of this measure (level, growth, vs_city, share_of_city …); repeatable.",
        show_default=False,
    ),
]
QualifierOption = Annotated[
    list[str] | None,
    option(
        "--qualifier",
        "-q",
        metavar="QUALIFIER",
        autocompletion=complete_qualifiers,
        help="Only facts with this hedge (over, nearly, about, at_least, at_most;"
        " any: has a bound; none: has none); repeatable.",
        show_default=False,
    ),
]
StatusOption = Annotated[
    list[str] | None,
    option(
        "--status",
        metavar="STATUS",
        autocompletion=complete_statuses,
        help="Only facts with this status (estimated, preliminary;"
        " any: not final; none: final); repeatable.",
        show_default=False,
    ),
]
UnitOption = Annotated[
    str | None,
    option(
        "--unit",
        "-u",
        metavar="UNIT",
        autocompletion=complete_units,
        help="Only facts in this unit, as written (亿元, %) or normalized (CNY, percent).",
        show_default=False,
    ),
]
FieldsOption = Annotated[
    str | None,
    option(
        "--fields",
        metavar="A,B,…",
        autocompletion=complete_field_names,
        help="Only these fields, in this order: id,value,unit,label.en … (see the README).",
        show_default=False,
    ),
]
SortOption = Annotated[
    str | None,
    option(
        "--sort",
        metavar="FIELD",
        autocompletion=complete_sort,
        help="Order by this field; -FIELD for descending. Numbers sort as numbers.",
        show_default=False,
    ),
]
LimitOption = Annotated[
    int | None,
    option("--limit", "-n", min=1, metavar="N", help="Show at most N facts."),
]
NoHeadersOption = Annotated[
    bool,
    option("--no-headers", metavar="", help="Leave out the header row of csv and tsv."),
]


def fact_filter(
    measures: list[str] | None,
    qualifiers: list[str] | None,
    unit: str | None,
    section: str | None = None,
    statuses: list[str] | None = None,
) -> "FactFilter":
    """The filter of --measure, --qualifier, --status and --unit; a usage error
    names an unknown value."""
    from gaoxin_cli.query import FactFilter

    return FactFilter.checked(measures, qualifiers, unit, section, statuses)


class Shape:
    """--fields, --sort, --limit and --no-headers of a listing, checked."""

    __slots__ = ("fields", "headers", "limit", "sort")

    def __init__(
        self, fields: str | None, sort: str | None, limit: int | None, no_headers: bool
    ) -> None:
        self.fields = None
        if fields is not None or sort is not None:  # the names are read only when asked for
            from gaoxin_cli.render.fields import check_field, parse_fields

            self.fields = None if fields is None else parse_fields(fields)
            if sort is not None:
                check_field(sort.removeprefix("-"), "--sort")
        self.sort = sort
        self.limit = limit
        self.headers = not no_headers

    @property
    def lists(self) -> bool:
        """True if the answer is a list of chosen facts rather than the command's own table."""
        return self.fields is not None or self.sort is not None or self.limit is not None

    @property
    def whole_rows(self) -> bool:
        """True if each fact is written whole, in the order read (no --fields, no --sort)."""
        return self.fields is None and self.sort is None

    def apply(self, facts: "Sequence[Fact]") -> "list[Fact]":
        """`facts` ordered by --sort and cut by --limit."""
        chosen = list(facts)
        if self.sort is not None:
            from gaoxin_cli.render.fields import sort_facts

            chosen = sort_facts(chosen, self.sort)
        return chosen[: self.limit] if self.limit is not None else chosen

    def check(self, fmt: str) -> None:
        """A usage error for --no-headers with a format that has no header row."""
        if not self.headers and fmt not in ("csv", "tsv"):
            raise UsageError(f"--no-headers goes with --format csv or tsv, not {fmt}")


def nothing_found(
    ctx: typer.Context, fmt: str, opts: Settings, shape: Shape, message: str
) -> NoReturn:
    """The one rule for an empty answer: exit 1 with `message` on stderr, and
    a machine format still writes its empty form to stdout (`[]` for JSON, the
    header row of CSV, TSV or Markdown, nothing for JSONL), so a pipe never
    reads garbage."""
    from gaoxin_cli.errors import NotFoundError

    if fmt != "table":
        write_facts(ctx, [], None, fmt, opts, shape)
    raise NotFoundError(message)


def write_facts(
    ctx: typer.Context,
    facts: "Sequence[Fact]",
    view: "View | None",
    fmt: str,
    opts: Settings,
    shape: Shape,
) -> None:
    """Write `facts`: as `view` (the command's own), or as a list shaped by `shape`."""
    from gaoxin_cli import render

    shape.check(fmt)
    if view is None or shape.lists:
        view = render.fact_list(shape.apply(facts), shape.fields)
    stdout = environment(ctx).stdout
    render.write(view, fmt, stdout, lang=opts.lang, headers=shape.headers)
