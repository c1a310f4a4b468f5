"""export streams: facts are read, checked and written a dataset at a time,
and the text is the very text of the whole answer written at once."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaoxin_cli import render
from gaoxin_cli.source import FactSource

FORMATS = ("json", "jsonl", "csv", "tsv", "markdown")


def _written(view: render.View, fmt: str, lang: str = "zh") -> str:
    out = io.StringIO()
    render.write(view, fmt, out, lang=lang)
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("fields", [None, ("id", "value", "normalized", "label")])
def test_a_stream_writes_the_text_of_the_whole_answer(corpus: Path, fmt: str, fields) -> None:
    """Every format of a streamed export is the text of the same facts written at once."""
    facts = FactSource([corpus], cache=False).book().facts
    whole = render.facts(facts) if fields is None else render.fact_list(facts, fields)
    streamed = render.fact_stream(iter(facts), fields)
    assert _written(streamed, fmt) == _written(whole, fmt)


@settings(max_examples=40)
@given(
    st.sampled_from(FORMATS),
    st.integers(min_value=0, max_value=5),
    st.sampled_from(["zh", "en"]),
)
def test_any_prefix_of_the_facts_streams_as_it_is_written_whole(
    shipped, fmt: str, count: int, lang: str
) -> None:
    """None, one or a few facts (one dataset or several) stream as the whole answer writes them."""
    facts = shipped.facts[:count]
    assert _written(render.fact_stream(iter(facts)), fmt, lang) == _written(
        render.facts(facts), fmt, lang
    )


def test_fact_source_stream_gives_each_dataset_whole_in_order(corpus: Path, cache: Path) -> None:
    """`FactSource.stream()` from the index gives the files' datasets, in order, each whole."""
    files = FactSource([corpus], cache=False).book()
    FactSource([corpus]).book()  # the index now exists
    stream = FactSource([corpus]).stream()
    assert [d.id for d in stream.datasets] == [d.id for d in files.datasets]
    assert list(stream) == list(files.datasets)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_export_with_and_without_the_index_is_the_same(
    gaoxin, corpus: Path, cache: Path, fmt: str
) -> None:
    """An export streamed from the index is byte for byte the export read from the files."""
    files = gaoxin("--facts", str(corpus), "--no-cache", "export", "--format", fmt)
    gaoxin("--facts", str(corpus), "get", "gdp.growth")
    indexed = gaoxin("--facts", str(corpus), "export", "--format", fmt)
    assert (indexed.exit_code, indexed.stderr) == (0, "")
    assert indexed.stdout == files.stdout


def test_a_dataset_damaged_in_the_index_is_read_from_the_files(
    gaoxin, cache: Path, small_editable: Path, tmp_path: Path
) -> None:
    """A row of the second dataset changed in the index: the export says so once and
    writes the files' facts; datasets already given out were each checked whole."""
    want = gaoxin("--facts", str(small_editable), "--no-cache", "export", "--format", "jsonl")
    gaoxin("--facts", str(small_editable), "get", "gdp.growth")
    (path,) = cache.glob("*.sqlite3")
    db = sqlite3.connect(path)
    with db:
        (second,) = db.execute("SELECT dir FROM datasets ORDER BY seq LIMIT 1 OFFSET 1").fetchone()
        db.execute(
            "UPDATE facts SET value = 1 WHERE rowid = (SELECT min(rowid) FROM facts WHERE dir = ?)",
            [second],
        )
    db.close()
    got = gaoxin("--facts", str(small_editable), "export", "--format", "jsonl")
    assert (got.exit_code, got.stdout) == (0, want.stdout)
    (warning,) = got.stderr.splitlines()
    assert warning.startswith(f"gaoxin: warning: the index of {small_editable} was damaged (")
    target = tmp_path / "facts.jsonl"
    again = gaoxin("--facts", str(small_editable), "export", str(target))
    assert (again.exit_code, again.stderr) == (0, "")
    assert target.read_text(encoding="utf-8") == want.stdout


def test_limit_stops_reading(gaoxin, corpus: Path) -> None:
    """--limit N writes the first N facts, as the whole answer's first N."""
    whole = gaoxin("--facts", str(corpus), "export", "--format", "jsonl")
    first = gaoxin("--facts", str(corpus), "export", "--format", "jsonl", "--limit", "3")
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.stdout.splitlines() == whole.stdout.splitlines()[:3]


@given(st.lists(st.one_of(st.text(), st.none(), st.integers(), st.floats(allow_nan=False))))
def test_a_csv_cell_is_cleaned_and_guarded_whatever_path_it_takes(cells: list) -> None:
    """Text with nothing to clean or guard is written as it is; any other text is
    cleaned and guarded; None is empty; numbers are written as Python writes them."""
    import csv

    from gaoxin_cli.render.delimited import _guarded, write_csv
    from gaoxin_cli.render.safe import clean

    columns = [f"c{n}" for n in range(len(cells))]
    got = io.StringIO()
    write_csv([dict(zip(columns, cells, strict=True))], columns, got, header=False)
    want = io.StringIO()
    expected = [
        "" if c is None else _guarded(clean(c)) if isinstance(c, str) else repr(c) for c in cells
    ]
    csv.writer(want, lineterminator="\r\n").writerow(expected)
    assert got.getvalue() == want.getvalue()
