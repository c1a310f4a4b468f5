"""The shipped facts: valid, sourced verbatim, and the key figures right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SOURCE
from gaoxin_cli.checks.validate import check_factbook, quote_states
from gaoxin_cli.factfiles.folders import default_facts_dir
from gaoxin_cli.factfiles.loader import load_factbook, read_factbook
from gaoxin_cli.model import SECTIONS, Fact, FactBook


def _article() -> str:
    return SOURCE.read_text(encoding="utf-8")


def test_shipped_facts_have_no_problems() -> None:
    """The shipped facts load and validate with zero problems."""
    book, problems = read_factbook(default_facts_dir())
    problems += check_factbook(book)
    assert problems == []
    assert len(book.facts) > 100


def test_every_quote_is_verbatim_from_the_article(shipped: FactBook) -> None:
    """Each quote is a substring of the article (line breaks of the page layout removed)."""
    article = _article().replace("\n", "")
    missing = [f.id for f in shipped.facts if f.quote not in article]
    assert missing == []


def test_every_quote_contains_its_figure(shipped: FactBook) -> None:
    """Each quote states its fact's figure as written."""
    assert [f.id for f in shipped.facts if not quote_states(f)] == []


def test_validate_source_finds_every_figure_of_the_shipped_review(gaoxin) -> None:
    """`gaoxin validate --source ARTICLE`: every quote is in the article and every number of it
    is a fact's figure or a listed not_figure, exit 0."""
    _article()
    result = gaoxin("validate", "--source", str(SOURCE))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"ok: 131 facts in 1 dataset, no problems, every figure of {SOURCE} covered\n"
    )


def _without(folder: Path, fact: Fact, book: FactBook) -> None:
    """Remove `fact` from its file in `folder` (its indicator too, if it is the only fact)."""
    assert fact.location is not None
    path = folder / Path(fact.location.path).parent.name / Path(fact.location.path).name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    indicator = next(i for i in book.indicators if fact in i.facts)
    first = fact.location.line - 1
    opener = "[[indicator.fact]]"
    if len(indicator.facts) == 1:
        assert indicator.location is not None
        first, opener = indicator.location.line - 1, "[[indicator]]"
    end = next(
        (
            n
            for n in range(first + 1, len(lines))
            if lines[n].startswith("[[indicator")
            and (opener == "[[indicator.fact]]" or lines[n].startswith("[[indicator]]"))
        ),
        len(lines),
    )
    path.write_text("".join(lines[:first] + lines[end:]), encoding="utf-8")


NUMBERS = [f for f in load_factbook(default_facts_dir()).facts if not f.is_text]


@pytest.mark.parametrize("fact", NUMBERS, ids=[f.id for f in NUMBERS])
def test_validate_source_names_the_figure_of_any_fact_removed(
    gaoxin, installed_copy: Path, shipped: FactBook, fact: Fact
) -> None:
    """With any one figure's fact removed from a copy, `validate --source` names that figure
    at its line of the article, exit 2."""
    _article()
    _without(installed_copy, fact, shipped)
    result = gaoxin("validate", str(installed_copy), "--source", str(SOURCE))
    assert result.exit_code == 2
    assert result.stdout == ""
    named = [line for line in result.stderr.splitlines() if line.startswith(f"{SOURCE}:")]
    assert any(f": {fact.figure}" in line for line in named), result.stderr  # 85, 两次 …


def test_validate_source_reports_a_quote_not_in_the_article(gaoxin, installed_copy: Path) -> None:
    """A quote the article does not hold is a problem at the fact's quote line; --json gives
    the problems as records."""
    economy = installed_copy / "dalian-2019" / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace('预计地区生产总值增长7.5%"', '预计地区生产总值大增7.5%"', 1))
    line = next(n for n, t in enumerate(economy.read_text().splitlines(), 1) if "大增7.5%" in t)
    result = gaoxin("validate", str(installed_copy), "--source", str(SOURCE), "--json")
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    assert {
        "path": str(economy),
        "line": line,
        "message": f"fact gdp.growth: quote is not in {SOURCE}",
    } in records
    assert result.stderr.endswith("problems found\n") or result.stderr.endswith("problem found\n")


def test_validate_source_takes_one_dataset(gaoxin, two_datasets: list[str]) -> None:
    """With several datasets, --source asks for --dataset (exit 2), and checks the one chosen."""
    many = gaoxin(*two_datasets, "validate", "--source", str(SOURCE))
    assert many.exit_code == 2
    assert many.stderr == (
        "gaoxin: --source checks one dataset: choose one with --dataset"
        " (dalian-2019, synthetic-2020)\n"
    )
    one = gaoxin(*two_datasets, "validate", "--source", str(SOURCE), "--dataset", "dalian-2019")
    assert (one.exit_code, one.stderr) == (0, "")


def test_facts_cover_every_section(shipped: FactBook) -> None:
    """Every section of the contract has facts."""
    assert {f.section for f in shipped.facts} == set(SECTIONS)


def _fact(book: FactBook, fact_id: str):
    matches = [f for f in book.facts if f.id == fact_id]
    assert len(matches) == 1, fact_id
    return matches[0]


