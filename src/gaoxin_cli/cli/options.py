"""Options shared by the commands, declared once, and their shell completion."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from gaoxin_cli.render import Format

#: What `gaoxin export` writes.
ExportFormat = Literal["json", "jsonl", "csv", "tsv", "markdown", "sqlite"]
#: Label languages.
Lang = Literal["zh", "en"]


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format. Default: table at a terminal, tsv when piped.",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Same as --format json.", metavar=""),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
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
    typer.Option(
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
        from gaoxin_cli.folders import facts_dirs_from_env
        from gaoxin_cli.loader import load_factbook

        book = load_factbook(*facts_dirs_from_env())
    except Exception:  # completion must never fail loudly
        return []
    return [d.id for d in book.datasets if d.id.startswith(incomplete)]


DatasetOption = Annotated[
    list[str] | None,
    typer.Option(
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
    typer.Option(
        "--debug", envvar="GAOXIN_DEBUG", help="Show tracebacks (for maintainers).", metavar=""
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
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
        from gaoxin_cli.folders import facts_dirs_from_env
        from gaoxin_cli.loader import load_factbook

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
    typer.Option(
        "--section",
        "-s",
        help="Only this section (investment, economy, innovation, services, governance, party).",
        autocompletion=complete_sections,
        metavar="SECTION",
    ),
]
