"""`gaoxin check TEXT…`: every figure a text states, held against the facts:
agrees, differs (and how), or unknown."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from gaoxin_cli.cli.common import (
    DatasetOption,
    DebugOption,
    FactsOption,
    FormatOption,
    JsonOption,
    NoCacheOption,
    choose_format,
    environment,
    option,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import NotFoundError, UsageError
from gaoxin_cli.factfiles.reading import check_plain_text, read_article

if TYPE_CHECKING:
    from gaoxin_cli.check import Verdict

#: How a verdict is marked in a table.
MARKS = {"agrees": "✓", "differs": "✗", "unknown": "?"}
#: The columns of a table at a terminal, and of CSV, TSV and Markdown.
TABLE_COLUMNS = ("claim", "verdict", "reason", "fact", "quote")
FLAT_COLUMNS = (
    "claim",
    "input",
    "line",
    "value",
    "unit",
    "qualifier",
    "status",
    "measure",
    "verdict",
    "fact",
    "dataset",
    "reason",
    "quote",
    "candidates",
)


def check(
    ctx: typer.Context,
    texts: Annotated[
        list[str] | None,
        typer.Argument(
            help="Sentences or paragraphs to check, each on its own; - reads standard input.",
            metavar="TEXT",
            show_default=False,
        ),
    ] = None,
    files: Annotated[
        list[Path] | None,
        option(
            "--file",
            metavar="FILE",
            help="Check the text of this file (UTF-8); repeat for several.",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Hold every figure a text states against the facts. Exit 1 unless all agree.

    Each figure is read as `draft` reads one (value, unit, bound, status,
    measure; simplified or traditional characters), the fact it claims is
    found by the labels and aliases its words name, and the verdict is:
    agrees (the same value once normalized, 85亿元 = 850000万元, the same
    bound and status), differs (another value, scale, currency, unit, bound,
    status or measure, said how), or unknown (no fact states it, or several
    could: the words that would decide are named). Every verdict gives the
    fact's id and its quote.

    [bold]Examples[/bold]

      gaoxin check 固定资产投资增长19.3%

      gaoxin check --file press-release.txt --format csv

      echo 預計地區生產總值增長7.5% | gaoxin check -

      gaoxin check "技术合同成交额102亿元" && echo "all agree"
    """
    opts = settings(ctx, facts, None, debug, no_cache, dataset)
    fmt = choose_format(ctx, output_format, json)
    named = [*(texts or []), *map(str, files or [])]
    if not named:
        raise UsageError("nothing to check: give a TEXT, --file FILE, or - for standard input")
    if named.count("-") > 1:
        raise UsageError("standard input (-) can be read once")
    names = ["-" if text == "-" else f"TEXT {n}" for n, text in enumerate(texts or [], 1)]
    inputs = [(name, _read(text, name)) for name, text in zip(names, texts or [], strict=True)]
    inputs += [(str(path), read_article(path)) for path in files or []]
    for name, text in inputs:
        if not text.strip():
            raise UsageError(f"{'standard input' if name == '-' else name}: no text to check")
    from gaoxin_cli.check import check_text
    from gaoxin_cli.check.names import Names

    book = opts.source().book()
    known = Names(book.facts)
    verdicts = [
        verdict
        for name, text in inputs
        for verdict in check_text(book.facts, text, names=known, name=name)
    ]
    _write(verdicts, fmt, environment(ctx).stdout)
    if not verdicts:
        raise NotFoundError("no figure to check in the text")
    wrong = [v for v in verdicts if v.verdict != "agrees"]
    if wrong:
        raise NotFoundError(_summary(verdicts))


def _read(text: str, name: str) -> str:
    """A TEXT argument to check: itself, or standard input's text for -."""
    if text == "-":
        return read_article(Path(text))
    check_plain_text(text, name)
    return text


def _summary(verdicts: "list[Verdict]") -> str:
    """One line: how many figures agree, differ, are unknown."""
    counts = {kind: sum(v.verdict == kind for v in verdicts) for kind in MARKS}
    figures = "figure" if len(verdicts) == 1 else "figures"
    return (
        f"{counts['agrees']} of {len(verdicts)} {figures} agree"
        f" ({counts['differs']} differ, {counts['unknown']} unknown)"
    )


def _write(verdicts: "list[Verdict]", fmt: str, stdout: Any) -> None:
    from gaoxin_cli import render

    records = [v.record() for v in verdicts]
    if fmt in ("json", "jsonl"):
        from gaoxin_cli.render.writing import write_records

        write_records(records, fmt, stdout)
        return
    rows = [{**r, "candidates": " ".join(r["candidates"])} for r in records]
    if fmt == "table" and not rows:
        return

    def table(_lang: str, width: int) -> Any:
        from gaoxin_cli.render.fields import fields_table

        marked = [{**r, "verdict": f"{MARKS[r['verdict']]} {r['verdict']}"} for r in rows]
        return fields_table(TABLE_COLUMNS, marked, width)

    view = render.View(lambda: records, lambda _lang: (FLAT_COLUMNS, rows), table=table)
    render.write(view, fmt, stdout, lang="zh")


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin check`."""
    app.command(name, rich_help_panel="Look up", cls=PlainCommand)(check)
