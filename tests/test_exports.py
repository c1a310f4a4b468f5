"""export to files: SQLite with types, CSV/JSON to FILE, Markdown that stays text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SECTION_TOML
from factgen import facts as generated_facts
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.rows import flat_row
from test_cli import FLAT_COLUMNS


def test_sqlite_export_has_datasets_and_typed_facts(gaoxin, two_datasets, tmp_path: Path) -> None:
    """SQLite has a datasets table and a facts table of typed values, keyed by (dataset, id)."""
    target = tmp_path / "facts.db"
    result = gaoxin(*two_datasets, "export", "--format", "sqlite", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    db = sqlite3.connect(target)
    assert db.execute("SELECT id, period, facts FROM datasets ORDER BY id").fetchall() == [
        ("dalian-2019", "2019", 131),
        ("synthetic-2020", "2020", 12),
    ]
    columns = [row[1] for row in db.execute("PRAGMA table_info(facts)")]
    assert columns == FLAT_COLUMNS
    row = db.execute(
        "SELECT value, typeof(value), unit, normalized_value, typeof(normalized_value)"
        " FROM facts WHERE dataset = 'dalian-2019' AND id = 'fixed-asset-investment.level'"
    ).fetchone()
    assert row == (85, "integer", "亿元", 8500000000, "integer")
    growth = db.execute(
        "SELECT value, typeof(value) FROM facts WHERE id = 'gdp.growth' ORDER BY dataset"
    ).fetchall()
    assert growth == [(7.5, "real"), (6.2, "real")]
    statuses = db.execute(
        "SELECT dataset, id, qualifier, status FROM facts WHERE status IS NOT NULL"
    ).fetchall()
    assert statuses == [
        ("dalian-2019", "gdp.growth", None, "estimated"),
        ("dalian-2019", "gdp.vs_city", None, "estimated"),
    ]
    text = db.execute(
        "SELECT typeof(value), normalized_value FROM facts WHERE measure = 'text' LIMIT 1"
    ).fetchone()
    assert text == ("text", None)
    (authors,) = db.execute("SELECT authors FROM datasets WHERE id = 'dalian-2019'").fetchone()
    assert json.loads(authors) == ["杨文书", "李益华", "杨丽娟"]
    with pytest.raises(sqlite3.IntegrityError):  # (dataset, id) is the key
        db.execute(
            "INSERT INTO facts(id, dataset, measure, quote) VALUES ('gdp.growth', 'dalian-2019', 'x', 'y')"
        )


def test_sqlite_rows_equal_the_csv_rows(gaoxin, shipped: FactBook, tmp_path: Path) -> None:
    """SQLite's fact rows are the flat rows of CSV, column for column."""
    target = tmp_path / "facts.db"
    assert gaoxin("export", "-f", "sqlite", str(target)).exit_code == 0
    db = sqlite3.connect(target)
    rows = db.execute(f"SELECT {', '.join(FLAT_COLUMNS)} FROM facts").fetchall()  # noqa: S608
    expected = [tuple(flat_row(f)[c] for c in FLAT_COLUMNS) for f in shipped.facts]
    assert rows == expected


@pytest.mark.parametrize("fmt", ["sqlite", "json", "csv"])
def test_export_never_overwrites_without_force(gaoxin, tmp_path: Path, fmt: str) -> None:
    """An existing file is kept (exit 2) unless --force, which leaves no temporary file."""
    target = tmp_path / "out"
    target.write_text("precious", encoding="utf-8")
    result = gaoxin("export", "-f", fmt, str(target))
    assert result.exit_code == 2
    assert result.stderr == f"gaoxin: {target} exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "precious"
    assert gaoxin("export", "-f", fmt, str(target), "--force").exit_code == 0
    assert target.read_bytes() != b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file left


def test_sqlite_needs_a_file(gaoxin) -> None:
    """`export --format sqlite` without a FILE is a usage error."""
    result = gaoxin("export", "--format", "sqlite")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "gaoxin export --format sqlite FILE" in result.stderr


