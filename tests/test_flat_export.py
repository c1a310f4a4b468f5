"""Flat rows straight from the index (CSV, TSV, the data package of every fact):
the values the files' facts give, checked as they are read, and the CSV
writer's batches writing what it writes row by row."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factgen import datasets, words, write_dataset
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.rows import FLAT_COLUMNS, flat_row, flat_values
from gaoxin_cli.source import FactSource

BIG = """\
section = "economy"
heading = { zh = "经济指标", en = "Economy" }

[[indicator]]
id = "huge"
zh = "巨额"
en = "Huge"

[[indicator.fact]]
measure = "level"
value = 100000000000000
unit = "亿元"
quote = "达到100000000000000亿元"

[[indicator.fact]]
measure = "growth"
value = -3.5
unit = "%"
zh = "自有标签"
note = "=SUM(A1) 一条注"
quote = "增长-3.5%"
"""


def _files_rows(folder: Path, datasets: list[str] | None = None) -> list[list[Any]]:
    book = FactSource([folder], datasets=datasets, cache=False).book()
    return [flat_values(fact) for fact in book.facts]


def _indexed_rows(folder: Path, datasets: list[str] | None = None) -> list[list[Any]]:
    FactSource([folder]).book()  # the index now exists
    return list(FactSource([folder], datasets=datasets).stream().flat_rows())


def test_flat_values_are_the_flat_row_in_the_order_of_its_columns(shipped: FactBook) -> None:
    """A flat row's keys are the flat columns in order, so its values are a CSV row."""
    for fact in shipped.facts:
        assert list(flat_row(fact)) == list(FLAT_COLUMNS), fact.id
        assert flat_values(fact) == [flat_row(fact)[c] for c in FLAT_COLUMNS]


def test_the_index_gives_the_flat_rows_the_files_give(corpus: Path, cache: Path) -> None:
    """Every fact of the shipped review and the synthetic datasets, value for value and typed."""
    want = _files_rows(corpus)
    got = _indexed_rows(corpus)
    assert got == want
    assert [list(map(type, row)) for row in got] == [list(map(type, row)) for row in want]


def test_the_index_gives_the_flat_rows_of_the_datasets_chosen(corpus: Path, cache: Path) -> None:
    """--dataset: only the datasets chosen, in the folder's order."""
    ids = [d.id for d in FactSource([corpus], cache=False).book().datasets]
    chosen = [ids[-1], ids[0]]
    assert _indexed_rows(corpus, chosen) == _files_rows(corpus, chosen)


def test_a_normalized_value_beyond_sqlite_s_integers_comes_back_whole(
    make_dataset, cache: Path, gaoxin
) -> None:
    """10¹⁴ 亿元 is 10²² yuan, more than an SQLite integer holds: stored as digits, read as the int."""
    folder = make_dataset({"economy.toml": BIG})
    rows = _indexed_rows(folder)
    assert rows == _files_rows(folder)
    assert rows[0][FLAT_COLUMNS.index("normalized_value")] == 10**22
    files = gaoxin("--facts", str(folder), "--no-cache", "export", "--format", "csv")
    indexed = gaoxin("--facts", str(folder), "export", "--format", "csv")
    assert (indexed.exit_code, indexed.stderr) == (0, "")
    assert indexed.stdout == files.stdout
    assert "10000000000000000000000" in indexed.stdout
    assert "'=SUM(A1) 一条注" in indexed.stdout


