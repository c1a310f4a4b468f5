"""Several datasets: listing, choosing, and every command across them."""

from __future__ import annotations

import json
import os

import pytest

from conftest import SYNTHETIC
from gaoxin_cli.factfiles.folders import default_facts_dir

SHIPPED_FACTS = 131
SYNTHETIC_FACTS = 12


@pytest.fixture(params=[[], ["--no-cache"]], ids=["index", "no-cache"])
def cache(request: pytest.FixtureRequest) -> list[str]:
    """Every test here runs with the index and without it."""
    return request.param


def test_datasets_lists_id_title_area_period_and_count(gaoxin, two_datasets, cache) -> None:
    """`datasets --json` lists each dataset's id, title, area, period, fact count and path."""
    result = gaoxin(*two_datasets, *cache, "datasets", "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert [(r["id"], r["period"], r["facts"]) for r in records] == [
        ("dalian-2019", "2019", SHIPPED_FACTS),
        ("synthetic-2020", "2020", SYNTHETIC_FACTS),
    ]
    assert records[0]["title"]["zh"] == "大连高新区2019年经济和社会发展综述"
    assert records[1]["area"] == {"zh": "大连高新区", "en": "Dalian Hi-tech Zone"}
    assert records[1]["path"] == str(SYNTHETIC / "synthetic-2020")


def test_datasets_by_default_is_the_shipped_review(gaoxin, cache) -> None:
    """Without --facts, `datasets` lists only dalian-2019, in TSV under the usual header."""
    result = gaoxin(*cache, "datasets", "--format", "tsv")
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()
    assert header.split("\t") == [
        "id",
        "title_zh",
        "title_en",
        "area_zh",
        "area_en",
        "period",
        "facts",
        "path",
    ]
    assert row.split("\t")[0] == "dalian-2019"
    assert row.split("\t")[6] == str(SHIPPED_FACTS)


def test_section_command_says_which_dataset_each_fact_comes_from(
    gaoxin, two_datasets, cache
) -> None:
    """A section across two datasets tags each fact with its dataset: gdp.growth 7.5 and 6.2."""
    result = gaoxin(*two_datasets, *cache, "economy", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    by_dataset = {r["dataset"] for r in records}
    assert by_dataset == {"dalian-2019", "synthetic-2020"}
    growth = {r["dataset"]: r["value"] for r in records if r["id"] == "gdp.growth"}
    assert growth == {"dalian-2019": 7.5, "synthetic-2020": 6.2}


@pytest.mark.parametrize("how", ["option-before", "option-after", "env"])
def test_dataset_option_and_env_choose_one(gaoxin, two_datasets, cache, how: str) -> None:
    """--dataset/-d (before or after the command) or GAOXIN_DATASET keeps one dataset's facts."""
    if how == "option-before":
        result = gaoxin(*two_datasets, *cache, "--dataset", "synthetic-2020", "economy", "--json")
    elif how == "option-after":
        result = gaoxin(*two_datasets, *cache, "economy", "--json", "-d", "synthetic-2020")
    else:
        result = gaoxin(
            *two_datasets, *cache, "economy", "--json", env={"GAOXIN_DATASET": "synthetic-2020"}
        )
    assert result.exit_code == 0, result.stderr
    assert {r["dataset"] for r in json.loads(result.stdout)} == {"synthetic-2020"}


def test_dataset_option_repeats(gaoxin, two_datasets, cache) -> None:
    """-d given twice exports the facts of both datasets."""
    result = gaoxin(*two_datasets, *cache, "export", "-d", "synthetic-2020", "-d", "dalian-2019")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == SHIPPED_FACTS + SYNTHETIC_FACTS


def test_unknown_dataset_is_a_usage_error_with_a_suggestion(gaoxin, two_datasets, cache) -> None:
    """A misspelt dataset id exits 2 with a did-you-mean hint and a pointer to `gaoxin datasets`."""
    result = gaoxin(*two_datasets, *cache, "-d", "synthetic2020", "get", "gdp")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "gaoxin: no dataset 'synthetic2020'; did you mean 'synthetic-2020'?"
        " (see: gaoxin datasets)\n"
    )


def test_get_finds_an_id_in_every_dataset(gaoxin, two_datasets, cache) -> None:
    """`get` of a fact id finds it in every dataset, in dataset order."""
    result = gaoxin(*two_datasets, *cache, "get", "gdp.growth", "--json")
    assert result.exit_code == 0
    assert [(r["dataset"], r["value"]) for r in json.loads(result.stdout)] == [
        ("dalian-2019", 7.5),
        ("synthetic-2020", 6.2),
    ]


