"""The Typer app: parse, call the core, render. Commands stay thin.

No `from __future__ import annotations` here: Typer reads the commands'
annotations at every start, and real objects spare it evaluating strings.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from gaoxin_cli import query
from gaoxin_cli.cli.options import (
    DatasetOption,
    DebugOption,
    FactsOption,
    Format,
    FormatOption,
    JsonOption,
    Lang,
    LangOption,
    NoCacheOption,
    SectionOption,
)
from gaoxin_cli.cli.output import (
    boundary,
    print_renderable,
    resolve_format,
    write_data,
    write_facts,
    write_rows,
)
from gaoxin_cli.cli.params import PlainCommand, PlainGroup
from gaoxin_cli.errors import NotFoundError, UsageError
from gaoxin_cli.folders import facts_dirs_from_env
from gaoxin_cli.model import SECTIONS, Dataset, FactBook, format_value

app = typer.Typer(
    name="gaoxin",
    help=(
        "Figures of the Dalian High-tech Zone 2019 review "
        "(大连高新区2019年经济和社会发展综述), each with the quote it came from."
    ),
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=PlainGroup,
)

#: Section names that are commands (the overview is `gaoxin` itself).
SECTION_COMMANDS = [name for name in SECTIONS if name != "overview"]


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


def _settings(
    ctx: typer.Context,
    facts: list[Path] | None,
    lang: Lang | None,
    debug: bool,
    no_cache: bool = False,
    datasets: list[str] | None = None,
) -> Settings:
    """The command's own options, else those given before it (`gaoxin --facts X get …`)."""
    import os

    root = ctx.find_root().params
    chosen_lang = lang or root.get("lang") or "zh"
    chosen = datasets or root.get("dataset")
    if not chosen:
        chosen = [d for d in os.environ.get("GAOXIN_DATASET", "").split(",") if d.strip()]
    return Settings(
        facts=facts or root.get("facts") or None,
        lang=str(chosen_lang).lower(),
        debug=debug or bool(root.get("debug")),
        cache=not (no_cache or root.get("no_cache")),
        datasets=tuple(d.strip() for d in chosen) if chosen else None,
    )


def _format(
    ctx: typer.Context, chosen: Format | None, json_flag: bool, default: Format | None = None
) -> Format:
    """The output format: the command's, else given before it, else `default` or automatic."""
    if chosen is None and not json_flag:
        root = ctx.find_root().params
        chosen, json_flag = root.get("output_format"), bool(root.get("json"))
    if chosen is None and not json_flag and default is not None:
        return default
    return resolve_format(chosen, json_flag)


def _book(opts: Settings, need: query.Need | None = None) -> FactBook:
    """The facts `need` asks for, from the datasets chosen: from the index when
    it can, else the whole book.

    Commands then pick what they show with the query module either way, so
    the output is the same with or without the index.
    """
    roots = facts_dirs_from_env(opts.facts)
    if opts.cache and need is not None:
        need.datasets = opts.datasets
        book = _indexed_book(roots, need)
        if book is not None:
            return book
    from gaoxin_cli.loader import load_factbook

    book = load_factbook(*roots)
    if opts.datasets is not None:
        _check_datasets(opts.datasets, [d.id for d in book.datasets])
    return query.select_datasets(book, opts.datasets)


def _indexed_book(roots: list[Path], need: query.Need) -> FactBook | None:
    """What `need` asks for from the index of each root; None to read the files."""
    from gaoxin_cli.index import open_index

    datasets: list[Dataset] = []
    found: list[str] = []
    for root in roots:
        index = open_index(root)
        if index is None:
            return None
        try:
            if len(roots) > 1 or need.datasets is not None:
                found.extend(id_ for id_, _, _ in index.datasets_found())
            datasets.extend(index.book(need).datasets)
        finally:
            index.close()
    if len(set(found)) < len(found):
        return None  # one dataset id in two folders: the loader reports it
    if need.datasets is not None:
        _check_datasets(need.datasets, found)
    if need.first_dataset:
        datasets = datasets[:1]
    return FactBook(tuple(datasets))


def _check_datasets(chosen: tuple[str, ...], known: list[str]) -> None:
    """A usage error for each chosen dataset id that is not among `known`."""
    unknown = [d for d in chosen if d not in known]
    if unknown:
        import difflib

        lines = []
        for wanted in unknown:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(known)}"
            lines.append(f"no dataset {wanted!r}; {hint} (see: gaoxin datasets)")
        raise UsageError("\n".join(lines))


