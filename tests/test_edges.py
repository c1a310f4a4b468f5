"""Edge cases of the newer views: odd figures, odd datasets, odd files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import SYNTHETIC

ECONOMY = """\
section = "economy"
heading = {{ zh = "经济", en = "Economy" }}

[[indicator]]
id = "x"
zh = "某指标"
en = "An indicator"
{facts}
"""


def fact(
    measure: str, value: object, unit: str | None, quote: str, qualifier: str = "", status: str = ""
) -> str:
    lines = [
        "",
        "[[indicator.fact]]",
        f'measure = "{measure}"',
        f"value = {json.dumps(value)}",
    ]
    if unit:
        lines.append(f'unit = "{unit}"')
    if qualifier:
        lines.append(f'qualifier = "{qualifier}"')
    if status:
        lines.append(f'status = "{status}"')
    lines.append(f"quote = {json.dumps(quote)}")  # \uXXXX escapes: TOML reads them too
    return "\n".join(lines) + "\n"


def two_periods(tmp_path: Path, first: str, second: str, **meta: str) -> list[str]:
    """Two datasets (2019, 2020) with one indicator `x` each; returns --facts options."""
    for period, facts in (("2019", first), ("2020", second)):
        folder = tmp_path / "facts" / f"d{period}"
        shutil.copytree(SYNTHETIC / "synthetic-2020", folder)
        for name in ("economy.toml", "innovation.toml"):
            (folder / name).unlink()
        dataset = (folder / "dataset.toml").read_text(encoding="utf-8")
        dataset = dataset.replace('id = "synthetic-2020"', f'id = "d{period}"')
        dataset = dataset.replace('period = "2020"', f'period = "{meta.get("period", period)}"')
        (folder / "dataset.toml").write_text(dataset, encoding="utf-8")
        (folder / "economy.toml").write_text(ECONOMY.format(facts=facts), encoding="utf-8")
    return ["--facts", str(tmp_path / "facts")]


def test_relative_change_from_a_negative_figure(gaoxin, tmp_path: Path) -> None:
    """-10 → 5 is +15, +150 % (relative to the size of the first figure)."""
    facts = two_periods(
        tmp_path,
        fact("increase", -10, "家", "减少-10家"),
        fact("increase", 5, "家", "增加5家"),
    )
    assert gaoxin(*facts, "validate").exit_code == 0
    (row,) = json.loads(gaoxin(*facts, "compare", "x", "--json").stdout)
    assert row["change"] == {
        "value": 15,
        "unit": "organizations",
        "percent": 150,
        "approximate": False,
    }


def test_words_and_a_number_say_why_there_is_no_change(gaoxin, tmp_path: Path) -> None:
    """Words against a number (位于全市前列 vs 3名): no change, a note saying why."""
    facts = two_periods(
        tmp_path,
        fact("rank", "位于全市前列", None, "位于全市前列"),
        fact("rank", 3, "名", "排名第3名"),
    )
    (row,) = json.loads(gaoxin(*facts, "compare", "x", "--json").stdout)
    assert row["change"] is None
    assert row["note"] == {"zh": "文字与数字不可比", "en": "words and a number: not comparable"}


def test_same_period_falls_back_to_ids_and_change_heading_stays_whole(
    gaoxin, tmp_path: Path
) -> None:
    """Datasets of one period are headed by their ids, and the Change heading stays unbroken."""
    facts = two_periods(
        tmp_path,
        fact("growth", 1, "%", "增长1%"),
        fact("growth", 2, "%", "增长2%"),
        period="2020",
    )
    result = gaoxin(
        *facts, "compare", "x", "--lang", "en", "--format", "table", env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header == ["Indicator", "Measure", "d2019", "d2020", "Change"]


def test_all_zero_growth_charts_without_error(gaoxin, tmp_path: Path) -> None:
    """Growth of 0 % in every dataset charts without error and shows 0%."""
    facts = two_periods(
        tmp_path, fact("growth", 0, "%", "增长0%"), fact("growth", 0, "%", "增长0%")
    )
    result = gaoxin(*facts, "chart", "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert "0%" in result.stdout


def test_a_huge_rate_charts_quickly(gaoxin, tmp_path: Path) -> None:
    """A step found from the span's magnitude: no tick-by-tick walk to 3 billion."""
    facts = two_periods(
        tmp_path,
        fact("growth", 300000000, "%", "增长300000000%"),
        fact("growth", -5, "%", "增长-5%"),
    )
    result = gaoxin(*facts, "chart", "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert "300000000%" in result.stdout


def test_derived_rate_keeps_the_estimate_and_the_bound(gaoxin, tmp_path: Path) -> None:
    """预计 6.2 % growth, over 0.5 points above the city: the city's is 预计 <5.7 % (est. in en)."""
    facts = two_periods(
        tmp_path,
        fact("growth", 6.2, "%", "预计增长6.2%", status="estimated")
        + fact("vs_city", 0.5, "个百分点", "高于全市0.5个百分点以上", "over"),
        fact("growth", 1, "%", "增长1%"),
    )
    rows = json.loads(gaoxin(*facts, "-d", "d2019", "chart", "--json").stdout)
    city = next(r for r in rows if r["derived_from"])
    assert (city["value"], city["qualifier"], city["status"]) == (5.7, "under", "estimated")
    table = gaoxin(*facts, "-d", "d2019", "chart", "--format", "table", env={"COLUMNS": "80"})
    assert "预计 <5.7%" in table.stdout
    english = gaoxin(
        *facts, "-d", "d2019", "chart", "-f", "table", "-l", "en", env={"COLUMNS": "80"}
    )
    assert "est. <5.7%" in english.stdout


def test_a_preliminary_figure_makes_the_derived_rate_preliminary(gaoxin, tmp_path: Path) -> None:
    """初步核算 growth of 6.2 %, 0.5 points above the city: the city's is 初步 5.7 %."""
    facts = two_periods(
        tmp_path,
        fact("growth", 6.2, "%", "初步核算，增长6.2%", status="preliminary")
        + fact("vs_city", 0.5, "个百分点", "高于全市0.5个百分点"),
        fact("growth", 1, "%", "增长1%"),
    )
    rows = json.loads(gaoxin(*facts, "-d", "d2019", "chart", "--json").stdout)
    city = next(r for r in rows if r["derived_from"])
    assert (city["value"], city["qualifier"], city["status"]) == (5.7, None, "preliminary")
    table = gaoxin(*facts, "-d", "d2019", "chart", "--format", "table", env={"COLUMNS": "80"})
    assert "初步 5.7%" in table.stdout


@pytest.mark.parametrize(
    ("lang", "figure"), [("zh", "预计 ~4.5%"), ("en", "est. ~4.5%")], ids=["zh", "en"]
)
def test_an_estimate_with_a_bound_shows_both_marks(
    gaoxin, tmp_path: Path, lang: str, figure: str
) -> None:
    """预计…增长4.5%左右 is estimated and about: tables, search and get show both marks."""
    facts = two_periods(
        tmp_path,
        fact("growth", 4.5, "%", "预计增长4.5%左右", "about", "estimated"),
        fact("growth", 1, "%", "增长1%"),
    )
    for command in (["economy"], ["search", "4.5"], ["get", "x.growth"]):
        result = gaoxin(
            *facts, "-d", "d2019", *command, "-f", "table", "-l", lang, env={"COLUMNS": "80"}
        )
        assert (result.exit_code, result.stderr) == (0, ""), command
        assert figure in result.stdout, command
    markdown = gaoxin(*facts, "-d", "d2019", "economy", "-f", "markdown", "-l", lang)
    escaped = figure.replace("~", "\\~")  # Markdown would strike through ~…~
    assert f"| {escaped} |" in markdown.stdout


def test_compare_names_the_section_an_indicator_is_in(gaoxin, two_datasets) -> None:
    """An indicator outside --section exits 1 with a message naming the section it is in."""
    result = gaoxin(*two_datasets, "compare", "gdp", "-s", "innovation")
    assert result.exit_code == 1
    assert result.stderr == "gaoxin: 'gdp' is not in section 'innovation' (it is in: economy)\n"


def test_bare_values_carry_no_control_characters(gaoxin, tmp_path: Path) -> None:
    """`get --value` prints text with its bidi controls removed (control characters
    are problems in fact files, so none gets this far)."""
    facts = two_periods(
        tmp_path,
        fact("text", "好]0;pwned\u202e字\u2066[31m", None, "好]0;pwned\u202e字\u2066[31m"),
        fact("growth", 1, "%", "增长1%"),
    )
    result = gaoxin(*facts, "-d", "d2019", "get", "x.text", "--value")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "好]0;pwned字[31m\n"


def test_sqlite_takes_amounts_beyond_64_bits(gaoxin, tmp_path: Path) -> None:
    """An amount past 64 bits (90000000 万亿元) exports to SQLite; a missing byline is NULL."""
    facts = two_periods(
        tmp_path,
        fact("level", 90000000, "万亿元", "总额90000000万亿元"),
        fact("level", 1, "万亿元", "总额1万亿元"),
    )
    target = tmp_path / "big.db"
    result = gaoxin(*facts, "export", str(target))
    assert (result.exit_code, result.stderr) == (0, "")
    db = sqlite3.connect(target)
    values = db.execute("SELECT normalized_value FROM facts ORDER BY dataset").fetchall()
    assert values == [(9e19,), (10**12,)]
    assert db.execute("SELECT source_byline FROM datasets LIMIT 1").fetchone() == (None,)


def test_exported_files_get_the_usual_permissions(gaoxin, tmp_path: Path) -> None:
    """New export files get 0644 under umask 022; --force keeps a replaced file's mode."""
    old = os.umask(0o022)
    try:
        for name in ("a.csv", "a.db"):
            assert gaoxin("export", str(tmp_path / name)).exit_code == 0
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
        (tmp_path / "a.csv").chmod(0o640)
        assert gaoxin("export", str(tmp_path / "a.csv"), "--force").exit_code == 0
        assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o640
    finally:
        os.umask(old)


@pytest.mark.parametrize("width", [30, 50])
def test_narrow_compare_keeps_figures_whole(gaoxin, two_datasets, width: int) -> None:
    """At 30 and 50 columns the comparison prints 预计 7.5% and 6.2% unbroken."""
    result = gaoxin(
        *two_datasets, "compare", "gdp", "--format", "table", env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0
    assert "预计 7.5%" in result.stdout
    assert "6.2%" in result.stdout
