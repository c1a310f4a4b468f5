"""The shape of the code: no import cycles, no borrowed private names, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

SRC = REPO / "src"
PACKAGE = SRC / "gaoxin_cli"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import in module `name`,
    at any depth (deferred and type-checking imports included)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, [], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names = [alias.name for alias in node.names]
            submodules = [n for n in names if f"{base}.{n}" in MODULES]
            found.extend((f"{base}.{n}", [], node.lineno) for n in submodules)
            others = [n for n in names if n not in submodules]
            if others or not submodules:
                found.append((base, others, node.lineno))
    return [item for item in found if item[0] in MODULES]


GRAPH = {name: sorted({target for target, _, _ in _imports(name)} - {name}) for name in MODULES}


def test_the_package_is_found() -> None:
    """The structure checks look at every module of the package (a guard against an empty walk)."""
    assert {"gaoxin_cli.model", "gaoxin_cli.cli.app", "gaoxin_cli.index.read"} <= set(MODULES)
    assert "gaoxin_cli.model" in GRAPH["gaoxin_cli.query"]


def test_no_import_cycles() -> None:
    """No module imports, directly or through others, a module that imports it."""
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in GRAPH[name]:
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in MODULES:
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_names_from_other_modules(name: str) -> None:
    """A module takes only public names (no leading underscore) from the others."""
    borrowed = [
        f"{MODULES[name].name}:{line}: {target}.{taken}"
        for target, names, line in _imports(name)
        for taken in names
        if taken.startswith("_") and not taken.startswith("__") and target != name
    ]
    borrowed += [
        f"{MODULES[name].name}:{line}: {target}"
        for target, _, line in _imports(name)
        if any(part.startswith("_") and part != "__init__" for part in target.split(".")[1:])
    ]
    assert borrowed == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name: str) -> None:
    """No module is longer than 400 lines."""
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_every_command_has_a_module_of_its_own() -> None:
    """Each command of the registry lives in cli/commands/ under its own name (sections share one)."""
    from gaoxin_cli.cli.app import COMMANDS
    from gaoxin_cli.cli.common import SECTION_COMMANDS

    for command, module in COMMANDS.items():
        assert f"gaoxin_cli.cli.commands.{module}" in MODULES
        assert module == ("sections" if command in SECTION_COMMANDS else command)


#: The one module that may name Typer's internals: the fenced coercion (Typer pinned).
FENCE = "gaoxin_cli.cli.params"
OTHER_PACKAGES = ("typer", "rich", "click")


def _third_party_imports(name: str) -> list[tuple[str, str, int]]:
    """(module, name taken or "", line) of every import of typer, rich or click in `name`."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, "", node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.module, a.name, node.lineno) for a in node.names]
    return [f for f in found if f[0].split(".")[0] in OTHER_PACKAGES]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_names_of_other_packages(name: str) -> None:
    """Only the fenced coercion module imports typer._*, rich.*._* or a private name of them."""
    if name == FENCE:
        return
    private = [
        f"{MODULES[name].name}:{line}: {module}{'.' + taken if taken else ''}"
        for module, taken, line in _third_party_imports(name)
        if any(part.startswith("_") for part in module.split("."))
        or (taken.startswith("_") and not taken.startswith("__"))
    ]
    assert private == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_run_time_patching_of_other_packages(name: str) -> None:
    """No module assigns to an attribute of another package's module or class, swaps an
    object's class, or overrides a private method of a Typer or Rich class."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    imported = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and ((node.module or "") if isinstance(node, ast.ImportFrom) else "x").split(".")[0]
        in (*OTHER_PACKAGES, "x")
        for alias in node.names
        if isinstance(node, ast.ImportFrom) or alias.name.split(".")[0] in OTHER_PACKAGES
    }
    problems = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            if isinstance(target, ast.Attribute):
                base = target.value
                while isinstance(base, ast.Attribute):
                    base = base.value
                if target.attr == "__class__" or (
                    isinstance(base, ast.Name) and base.id in imported
                ):
                    problems.append(f"line {node.lineno}: assigns {ast.unparse(target)}")
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "setattr":
            first = node.args[0] if node.args else None
            if (
                isinstance(first, ast.Name | ast.Attribute)
                and ast.unparse(first).split(".")[0] in imported
            ):
                problems.append(f"line {node.lineno}: setattr on {ast.unparse(first)}")
    import importlib
    import inspect

    module = importlib.import_module(name)
    for cls in vars(module).values():
        if not inspect.isclass(cls) or cls.__module__ != name:
            continue
        theirs = [b for b in cls.__mro__[1:] if b.__module__.split(".")[0] in OTHER_PACKAGES]
        problems += [
            f"{cls.__name__}.{attr} overrides a private name of {base.__module__}.{base.__name__}"
            for attr, value in vars(cls).items()
            if attr.startswith("_")
            and not attr.startswith("__")
            and name != FENCE
            and (inspect.isfunction(value) or isinstance(value, property))
            for base in theirs
            if attr in vars(base)
        ]
    assert problems == []


def _cjk_words(node: ast.AST) -> int:
    """How many string literals with Chinese characters `node` holds."""
    return sum(
        1
        for leaf in ast.walk(node)
        if isinstance(leaf, ast.Constant)
        and isinstance(leaf.value, str)
        and any("\u4e00" <= ch <= "\u9fff" for ch in leaf.value)
    )


#: Modules whose lists of Chinese words are what the tool shows, not what it reads:
#: the interface's own words, the names of sections and measures, chart titles.
SHOWN_WORDS = {"gaoxin_cli.render.labels", "gaoxin_cli.model.vocabulary", "gaoxin_cli.bars"}
#: Search's synonyms of measures, hedges, scales and units, in both languages.
SEARCH_WORDS = "gaoxin_cli.search.words"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_chinese_word_lists_live_in_the_lexicon(name: str) -> None:
    """A module-level list, set or table of Chinese words is written in lexicon.py only
    (patterns that embed a few words stay beside their code)."""
    if name in {"gaoxin_cli.lexicon", SEARCH_WORDS, *SHOWN_WORDS}:
        return
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    lists = [
        f"line {node.lineno}"
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and isinstance(node.value, ast.Tuple | ast.List | ast.Set | ast.Dict)
        and _cjk_words(node.value) >= 2
    ]
    assert lists == []