def _one_dataset_each(items: list[Any]) -> None:
    """Bare values must each name one figure: an id in several datasets is a usage error."""
    datasets: dict[str, list[str]] = {}
    for item in items:
        datasets.setdefault(item.id, []).append(item.dataset)
    for item_id, found in datasets.items():
        if len(found) > 1:
            raise UsageError(
                f"{item_id!r} is in {len(found)} datasets ({', '.join(found)}):"
                " choose one with --dataset"
            )


def _show_version(value: bool) -> None:
    if value:
        from gaoxin_cli import __version__

        typer.echo(f"gaoxin {__version__}")
        raise typer.Exit


def complete_ids(incomplete: str) -> list[str]:
    """Shell completion for indicator and fact ids."""
    try:
        from gaoxin_cli.loader import load_factbook

        book = load_factbook(*facts_dirs_from_env())
    except Exception:
        return []
    return [i for i in query.all_ids(book) if i.startswith(incomplete)]


def _check_section(section: str | None) -> None:
    if section is not None and section not in SECTIONS:
        raise UsageError(f"unknown section {section!r}; one of: {', '.join(SECTIONS)}")


def _section_rows(counts: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {"section": name, "zh": SECTIONS[name][0], "en": SECTIONS[name][1], "facts": n}
        for name, n in counts.items()
    ]


