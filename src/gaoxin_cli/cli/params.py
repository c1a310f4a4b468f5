"""Parameter coercion without Pydantic, for start-up speed.

Typer 0.29 coerces every parameter value through a Pydantic TypeAdapter,
and importing Pydantic costs more than importing Typer itself. The types
this CLI uses (Literal choices, flags, paths, strings, bounded integers,
lists of strings or paths) need none of it: this module gives them plain coercion
built from Typer's own Pydantic-free helpers, so messages stay Typer's.

Anything else, or a Typer whose internals differ, keeps Typer's own
coercion: the result is the same, only slower.
"""

import os
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from typer.core import TyperCommand, TyperGroup

try:
    from typer._click import Context, Parameter
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover - a Typer without these internals
    RuntimeParam = None  # type: ignore[assignment,misc]

_PLAIN_LEAVES = (str, int, bool, Path)
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off", ""})


def _is_plain(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return get_args(annotation) in ((str,), (Path,))
    if get_origin(annotation) is Literal:
        return all(isinstance(choice, str) for choice in get_args(annotation))
    return annotation in _PLAIN_LEAVES


if RuntimeParam is not None:

    class PlainRuntimeParam(RuntimeParam):  # no fields of its own: no @dataclass needed
        """Coerce str, bool, int (with min/max), Path, Literal choices, list[str] and list[Path]."""

        def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
            annotation: Any = self.annotation
            try:
                if get_origin(annotation) is list:
                    (leaf,) = get_args(annotation)
                    return [self._leaf(leaf, item, param, ctx) for item in value]
                return self._leaf(annotation, value, param, ctx)
            except ValueError as error:  # Typer's helpers say what is wrong this way
                raise BadParameter(str(error), ctx=ctx, param=param) from None

        def _leaf(self, annotation: Any, value: Any, param: Any, ctx: Context) -> Any:
            info = self.parameter_info
            if get_origin(annotation) is Literal:
                return coerce_cli_choice(
                    value,
                    choices=get_args(annotation),
                    case_sensitive=info.case_sensitive,
                    ctx=ctx,
                )
            if annotation is Path:
                if isinstance(value, str | bytes):
                    value = Path(os.fsdecode(value))  # else Typer converts with Pydantic
                return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
            if annotation is bool:
                return self._boolean(value)
            if annotation is int:
                return self._integer(value, param, ctx)
            if isinstance(value, bytes):
                return value.decode("utf-8", "replace")
            return str(value)

        @staticmethod
        def _boolean(value: Any) -> bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE or text in _FALSE:
                return text in _TRUE
            raise ValueError(f"{value!r} is not a valid boolean")

        def _integer(self, value: Any, param: Any, ctx: Context) -> int:
            try:
                number = int(value)
            except (TypeError, ValueError):
                message = f"{value!r} is not a whole number"
                raise BadParameter(message, ctx=ctx, param=param) from None
            low = getattr(self.parameter_info, "min", None)
            high = getattr(self.parameter_info, "max", None)
            if low is not None and number < low:
                message = f"must be at least {low}, not {number}"
                raise BadParameter(message, ctx=ctx, param=param)
            if high is not None and number > high:
                message = f"must be at most {high}, not {number}"
                raise BadParameter(message, ctx=ctx, param=param)
            return number


def _annotations_as_written(func: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """`typing.get_type_hints` for Typer's reading of a command: this CLI's
    annotations are objects, never strings (no `from __future__ import
    annotations` in the cli package), so they are the hints already; Typer
    uses them only for parameters without Typer metadata (the context).
    Anything else goes to the real function."""
    annotations = getattr(func, "__annotations__", {})
    if any(isinstance(value, str) for value in annotations.values()):
        return get_type_hints(func, *args, **kwargs)
    return dict(annotations)


def _copy_info(info: Any) -> Any:
    """`copy.copy` of a Typer parameter's metadata, without the reduce protocol."""
    plain = getattr(type(info), "__reduce_ex__", None) is getattr(object, "__reduce_ex__", None)
    if not plain or not hasattr(info, "__dict__") or hasattr(type(info), "__copy__"):
        return copy(info)
    new = object.__new__(type(info))
    new.__dict__.update(info.__dict__)
    return new


def read_commands_quickly(completing: bool) -> None:
    """Typer reads each command's signature at every start; some of the steps it
    takes for that (resolving string annotations, copying metadata through the
    reduce protocol, reading each shell-completion function's signature when the
    shell is not completing) do nothing for this CLI's commands but cost about
    half a million instructions a parameter. Swap in the direct equivalents."""
    import typer.main
    import typer.utils

    if getattr(typer.utils, "get_type_hints", None) is get_type_hints:
        setattr(typer.utils, "get_type_hints", _annotations_as_written)  # noqa: B010
    if getattr(typer.utils, "copy", None) is copy:
        setattr(typer.utils, "copy", _copy_info)  # noqa: B010
    reader = getattr(typer.main, "get_params_from_function", None)
    if reader is not None and not isinstance(reader, _LastRead):
        # Typer reads a command's signature twice in a row (its parameters, then
        # their names for the callback); the second time is answered from the first.
        setattr(typer.main, "get_params_from_function", _LastRead(reader))  # noqa: B010
    current = getattr(typer.main, "get_param_completion", None)
    if current is not None and current is not _no_completion:
        _TYPER_COMPLETION.append(current)
    if _TYPER_COMPLETION:  # the real one when the shell asks, else none
        chosen = _TYPER_COMPLETION[0] if completing else _no_completion
        setattr(typer.main, "get_param_completion", chosen)  # noqa: B010


#: Typer's own get_param_completion, once read_commands_quickly has replaced it.
_TYPER_COMPLETION: list[Any] = []


class _LastRead:
    """Typer's signature reader, answering a repeated question about the same
    function from its last answer (which Typer only reads, never changes)."""

    def __init__(self, read: Any) -> None:
        self.read = read
        self.func: Any = None
        self.answer: Any = None

    def __call__(self, func: Any) -> Any:
        if func is not self.func:
            self.answer = self.read(func)
            self.func = func
        return self.answer


def _no_completion(callback: Any = None) -> None:
    """No completion function: the shell is not asking for one in this run."""
    return


def use_plain_coercion(params: Sequence[Parameter]) -> None:
    """Give each plain-typed parameter the Pydantic-free coercion."""
    if RuntimeParam is None:  # pragma: no cover
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if descriptor.file_annotation is None and _is_plain(descriptor.annotation):
            param._runtime_param = PlainRuntimeParam(  # type: ignore[attr-defined]
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )


class PlainGroup(TyperGroup):
    """The top-level group: plain coercion for its options; every command run
    inside the error boundary, usage errors as one line, help written whole or
    not at all (`boundary`)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        use_plain_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Context) -> Any:
        from gaoxin_cli.cli.boundary import guard
        from gaoxin_cli.cli.common import Environment

        with guard(ctx.ensure_object(Environment)):
            return super().invoke(ctx)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        from gaoxin_cli.cli.boundary import run_main

        return run_main(run, args, prog_name=prog_name, complete_var=complete_var, **extra)

    def format_help(self, ctx: Context, formatter: Any) -> None:
        from gaoxin_cli.cli.boundary import whole_or_nothing
        from gaoxin_cli.cli.help import readable_help, reflow, whole_words

        readable_help(self.get_params(ctx))
        self.help = reflow(self.help)
        for command in self.commands.values():  # their first lines are listed
            command.help = reflow(command.help)
        with whole_or_nothing(), whole_words():
            super().format_help(ctx, formatter)


class PlainCommand(TyperCommand):
    """A command with plain coercion for its parameters; help whole or not at all."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        use_plain_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Context, formatter: Any) -> None:
        from gaoxin_cli.cli.boundary import whole_or_nothing
        from gaoxin_cli.cli.help import readable_help, reflow, whole_words

        readable_help(self.get_params(ctx))
        self.help = reflow(self.help)
        with whole_or_nothing(), whole_words():
            super().format_help(ctx, formatter)
