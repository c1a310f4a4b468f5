"""The render package and the environment: writers take the stream they write to."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.main import get_command

from gaoxin_cli import query, render
from gaoxin_cli.cli.app import app
from gaoxin_cli.cli.common import Environment
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.json_text import dumps_one
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


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(value=JSON_VALUES, ascii_only=st.booleans())
def test_small_json_is_written_as_the_json_package_writes_it(value, ascii_only: bool) -> None:
    """The start-up encoder writes exactly what json.dumps writes, in both encodings."""
    assert dumps_one(value, ascii_only=ascii_only) == json.dumps(
        value, ensure_ascii=ascii_only, allow_nan=False
    )


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), [1, {"x": float("-inf")}]])
def test_small_json_refuses_what_json_refuses(bad) -> None:
    """Values that are no JSON (NaN, infinities) are refused, as json.dumps(allow_nan=False) does."""
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_one(bad)


def test_many_records_are_written_alike(shipped: FactBook) -> None:
    """Above the small-encoder limit the json package writes the same text."""
    from gaoxin_cli.render import json_text
    from gaoxin_cli.render.records import fact_record

    records = [fact_record(f) for f in shipped.facts] * 20
    assert len(records) > json_text.SMALL
    small = json_text.dumps_json(records[: json_text.SMALL])
    big = json_text.dumps_json(records)
    assert big.startswith(small[:-1])
    assert json.loads(big) == records
