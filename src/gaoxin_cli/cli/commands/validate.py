"""`gaoxin validate [PATH…] [--source ARTICLE]`: check fact files, and that a
dataset covers every figure of its article; every problem on a line of its own."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TextIO

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
from gaoxin_cli.errors import FactsError, Problem, UsageError
from gaoxin_cli.source import FactSource

if TYPE_CHECKING:
    from gaoxin_cli.model import Dataset


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
        Path | None,
        option(
            "--source",
            metavar="ARTICLE",
            help=(
                "The article's plain text: every quote must be in it, and every figure of it"
                " stated by a fact (or listed as a not_figure)."
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

    With --source, also check one dataset against its article: each quote is
    in the article (line breaks and spaces aside), and each number of the
    article is a figure some fact states there, or one of the not_figure
    tables of its dataset.toml.

    [bold]Examples[/bold]

      gaoxin validate

      gaoxin validate facts/dalian-2020

      gaoxin validate --source review-2019.txt
    """
    opts = settings(ctx, facts, None, debug, datasets=dataset)
    as_json = json or output_format == "json"
    stdout = environment(ctx).stdout
    try:
        book = FactSource(paths or opts.facts, datasets=opts.datasets, cache=False).book()
    except FactsError as error:
        _report(error.problems, stdout, as_json)
    problems: list[Problem] = []
    if source is not None:
        if len(book.datasets) != 1:
            ids = ", ".join(d.id for d in book.datasets) or "none"
            raise UsageError(f"--source checks one dataset: choose one with --dataset ({ids})")
        problems = _coverage(book.datasets[0], source)
        if problems:
            _report(problems, stdout, as_json)
    if as_json:
        stdout.write("[]\n")
        return
    datasets = len(book.datasets)
    covers = f", every figure of {source} covered" if source is not None else ""
    stdout.write(
        f"ok: {len(book.facts)} facts in {datasets} dataset{'s' if datasets != 1 else ''},"
        f" no problems{covers}\n"
    )


def _coverage(dataset: "Dataset", source: Path) -> list[Problem]:
    from gaoxin_cli.cli.common import read_article
    from gaoxin_cli.coverage import Article, check_coverage

    return check_coverage(dataset, Article(str(source), read_article(source)))


def _report(problems: list[Problem], stdout: TextIO, as_json: bool) -> NoReturn:
    """Raise the problems (after writing them as JSON records, if asked)."""
    if as_json:  # one record a line, as every JSON output is written
        from gaoxin_cli.render import can_encode_chinese
        from gaoxin_cli.render.json_text import write_json

        records = [{"path": p.path, "line": p.line, "message": p.message} for p in problems]
        write_json(records, stdout, ascii_only=not can_encode_chinese(stdout))
    raise ValidationError(problems)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin validate`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(validate)
