"""`gaoxin validate [PATH…] [--source [ARTICLE]]`: check fact files, and that a
dataset covers every figure of its article; every problem on a line of its own."""

from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TextIO

import typer

from gaoxin_cli.cli.common import (
    DatasetOption,
    DebugOption,
    FactsOption,
    environment,
    option,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import FactsError, Problem
from gaoxin_cli.library import article_of, checked


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
    source: Annotated[
        str | None,
        option(
            "--source",
            metavar="[ARTICLE]",
            help=(
                "Check each dataset against its article (the file its dataset.toml names,"
                " or ARTICLE): every quote must be in it, and every figure of it stated by a"
                " fact (or listed as a not_figure)."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Literal["text", "json"] | None,
        option(
            "--format",
            "-f",
            help="text (default) or json: the problems as records {path, line, message}.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    json: Annotated[bool, option("--json", help="Same as --format json.", metavar="")] = False,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
) -> None:
    """Check fact files: every problem on its own path:line: line. Exit 2 if any.

    With --source, also check each dataset against its article, the file its
    dataset.toml names (the file key of \\[source]), or against ARTICLE (one dataset):
    each quote is in the article (line breaks and spaces aside), and each
    number of the article is a figure some fact states there, or one of the
    not_figure tables of its dataset.toml.

    [bold]Examples[/bold]

      gaoxin validate

      gaoxin validate facts/dalian-2020 --source

      gaoxin validate --source review-2019.txt
    """
    opts = settings(ctx, facts, None, debug, datasets=dataset)
    as_json = json or output_format == "json"
    stdout = environment(ctx).stdout
    own = source == ""
    book, problems = checked(
        *(paths or opts.facts or ()),
        source=True if own else source,
        datasets=opts.datasets,
    )
    if problems or book is None:
        _report(problems, stdout, as_json)
    if as_json:
        stdout.write("[]\n")
        return
    datasets = len(book.datasets)
    covers = ""
    if own:
        articles = ", ".join(str(article_of(d)) for d in book.datasets)
        covers = f", every figure of {articles} covered"
    elif source is not None:
        covers = f", every figure of {source} covered"
    stdout.write(
        f"ok: {len(book.facts)} facts in {datasets} dataset{'s' if datasets != 1 else ''},"
        f" no problems{covers}\n"
    )


def _report(problems: list[Problem], stdout: TextIO, as_json: bool) -> NoReturn:
    """Raise the problems (after writing them as JSON records, if asked)."""
    if as_json:  # one record a line, as every JSON output is written
        from gaoxin_cli.render import can_encode_chinese
        from gaoxin_cli.render.json_text import write_json

        records = [{"path": p.path, "line": p.line, "message": p.message} for p in problems]
        write_json(records, stdout, ascii_only=not can_encode_chinese(stdout))
    raise ValidationError(problems)


class _ValidateCommand(PlainCommand):
    """`--source` takes its ARTICLE or stands alone: alone (last, or before an
    option or a folder, which is never an article) it means each dataset's own
    article. (Typer has no options with an optional value.)"""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)
        for i, arg in enumerate(given):
            if arg == "--":
                break
            if arg == "--source":
                after = given[i + 1] if i + 1 < len(given) else None
                if (
                    after is None
                    or (after.startswith("-") and after != "-")
                    or Path(after).is_dir()
                ):
                    given[i] = "--source="
        return super().parse_args(ctx, given)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin validate`."""
    app.command(name, rich_help_panel="Data", cls=_ValidateCommand)(validate)
