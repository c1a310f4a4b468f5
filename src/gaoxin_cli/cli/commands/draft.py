"""`gaoxin draft ARTICLE`: propose every fact of a review from its text, as
records or as a dataset folder to finish by hand."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from gaoxin_cli.cli.common import (
    DebugOption,
    FormatOption,
    JsonOption,
    LangOption,
    choose_format,
    environment,
    option,
    settings,
)
from gaoxin_cli.cli.listing import LimitOption
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import UsageError
from gaoxin_cli.factfiles.reading import read_article

if TYPE_CHECKING:
    from gaoxin_cli.draft.result import Draft


def draft(
    ctx: typer.Context,
    article_name: Annotated[
        str,  # as typed: a Path would read "" as "."
        typer.Argument(help="The review's plain text (UTF-8).", metavar="ARTICLE"),
    ],
    output_name: Annotated[
        str | None,
        option(
            "--output",
            "-o",
            metavar="DIR",
            help=(
                "Write a dataset folder here (dataset.toml and a fact file per section)"
                " instead of listing the proposals. DIR must be new or empty."
            ),
            show_default=False,
        ),
    ] = None,
    dataset_id: Annotated[
        str | None,
        option(
            "--id",
            metavar="ID",
            help="The dataset's id (default: DIR's name, else draft).",
            show_default=False,
        ),
    ] = None,
    not_figures: Annotated[
        bool,
        option(
            "--not-figures",
            help="List the numbers that are not figures (years, names …) and why.",
            metavar="",
        ),
    ] = False,
    limit: LimitOption = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Propose every fact of a review from its plain text.

    Each figure gets its value and unit as written (any counter), its bound
    (余 多 以上 超过 超 逾 突破 → over, 近 → nearly, 约 左右 → about, 至少 不少于
    → at_least, 不超过 不到 不足 以内 → at_most), its status (预计 预期 → estimated,
    初步核算 初步统计 → preliminary), its measure from the words around it,
    the clause that states it as its quote, a Chinese label, and the section
    of its heading. A text in traditional characters is read as simplified
    and written back as it is. Numbers that are no figures (years, dates,
    times, 第20届, “1+5”, a hotline) become not_figure tables.

    With --output, write a dataset folder with a copy of the article (its
    dataset.toml names it): `gaoxin validate DIR` then lists what a person
    must still write (English labels), and `gaoxin validate DIR --source`
    finds every figure covered.

    [bold]Examples[/bold]

      gaoxin draft review-2019.txt --limit 10

      gaoxin draft review-2019.txt --json

      gaoxin draft review-2019.txt --output facts/dalian-2019-draft

      gaoxin draft review-2019.txt --not-figures
    """
    opts = settings(ctx, None, lang, debug, True)
    if not article_name:
        raise UsageError("ARTICLE is empty: give the review's text file")
    if output_name == "":
        raise UsageError("--output is empty: give a new or empty folder")
    article = Path(article_name)
    output = None if output_name is None else Path(output_name)
    if output is not None and not_figures:
        raise UsageError("--not-figures lists; --output writes a folder: choose one")
    if output is not None and (output_format is not None or json):
        raise UsageError("--output writes TOML files; --format and --json are for listing")
    if output is not None and limit is not None:
        raise UsageError("--output writes every fact; --limit is for listing")
    fmt = choose_format(ctx, output_format, json)
    if output is not None:
        _check_folder(output)
    ident = dataset_id if dataset_id is not None else _folder_id(output)
    _check_id(ident, given=dataset_id is not None)
    text = read_article(article)
    if not text.strip():
        raise UsageError(f"{article}: no text to draft")
    from gaoxin_cli.draft.article import Review
    from gaoxin_cli.draft.propose import propose

    proposed = propose(Review(str(article), text))
    stdout = environment(ctx).stdout
    if output is not None:
        from gaoxin_cli.render.safe import clean_keep_lines

        _write_folder(proposed, output, ident, article)
        stdout.write(clean_keep_lines(_summary(proposed, output)))
        return
    if not_figures:
        _list_not_figures(proposed, fmt, stdout, opts.lang, limit)
        return
    _list_facts(proposed, ident, fmt, stdout, opts.lang, limit)


def _check_folder(output: Path) -> None:
    """The folder to write into: new, or empty; never a file or a full folder."""
    if output.exists() or output.is_symlink():
        if not output.is_dir():
            raise UsageError(f"{output} is not a folder; --output takes a new or empty folder")
        if any(output.iterdir()):
            raise UsageError(f"{output} is not empty; --output takes a new or empty folder")


def _folder_id(output: Path | None) -> str:
    """The dataset id a folder's name gives: its name (the resolved one for . or ..)."""
    if output is None:
        return "draft"
    return output.name or output.resolve().name


def _check_id(ident: str, *, given: bool) -> None:
    from gaoxin_cli.factfiles.keys import ID_PATTERN

    if not ID_PATTERN.match(ident):
        what = f"--id {ident!r}" if given else f"the folder name {ident!r}"
        raise UsageError(
            f"{what} is not a dataset id: lower-case letters and digits joined by - or _"
            + ("" if given else "; give one with --id")
        )


def _write_folder(proposed: "Draft", target: Path, ident: str, article: Path) -> None:
    """The dataset folder and its article, whole or not at all."""
    from gaoxin_cli.draft.write import folder_files
    from gaoxin_cli.files import new_folder

    new_folder(target, folder_files(proposed, ident, article.name))


def _summary(proposed: "Draft", output: Path) -> str:
    facts = proposed.proposals
    checks = sum(1 for p in facts if p.checks)
    return (
        f"drafted {len(facts)} facts of {len(proposed.indicators)} indicators"
        f" ({checks} to check) and {len(proposed.not_figures)} not-figures into {output}\n"
        f"next: gaoxin validate {output}\n"
        f"      gaoxin validate {output} --source\n"
    )


def _list_facts(
    proposed: "Draft", ident: str, fmt: str, stdout: Any, lang: str, limit: int | None
) -> None:
    from gaoxin_cli import render

    if fmt in ("json", "jsonl"):
        _write_json(proposed.records(ident)[:limit], fmt, stdout)
        return
    facts = proposed.facts(ident)[:limit]
    render.write(render.fact_list(facts), fmt, stdout, lang=lang)


def _list_not_figures(
    proposed: "Draft", fmt: str, stdout: Any, lang: str, limit: int | None
) -> None:
    records = proposed.not_figure_records()[:limit]
    if fmt in ("json", "jsonl"):
        _write_json(records, fmt, stdout)
        return
    from gaoxin_cli import render

    columns = ("figure", "quote", "reason", "line")

    def table(_lang: str, width: int) -> Any:
        from gaoxin_cli.render.fields import fields_table

        return fields_table(columns, records, width)

    view = render.View(lambda: records, lambda _lang: (columns, records), table=table)
    render.write(view, fmt, stdout, lang=lang)


def _write_json(records: list[dict[str, Any]], fmt: str, stdout: Any) -> None:
    from gaoxin_cli.render.writing import write_records

    write_records(records, fmt, stdout)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin draft`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(draft)
