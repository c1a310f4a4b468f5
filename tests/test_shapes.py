"""Shapes that agree, help that reads like gh's: the JSON keys of every
command, charts and comparisons in the fact record's shape, compare by fact
id and across datasets that lack a figure, and help without Python types."""

from __future__ import annotations

import json
import os
import re
import subprocess
from typing import Any

import pytest
from rich.cells import cell_len

from conftest import run_module_argv
from gaoxin_cli import query
from gaoxin_cli.bars import charts_of
from gaoxin_cli.cli.commands.chart import CHARTED, complete_chart_sections
from gaoxin_cli.model import SECTIONS, FactBook

FACT_KEYS = [
    "id",
    "dataset",
    "section",
    "heading",
    "indicator",
    "label",
    "measure",
    "value",
    "unit",
    "qualifier",
    "status",
    "normalized",
    "period",
    "area",
    "quote",
    "note",
    "value_en",
    "heading_en",
]


def _json(gaoxin, *args: str) -> Any:
    """The parsed JSON stdout of `gaoxin ARGS --json`, which must succeed quietly."""
    result = gaoxin(*args, "--json")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


# --- the JSON keys of every command ------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["economy"], ["get", "gdp"], ["search", "专利"], ["export"]],
    ids=["sections", "get", "search", "export"],
)
def test_fact_listings_have_the_fact_record_keys(gaoxin, args: list[str]) -> None:
    """Sections, get, search and export write fact records with exactly the contract's keys."""
    records = _json(gaoxin, *args)
    assert records
    for record in records:
        assert list(record) == FACT_KEYS
        assert list(record["label"]) == ["zh", "en"]
        assert list(record["area"]) == ["zh", "en"]


def test_chart_keys(gaoxin) -> None:
    """Chart bars have these keys, a label {zh, en} and derived_from an array."""
    bars = _json(gaoxin, "chart", "economy")
    for bar in bars:
        assert list(bar) == [
            "dataset",
            "section",
            "chart",
            "indicator",
            "id",
            "label",
            "value",
            "unit",
            "qualifier",
            "status",
            "derived_from",
        ]
        assert list(bar["label"]) == ["zh", "en"]
        assert isinstance(bar["derived_from"], list)


def test_compare_keys(gaoxin, two_datasets) -> None:
    """Compared rows have these keys; each dataset's value and the change have theirs."""
    (row, _) = _json(gaoxin, *two_datasets, "compare", "gdp")
    assert list(row) == ["indicator", "key", "measure", "label", "values", "change", "note"]
    assert list(row["label"]) == ["zh", "en"]
    assert list(row["values"]) == ["dalian-2019", "synthetic-2020"]
    assert list(row["values"]["dalian-2019"]) == [
        "id",
        "value",
        "unit",
        "qualifier",
        "status",
        "normalized",
        "period",
        "quote",
    ]
    assert list(row["change"]) == ["value", "unit", "percent", "approximate"]


def test_datasets_keys(gaoxin) -> None:
    """Datasets have these keys, and their source these."""
    (dataset,) = _json(gaoxin, "datasets")
    assert list(dataset) == ["id", "title", "area", "period", "source", "facts", "path"]
    assert list(dataset["source"]) == ["title", "description", "byline", "authors", "file"]


def test_overview_keys(gaoxin) -> None:
    """The overview has these keys; its sections carry a label {zh, en} like facts do."""
    summary = _json(gaoxin)
    assert list(summary) == ["dataset", "overview", "sections", "headlines", "other_datasets"]
    assert summary["sections"][1] == {
        "section": "investment",
        "label": {"zh": "招商双创", "en": "Investment & entrepreneurship"},
        "facts": 26,
    }
    for section in summary["sections"]:
        assert list(section) == ["section", "label", "facts"]
    for record in summary["overview"] + summary["headlines"]:
        assert list(record) == FACT_KEYS


def test_cache_keys(gaoxin, cache) -> None:
    """Cache entries have these keys."""
    assert gaoxin("get", "gdp", "--value").exit_code == 0  # builds an index
    (entry,) = _json(gaoxin, "cache")
    assert list(entry) == ["index", "bytes", "folder", "state"]


