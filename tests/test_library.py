"""`import gaoxin_cli` as a library: the README's examples, its answers equal to the
commands', no Typer or Rich, nothing printed, immutable models."""

from __future__ import annotations

import doctest
import json
import re
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import gaoxin_cli
from conftest import REPO, SOURCE
from gaoxin_cli.errors import GaoxinWarning, NotFoundError, UsageError

README = (REPO / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    section = README.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```pycon\n(.*?)```", section, re.DOTALL)


def test_the_readmes_python_examples_run_as_written() -> None:
    """Every `>>>` line of the README's "Use from Python" gives the output shown."""
    blocks = _python_blocks()
    assert len(blocks) >= 3
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    names: dict[str, object] = {}
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, names, f"README-python-{number}", "README.md", 0)
        runner.run(test, clear_globs=False)
        names = test.globs
    result = runner.summarize(verbose=False)
    assert result.attempted > 15
    assert result.failed == 0


def test_the_library_imports_neither_typer_nor_rich_and_prints_nothing() -> None:
    """A plain `python -c` uses the whole API without Typer, Rich or Click loaded, and prints nothing."""
    code = (
        "import sys, gaoxin_cli\n"
        "book = gaoxin_cli.load(cache=False)\n"
        "book.get('gdp.growth'); book.search('专利'); book.filter(measure='growth')\n"
        "book.records(); gaoxin_cli.validate_facts(source=True)\n"
        f"gaoxin_cli.draft_facts(open({str(SOURCE)!r}, encoding='utf-8').read()).records()\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_records_equal_the_json_export(gaoxin) -> None:
    """`book.records()` is the JSON export, record for record."""
    exported = json.loads(gaoxin("export", "--format", "json").stdout)
    assert gaoxin_cli.load().records() == exported


def test_search_and_filter_answer_as_the_commands(gaoxin) -> None:
    """`book.search` and `book.filter` give the facts `gaoxin search` and a section listing give."""
    book = gaoxin_cli.load()
    found = json.loads(gaoxin("search", "专利", "-m", "level", "--json").stdout)
    assert [f.id for f in book.search("专利", measure="level")] == [r["id"] for r in found]
    listed = json.loads(gaoxin("economy", "-m", "growth", "-q", "none", "--json").stdout)
    chosen = book.filter(section="economy", measure="growth", qualifier="none")
    assert [f.id for f in chosen] == [r["id"] for r in listed]
    for status in ("estimated", "none", "any"):
        listed = json.loads(gaoxin("export", "--status", status, "--json").stdout)
        assert [f.id for f in book.filter(status=status)] == [r["id"] for r in listed]
    searched = json.loads(gaoxin("search", "地区生产总值", "--status", "none", "--json").stdout)
    assert [f.id for f in book.search("地区生产总值", status="none")] == [r["id"] for r in searched]


def test_filter_and_search_take_statuses() -> None:
    """`status=` takes one status or several, `any` and `none`; records carry `status`."""
    book = gaoxin_cli.load()
    estimates = ["gdp.growth", "gdp.vs_city"]
    assert [f.id for f in book.filter(status="estimated")] == estimates
    assert [f.id for f in book.filter(status=["estimated", "preliminary"])] == estimates
    assert [f.id for f in book.filter(status="any")] == estimates
    assert book.filter(status="preliminary") == []
    assert len(book.filter(status="none")) == len(book.facts) - 2
    assert [f.id for f in book.search("预计")][:2] == estimates
    assert [f.id for f in book.search("gdp", status="none")] == []
    (record,) = book.records([book.get("gdp.growth")])
    assert (record["qualifier"], record["status"]) == (None, "estimated")


def test_unknown_ids_and_values_raise_without_naming_a_command() -> None:
    """Errors are the package's exceptions, and their messages name no `gaoxin` command."""
    book = gaoxin_cli.load()
    with pytest.raises(NotFoundError) as missing:
        book.get("zzzz")
    assert str(missing.value) == "no indicator or fact with id 'zzzz'"
    with pytest.raises(UsageError) as measure:
        book.filter(measure="speed")
    assert str(measure.value).startswith("unknown measure 'speed'; one of: level, ")
    with pytest.raises(UsageError) as qualifier:
        book.filter(qualifier="estimated")
    assert str(qualifier.value) == (
        "unknown qualifier 'estimated'; one of: over, nearly, about, at_least, at_most, any,"
        " none (estimated is a status: status='estimated')"
    )
    with pytest.raises(UsageError) as status:
        book.search("gdp", status="final")
    assert str(status.value) == (
        "unknown status 'final'; one of: estimated, preliminary, any, none"
    )
    with pytest.raises(UsageError) as dataset:
        gaoxin_cli.load(datasets=["dalian-2091"])
    assert "gaoxin" not in str(dataset.value)


def test_models_are_immutable() -> None:
    """Assigning or deleting a field of a fact, indicator or dataset raises."""
    book = gaoxin_cli.load()
    fact = book.get("gdp.growth")
    for record, name in ((fact, "value"), (book.datasets[0], "period"), (book, "datasets")):
        with pytest.raises(AttributeError):
            setattr(record, name, 999)
        with pytest.raises(AttributeError):
            delattr(record, name)
    assert fact._replace(value=8).value == 8
    assert fact.value == 7.5


def test_a_damaged_index_is_a_warning_not_a_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged index is rebuilt and said through `warnings`, never on stderr."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gaoxin_cli.load()
    (index,) = (tmp_path / "gaoxin").glob("*.sqlite3")
    with sqlite3.connect(index) as db:  # the facts table's first page mangled, the rest intact
        (size,) = db.execute("PRAGMA page_size").fetchone()
        (page,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'facts'").fetchone()
    db.close()
    data = bytearray(index.read_bytes())
    data[(page - 1) * size : (page - 1) * size + 8] = b"\xff" * 8
    index.write_bytes(bytes(data))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = gaoxin_cli.load()
    assert book.get("gdp.growth").value == 7.5
    assert capsys.readouterr() == ("", "")
    assert [w.category for w in caught] == [GaoxinWarning]
    assert "built it anew from the files" in str(caught[0].message)
