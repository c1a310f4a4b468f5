"""Filters (--measure, --qualifier, --status, --unit), fields, sort, limit and headers of every
listing."""

import csv
import io
import json

import pytest

BOTH = pytest.mark.parametrize("extra", [[], ["--no-cache"]], ids=["index", "files"])

#: One command of each listing kind, all reading the economy section.
LISTINGS = [
    ["economy"],
    ["search", "经济指标强力攀升"],
    ["export", "--section", "economy"],
    [
        "get",
        "gdp",
        "fixed-asset-investment",
        "general-public-budget-revenue",
        "foreign-investment",
        "imports-exports",
        "economic-indicators-standing",
    ],
]
KIND = pytest.mark.parametrize("listing", LISTINGS, ids=lambda a: a[0])


def records(result) -> list[dict]:
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


@BOTH
@KIND
def test_measure_keeps_only_that_measure(gaoxin, cache, extra, listing) -> None:
    """--measure growth keeps the growth rates, and nothing else, in every listing."""
    found = records(gaoxin(*listing, "--measure", "growth", "--json", *extra))
    assert {r["measure"] for r in found} == {"growth"}
    assert {r["id"] for r in found} >= {"gdp.growth", "fixed-asset-investment.growth"}


@BOTH
@KIND
def test_measure_repeats(gaoxin, cache, extra, listing) -> None:
    """Two --measure options keep facts of either measure."""
    found = records(gaoxin(*listing, "-m", "growth", "-m", "vs_city", "--json", *extra))
    assert {r["measure"] for r in found} == {"growth", "vs_city"}


@BOTH
@pytest.mark.parametrize(
    ("qualifiers", "allowed"),
    [
        (["nearly"], {"nearly"}),
        (["over", "nearly"], {"over", "nearly"}),
        (["any"], {"over", "nearly", "about", "at_least", "at_most"}),
        (["none"], {None}),
    ],
)
def test_qualifier_filters_hedges(gaoxin, cache, extra, qualifiers, allowed) -> None:
    """--qualifier keeps facts with that hedge; `any` every bounded one, `none` the plain ones."""
    options = [o for q in qualifiers for o in ("--qualifier", q)]
    found = records(gaoxin("export", *options, "--json", *extra))
    everything = records(gaoxin("export", "--json", *extra))
    assert found == [r for r in everything if r["qualifier"] in allowed]
    assert found


@BOTH
@KIND
@pytest.mark.parametrize(
    "statuses", [["estimated"], ["any"], ["estimated", "preliminary"]], ids="-".join
)
def test_status_estimated_keeps_the_two_estimates(gaoxin, cache, extra, listing, statuses) -> None:
    """--status estimated (or any, or estimated and preliminary) keeps the two 预计 figures of
    the economy section, in every listing."""
    options = [o for s in statuses for o in ("--status", s)]
    found = records(gaoxin(*listing, *options, "--json", *extra))
    assert [(r["id"], r["status"]) for r in found] == [
        ("gdp.growth", "estimated"),
        ("gdp.vs_city", "estimated"),
    ]


@BOTH
@KIND
def test_status_none_keeps_the_final_figures(gaoxin, cache, extra, listing) -> None:
    """--status none keeps every figure without a status, and only those."""
    found = records(gaoxin(*listing, "--status", "none", "--json", *extra))
    everything = records(gaoxin(*listing, "--json", *extra))
    assert found == [r for r in everything if r["status"] is None]
    assert len(found) == len(everything) - 2


@BOTH
def test_status_and_qualifier_are_apart(gaoxin, cache, extra) -> None:
    """A bound is no status and a status no bound: --qualifier any keeps no estimate, and an
    estimate passes --qualifier none."""
    bounded = records(gaoxin("export", "--qualifier", "any", "--json", *extra))
    assert bounded
    assert all(r["status"] is None for r in bounded)
    both = records(gaoxin("export", "-q", "none", "--status", "estimated", "--json", *extra))
    assert [r["id"] for r in both] == ["gdp.growth", "gdp.vs_city"]


@BOTH
def test_a_status_nothing_has_is_exit_1(gaoxin, cache, extra) -> None:
    """--status preliminary keeps nothing of the economy section: exit 1, one line."""
    result = gaoxin("economy", "--status", "preliminary", "--json", *extra)
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr == "gaoxin: no facts in section 'economy' match\n"


@BOTH
def test_status_sorts_and_is_a_field(gaoxin, cache, extra) -> None:
    """--sort status puts the estimates first (empty last), --fields status shows the column."""
    result = gaoxin(
        "export", "--sort", "status", "--fields", "id,qualifier,status", "-f", "csv", *extra
    )
    assert (result.exit_code, result.stderr) == (0, "")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[:3] == [
        ["id", "qualifier", "status"],
        ["gdp.growth", "", "estimated"],
        ["gdp.vs_city", "", "estimated"],
    ]
    assert all(row[2] == "" for row in rows[3:])
    descending = gaoxin("export", "--sort", "-status", "--fields", "id", "-f", "tsv", *extra)
    assert descending.stdout.splitlines()[1:3] == ["gdp.growth", "gdp.vs_city"]


