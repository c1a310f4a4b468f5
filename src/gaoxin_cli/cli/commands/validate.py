"""`gaoxin validate [PATH…]`: check fact files, every problem on a line of its own."""

from pathlib import Path
from typing import Annotated

import typer

from gaoxin_cli.cli.common import DebugOption, FactsOption, environment, settings
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import FactsError
from gaoxin_cli.source import FactSource


class ValidationError(FactsError):
    """`gaoxin validate` found problems: each on its own line, then how many."""

    def lines(self) -> list[str]:
        noun = "problem" if len(self.problems) == 1 else "problems"
        return [*super().lines(), f"gaoxin: {len(self.problems)} {noun} found"]


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Facts folders, dataset folders or fact files (default: --facts, else shipped).",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    facts: FactsOption = None,
    debug: DebugOption = False,
) -> None:
    """Check fact files: every problem on its own path:line: line. Exit 2 if any.

    [bold]Examples[/bold]

      gaoxin validate

      gaoxin validate facts/dalian-2020
    """
    opts = settings(ctx, facts, None, debug)
    try:
        book = FactSource(paths or opts.facts, cache=False).book()
    except FactsError as error:
        raise ValidationError(error.problems) from None
    datasets = len(book.datasets)
    environment(ctx).stdout.write(
        f"ok: {len(book.facts)} facts in {datasets} dataset{'s' if datasets != 1 else ''}, "
        "no problems\n"
    )


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin validate`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(validate)