def test_get_value_refuses_an_id_in_two_datasets(gaoxin, two_datasets, cache) -> None:
    """A bare value must be one figure: scripts are told to choose."""
    result = gaoxin(*two_datasets, *cache, "get", "gdp.growth", "--value")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "gaoxin: 'gdp.growth' is in 2 datasets (dalian-2019, synthetic-2020):"
        " choose one with --dataset\n"
    )
    chosen = gaoxin(*two_datasets, *cache, "-d", "synthetic-2020", "get", "gdp.growth", "--value")
    assert (chosen.exit_code, chosen.stdout) == (0, "6.2\n")


def test_get_table_names_each_dataset(gaoxin, two_datasets, cache) -> None:
    """`get` as a table heads each dataset's facts with its id, title and period."""
    result = gaoxin(*two_datasets, *cache, "get", "gdp.growth", "--format", "table")
    assert result.exit_code == 0
    assert "dalian-2019 · 大连高新区2019年经济和社会发展综述 · 2019" in result.stdout
    assert "synthetic-2020 · 合成测试数据：示例区2020年（虚构） · 2020" in result.stdout


def test_search_spans_datasets(gaoxin, two_datasets, cache) -> None:
    """`search` finds matches in both datasets, in JSON and in the table."""
    result = gaoxin(*two_datasets, *cache, "search", "专利申请量", "--json")
    assert result.exit_code == 0
    found = [(r["dataset"], r["id"]) for r in json.loads(result.stdout)]
    assert ("dalian-2019", "patent-applications.level") in found
    assert ("synthetic-2020", "patent-applications.level") in found
    table = gaoxin(*two_datasets, *cache, "search", "专利申请量", "--format", "table")
    assert "synthetic-2020" in table.stdout


def test_facts_env_holds_several_folders(gaoxin, cache) -> None:
    """GAOXIN_FACTS takes several folders joined by the path separator."""
    folders = os.pathsep.join([str(default_facts_dir()), str(SYNTHETIC)])
    result = gaoxin(*cache, "datasets", "--format", "tsv", env={"GAOXIN_FACTS": folders})
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()[1:]] == [
        "dalian-2019",
        "synthetic-2020",
    ]


def test_a_folder_named_twice_is_read_once(gaoxin, cache) -> None:
    """A dataset reached twice (by its folder and by its parent) is loaded once."""
    shipped = str(default_facts_dir())
    result = gaoxin("--facts", shipped, "--facts", shipped + "/dalian-2019", *cache, "export")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == SHIPPED_FACTS


def test_one_dataset_id_in_two_folders_is_a_problem(gaoxin, tmp_path, cache) -> None:
    """The same dataset id in two folders exits 2, naming both dataset.toml lines."""
    import shutil

    twin = tmp_path / "twin"
    shutil.copytree(SYNTHETIC / "synthetic-2020", twin / "synthetic-2020")
    result = gaoxin("--facts", str(SYNTHETIC), "--facts", str(twin), *cache, "economy")
    assert result.exit_code == 2
    assert result.stdout == ""
    first = SYNTHETIC / "synthetic-2020" / "dataset.toml"
    second = twin / "synthetic-2020" / "dataset.toml"
    assert result.stderr == (
        f"{second}:2: duplicate dataset id 'synthetic-2020' (first defined at {first}:2)\n"
    )


def test_validate_takes_several_paths(gaoxin) -> None:
    """`validate` takes several folders and counts the facts and datasets of them all."""
    result = gaoxin("validate", str(default_facts_dir()), str(SYNTHETIC))
    assert result.exit_code == 0
    assert result.stdout == (
        f"ok: {SHIPPED_FACTS + SYNTHETIC_FACTS} facts in 2 datasets, no problems\n"
    )


def test_overview_names_the_other_datasets(gaoxin, two_datasets, cache) -> None:
    """The overview is of the first dataset and names the others; -d picks another."""
    summary = json.loads(gaoxin(*two_datasets, *cache, "--json").stdout)
    assert summary["dataset"]["id"] == "dalian-2019"
    assert summary["other_datasets"] == ["synthetic-2020"]
    assert [f["id"] for f in summary["overview"]] == [
        "industry-direction.text",
        "industrial-layout.text",
        "development-goal.text",
    ]
    table = gaoxin(*two_datasets, *cache, "--format", "table").stdout
    assert "另有：synthetic-2020 (gaoxin datasets)" in table
    assert "一核两城多园" in table
    chosen = json.loads(gaoxin(*two_datasets, *cache, "-d", "synthetic-2020", "--json").stdout)
    assert chosen["dataset"]["id"] == "synthetic-2020"
