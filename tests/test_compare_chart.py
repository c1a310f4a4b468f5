"""compare and chart: values, derived figures, notes, golden text at fixed widths."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SYNTHETIC
from gaoxin_cli import query
from gaoxin_cli.bars import charts_of
from gaoxin_cli.compare import compare
from gaoxin_cli.factfiles.folders import default_facts_dir
from gaoxin_cli.factfiles.loader import load_factbook
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.bar_chart import draw as render_charts
from gaoxin_cli.render.comparison_table import comparison_table
from test_golden import check, render


@pytest.fixture(scope="module")
def both() -> FactBook:
    return load_factbook(default_facts_dir(), SYNTHETIC)


def _rows(gaoxin, *args: str) -> list[dict]:
    result = gaoxin(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


# --- compare ---------------------------------------------------------------------


def test_compare_growth_rates_change_in_points(gaoxin, two_datasets) -> None:
    """7.5 % (estimated) → 6.2 %: −1.3 points, approximate; no relative change of a rate."""
    (growth, above) = _rows(gaoxin, *two_datasets, "compare", "gdp")
    assert growth["key"] == "growth"
    assert growth["values"]["dalian-2019"]["value"] == 7.5
    assert growth["values"]["dalian-2019"]["qualifier"] is None
    assert growth["values"]["dalian-2019"]["status"] == "estimated"
    assert growth["values"]["synthetic-2020"]["status"] is None
    assert growth["values"]["synthetic-2020"]["value"] == 6.2
    assert growth["change"] == {
        "value": -1.3,
        "unit": "percentage_points",
        "percent": None,
        "approximate": True,
    }
    assert above["change"]["value"] == -0.5


def test_compare_amounts_across_scales(gaoxin, two_datasets) -> None:
    """85 亿元 → 900000 万元: +500 million CNY, +5.9 %, exact."""
    rows = _rows(gaoxin, *two_datasets, "compare", "fixed-asset-investment")
    level = next(r for r in rows if r["key"] == "level")
    assert level["change"] == {
        "value": 500000000,
        "unit": "CNY",
        "percent": 5.9,
        "approximate": False,
    }
    above = next(r for r in rows if r["key"] == "vs_city")
    assert above["values"]["synthetic-2020"] is None
    assert above["change"] is None


def test_compare_notes_units_that_differ(gaoxin, two_datasets) -> None:
    """亿元 vs 亿美元: no change, and a note in both languages saying the units differ."""
    rows = _rows(gaoxin, *two_datasets, "compare", "imports-exports")
    level = next(r for r in rows if r["key"] == "level")
    assert level["change"] is None
    assert level["note"] == {"zh": "单位不同：亿元 vs 亿美元", "en": "units differ: CNY vs USD"}


def test_compare_notes_measures_that_differ(both: FactBook) -> None:
    """The same key with another measure in each dataset: no change, a note."""
    first, second = both.datasets
    gdp = next(i for i in second.indicators if i.id == "gdp")
    fact = gdp.facts[0]
    changed = gdp._replace(facts=(fact._replace(measure="rate"),))
    other = second._replace(indicators=(changed,))
    comparison = compare(FactBook((first, other)), ["gdp"], None)
    row = comparison.rows[0]
    assert row.change is None
    assert row.note is not None
    assert row.note.en == "measures differ: growth vs rate"


def test_compare_hedged_level_is_approximate(gaoxin, two_datasets) -> None:
    """32.8亿元 → 35亿元以上: +220 million CNY, +6.7 %, approximate; a missing key is None."""
    rows = _rows(gaoxin, *two_datasets, "compare", "general-public-budget-revenue")
    level = next(r for r in rows if r["key"] == "level")
    assert level["change"] == {
        "value": 220000000,
        "unit": "CNY",
        "percent": 6.7,
        "approximate": True,
    }
    adjusted = next(r for r in rows if r["key"] == "growth-adjusted")
    assert adjusted["values"]["synthetic-2020"] is None


def test_compare_section_keeps_indicators_in_two_datasets(gaoxin, two_datasets) -> None:
    """--section compares only indicators in both datasets; the others are named in a footnote."""
    rows = _rows(gaoxin, *two_datasets, "compare", "--section", "innovation")
    assert {r["indicator"] for r in rows} == {"high-tech-enterprises", "patent-applications"}
    table = gaoxin(*two_datasets, "compare", "-s", "innovation", "--format", "table")
    assert "example-only" in table.stdout  # named in the footnote, not compared


def test_compare_csv_has_four_columns_per_dataset(gaoxin, two_datasets) -> None:
    """CSV gives each dataset four columns: its value, `_unit`, `_qualifier` and `_status`."""
    result = gaoxin(*two_datasets, "compare", "gdp", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[5:13] == [
        "dalian-2019",
        "dalian-2019_unit",
        "dalian-2019_qualifier",
        "dalian-2019_status",
        "synthetic-2020",
        "synthetic-2020_unit",
        "synthetic-2020_qualifier",
        "synthetic-2020_status",
    ]
    assert [(r["dalian-2019_status"], r["synthetic-2020_status"]) for r in rows] == [
        ("estimated", ""),
        ("estimated", ""),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["compare"], 2, "gaoxin: name an indicator, or a section with --section\n"),
        (["compare", "-s", "nowhere"], 2, "gaoxin: unknown section 'nowhere'"),
        (["compare", "no-such-thing"], 1, "gaoxin: no indicator or fact with id 'no-such-thing'"),
        (["compare", "gpd"], 1, "gaoxin: no indicator or fact with id 'gpd'; did you mean 'gdp'?"),
        (
            ["compare", "gdp.growht"],
            1,
            "gaoxin: no indicator or fact with id 'gdp.growht'; did you mean 'gdp.growth'?",
        ),
        (
            ["compare", "-s", "party"],
            1,
            "gaoxin: no indicator of section 'party' is in two datasets",
        ),
    ],
)
def test_compare_errors(gaoxin, two_datasets, args, code: int, message: str) -> None:
    """Bad ids and sections exit 1 or 2 with a message (and hint) on stderr, nothing on stdout."""
    result = gaoxin(*two_datasets, *args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith(message)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_golden(both: FactBook, lang: str) -> None:
    """The economy comparison at 80 columns matches its golden text in zh and en, no line wider."""
    ids = ["gdp", "fixed-asset-investment", "foreign-investment", "imports-exports"]
    comparison = compare(both, ids, None)
    text = render(lambda w: comparison_table(comparison, lang, w), 80)
    assert max(len(line) for line in text.splitlines()) <= 80
    check(f"compare-economy-{lang}-80.txt", text)


def test_compare_markdown(gaoxin, two_datasets) -> None:
    """Markdown comparison: a column per dataset headed by period and id, 预计 and ≈ kept."""
    result = gaoxin(*two_datasets, "compare", "gdp", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == (
        "| 指标 | 度量 | 2019 (dalian-2019) | 2020 (synthetic-2020) | 变化 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 地区生产总值 | 增长 | 预计 7.5% | 6.2% | ≈-1.3个百分点 |\n"
        "|  | 高于全市 | 预计 1个百分点 | 0.5个百分点 | ≈-0.5个百分点 |\n"
    )


# --- chart -------------------------------------------------------------------------


def _bars(gaoxin, section: str) -> list[dict]:
    return _rows(gaoxin, "chart", section)


def test_chart_economy_derives_the_city_rates(gaoxin) -> None:
    """City = zone growth − points above, marked derived, with the hedge and status carried over."""
    derived = {
        r["indicator"]: (r["value"], r["qualifier"], r["status"], r["derived_from"])
        for r in _bars(gaoxin, "economy")
        if r["derived_from"]
    }
    assert derived == {
        "gdp": (6.5, None, "estimated", ["gdp.growth", "gdp.vs_city"]),
        "fixed-asset-investment": (
            -1.7,
            "under",
            None,
            ["fixed-asset-investment.growth", "fixed-asset-investment.vs_city"],
        ),
        "imports-exports": (
            -9.02,
            None,
            None,
            ["imports-exports.growth", "imports-exports.vs_city"],
        ),
    }


def test_chart_does_not_guess_between_two_growth_rates(gaoxin) -> None:
    """Budget revenue: 6 % and 16.3 % and "8.5 points above": which one is not said."""
    bars = [
        r for r in _bars(gaoxin, "economy") if r["indicator"] == "general-public-budget-revenue"
    ]
    assert [(r["id"], r["value"]) for r in bars] == [
        ("general-public-budget-revenue.growth", 6),
        ("general-public-budget-revenue.growth-adjusted", 16.3),
    ]
    table = gaoxin("chart", "economy", "--format", "table", "--lang", "en", env={"COLUMNS": "80"})
    assert "no city rate derived" in table.stdout.replace("\n", " ")


def test_chart_innovation_shares_of_the_city(gaoxin) -> None:
    """Innovation charts each indicator's share of the city: 43, 30, 40 and 54 %."""
    shares = {
        r["indicator"]: r["value"]
        for r in _bars(gaoxin, "innovation")
        if r["chart"] == "share_of_city"
    }
    assert shares == {
        "high-tech-enterprises": 43,
        "patent-applications": 30,
        "patent-grants": 40,
        "technology-contracts": 54,
    }


