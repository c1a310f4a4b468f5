"""Help that reads like gh's: words for values, choices listed in words that
wrap whole, no Python types; and `gaoxin help [COMMAND]`. Imported only when
help is written (or every command is registered), not at every start.
"""

import os
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.cells import cell_len

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

#: The titles of the panels parameters and commands are listed in.
ARGUMENTS, OPTIONS = "Arguments", "Options"
#: Between two columns of a panel.
GAP = 2
#: A panel's help column is never narrower: below it, each parameter's help
#: is written under its names instead of beside them.
MIN_HELP = 24
STYLES = {"name": "bold cyan", "word": "bold yellow", "required": "red", "note": "dim"}


def render_help(command: Any, ctx: Any) -> str:
    """The help of `command` (a Typer command or group) in `ctx`, as text for
    the terminal: usage, description, one panel per group of parameters and
    of commands. Laid out here with Rich's public API, every line folded at
    word and figure bounds (`render.fold`), so no word is cut at any width;
    parameters show a word for their value (FORMAT) and never a Python type."""
    from io import StringIO

    from rich.console import Console

    from gaoxin_cli.render.writing import MAX_WIDTH, terminal_width

    width = min(terminal_width(sys.stdout) or _terminal_columns(), MAX_WIDTH)
    color = ctx.color if ctx.color is not None else _is_terminal()
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=max(width, 20),
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
    for part in _parts(command, ctx, console.width):
        console.print(part, crop=False)
    return buffer.getvalue()


def _terminal_columns() -> int:
    import os

    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or 80
    except (OSError, AttributeError, ValueError):
        return 80


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _parts(command: Any, ctx: Any, width: int) -> "Iterable[RenderableType]":
    from rich.text import Text

    yield Text("")
    usage = Text.assemble(("Usage: ", "yellow"), (_usage(command, ctx), "bold"))
    yield from _folded(usage, width - 2, indent=" ", hang=len("Usage: "))
    yield Text("")
    if command.help:
        for paragraph in (reflow(command.help) or "").split("\n\n"):
            for line in paragraph.strip("\b\n").split("\n"):
                text = _markup(line)
                hang = len(text.plain) - len(text.plain.lstrip())
                yield from _folded(text, width - 2, indent=" ", hang=hang)
            yield Text("")
    panels: dict[str, list[list[Text]]] = {}
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        argument = param.param_type_name == "argument"
        title = getattr(param, "rich_help_panel", None) or (ARGUMENTS if argument else OPTIONS)
        if param.name in ("install_completion", "show_completion"):
            title = "Shell completion"  # a panel of their own: their long names stay whole
        panels.setdefault(title, []).append(_param_row(param, ctx, argument))
    order = sorted(panels, key=lambda t: (t != ARGUMENTS, t != OPTIONS))
    for title in order:
        yield _panel(title, panels[title], width)
    if isinstance(command, typer.core.TyperGroup):
        groups: dict[str, list[list[Text]]] = {}
        names = list(command.list_commands(ctx))
        found = [command.get_command(ctx, name) for name in names]
        shown = [(n, c) for n, c in zip(names, found, strict=True) if c and not c.hidden]
        longest = max((len(name) for name, _ in shown), default=0)
        for name, sub in shown:
            title = getattr(sub, "rich_help_panel", None) or "Commands"
            first = (reflow(sub.help) or "").split("\n\n")[0]
            row = [Text(name.ljust(longest), style=STYLES["name"]), _markup(first)]
            groups.setdefault(title, []).append(row)
        for title, rows in groups.items():
            yield _panel(title, rows, width)


def _usage(command: Any, ctx: Any) -> str:
    """The usage line: `gaoxin get [OPTIONS] ID...`, arguments as words."""
    pieces = [ctx.command_path, "[OPTIONS]"]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name, more = _argument_word(param)
            pieces.append(f"{name}{more}" if param.required else f"[{name}]{more}")
    if isinstance(command, typer.core.TyperGroup):
        pieces.append("COMMAND [ARGS]...")
    return " ".join(pieces)


def _argument_word(param: Any) -> tuple[str, str]:
    """An argument's word (ID), and "..." if it takes several."""
    return param.metavar or (param.name or "value").upper(), "..." if param.nargs != 1 else ""


def value_word(param: Any) -> str:
    """The word help shows for an option's value (FORMAT, N, A,B,…), "" for a
    flag: its metavar, else its long name in capitals."""
    if param.metavar is not None:
        return str(param.metavar)
    if param.is_flag:
        return ""
    long = [o for o in param.opts if o.startswith("--")] or [param.name or "value"]
    word = long[0].lstrip("-").replace("-", "_").upper()
    return f"{word}..." if param.nargs != 1 else word


def param_help(param: Any, ctx: Any) -> list[str]:
    """An option's or argument's help, its lines: the text (its choices named
    in words), then its environment variable, then [required]."""
    text = " ".join((reflow(param.help) or "").split())
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.is_choice and param.metavar is None:
        text = with_choices(text, [str(choice) for choice in descriptor.choices or ()])
    lines = [text] if text else []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        lines.append(f"[env var: {envvar if isinstance(envvar, str) else ', '.join(envvar)}]")
    if param.required:
        lines.append("[required]")
    return lines