@pytest.mark.parametrize(
    ("fact_id", "value", "unit", "qualifier", "section"),
    [
        # economy
        ("fixed-asset-investment.level", 85, "亿元", None, "economy"),
        ("fixed-asset-investment.growth", 18.3, "%", None, "economy"),
        ("fixed-asset-investment.vs_city", 20, "个百分点", "over", "economy"),
        ("gdp.growth", 7.5, "%", None, "economy"),
        ("general-public-budget-revenue.growth-adjusted", 16.3, "%", None, "economy"),
        ("foreign-investment.share_of_city", "1/6", None, None, "economy"),
        ("imports-exports.growth", 11.98, "%", None, "economy"),
        # investment
        ("visiting-delegations.level", 200, "个", "over", "investment"),
        ("fortune500-leader-enterprises-total.level", 132, "家", None, "investment"),
        ("haichuang-week-investment.level", 6, "亿元", "nearly", "investment"),
        ("talent-net-increase.increase", 7000, "人", "over", "investment"),
        # innovation
        ("patent-applications.level", 3288, "件", None, "innovation"),
        ("patent-grants.share_of_city", 40, "%", None, "innovation"),
        ("high-tech-enterprises.share_of_city", 43, "%", None, "innovation"),
        ("technology-contracts.share_of_city", 54, "%", None, "innovation"),
        ("major-project-meetings.level", 2, "次", "at_least", "innovation"),
        # services
        ("government-service-items.level", 841, "项", None, "services"),
        ("service-items-handled.level", 42.8, "万件", "over", "services"),
        ("electronic-registration.rate", 93.13, "%", None, "services"),
        ("electronic-registration.rank", "居全省首位", None, None, "services"),
        # governance: displaced paragraphs assigned by meaning
        ("garbage-sorting-coverage.rate", 97, "%", None, "governance"),
        ("pm25.level", 28, "微克/立方米", None, "governance"),
        ("urban-employment.increase", 3256, "人", None, "governance"),
        ("minimum-living-allowance.before", 690, "元", None, "governance"),
        ("minimum-living-allowance.after", 720, "元", None, "governance"),
        # party
        ("party-workers-trained.level", 136, "人", None, "party"),
        ("warning-education-sessions.level", 6, "次", None, "party"),
        # overview
        ("industrial-layout.text", "一核两城多园", None, None, "overview"),
    ],
)
def test_key_figures(
    shipped: FactBook,
    fact_id: str,
    value: object,
    unit: str | None,
    qualifier: str | None,
    section: str,
) -> None:
    """Key figures of each section have the article's value, unit, hedge and section."""
    fact = _fact(shipped, fact_id)
    assert (fact.value, fact.unit, fact.qualifier, fact.section) == (
        value,
        unit,
        qualifier,
        section,
    )


def test_only_the_two_figures_after_yuji_are_estimated(shipped: FactBook) -> None:
    """The article's 预计 makes gdp.growth and gdp.vs_city estimates; every other figure is final."""
    statuses = {f.id: f.status for f in shipped.facts if f.status is not None}
    assert statuses == {"gdp.growth": "estimated", "gdp.vs_city": "estimated"}
    assert all("预计" in _fact(shipped, fact_id).quote for fact_id in statuses)


@pytest.mark.parametrize(
    ("fact_id", "normalized"),
    [
        ("fixed-asset-investment.level", (8_500_000_000, "CNY")),
        ("general-public-budget-revenue.level", (3_280_000_000, "CNY")),
        ("foreign-investment.level", (100_000_000, "USD")),
        ("service-items-handled.level", (428_000, "items")),
        ("gas-conversion-households.level", (37_400, "households")),
        ("act-first-fund.level", (20_000_000, "CNY")),
        ("fixed-asset-investment.vs_city", (20, "percentage_points")),
        ("fixed-asset-investment.growth", (18.3, "percent")),
    ],
)
def test_normalized_values(shipped: FactBook, fact_id: str, normalized: tuple) -> None:
    """Normalized values apply 亿/万 exactly and name the currency."""
    fact = _fact(shipped, fact_id)
    assert fact.normalized is not None
    assert (fact.normalized.value, fact.normalized.unit) == normalized
    assert type(fact.normalized.value) is type(normalized[0])


def test_every_text_fact_has_an_english_value(shipped) -> None:
    """Each shipped fact whose value is words (a text or a ranking) has `value_en`, and no number has one."""
    for fact in shipped.facts:
        assert (fact.value_en is not None) == fact.is_text, fact.id


def test_english_tables_show_the_english_value_not_the_note(gaoxin) -> None:
    """`--lang en` shows a text fact's value_en where its value goes; its note stays in `get`."""
    table = gaoxin("investment", "--format", "table", "--lang", "en", env={"COLUMNS": "200"})
    assert "TÜV Rheinland" in table.stdout
    assert "The two projects the article names" not in table.stdout
    rank = gaoxin("innovation", "--format", "table", "--lang", "en", env={"COLUMNS": "200"})
    assert "Leading in the city" in rank.stdout
    assert "全市领先" not in rank.stdout
    detail = gaoxin("get", "fortune500-leader-projects.named", "--format", "table", "--lang", "en")
    assert "The two projects the article names among the 18 brought in." in detail.stdout
