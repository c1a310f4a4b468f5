"""The fenced Pydantic-free coercion (cli/params.py) against Typer's own: every
option and argument of every command, valid and invalid values, the same value or
the same message."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from typer._coercion import build_runtime_param  # the differential test may name them
from typer.main import get_command

from gaoxin_cli.cli import params
from gaoxin_cli.cli.app import build


def _leaf_samples(annotation: Any) -> list[Any]:
    if get_origin(annotation) is Literal:
        choices = [str(c) for c in get_args(annotation)]
        return [*choices, *(c.upper() for c in choices), "", "zzz", "表格"]
    if annotation is bool:
        return [True, False, "true", "Yes", "0", "off", "", "maybe", "2"]
    if annotation is int:
        return ["0", "1", "3", "-2", "007", "x", "1.5", "", " 4 "]
    if annotation is Path:
        return ["a/b", "facts", ".", "", "汉字.txt", "-"]
    return ["abc", "汉字", "", "--x", "-"]


def _samples(annotation: Any) -> list[Any]:
    if get_origin(annotation) is list:
        (leaf,) = get_args(annotation)
        return [[], *([value] for value in _leaf_samples(leaf)), _leaf_samples(leaf)[:3]]
    return _leaf_samples(annotation)


def _cases() -> list[tuple[str, Any, Any]]:
    group = get_command(build())
    cases = []
    for name, command in [("gaoxin", group), *sorted(group.commands.items())]:  # type: ignore[attr-defined]
        for param in command.params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is None or descriptor.file_annotation is not None:
                continue
            if params._is_plain(descriptor.annotation):
                cases.extend((f"{name} {param.name}", command, param) for _ in [0])
    return cases


CASES = _cases()


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as error:  # the message is what is compared
        shown = error.format_message() if hasattr(error, "format_message") else str(error)
        return type(error).__name__, shown


def test_every_plain_parameter_is_covered() -> None:
    """The test sees the options of every command (a guard against an empty walk)."""
    names = {case[0] for case in CASES}
    assert {"gaoxin output_format", "get limit", "export output_format", "validate source"} <= names
    assert len(CASES) > 100


@pytest.mark.parametrize(("name", "command", "param"), CASES, ids=[c[0] for c in CASES])
def test_plain_coercion_equals_typers(name: str, command: Any, param: Any) -> None:
    """Each sample value gives the same value, or the same error and message, both ways."""
    descriptor = param.type_descriptor
    plain = params.PlainRuntimeParam(
        parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
    )
    typers = build_runtime_param(descriptor)
    ctx = command.make_context(name.split(maxsplit=1)[0], [], resilient_parsing=True)
    for value in _samples(descriptor.annotation):
        assert _outcome(plain, value, param, ctx) == _outcome(typers, value, param, ctx), (
            name,
            value,
        )