@app.callback(invoke_without_command=True)
def overview(
    ctx: typer.Context,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            metavar="",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Figures of the Dalian High-tech Zone 2019 review, each with its source quote.

    With no command: an overview of the dataset, its sections and headline figures.

    [bold]Examples[/bold]

      gaoxin economy            the economy section as a table
      gaoxin get gdp --value    bare values for scripts
      gaoxin search 专利         find figures by word or number
    """
    del version
    if ctx.invoked_subcommand is not None:
        return
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        book = _book(opts, query.Need(first_dataset=True))
        fmt = _format(ctx, output_format, json)
        if not book.datasets:
            raise NotFoundError("no datasets found")
        shown = book.datasets[0]
        counts = query.section_counts(shown)
        headlines = query.headline_indicators(shown)
        from gaoxin_cli.cli.more import catalog

        others = [d.id for d, _ in catalog(opts) if d.id != shown.id]
        if fmt == "table":
            from gaoxin_cli.render.table import overview as render_overview

            print_renderable(
                lambda width: render_overview(shown, counts, headlines, opts.lang, width, others)
            )
        elif fmt in ("json", "jsonl"):
            from gaoxin_cli.render.records import dataset_record, fact_record

            summary = {
                "dataset": dataset_record(shown),
                "overview": [fact_record(f) for f in shown.facts if f.section == "overview"],
                "sections": _section_rows(counts),
                "headlines": [fact_record(f) for f in query.facts_of(headlines)],
                "other_datasets": others,
            }
            write_data(summary, "json")
        else:
            write_rows(_section_rows(counts), ("section", "zh", "en", "facts"), fmt)


def _make_section_command(section: str) -> Any:
    zh, en = SECTIONS[section]

    def section_command(
        ctx: typer.Context,
        output_format: FormatOption = None,
        json: JsonOption = False,
        lang: LangOption = None,
        facts: FactsOption = None,
        dataset: DatasetOption = None,
        debug: DebugOption = False,
        no_cache: NoCacheOption = False,
    ) -> None:
        opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
        with boundary(debug=opts.debug):
            book = _book(opts, query.Need(section=section))
            fmt = _format(ctx, output_format, json)
            views = [v for v in query.section_view(book, section) if v.indicators]
            if not views:
                raise NotFoundError(f"no facts in section '{section}'")
            if fmt == "table":
                from gaoxin_cli.render.table import section_tables

                print_renderable(
                    lambda width: section_tables(
                        views, opts.lang, width, show_dataset=len(views) > 1
                    )
                )
            else:
                write_facts([f for view in views for f in view.facts], fmt, lang=opts.lang)

    section_command.__name__ = f"{section}_command"
    section_command.__doc__ = (
        f"{en} ({zh}): the section's figures, one row per indicator.\n\n"
        f"[bold]Examples[/bold]\n\n"
        f"  gaoxin {section}                  table at a terminal, TSV when piped\n\n"
        f"  gaoxin {section} --lang en        English labels\n\n"
        f"  gaoxin {section} --json | jq .    the facts as JSON records"
    )
    return section_command


for _section in SECTION_COMMANDS:
    app.command(_section, rich_help_panel="Sections", cls=PlainCommand)(
        _make_section_command(_section)
    )


@app.command(rich_help_panel="Look up", cls=PlainCommand)
def get(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(
            help="Indicator ids (all their facts) or fact ids (indicator.measure).",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    value: Annotated[
        bool, typer.Option("--value", help="Print only the bare values, one per line.", metavar="")
    ] = False,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """An indicator or a fact in full: labels, measures, units, normalized values, quote.

    [bold]Examples[/bold]

      gaoxin get fixed-asset-investment

      gaoxin get fixed-asset-investment.growth --value     prints 18.3
    """
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        book = _book(opts, query.Need(ids=tuple(ids)))
        try:
            items = query.lookup(book, ids)
        except NotFoundError:
            book = _book(opts, query.Need())  # suggestions look at every id
            items = query.lookup(book, ids)
        found = query.facts_of(items)
        if value:
            if output_format is not None or json:
                raise UsageError("--value prints bare values: leave out --format and --json")
            _one_dataset_each(items)
            values = [format_value(f.value) for f in found]
            if any(isinstance(f.value, str) for f in found):
                from gaoxin_cli.render.safe import clean  # words from a file: no controls

                values = [clean(v) for v in values]
            typer.echo("\n".join(values))
            return
        fmt = _format(ctx, output_format, json)
        if fmt == "table":
            from gaoxin_cli.render.table import detail

            datasets = {d.id: d for d in book.datasets}
            print_renderable(lambda _width: detail(items, datasets, opts.lang))
        else:
            write_facts(found, fmt, lang=opts.lang)


@app.command(rich_help_panel="Look up", cls=PlainCommand)
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            help="Chinese or English words, or a number. All must match.", metavar="WORD"
        ),
    ],
    section: SectionOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many.")
    ] = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    facts: FactsOption = None,
    dataset: DatasetOption = None,
    debug: DebugOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Find facts by label, quote, id or number, best match first. Exit 1 if none.

    [bold]Examples[/bold]

      gaoxin search 专利

      gaoxin search patent

      gaoxin search 3288
    """
    opts = _settings(ctx, facts, lang, debug, no_cache, dataset)
    with boundary(debug=opts.debug):
        _check_section(section)
        book = _book(opts, query.Need(words=tuple(" ".join(words).split()), section=section))
        fmt = _format(ctx, output_format, json)
        hits = query.search(book, " ".join(words), section=section)
        if limit is not None:
            hits = hits[:limit]
        if not hits:
            raise NotFoundError(f"nothing matches {' '.join(words)!r}")
        if fmt == "table":
            from gaoxin_cli.render.table import search_table

            print_renderable(lambda _width: search_table(hits, opts.lang))
        else:
            write_facts([hit.fact for hit in hits], fmt, lang=opts.lang)


#: Commands defined in this module; the others are in `more`, imported when named
#: (their signatures cost start-up time that lookups need not pay).
_CORE_COMMANDS = frozenset({*SECTION_COMMANDS, "get", "search"})

#: Options of `gaoxin` itself that take a value (the next word is not a command).
_ROOT_VALUE_OPTIONS = frozenset({"--format", "-f", "--lang", "-l", "--facts", "--dataset", "-d"})


def _command_name(argv: list[str]) -> str | None:
    """The command named on a command line, if any: the first word not an option."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _ROOT_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def command_for(argv: list[str]) -> Any:
    """The click command that runs `argv`: only the named command is built.

    Typer builds every command (reading its signature) at each start; a
    lookup needs one. With no command, an unknown one, or shell completion at
    work, the whole app is built, so help and suggestions are complete.
    """
    import os

    import typer.main

    name = _command_name(argv)
    if name not in _CORE_COMMANDS:
        import gaoxin_cli.cli.more  # noqa: F401 - registers its commands
    known = {
        info.name or getattr(info.callback, "__name__", "") for info in app.registered_commands
    }
    if name not in known or any(key.endswith("_COMPLETE") for key in os.environ):
        return typer.main.get_command(app)
    every, completion = app.registered_commands, app._add_completion
    app.registered_commands = [
        info for info in every if (info.name or getattr(info.callback, "__name__", "")) == name
    ]
    app._add_completion = False  # --install-completion belongs to `gaoxin` alone
    try:
        return typer.main.get_command(app)
    finally:
        app.registered_commands, app._add_completion = every, completion
