"""What the commands share: their options (declared once, with shell
completion), the environment a run writes to, the settings chosen, the
output format, and the check of a section's name.

Each option is declared once here, as an Annotated type (`FactsOption`,
`FormatOption` …), and a command's signature only names it: Typer reads a
command's options from its own signature, so each command lists the options
it takes (a decorator that adds shared options, as click tools do, would
hide them from Typer and so from `--help`).

No `from __future__ import annotations` in the cli package: Typer reads
the commands' annotations at every start, and real objects spare it
evaluating strings.
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import typer

from gaoxin_cli.errors import UsageError
from gaoxin_cli.model import SECTIONS
from gaoxin_cli.source import FactSource


def option(*decls: str, **settings: Any) -> Any:
    """`option(*decls, **settings)` for an Annotated option, made by copying
    a blank one: the same object Typer reads, without a call of sixty keyword
    arguments for each option at every start (a tenth of a lookup's own cost)."""
    info = object.__new__(_BLANK_TYPE)
    info.__dict__.update(_BLANK)
    unknown = settings.keys() - _BLANK.keys()
    if unknown:  # a misspelt setting is a mistake here, as it is for typer.Option
        raise TypeError(f"option() got unexpected settings: {', '.join(sorted(unknown))}")
    info.__dict__.update(settings)
    if decls:  # in Annotated, the first name stands where Option takes a default
        info.default, info.param_decls = decls[0], decls[1:]
    return info


_BLANK_INFO = typer.Option()
_BLANK_TYPE = type(_BLANK_INFO)
_BLANK = dict(vars(_BLANK_INFO))


#: Output formats of the listing commands (what `render.write` writes). (Literals,
#: not Enums: an Enum class costs start-up time, and Typer offers Literals as choices.)
Format = Literal["table", "tsv", "csv", "json", "jsonl", "markdown"]
#: What `gaoxin export` writes.
ExportFormat = Literal["json", "jsonl", "csv", "tsv", "markdown", "table", "sqlite", "datapackage"]
#: Label languages.
Lang = Literal["zh", "en"]


FormatOption = Annotated[
    Format | None,
    option(
        "--format",
        "-f",
        help="Output format. Default: table at a terminal, tsv when piped.",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool,
    option("--json", help="Same as --format json.", metavar=""),
]
LangOption = Annotated[
    Lang | None,
    option(
        "--lang",
        "-l",
        envvar="GAOXIN_LANG",
        help="Label language: zh (default) or en.",
        case_sensitive=False,
        show_default=False,
    ),
]
FactsOption = Annotated[
    list[Path] | None,
    option(
        "--facts",
        metavar="DIR",
        help=(
            "Facts folder to read instead of the shipped one; repeat for several."
            " Default: $GAOXIN_FACTS (folders separated by ':'), else the shipped facts."
        ),
        show_default=False,
    ),
]


def complete_datasets(incomplete: str) -> list[str]:
    """Shell completion for dataset ids (of $GAOXIN_FACTS, else the shipped facts)."""
    try:
        from gaoxin_cli.factfiles.folders import facts_dirs_from_env
        from gaoxin_cli.factfiles.loader import load_factbook

        book = load_factbook(*facts_dirs_from_env())
    except Exception:  # completion must never fail loudly
        return []
    return [d.id for d in book.datasets if d.id.startswith(incomplete)]


DatasetOption = Annotated[
    list[str] | None,
    option(
        "--dataset",
        "-d",
        metavar="ID",
        autocompletion=complete_datasets,
        help=(
            "Only this dataset (an id from `gaoxin datasets`); repeat for several."
            " Default: $GAOXIN_DATASET (ids separated by ','), else every dataset."
        ),
        show_default=False,
    ),
]
DebugOption = Annotated[
    bool,
    option("--debug", envvar="GAOXIN_DEBUG", help="Show tracebacks (for maintainers).", metavar=""),
]
NoCacheOption = Annotated[
    bool,
    option(
        "--no-cache",
        metavar="",
        envvar="GAOXIN_NO_CACHE",
        help="Read the fact files, not the index in the cache folder.",
    ),
]


def complete_ids(incomplete: str) -> list[str]:
    """Shell completion for indicator and fact ids (of $GAOXIN_FACTS, else the shipped facts)."""
    try:
        from gaoxin_cli import query
        from gaoxin_cli.factfiles.folders import facts_dirs_from_env
        from gaoxin_cli.factfiles.loader import load_factbook

        book = load_factbook(*facts_dirs_from_env())
    except Exception:  # completion must never fail loudly
        return []
    return [i for i in query.all_ids(book) if i.startswith(incomplete)]


def complete_sections(incomplete: str) -> list[str]:
    """Shell completion for section names."""
    from gaoxin_cli.model import SECTIONS

    return [name for name in SECTIONS if name.startswith(incomplete)]


SectionOption = Annotated[
    str | None,
    option(
        "--section",
        "-s",
        help="Only this section (investment, economy, innovation, services, governance, party).",
        autocompletion=complete_sections,
        metavar="SECTION",
    ),
]


#: Section names that are commands (the overview is `gaoxin` itself).
SECTION_COMMANDS = [name for name in SECTIONS if name != "overview"]


class Environment:
    """The streams a run writes to and whether it shows tracebacks; the click
    context's `obj`, so that tests (or another program) can hand in their own."""

    __slots__ = ("debug", "stderr", "stdout")

    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.debug = False


def environment(ctx: typer.Context) -> Environment:
    """The run's environment (made when the run starts)."""
    return ctx.ensure_object(Environment)


class Settings:
    """Options that may be given before the command or after it."""

    __slots__ = ("cache", "datasets", "debug", "facts", "lang")

    def __init__(
        self,
        facts: list[Path] | None,
        lang: str,
        debug: bool,
        cache: bool,
        datasets: tuple[str, ...] | None = None,
    ) -> None:
        self.facts = facts
        self.lang = lang
        self.debug = debug
        self.cache = cache
        self.datasets = datasets

    def source(self) -> FactSource:
        """Where the facts come from: the folders, datasets and cache chosen."""
        return FactSource(self.facts, datasets=self.datasets, cache=self.cache)


def settings(
    ctx: typer.Context,
    facts: list[Path] | None,
    lang: str | None,
    debug: bool,
    no_cache: bool = False,
    datasets: list[str] | None = None,
) -> Settings:
    """The command's own options, else those given before it (`gaoxin --facts X get …`).

    `--debug` takes effect at once: from here on, errors show their traceback.
    """
    root = ctx.find_root().params
    chosen_lang = lang or root.get("lang") or "zh"
    chosen = datasets or root.get("dataset")
    if not chosen:
        chosen = [d for d in os.environ.get("GAOXIN_DATASET", "").split(",") if d.strip()]
    opts = Settings(
        facts=facts or root.get("facts") or None,
        lang=str(chosen_lang).lower(),
        debug=debug or bool(root.get("debug")),
        cache=not (no_cache or root.get("no_cache")),
        datasets=tuple(d.strip() for d in chosen) if chosen else None,
    )
    environment(ctx).debug = opts.debug
    return opts


def choose_format(
    ctx: typer.Context, chosen: Format | None, json_flag: bool, default: Format | None = None
) -> Format:
    """The output format: the command's, else given before it, else `default`,
    else a table at a terminal and TSV elsewhere."""
    if chosen is None and not json_flag:
        root = ctx.find_root().params
        chosen, json_flag = root.get("output_format"), bool(root.get("json"))
    if json_flag:
        if chosen is not None and chosen != "json":
            raise UsageError(f"--json and --format {chosen} ask for different formats")
        return "json"
    if chosen is not None:
        return chosen
    if default is not None:
        return default
    return "table" if _isatty(environment(ctx).stdout) else "tsv"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
