"""`gaoxin cache [list|path|clear]`: the index files in the cache folder."""

from typing import Annotated, Literal

import typer

from gaoxin_cli import render
from gaoxin_cli.cli.common import (
    DebugOption,
    FormatOption,
    JsonOption,
    LangOption,
    choose_format,
    environment,
    settings,
)
from gaoxin_cli.cli.params import PlainCommand
from gaoxin_cli.errors import NotFoundError, UsageError

Action = Literal["list", "path", "clear"]


def cache(
    ctx: typer.Context,
    action: Annotated[
        Action,
        typer.Argument(
            help="list (default): each index, its size and the facts folder it indexes;"
            " path: the cache folder; clear: remove every index.",
            show_default=False,
            metavar="ACTION",
        ),
    ] = "list",
    output_format: FormatOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """The index files in the cache folder: list them, show the folder, or clear it.

    The index is a cache of the fact files: removing it loses nothing, the next
    lookup builds it again. Indexes of facts folders that no longer exist are
    removed by the next build.

    [bold]Examples[/bold]

      gaoxin cache          each index, its size and folder

      gaoxin cache path

      gaoxin cache clear
    """
    from gaoxin_cli.index import cache as store
    from gaoxin_cli.index.schema import cache_dir

    opts = settings(ctx, None, lang, debug)
    stdout = environment(ctx).stdout
    folder = cache_dir()
    if action == "path":
        if folder is None:
            raise UsageError(
                "no cache folder: $XDG_CACHE_HOME is not an absolute path and there is no"
                " home directory (the fact files are read instead)"
            )
        stdout.write(f"{folder}\n")
        return
    if action == "clear":
        count, size = store.clear()
        stdout.write(f"removed {count} index file{'s' * (count != 1)} ({size:,} bytes)\n")
        return
    fmt = choose_format(ctx, output_format, json)
    found = store.entries()
    if not found:
        raise NotFoundError(f"no index in the cache folder ({folder or 'none'})")
    render.write(render.cache_entries(found), fmt, stdout, lang=opts.lang)


def register(app: typer.Typer, name: str) -> None:
    """Add `gaoxin cache`."""
    app.command(name, rich_help_panel="Data", cls=PlainCommand)(cache)