@st.composite
def _dressed(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """A generated dataset whose facts now and then have their own labels and a note."""
    files = draw(datasets())
    for name, data in files.items():
        if name == "dataset.toml":
            continue
        for indicator in data["indicator"]:
            for fact in indicator["fact"]:
                for key in ("zh", "en", "note"):
                    if draw(st.integers(0, 3)) == 0:
                        fact[key] = draw(words)
    return files


@pytest.mark.slow
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(files=_dressed())
def test_any_generated_dataset_s_flat_rows_from_the_index_are_the_files(files) -> None:
    """Whatever a valid dataset holds, the index's flat rows are the files' flat rows."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, files)
        assert _indexed_rows(folder) == _files_rows(folder)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE facts SET value = 1 WHERE rowid = (SELECT min(rowid) FROM facts WHERE dir = ?)",
        "UPDATE facts SET normalized_unit = 'yuan' WHERE rowid = "
        "(SELECT max(rowid) FROM facts WHERE dir = ?)",
        "UPDATE indicators SET zh = '改' WHERE rowid = "
        "(SELECT min(rowid) FROM indicators WHERE dir = ?)",
        "DELETE FROM facts WHERE rowid = (SELECT max(rowid) FROM facts WHERE dir = ?)",
        "UPDATE facts SET seq = 99 WHERE rowid = (SELECT min(rowid) FROM facts WHERE dir = ?)",
    ],
    ids=["value", "normalized-unit", "indicator-label", "deleted", "moved"],
)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_flat_rows_damaged_in_the_index_are_read_from_the_files(
    gaoxin, cache: Path, small_editable: Path, damage: str, fmt: str
) -> None:
    """A changed, deleted or moved row of the second dataset: the export says so
    once and writes the files' rows, byte for byte."""
    folder = str(small_editable)
    want = gaoxin("--facts", folder, "--no-cache", "export", "--format", fmt)
    gaoxin("--facts", folder, "get", "gdp.growth")
    (path,) = cache.glob("*.sqlite3")
    db = sqlite3.connect(path)
    with db:
        (second,) = db.execute("SELECT dir FROM datasets ORDER BY seq LIMIT 1 OFFSET 1").fetchone()
        db.execute(damage, [second])
    db.close()
    got = gaoxin("--facts", folder, "export", "--format", fmt)
    assert (got.exit_code, got.stdout) == (0, want.stdout)
    (warning,) = got.stderr.splitlines()
    assert warning.startswith(f"gaoxin: warning: the index of {folder} was damaged (")


def test_the_data_package_from_the_index_is_the_files_package(
    gaoxin, corpus: Path, cache: Path, tmp_path: Path
) -> None:
    """The data package's CSV and descriptor are the same from the index as from the files."""
    gaoxin("--facts", str(corpus), "--no-cache", "export", "-f", "datapackage", str(tmp_path / "a"))
    gaoxin("--facts", str(corpus), "get", "gdp.growth")
    got = gaoxin("--facts", str(corpus), "export", "-f", "datapackage", str(tmp_path / "b"))
    assert (got.exit_code, got.stdout, got.stderr) == (0, "", "")
    for name in ("facts.csv", "datapackage.json"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()


def test_limit_takes_the_first_flat_rows(gaoxin, corpus: Path) -> None:
    """--limit N with CSV: the header and the first N rows of the whole export."""
    whole = gaoxin("--facts", str(corpus), "export", "--format", "csv")
    first = gaoxin("--facts", str(corpus), "export", "--format", "csv", "--limit", "4")
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.stdout.splitlines() == whole.stdout.splitlines()[:5]


_cells = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["=1+1", "-3", "+x", "@a", "a b", " =x", "\t", "x\u2028y", "好"]),
    st.none(),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
)


@settings(max_examples=150)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(_cells, min_size=n, max_size=n))))
def test_csv_batches_write_what_each_row_would(rows: list[list[Any]]) -> None:
    """Rows given as lists or as mappings, clean or not, many or few: each is
    written as the cell rule alone writes it (text cleaned and guarded, None empty)."""
    from gaoxin_cli.render import delimited
    from gaoxin_cli.render.delimited import _guarded, write_csv
    from gaoxin_cli.render.safe import clean

    columns = [f"c{n}" for n in range(len(rows[0]) if rows else 1)]
    want = io.StringIO()
    writer = csv.writer(want, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_guarded(clean(c)) if isinstance(c, str) else c for c in row])
    as_mappings = [dict(zip(columns, row, strict=True)) for row in rows]
    for given_rows in (rows, as_mappings):
        for batch in (1, 3, delimited._BATCH):
            got = io.StringIO()
            old, delimited._BATCH = delimited._BATCH, batch
            try:
                write_csv(given_rows, columns, got)
            finally:
                delimited._BATCH = old
            assert got.getvalue() == want.getvalue()


def test_two_folders_export_from_their_indexes_as_from_their_files(
    gaoxin, two_datasets: list[str], cache: Path
) -> None:
    """--facts twice: each folder's rows from its own index, in the order of the folders."""
    files = gaoxin(*two_datasets, "--no-cache", "export", "--format", "csv")
    gaoxin(*two_datasets, "get", "gdp.growth")
    indexed = gaoxin(*two_datasets, "export", "--format", "csv")
    assert (indexed.exit_code, indexed.stderr) == (0, "")
    assert indexed.stdout == files.stdout
    assert len({line.split(",")[1] for line in indexed.stdout.splitlines()[1:]}) == 2
