"""gaoxin: the figures of a zone's yearly review, from the terminal, from
scripts and from Python.

    >>> import gaoxin_cli
    >>> book = gaoxin_cli.load()
    >>> fact = book.get("fixed-asset-investment.growth")
    >>> fact.value, fact.unit, fact.label.en
    (18.3, '%', 'Fixed-asset investment')

`load` gives a Book (`get`, `search`, `filter`, `records`); `stream` the
same facts a dataset at a time, for a folder too big to hold;
`validate_facts` lists the problems of fact files; `draft_facts` proposes
the facts of a review's text. None of them imports Typer or Rich, prints or
exits: problems are returned or raised as `gaoxin_cli.errors` exceptions.
"""

from typing import TYPE_CHECKING, Any

from gaoxin_cli.version import __version__

__all__ = [
    "Book",
    "Dataset",
    "Draft",
    "Fact",
    "FactsError",
    "GaoxinError",
    "GaoxinWarning",
    "Indicator",
    "NotFoundError",
    "Problem",
    "UsageError",
    "__version__",
    "draft_facts",
    "load",
    "stream",
    "validate_facts",
]

if TYPE_CHECKING:
    from gaoxin_cli.draft.result import Draft
    from gaoxin_cli.errors import (
        FactsError,
        GaoxinError,
        GaoxinWarning,
        NotFoundError,
        Problem,
        UsageError,
    )
    from gaoxin_cli.library import Book, draft_facts, load, stream, validate_facts
    from gaoxin_cli.model import Dataset, Fact, Indicator

#: Where each public name lives; imported when first used, so that the
#: command line's start-up pays for none of them.
_HOMES = {
    "Book": "library",
    "load": "library",
    "stream": "library",
    "validate_facts": "library",
    "draft_facts": "library",
    "Draft": "draft.result",
    "Dataset": "model",
    "Fact": "model",
    "Indicator": "model",
    "FactsError": "errors",
    "GaoxinError": "errors",
    "GaoxinWarning": "errors",
    "NotFoundError": "errors",
    "Problem": "errors",
    "UsageError": "errors",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'gaoxin_cli' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"gaoxin_cli.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