# --- one record shape, flat in CSV and TSV ------------------------------------------


def test_chart_json_nests_and_tsv_stays_flat(gaoxin) -> None:
    """A derived bar's JSON has label {zh, en} and derived_from a list; TSV has flat columns."""
    bars = _json(gaoxin, "chart", "economy")
    city = next(b for b in bars if b["indicator"] == "gdp" and b["derived_from"])
    assert city["label"] == {"zh": "全市（推算）", "en": "City (derived)"}
    assert city["derived_from"] == ["gdp.growth", "gdp.vs_city"]
    stated = next(b for b in bars if b["id"] == "gdp.growth")
    assert stated["derived_from"] == []
    result = gaoxin("chart", "economy", "--format", "tsv")
    assert (result.exit_code, result.stderr) == (0, "")
    header, _, derived = result.stdout.splitlines()[:3]
    assert header.split("\t") == [
        "dataset",
        "section",
        "chart",
        "indicator",
        "id",
        "label_zh",
        "label_en",
        "value",
        "unit",
        "qualifier",
        "status",
        "derived_from",
    ]
    assert derived.split("\t")[5:7] == ["全市（推算）", "City (derived)"]
    assert derived.split("\t")[-1] == "gdp.growth gdp.vs_city"


def test_compare_json_nests_and_csv_stays_flat(gaoxin, two_datasets) -> None:
    """A compared row's JSON label is {zh, en}; its CSV has label_zh and label_en columns."""
    (growth, _) = _json(gaoxin, *two_datasets, "compare", "gdp")
    assert growth["label"] == {"zh": "地区生产总值", "en": "Gross regional product"}
    assert "label_zh" not in growth
    result = gaoxin(*two_datasets, "compare", "gdp", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    header, first = result.stdout.splitlines()[:2]
    assert header.split(",")[3:5] == ["label_zh", "label_en"]
    assert first.split(",")[3:5] == ["地区生产总值", "Gross regional product"]


def test_overview_json_is_written_like_every_other_json(gaoxin) -> None:
    """The overview is one object on one line, as each record of other outputs is, not indented."""
    result = gaoxin("--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith('{"dataset": {"id": "dalian-2019", ')
    assert result.stdout == gaoxin("--format", "jsonl").stdout
    listed = gaoxin("economy", "--json").stdout.splitlines()
    assert all(line.startswith(('[{"id": ', ' {"id": ')) for line in listed)


def test_overview_tsv_has_label_columns(gaoxin) -> None:
    """The overview's TSV rows are its JSON sections spread out: section, label_zh, label_en, facts."""
    result = gaoxin("--format", "tsv")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["section", "label_zh", "label_en", "facts"]
    assert lines[2].split("\t") == ["investment", "招商双创", "Investment & entrepreneurship", "26"]


# --- compare: fact ids, missing figures, one dataset -------------------------------


def test_compare_takes_a_fact_id(gaoxin, two_datasets) -> None:
    """`compare gdp.growth` compares that fact alone across both datasets."""
    (row,) = _json(gaoxin, *two_datasets, "compare", "gdp.growth")
    assert (row["indicator"], row["key"]) == ("gdp", "growth")
    assert row["values"]["dalian-2019"]["value"] == 7.5
    assert row["values"]["synthetic-2020"]["value"] == 6.2
    assert row["change"]["value"] == -1.3


def test_compare_mixes_fact_and_indicator_ids_in_the_order_named(gaoxin, two_datasets) -> None:
    """Fact ids give their row, indicator ids every row, in the order the ids were named."""
    rows = _json(gaoxin, *two_datasets, "compare", "fixed-asset-investment.level", "gdp")
    assert [(r["indicator"], r["key"]) for r in rows] == [
        ("fixed-asset-investment", "level"),
        ("gdp", "growth"),
        ("gdp", "vs_city"),
    ]


def test_compare_keeps_the_column_of_a_dataset_that_lacks_the_indicator(
    gaoxin, two_datasets
) -> None:
    """An indicator one dataset lacks keeps that dataset's column, with "—" in the table."""
    (row,) = _json(gaoxin, *two_datasets, "compare", "example-only")
    assert row["values"]["dalian-2019"] is None
    assert row["values"]["synthetic-2020"]["value"] == 12
    table = gaoxin(
        *two_datasets, "compare", "example-only", "--format", "table", env={"COLUMNS": "80"}
    )
    assert (table.exit_code, table.stderr) == (0, "")
    header, _, line = table.stdout.splitlines()[:3]
    assert header.split() == ["指标", "度量", "2019", "2020", "变化"]
    assert line.split() == ["仅见于示例的指标", "数值", "—", "12个"]
    csv = gaoxin(*two_datasets, "compare", "example-only", "--format", "csv")
    assert "dalian-2019,dalian-2019_unit,dalian-2019_qualifier,dalian-2019_status" in csv.stdout


@pytest.mark.parametrize("cached", [True, False], ids=["index", "files"])
def test_compare_with_one_dataset_exits_alike_by_id_and_by_section(gaoxin, cached: bool) -> None:
    """With one dataset, `compare ID` and `compare -s SECTION` both show its column and exit 0."""
    options = [] if cached else ["--no-cache"]
    by_id = gaoxin(*options, "compare", "gdp", "--json")
    by_section = gaoxin(*options, "compare", "-s", "economy", "--json")
    assert (by_id.exit_code, by_id.stderr) == (0, "")
    assert (by_section.exit_code, by_section.stderr) == (0, "")
    assert json.loads(by_id.stdout) == json.loads(by_section.stdout)[:2]
    assert {r["indicator"] for r in json.loads(by_section.stdout)} >= {"gdp", "imports-exports"}


def test_compare_with_one_dataset_chosen_of_two(gaoxin, two_datasets) -> None:
    """`-d` one dataset of two: compare by id and by section both exit 0 with one column."""
    for args in (["compare", "gdp"], ["compare", "-s", "economy"]):
        rows = _json(gaoxin, *two_datasets, "-d", "synthetic-2020", *args)
        assert all(list(r["values"]) == ["synthetic-2020"] for r in rows)


# --- help ----------------------------------------------------------------------------

#: Every command's help, and the main help ("").
HELPS = ["", *SECTIONS.keys() - {"overview"}, "get", "search", "chart", "compare"]
HELPS += ["datasets", "export", "validate", "cache", "help"]


def _help(gaoxin, name: str, width: int) -> str:
    result = gaoxin(*([name] if name else []), "--help", env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def _prose(text: str) -> str:
    """Help text without its boxes, one space between words."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("name", HELPS)
def test_help_shows_no_python_types_and_cuts_no_word(gaoxin, name: str, width: int) -> None:
    """Help has no Python types or bounds, and no word cut off with "…" at 60, 80 or 120 columns."""
    text = _help(gaoxin, name, width)
    for python in ("<list[", "<bool>", "<str>", "<int", "<path>", "{ID}", "x>=", "<table|"):
        assert python not in text, (python, text)
    assert re.search(r"\w…", text) is None, text


@pytest.mark.parametrize("name", HELPS)
def test_help_keeps_every_character_at_every_width(gaoxin, name: str) -> None:
    """At 20 to 160 columns, no help line is wider than the terminal and every character of the
    widest help is there, in order (folds only move words to the next line)."""
    whole = "".join(_prose(_help(gaoxin, name, 400)).split())
    for width in (20, 23, 31, 47, 60, 79, 101, 160):
        text = _help(gaoxin, name, width)
        assert max(cell_len(line) for line in text.splitlines()) <= width, (name, width)
        assert "".join(_prose(text).split()) == whole, (name, width)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_help_keeps_choice_lists_whole(gaoxin, width: int) -> None:
    """Choices are listed in words that wrap between, never inside one."""
    for name, listed in [
        ("economy", "Output format: table, tsv, csv, json, jsonl or markdown."),
        ("economy", "Label language: zh (default) or en."),
        (
            "export",
            "json, jsonl, csv, tsv, markdown, table (at the terminal, not into FILE), sqlite (needs FILE), or datapackage (needs FILE, a folder",
        ),
        ("validate", "text (default) or json:"),
        ("chart", "economy, innovation, services or governance."),
    ]:
        assert listed in _prose(_help(gaoxin, name, width)), (name, width)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_main_help_has_examples_and_names_the_overview(gaoxin, width: int) -> None:
    """`gaoxin --help` says bare `gaoxin` is the overview, and shows examples whole."""
    text = _help(gaoxin, "", width)
    assert "Bare `gaoxin`, with no command, is the overview" in _prose(text)
    examples = text.split("Examples", 1)[1].split("╭", 1)[0]
    lines = [line.split() for line in examples.splitlines() if line.strip()]
    assert [words[0] for words in lines] == ["gaoxin"] * len(lines)
    assert ["gaoxin", "the", "overview"] in lines
    assert ["gaoxin", "help", "get", "how", "to", "use", "a", "command"] in lines


@pytest.mark.parametrize("name", ["get", "chart", "compare", "export", "cache", "economy"])
def test_help_command_is_the_help_option(gaoxin, name: str) -> None:
    """`gaoxin help CMD` writes exactly what `gaoxin CMD --help` writes."""
    env = {"COLUMNS": "80"}
    via_command = gaoxin("help", name, env=env)
    via_option = gaoxin(name, "--help", env=env)
    assert (via_command.exit_code, via_command.stderr) == (0, "")
    assert via_command.stdout == via_option.stdout


def test_bare_help_command_is_the_main_help(gaoxin) -> None:
    """`gaoxin help` alone writes exactly what `gaoxin --help` writes."""
    via_command = gaoxin("help", env={"COLUMNS": "80"})
    assert (via_command.exit_code, via_command.stderr) == (0, "")
    assert via_command.stdout == gaoxin("--help", env={"COLUMNS": "80"}).stdout


def test_help_of_an_unknown_command(gaoxin) -> None:
    """`gaoxin help nope` is a usage error: one line on stderr, exit 2, nothing on stdout."""
    result = gaoxin("help", "nope")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "gaoxin: no command 'nope'; see: gaoxin --help\n"


def test_help_command_in_a_process() -> None:
    """`python -m gaoxin_cli help get` builds the command it names and shows its help."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAOXIN_")}
    result = subprocess.run(
        [*run_module_argv(), "help", "get"],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "80"},
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Usage: gaoxin get [OPTIONS] ID..." in result.stdout


# --- chart offers the sections it can draw ------------------------------------------


def test_chart_sections_are_those_with_something_to_draw(shipped: FactBook) -> None:
    """The sections chart names in its help are those of the shipped facts it can draw."""
    drawable = [s for s in SECTIONS if charts_of(query.section_view(shipped, s))]
    assert list(CHARTED) == drawable


def test_chart_completion_offers_only_drawable_sections(monkeypatch) -> None:
    """Completing chart's section offers economy, innovation, services and governance only."""
    monkeypatch.delenv("GAOXIN_FACTS", raising=False)
    assert complete_chart_sections("") == ["economy", "innovation", "services", "governance"]
    assert complete_chart_sections("i") == ["innovation"]
    assert complete_chart_sections("p") == []


def test_chart_completion_in_the_shell() -> None:
    """Bash completion of `gaoxin chart ` lists the drawable sections, not party or overview."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAOXIN_")}
    env.update(_GAOXIN_COMPLETE="complete_bash", COMP_WORDS="gaoxin chart ", COMP_CWORD="2")
    result = subprocess.run(
        run_module_argv(), capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == ["economy", "innovation", "services", "governance"]


def test_validate_json_is_written_like_every_other_json(gaoxin, tmp_path) -> None:
    """validate --json writes its problems one record a line, as other JSON outputs do."""
    folder = tmp_path / "facts" / "x"
    folder.mkdir(parents=True)
    (folder / "dataset.toml").write_text(
        'id = "x"\nperiod = "2019"\ntitle = { zh = "甲", en = "A" }\n'
        'area = { zh = "甲", en = "A" }\n[source]\ntitle = "t"\nauthors = []\n'
        "bogus = 1\nbogus2 = 2\n",
        encoding="utf-8",
    )
    result = gaoxin("validate", str(tmp_path / "facts"), "--json")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert [line[:9] for line in lines] == ['[{"path":', ' {"path":']
    assert [p["line"] for p in json.loads(result.stdout)] == [8, 9]
    assert result.stderr.endswith("gaoxin: 2 problems found\n")