def _param_row(param: Any, ctx: Any, argument: bool) -> "list[Text]":
    from rich.text import Text

    mark = Text("*" if param.required else "", style=STYLES["required"])
    if argument:
        names = ["".join(_argument_word(param)), "", ""]
    else:
        long = ",".join(o for o in [*param.opts, *param.secondary_opts] if o.startswith("--"))
        short = ",".join(o for o in [*param.opts, *param.secondary_opts] if not o.startswith("--"))
        names = [long, short, value_word(param)]
    styles = [STYLES["name"], STYLES["name"], STYLES["word"]]
    cells = [mark] + [Text(n, style=s) for n, s in zip(names, styles, strict=True)]
    lines = param_help(param, ctx)
    help_text = Text("\n").join(
        Text(line, style=STYLES["note"] if line.startswith("[") and n else "")
        for n, line in enumerate(lines)
    )
    return [*cells, help_text]


def _panel(title: str, rows: list["list[Text]"], width: int) -> "RenderableType":
    """A rounded panel of `rows`: every column but the last as wide as its
    widest cell (an empty column left out), the last folded into the rest;
    where that leaves less than MIN_HELP cells, each row's last cell is
    written under the others, indented."""
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    inner = width - 4  # the panel's two borders and its padding of one
    count = len(rows[0]) - 1
    widths = [max(r[n].cell_len for r in rows) for n in range(count)]
    used = [n for n in range(count) if widths[n]]
    fixed = sum(widths[n] for n in used) + GAP * len(used)
    stacked = inner - fixed < MIN_HELP
    lines: list[Text] = []
    for row in rows:
        head = Text(" " * GAP).join(row[n] + " " * (widths[n] - row[n].cell_len) for n in used)
        help_width = inner - 4 if stacked else inner - fixed
        folded = [
            piece
            for part in row[-1].split("\n")
            for piece in _folded(part, help_width, indent="", hang=0)
        ]
        head.rstrip()
        if stacked:
            lines.extend(_folded(head, inner, indent="", hang=GAP))
            lines.extend(Text("    ") + piece for piece in folded)
            continue
        pad = Text(" " * fixed)
        for n, piece in enumerate(folded or [Text("")]):
            line = (head + " " * (fixed - head.cell_len) if n == 0 else pad) + piece
            line.rstrip()
            lines.append(line)
    if len(title) + 6 > width:  # Rich would cut a title wider than its border: a line inside
        lines[:0] = _folded(Text(title, style="bold"), inner, indent="", hang=0)
    return Panel(
        Group(*lines),
        title=title if len(title) + 6 <= width else None,
        title_align="left",
        border_style=STYLES["note"],
        box=box.ROUNDED,
        padding=(0, 1),
        width=width,
    )


def _markup(line: str) -> "Text":
    """A line of help text, its Rich markup ([bold]…) read as styles."""
    from rich.text import Text

    return Text.from_markup(line)


def _folded(text: "Text", width: int, *, indent: str, hang: int) -> "list[Text]":
    """`text` folded at `width` cells (`render.fold`), each line after the
    first indented by `hang` more spaces, every line after `indent`."""
    from rich.text import Text

    from gaoxin_cli.render.fold import fold_spans

    first, *rest = fold_spans(text.plain, width) or [(0, 0)]
    lines = [Text(indent) + text[first[0] : first[1]]]
    if rest:
        tail_start = rest[0][0]
        tail = text[tail_start:]
        spans = fold_spans(tail.plain, max(width - hang, 1))
        lines.extend(Text(indent + " " * hang) + tail[a:b] for a, b in spans)
    return lines


def reflow(text: str | None) -> str | None:
    """Help text whose paragraphs of prose are each one line, for Rich to
    wrap at any width; indented lines (examples) keep their breaks."""
    if not text:
        return text
    import inspect

    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(
        p
        if p.startswith("\b") or any(line[:1].isspace() for line in p.splitlines())
        else " ".join(line.strip() for line in p.splitlines())
        for p in paragraphs
    )


def with_choices(text: str, choices: list[str]) -> str:
    """`text` naming each of `choices`: as it is if it does, else with them
    after its first phrase ("Output format: table, tsv or csv. Default: …")."""

    words = set(re.findall(r"[\w-]+", text))
    if all(choice in words for choice in choices):
        return text
    listed = f"{', '.join(choices[:-1])} or {choices[-1]}" if len(choices) > 1 else choices[0]
    head, stop, rest = text.partition(". ")
    if stop and ":" not in head:
        return f"{head}: {listed}. {rest}"
    return f"{text.rstrip('.')}: {listed}." if text else f"{listed[:1].upper()}{listed[1:]}."


def help_command(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(metavar="COMMAND", help="A command.", show_default=False),
    ] = None,
) -> None:
    """What a command takes: `gaoxin help CMD` is `gaoxin CMD --help`, and
    `gaoxin help` is `gaoxin --help`; `gaoxin help marks` says what the marks
    of the tables mean (>, <≈, ~, 预计 …).

    [bold]Examples[/bold]

      gaoxin help get

      gaoxin help marks

      gaoxin help
    """
    from gaoxin_cli.errors import UsageError

    root = ctx.find_root()
    if command == "marks":  # a topic, not a command: what the marks of the tables mean
        from gaoxin_cli.render.figure_text import marks_legend

        lang = "en" if (os.environ.get("GAOXIN_LANG") or "").lower() == "en" else "zh"
        width = max(cell_len(mark) for mark, _ in marks_legend(lang))
        for mark, meaning in marks_legend(lang):
            typer.echo(f"{mark}{' ' * (width - cell_len(mark))}  {meaning}")
        return
    if command is None:
        typer.echo(root.get_help(), color=root.color)
        return
    group: Any = root.command
    found = group.get_command(root, command)
    if found is None:
        raise UsageError(f"no command {command!r}; see: gaoxin --help")
    with found.make_context(command, [], parent=root, resilient_parsing=True) as sub:
        typer.echo(sub.get_help(), color=sub.color)