def test_chart_piped_is_tsv_rows(gaoxin) -> None:
    """Piped, chart prints TSV rows under a header; the services values are 100 and 93.13."""
    result = gaoxin("chart", "services")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:5] == ["dataset", "section", "chart", "indicator", "id"]
    assert [line.split("\t")[7] for line in lines[1:]] == ["100", "93.13"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["chart", "party"], 1, "gaoxin: nothing to chart in section 'party'"),
        (["chart", "nowhere"], 2, "gaoxin: unknown section 'nowhere'"),
    ],
)
def test_chart_errors(gaoxin, args, code: int, message: str) -> None:
    """A section with nothing to chart exits 1, an unknown one 2, with a message on stderr only."""
    result = gaoxin(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith(message)


@pytest.mark.parametrize(("section", "lang"), [("economy", "zh"), ("innovation", "en")])
def test_chart_golden(shipped: FactBook, section: str, lang: str) -> None:
    """Economy (zh) and innovation (en) charts at 80 columns match their golden text."""
    items = charts_of(query.section_view(shipped, section))
    text = render(lambda w: render_charts(items, lang, w), 80)
    assert max(len(line) for line in text.splitlines()) <= 80
    check(f"chart-{section}-{lang}-80.txt", text)


@pytest.mark.parametrize("width", [40, 60, 100])
def test_chart_figures_stay_whole_at_any_width(shipped: FactBook, width: int) -> None:
    """At 40, 60 and 100 columns every bar's figure is printed unbroken."""
    from gaoxin_cli.render.bar_chart import bar_figure

    items = charts_of(
        [v for s in ("economy", "innovation") for v in query.section_view(shipped, s)]
    )
    text = render(lambda w: render_charts(items, "zh", w), width)
    for item in items:
        for bar in item.bars:
            assert bar_figure(bar, "zh") in text


def test_chart_bars_grow_with_their_values(shipped: FactBook) -> None:
    """Longer bar, larger share: 54 % > 43 % > 40 % > 30 %."""
    (item,) = [
        c for c in charts_of(query.section_view(shipped, "innovation")) if c.kind == "share_of_city"
    ]
    text = render(lambda w: render_charts([item], "en", w), 80)
    lengths = {}
    for line in text.splitlines():
        for name in (
            "High-tech enterprises",
            "Patent applications",
            "Patents granted",
            "Technology",
        ):
            if line.startswith(name):
                lengths[name] = sum(line.count(c) for c in "█▏▎▍▌▋▊▉")
    assert lengths["Technology"] > lengths["High-tech enterprises"] > lengths["Patents granted"]
    assert lengths["Patents granted"] > lengths["Patent applications"]


def test_compare_from_zero_keeps_the_unit_scale(both: FactBook) -> None:
    """0 亿元 → 85 亿元 is +85亿元 (the scale comes from the unit, not the figure)."""
    from gaoxin_cli.render.figure_text import comparison_cells

    first, second = both.datasets
    fai = next(i for i in first.indicators if i.id == "fixed-asset-investment")
    zero = fai._replace(facts=(fai.facts[0]._replace(value=0),))
    book = FactBook((first._replace(indicators=(zero,)), second))
    comparison = compare(book, ["fixed-asset-investment"], None)
    _, rows = comparison_cells(comparison, "zh")
    assert rows[0][-1] == "+90亿元"
    _, rows = comparison_cells(comparison, "en")
    assert rows[0][-1] == "+9 bn CNY"


def test_compare_of_a_fraction_is_rounded(both: FactBook) -> None:
    """1/6 → 20 %: +3.33 points, not a float's tail."""
    first, second = both.datasets
    fi = next(i for i in first.indicators if i.id == "foreign-investment")
    share = next(f for f in fi.facts if f.measure == "share_of_city")
    other = share._replace(dataset=second.id, value=20, unit="%", period="2020")
    theirs = fi._replace(dataset=second.id, facts=(other,))
    book = FactBook((first, second._replace(indicators=(theirs,))))
    (row,) = [
        r for r in compare(book, ["foreign-investment"], None).rows if r.key == "share_of_city"
    ]
    assert row.change is not None
    assert str(row.change.absolute) == "3.33"


def test_a_small_negative_bar_is_left_of_zero(shipped: FactBook) -> None:
    """-1.7 % on a -20…60 % axis: one shaded cell just left of the zero column."""
    (growth,) = [c for c in charts_of(query.section_view(shipped, "economy")) if c.kind == "growth"]
    text = render(lambda w: render_charts([growth], "en", w), 80)
    lines = text.splitlines()
    zone = next(line for line in lines if line.startswith("Fixed-asset investment"))
    city = lines[lines.index(zone) + 1]
    assert city.startswith("└City (derived)")
    assert city.index("░") == zone.index("█") - 1
    assert city.count("░") == 1
    axis = next(line for line in lines if "-20%" in line)
    assert axis.index("0%", axis.index("-20%") + 4) == zone.index("█")


def test_narrow_chart_still_labels_zero(shipped: FactBook) -> None:
    """At 40 columns the growth axis still labels 0 % and ends at 60 %."""
    (growth,) = [c for c in charts_of(query.section_view(shipped, "economy")) if c.kind == "growth"]
    text = render(lambda w: render_charts([growth], "en", w), 40)
    axis = next(line for line in text.splitlines() if "60%" in line)
    assert " 0% " in axis
    assert axis.rstrip().endswith("60%")


def test_hostile_text_in_charts_and_comparisons_stays_text(gaoxin, tmp_path) -> None:
    """Markup and bidi controls in labels print as text in every view; an escape character is refused."""
    import shutil

    target = tmp_path / "facts" / "synthetic-2020"
    shutil.copytree(SYNTHETIC / "synthetic-2020", target)
    economy = target / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    text = text.replace('zh = "地区生产总值"', 'zh = "[bold red]地区[/][31m\\u202e生产总值"', 1)
    economy.write_text(text, encoding="utf-8")
    facts = ["--facts", str(tmp_path / "facts")]
    for args in (
        ["chart", "economy"],
        ["compare", "gdp"],
        ["economy"],
        ["datasets"],
    ):
        result = gaoxin(*facts, *args, "--format", "table", env={"COLUMNS": "100"})
        assert result.exit_code == 0, (args, result.stderr)
        assert "\x1b" not in result.stdout
        assert "\u202e" not in result.stdout
        if args[0] != "datasets":  # the label may fold, but its markup prints as text
            assert "[bold" in result.stdout, args
            assert "red]地区[/][31m" in result.stdout, args
    economy.write_text(text.replace("[31m", "\\u001b[31m", 1), encoding="utf-8")
    for args in (["chart", "economy"], ["compare", "gdp"], ["economy"], ["datasets"]):
        result = gaoxin(*facts, *args, "--format", "table", env={"COLUMNS": "100"})
        assert (result.exit_code, result.stdout) == (2, ""), args
        assert "holds a control character (U+001B" in result.stderr, args
        assert len(result.stderr.splitlines()) == 1, args


def test_a_huge_columns_is_capped(gaoxin) -> None:
    """COLUMNS=99999999 draws charts at most 1,000 cells wide: no gigabytes of bars."""
    from rich.cells import cell_len

    result = gaoxin("chart", "--format", "table", env={"COLUMNS": "99999999"})
    assert (result.exit_code, result.stderr) == (0, "")
    widest = max(cell_len(line) for line in result.stdout.splitlines())
    assert 240 < widest <= 1000


def test_datasets_of_different_areas_are_side_by_side_without_a_change(gaoxin, tmp_path) -> None:
    """Two areas' datasets: headings say area and period, no change is computed, one line says why."""
    import shutil

    other = tmp_path / "facts" / "synthetic-2020"
    shutil.copytree(SYNTHETIC / "synthetic-2020", other)
    meta = other / "dataset.toml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace(
        'zh = "大连高新区"\nen = "Dalian Hi-tech Zone"', 'zh = "示例区"\nen = "Example District"'
    )
    meta.write_text(text, encoding="utf-8")
    both = ["--facts", str(default_facts_dir()), "--facts", str(tmp_path / "facts")]
    table = gaoxin(*both, "compare", "gdp", "--format", "table", env={"COLUMNS": "100"})
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert "大连高新区 2019" in lines[0]
    assert "示例区 2020" in lines[0]
    assert "变化" not in lines[0]
    assert lines[-1] == "地区不同：并列，不计变化"
    records = json.loads(gaoxin(*both, "compare", "gdp", "--json").stdout)
    assert all(r["change"] is None for r in records)
    assert {r["note"]["en"] for r in records} == {"different areas: side by side, no change"}
