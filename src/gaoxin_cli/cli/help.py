"""Help that reads like gh's: words for values, choices listed in words that
wrap whole, no Python types; and `gaoxin help [COMMAND]`. Imported only when
help is written (or every command is registered), not at every start.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperOption


class HelpArgument(TyperArgument):
    """An argument as help shows it: its name, no Python type (`<list[str]>`);
    in the usage line `ID...` or `[ID]...`, not `{ID}...`."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return f"{name}..." if self.nargs != 1 else name


class HelpOption(TyperOption):
    """An option as help shows it: a word for its value (FORMAT), nothing for a
    flag, never a Python type (`<bool>`, `<int range>`) or a bound (`x>=1`)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag:
            return None
        long = [o for o in self.opts if o.startswith("--")] or [self.name or "value"]
        word = long[0].lstrip("-").replace("-", "_").upper()
        return f"{word}..." if self.nargs != 1 else word

    def _get_number_range_help_str(self) -> str | None:
        return None


def readable_help(params: Sequence[Any]) -> None:
    """Make help read like gh's: words for values, choices listed in the help
    text (where they wrap between words), no Python types. Called just before
    help is written; a parameter is changed once."""
    for param in params:
        if isinstance(param, TyperArgument) and not isinstance(param, HelpArgument):
            param.__class__ = HelpArgument
        elif isinstance(param, TyperOption) and not isinstance(param, HelpOption):
            param.__class__ = HelpOption
            if param.name in ("install_completion", "show_completion"):
                # A table of their own: their long names stay whole at 60 columns.
                param.rich_help_panel = "Shell completion"
            descriptor = param.type_descriptor
            if descriptor.is_choice and descriptor.choices and param.metavar is None:
                param.help = with_choices(param.help or "", [str(c) for c in descriptor.choices])


@contextmanager
def whole_words() -> Iterator[None]:
    """While help is written, Rich strips the space that ends a wrapped line by
    cells: Rich 15's Text.rstrip_end counts characters, so a line with Chinese
    in it that ends at the width in a space got its last word cut ("figures…")."""

    from rich.cells import cell_len
    from rich.text import Text

    def rstrip_end(self: Text, size: int) -> None:
        excess = cell_len(self.plain) - size
        space = re.search(r"\s+$", self.plain)
        if excess > 0 and space is not None:
            self.right_crop(min(len(space.group(0)), excess))

    original = Text.rstrip_end
    Text.rstrip_end = rstrip_end  # type: ignore[method-assign]
    try:
        yield
    finally:
        Text.rstrip_end = original  # type: ignore[method-assign]


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
    `gaoxin help` is `gaoxin --help`.

    [bold]Examples[/bold]

      gaoxin help get

      gaoxin help
    """
    from gaoxin_cli.errors import UsageError

    root = ctx.find_root()
    if command is None:
        typer.echo(root.get_help(), color=root.color)
        return
    group: Any = root.command
    found = group.get_command(root, command)
    if found is None:
        raise UsageError(f"no command {command!r}; see: gaoxin --help")
    with found.make_context(command, [], parent=root, resilient_parsing=True) as sub:
        typer.echo(sub.get_help(), color=sub.color)
