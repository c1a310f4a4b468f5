"""The one module that names Typer's internals (a test reading every
module's imports keeps it so): parameter coercion without Pydantic, for
start-up speed.

Typer 0.29 coerces every parameter value through a Pydantic TypeAdapter,
and importing Pydantic costs about half of a lookup's start-up. The types
this CLI uses (Literal choices, flags, paths, strings, bounded integers,
lists of strings or paths) need none of it: this module gives them plain coercion
built from Typer's own Pydantic-free helpers, so messages stay Typer's.

The fence: pyproject.toml pins Typer's minor version (no upgrade reaches
this untested); a Typer without these names keeps its own coercion (the
result is the same, only slower); and tests/test_coercion.py runs every
option of every command, valid and invalid values, through both coercions
and asserts equal values and equal messages.
"""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

try:
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover - a Typer without these internals
    RuntimeParam = None  # type: ignore[assignment,misc]

#: What click raises for a command line it cannot take (a usage error, a bad
#: value, an unknown option): `boundary.run_main` makes each one line. Typer's
#: public base of click's exceptions.
UsageProblem = typer.TyperException
BadParameter = typer.BadParameter
# A command's `ctx` is typed Any below: click's Context, which the methods
# overridden take, is not public (typer.Context is a narrower subclass).


class _RefusedError(ValueError):
    """A value refused, in the words Typer's own coercion uses."""


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

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation: Any = self.annotation
            try:
                if get_origin(annotation) is list:
                    (leaf,) = get_args(annotation)
                    return [self._leaf(leaf, item, param, ctx) for item in value]
                return self._leaf(annotation, value, param, ctx)
            except _RefusedError as error:
                raise BadParameter(str(error), ctx=ctx, param=param) from None
            except ValueError as error:  # Typer's helpers say what is wrong this way,
                # and Typer's own coercion passes it on in Pydantic's words
                raise BadParameter(f"Value error, {error}", ctx=ctx, param=param) from None

        def _leaf(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
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
            raise _RefusedError("Input should be a valid boolean, unable to interpret input")

        def _integer(self, value: Any, param: Any, ctx: Any) -> int:
            try:
                number = int(value)
            except (TypeError, ValueError):
                message = "Input should be a valid integer, unable to parse string as an integer"
                raise BadParameter(message, ctx=ctx, param=param) from None
            low = getattr(self.parameter_info, "min", None)
            high = getattr(self.parameter_info, "max", None)
            if low is not None and number < low:
                message = f"Input should be greater than or equal to {low}"
                raise BadParameter(message, ctx=ctx, param=param)
            if high is not None and number > high:
                message = f"Input should be less than or equal to {high}"
                raise BadParameter(message, ctx=ctx, param=param)
            return number


def use_plain_coercion(params: Sequence[Any]) -> None:
    """Give each plain-typed parameter the Pydantic-free coercion."""
    if RuntimeParam is None:  # pragma: no cover
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if descriptor.file_annotation is None and _is_plain(descriptor.annotation):
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )


def write_help(command: Any, ctx: Any, formatter: Any) -> None:
    """Click's public hook for help: our own layout (`cli.help`), written to
    click's formatter whole, or, where stdout cannot encode it, nothing but
    one line on stderr (exit 2)."""
    from gaoxin_cli.cli.boundary import require_encodable
    from gaoxin_cli.cli.help import render_help

    text = render_help(command, ctx)
    require_encodable(text, "this help")
    formatter.write(text)


class PlainGroup(TyperGroup):
    """The top-level group: plain coercion for its options; every command run
    inside the error boundary, usage errors as one line, help written whole or
    not at all (`boundary`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        use_plain_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
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

        return run_main(
            run, args, UsageProblem, prog_name=prog_name, complete_var=complete_var, **extra
        )

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)


class PlainCommand(TyperCommand):
    """A command with plain coercion for its parameters; help whole or not at all."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from gaoxin_cli.cli.borrowed import translated

        params = self.get_params(ctx)
        use_plain_coercion(params)
        has_format = any("--format" in getattr(p, "opts", ()) for p in params)
        return super().parse_args(ctx, translated(args, has_format))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)