@BOTH
@pytest.mark.parametrize("unit", ["亿元", "CNY"])
def test_unit_matches_as_written_or_normalized(gaoxin, cache, extra, unit) -> None:
    """--unit 亿元 keeps amounts in 亿元; --unit CNY every amount in yuan, whatever its scale."""
    found = records(gaoxin("export", "--unit", unit, "--json", *extra))
    if unit == "亿元":
        assert {r["unit"] for r in found} == {"亿元"}
    else:
        assert {r["normalized"]["unit"] for r in found} == {"CNY"}
        assert {r["unit"] for r in found} >= {"亿元", "万元", "元"}


@BOTH
def test_filters_combine_with_the_section_table(gaoxin, cache, extra) -> None:
    """A filtered section is still its table at a terminal, with only the facts kept."""
    result = gaoxin(
        "economy", "--measure", "vs_city", "--format", "table", *extra, env={"COLUMNS": "100"}
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert "地区生产总值" in result.stdout
    assert "18.3" not in result.stdout  # a growth rate, filtered out


@BOTH
def test_nothing_left_is_exit_1(gaoxin, cache, extra) -> None:
    """A filter that keeps nothing is exit 1 with one line, as a search that finds nothing."""
    result = gaoxin("economy", "--qualifier", "at_least", "--json", *extra)
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr == "gaoxin: no facts in section 'economy' match\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "speed"], "gaoxin: unknown measure 'speed'; one of: level, increase,"),
        (["--qualifier", "maybe"], "gaoxin: unknown qualifier 'maybe'; one of: over, nearly,"),
        (
            ["--qualifier", "estimated"],
            "gaoxin: unknown qualifier 'estimated'; one of: over, nearly, about, at_least,"
            " at_most, any, none (estimated is a status: --status estimated)",
        ),
        (
            ["--status", "maybe"],
            "gaoxin: unknown status 'maybe'; one of: estimated, preliminary, any, none",
        ),
        (["--status", "over"], "gaoxin: unknown status 'over'; one of: estimated,"),
        (
            ["--fields", "id,valeu"],
            "gaoxin: --fields: unknown field 'valeu' (did you mean 'value'?); fields: id, dataset,",
        ),
        (["--sort", "-valeu"], "gaoxin: --sort: unknown field 'valeu'"),
        (["--unit", "nosuch"], "gaoxin: unknown unit 'nosuch'; a unit as written"),
        (
            ["--no-headers", "--json"],
            "gaoxin: --no-headers goes with --format csv or tsv, not json",
        ),
    ],
)
def test_bad_filter_and_field_options_are_usage_errors(gaoxin, args, message) -> None:
    """An unknown measure, qualifier or field is one line naming it and the valid ones; exit 2."""
    result = gaoxin("export", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1


@BOTH
@KIND
def test_fields_choose_and_order_json_keys(gaoxin, cache, extra, listing) -> None:
    """--fields id,value,unit,label.en gives exactly those keys, in that order."""
    found = records(gaoxin(*listing, "--fields", "id,value,unit,label.en", "--json", *extra))
    assert found
    assert all(list(r) == ["id", "value", "unit", "label.en"] for r in found)
    gdp = next(r for r in found if r["id"] == "gdp.growth")
    assert gdp == {
        "id": "gdp.growth",
        "value": 7.5,
        "unit": "%",
        "label.en": "Gross regional product",
    }


@BOTH
def test_fields_in_jsonl_csv_tsv_and_markdown(gaoxin, cache, extra) -> None:
    """The same fields come out of every data format; a nested value spreads in CSV."""
    base = ["get", "gdp.growth", "--fields", "id,label,normalized.value", *extra]
    jsonl = gaoxin(*base, "--format", "jsonl")
    assert json.loads(jsonl.stdout) == {
        "id": "gdp.growth",
        "label": {"zh": "地区生产总值", "en": "Gross regional product"},
        "normalized.value": 7.5,
    }
    rows = list(csv.reader(io.StringIO(gaoxin(*base, "--format", "csv").stdout)))
    assert rows == [
        ["id", "label_zh", "label_en", "normalized.value"],
        ["gdp.growth", "地区生产总值", "Gross regional product", "7.5"],
    ]
    tsv = gaoxin(*base, "--format", "tsv").stdout
    assert (
        tsv
        == "id\tlabel_zh\tlabel_en\tnormalized.value\ngdp.growth\t地区生产总值\tGross regional product\t7.5\n"
    )
    markdown = gaoxin(*base, "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| id | label\\_zh | label\\_en | normalized.value |"
    assert markdown[2] == "| gdp.growth | 地区生产总值 | Gross regional product | 7.5 |"


@BOTH
def test_no_headers_drops_the_header_row(gaoxin, cache, extra) -> None:
    """--no-headers leaves out the header of CSV and TSV, and nothing else."""
    for fmt in ("csv", "tsv"):
        with_header = gaoxin("export", "--format", fmt, "--fields", "id", *extra).stdout
        without = gaoxin("export", "--format", fmt, "--fields", "id", "--no-headers", *extra).stdout
        assert with_header.splitlines()[1:] == without.splitlines()
        assert without.splitlines()[0].strip() == "industry-direction.text"


@BOTH
def test_sort_orders_numbers_as_numbers(gaoxin, cache, extra) -> None:
    """--sort value puts 6 before 18.3 (not as text); -value reverses; text values come after."""
    up = records(gaoxin("economy", "--sort", "value", "--fields", "id,value", "--json", *extra))
    numbers = [r["value"] for r in up if not isinstance(r["value"], str)]
    assert numbers == sorted(numbers)
    assert isinstance(up[-1]["value"], str)
    down = records(gaoxin("economy", "--sort", "-value", "--fields", "value", "--json", *extra))
    assert [r["value"] for r in down if not isinstance(r["value"], str)] == sorted(
        numbers, reverse=True
    )


@BOTH
def test_sort_and_limit_answer_the_largest_amounts(gaoxin, cache, extra) -> None:
    """The three largest amounts in yuan: --unit CNY --sort -normalized_value --limit 3."""
    found = records(
        gaoxin(
            "export",
            "--unit",
            "CNY",
            "--sort",
            "-normalized_value",
            "--limit",
            "3",
            "--fields",
            "id,normalized_value",
            "--json",
            *extra,
        )
    )
    assert found == [
        {"id": "technology-contracts.level", "normalized_value": 10200000000},
        {"id": "imports-exports.level", "normalized_value": 9060000000},
        {"id": "fixed-asset-investment.level", "normalized_value": 8500000000},
    ]


@BOTH
def test_get_value_takes_filters(gaoxin, cache, extra) -> None:
    """get --value prints the bare values of the facts the filter keeps."""
    result = gaoxin(
        "get", "gdp", "fixed-asset-investment", "--measure", "growth", "--value", *extra
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "7.5\n18.3\n", "")


def test_fields_table_keeps_every_character(gaoxin, cache) -> None:
    """At a terminal --fields draws those columns; a narrow one folds, nothing is cut."""
    result = gaoxin(
        "search", "专利", "--fields", "id,quote", "--format", "table", env={"COLUMNS": "40"}
    )
    assert (result.exit_code, result.stderr) == (0, "")
    out = iter(result.stdout)
    quote = "专利申请量3288件、授权量2124件,全市占比分别为30%、40%"
    assert all(char in out for char in quote)  # every character, in order
    from rich.cells import cell_len

    assert all(cell_len(line) <= 40 for line in result.stdout.splitlines())


@BOTH
def test_completion_offers_fields_measures_and_qualifiers(extra) -> None:
    """Shell completion names fields (after a comma too), measures, qualifiers, statuses and
    units."""
    from gaoxin_cli.cli import listing

    assert "id,label.en" in listing.complete_field_names("id,label.")
    assert "id,status" in listing.complete_field_names("id,st")
    assert listing.complete_measures("sh") == ["share_of_city", "share"]
    assert listing.complete_qualifiers("n") == ["nearly", "none"]
    assert listing.complete_qualifiers("e") == []
    assert listing.complete_statuses("") == ["estimated", "preliminary", "any", "none"]
    assert listing.complete_statuses("p") == ["preliminary"]
    assert "亿元" in listing.complete_units("亿")
    assert "-normalized_value" in listing.complete_sort("-normalized_v")


@BOTH
def test_get_takes_a_section_too(gaoxin, cache, extra) -> None:
    """get --section keeps the facts of the ids that lie in that section; none left is exit 1."""
    ids = ["gdp", "high-tech-enterprises"]
    found = records(gaoxin("get", *ids, "--section", "innovation", "--json", *extra))
    assert {r["indicator"] for r in found} == {"high-tech-enterprises"}
    result = gaoxin("get", "gdp", "--section", "party", "--format", "table", *extra)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "gaoxin: no fact of gdp matches the filter\n"


def test_search_sorts_every_hit_before_the_limit(gaoxin) -> None:
    """`search … --sort -value -n 2` gives the two largest of all hits, not of the first two."""
    result = gaoxin("search", "growth", "-m", "growth", "--sort", "-value", "-n", "2", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    everything = gaoxin("search", "growth", "-m", "growth", "--json")
    values = sorted((r["value"] for r in json.loads(everything.stdout)), reverse=True)
    assert [r["value"] for r in json.loads(result.stdout)] == values[:2]


def test_a_bare_text_value_in_english(gaoxin) -> None:
    """`get ID --value --lang en` prints the English of a text value; numbers stay as written."""
    english = gaoxin("get", "industrial-layout", "gdp.growth", "--value", "--lang", "en")
    assert (english.exit_code, english.stdout, english.stderr) == (
        0,
        "One core, two cities, many parks\n7.5\n",
        "",
    )
    chinese = gaoxin("get", "industrial-layout", "--value")
    assert chinese.stdout == "一核两城多园\n"