def test_bom_is_for_csv_and_tsv_only(gaoxin, tmp_path: Path) -> None:
    """--bom with sqlite is a usage error: it goes with csv or tsv only."""
    result = gaoxin("export", "-f", "sqlite", "--bom", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert result.stderr == "gaoxin: --bom goes with --format csv or tsv, not sqlite\n"


@pytest.mark.parametrize(("fmt", "bom"), [("csv", True), ("json", False), ("markdown", False)])
def test_export_to_file_equals_stdout(gaoxin, tmp_path: Path, fmt: str, bom: bool) -> None:
    """Export to a file writes the same bytes as stdout (with a BOM for --bom csv)."""
    target = tmp_path / f"facts.{fmt}"
    extra = ["--bom"] if bom else []
    to_file = gaoxin("export", "-f", fmt, *extra, str(target))
    assert (to_file.exit_code, to_file.stdout, to_file.stderr) == (0, "", "")
    to_stdout = gaoxin("export", "-f", fmt, *extra)
    assert target.read_bytes() == to_stdout.stdout_bytes
    if bom:
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_unwritable_file_is_one_line(gaoxin, tmp_path: Path) -> None:
    """A file in a missing folder is a one-line error (exit 2), no traceback."""
    result = gaoxin("export", "-f", "sqlite", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_markdown_listing(gaoxin) -> None:
    """Markdown lists a section's facts and the datasets as tables, Facts right-aligned."""
    result = gaoxin("party", "--format", "markdown", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "| ID | Indicator | Measure | Figure | Quote |"
    assert lines[1] == "| --- | --- | --- | --- | --- |"
    assert lines[2].startswith("| problems-rectified.level | ")
    datasets = gaoxin("datasets", "--format", "markdown", "--lang", "en").stdout.splitlines()
    assert datasets[0] == "| ID | Title | Area | Period | Facts |"
    assert datasets[1] == "| --- | --- | --- | --- | ---: |"
    assert datasets[2].startswith("| dalian-2019 | Dalian Hi-tech Zone 2019 ")


def test_markdown_text_stays_text(gaoxin, make_dataset) -> None:
    """Markup and table syntax in a label are escaped; bidi controls removed."""
    hostile = SECTION_TOML.replace(
        'zh = "固定资产投资"', 'zh = "投资|*粗*[链接](http://x)<b>\\u202e[31m"'
    )
    folder = make_dataset({"economy.toml": hostile})
    result = gaoxin("--facts", str(folder), "economy", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    row = result.stdout.splitlines()[2]
    assert "投资\\|\\*粗\\*\\[链接\\](http\\://x)\\<b\\>\\[31m" in row
    assert "\u202e" not in result.stdout
    assert row.count(" | ") == 4  # five cells, no more


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("f.csv", b"id,dataset,"),
        ("f.tsv", b"id\tdataset\t"),
        ("f.json", b"[{"),
        ("f.jsonl", b'{"id"'),
        ("f.md", b"| ID |"),
        ("f.db", b"SQLite format 3\x00"),
    ],
)
def test_export_format_follows_the_file_suffix(
    gaoxin, tmp_path: Path, name: str, starts: bytes
) -> None:
    """Without --format, the file suffix chooses it: csv, tsv, json, jsonl, md or db."""
    target = tmp_path / name
    result = gaoxin("export", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes().startswith(starts)


def test_missing_folder_is_named(gaoxin, tmp_path: Path) -> None:
    """Exporting into a missing folder exits 2, naming the file and the folder."""
    target = tmp_path / "missing" / "x.csv"
    result = gaoxin("export", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"gaoxin: cannot write {target}: no folder {target.parent}\n"


def test_one_rule_for_text_machine_formats_verbatim_people_formats_neutralised(
    gaoxin, make_dataset, tmp_path
) -> None:
    """A quote with a formula start, a link, a mention, a zero-width space and a line separator:
    JSON and the data package keep it verbatim; CSV and TSV guard the formula; Markdown shows
    the link and mention as text; every format for people drops the zero-width space."""
    import csv as csv_module

    quote = "=固定资产投资完成85亿元\u200b，见https://x.cn @区 #1\u2028"
    text = SECTION_TOML.replace('quote = "固定资产投资完成85亿元"', f'quote = "{quote}"', 1)
    text = text.replace('quote = "固定资产投资完成85亿元,增长18.3%"', 'quote = "增长18.3%"')
    folder = make_dataset({"economy.toml": text})
    facts = ["--facts", str(folder)]
    records = json.loads(gaoxin(*facts, "export", "--json").stdout)
    assert records[0]["quote"] == quote
    package = tmp_path / "pkg"
    assert gaoxin(*facts, "export", "--format", "datapackage", str(package)).exit_code == 0
    with (package / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv_module.DictReader(handle))
    assert rows[0]["quote"] == quote
    for fmt in ("csv", "tsv"):
        out = gaoxin(*facts, "export", "--format", fmt, "--fields", "quote", "--no-headers").stdout
        assert out.splitlines()[0].strip('"').startswith("'=固定资产投资完成85亿元，见"), fmt
        assert "\u200b" not in out
        assert "\u2028" not in out
    markdown = gaoxin(*facts, "export", "--format", "markdown", "--fields", "quote").stdout
    assert "https\\://x.cn \\@区 \\#1" in markdown
    assert "\u200b" not in markdown


@given(fields=generated_facts(), label=st.text(max_size=8), en=st.text(max_size=8))
def test_a_flat_row_is_the_record_spread_out(fields: dict, label: str, en: str) -> None:
    """`flat_row`, made directly for speed, equals the fact's JSON record spread
    into the flat columns, for generated facts of every shape."""
    from gaoxin_cli.model import Label, make_fact
    from gaoxin_cli.render.records import fact_record
    from gaoxin_cli.render.rows import flat

    fact = make_fact(
        fields,
        indicator="some-indicator",
        label=Label(label, en),
        dataset="some-dataset",
        section="economy",
        heading=Label(en, label),
        period="2019",
        area=Label(label, en),
        location=None,
    )
    assert flat_row(fact) == flat(fact_record(fact), FLAT_COLUMNS)


def test_every_shipped_fact_s_flat_row_is_its_record_spread_out(shipped: FactBook) -> None:
    """For the shipped facts too (text values, fractions, notes, own labels)."""
    from gaoxin_cli.render.records import fact_record
    from gaoxin_cli.render.rows import flat

    for fact in shipped.facts:
        assert flat_row(fact) == flat(fact_record(fact), FLAT_COLUMNS), fact.id
