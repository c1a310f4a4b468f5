"""The render package and the environment: writers take the stream they write to."""

from __future__ import annotations

import io
import json

import pytest
from typer.main import get_command

from gaoxin_cli import query, render
from gaoxin_cli.cli.app import app
from gaoxin_cli.cli.common import Environment
from gaoxin_cli.model import FactBook
from gaoxin_cli.source import FactSource, Selection


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "markdown", "table"])
def test_write_goes_to_the_stream_it_is_given(gaoxin, shipped: FactBook, fmt: str) -> None:
    """render.write into a buffer gives what `gaoxin economy --format FMT` prints."""
    buffer = io.StringIO()
    views = [v for v in query.section_view(shipped, "economy") if v.indicators]
    render.write(render.sections(views), fmt, buffer, lang="zh")
    result = gaoxin("economy", "--format", fmt, env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0
    if fmt == "table":  # the buffer is not a terminal: Rich takes its width from COLUMNS too
        assert buffer.getvalue().split() == result.stdout.split()
    else:  # the test runner reads CSV's \r\n line ends as \n
        assert buffer.getvalue().replace("\r\n", "\n") == result.stdout


def test_commands_write_to_the_environment_they_are_handed(monkeypatch) -> None:
    """A run's output goes to the Environment's stdout (the click context's obj), not sys.stdout."""
    monkeypatch.delenv("GAOXIN_FACTS", raising=False)
    out, err = io.StringIO(), io.StringIO()
    command = get_command(app)
    with pytest.raises(SystemExit) as done:
        command.main(
            ["get", "gdp.growth", "--value"], prog_name="gaoxin", obj=Environment(out, err)
        )
    assert done.value.code == 0
    assert out.getvalue() == "7.5\n"
    with pytest.raises(SystemExit) as failed:
        command.main(["get", "nope"], prog_name="gaoxin", obj=Environment(out, err))
    assert failed.value.code == 1
    assert err.getvalue().startswith("gaoxin: no indicator or fact with id 'nope'")


def test_a_library_gets_the_same_facts_with_and_without_the_index(shipped: FactBook) -> None:
    """FactSource answers a selection the same from the index and from the files."""
    for selection in (Selection(ids=("gdp", "patent-applications")), Selection(section="party")):
        cached = FactSource(cache=True).book(selection)
        files = FactSource(cache=False).book(selection)
        wanted = {i.id for i in cached.indicators}
        assert [f for f in files.facts if f.indicator in wanted] == list(cached.facts)


def test_json_records_are_the_contract_of_every_fact(shipped: FactBook) -> None:
    """render.facts written as JSON parses to one record per fact, in order."""
    buffer = io.StringIO()
    render.write(render.facts(shipped.facts), "json", buffer)
    assert [r["id"] for r in json.loads(buffer.getvalue())] == [f.id for f in shipped.facts]
