"""The shipped facts: valid, sourced verbatim, and the key figures right."""

from __future__ import annotations

import re

import pytest

from conftest import SOURCE
from gaoxin_cli.folders import default_facts_dir
from gaoxin_cli.loader import read_factbook
from gaoxin_cli.model import SECTIONS, FactBook
from gaoxin_cli.validate import check_factbook, quote_states


def _article() -> str:
    if not SOURCE.exists():
        pytest.skip(f"the article is not at {SOURCE}")
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


# Arabic numbers in the article that are names, dates or parts of names, not figures.
NOT_FIGURES = {
    "2019": "the year reviewed, and 2019年度 in an award name",
    "2018": "2018年和2019年国家森林督查: a date",
    "500": "世界500强 (Fortune Global 500) is a name",
    "2.5": "PM2.5 is a name",
    "81118111": "the hotline number",
    "70": "“高新区落实中央八项规定70条” is the title of a rulebook",
}
#: Numbers inside these are names: “1+5” industries, “1+8”/“1+9” documents, 第20届.
NAME_PATTERNS = [re.compile(r"“\d+\+\d+”"), re.compile(r"第\d+届")]


def test_every_number_of_the_article_is_a_fact(shipped: FactBook) -> None:
    """Each occurrence of a number in the article lies in the quote of a fact stating it.

    Occurrences, not distinct numbers: the six "6"s of the article (6%, 6个,
    6次, 6座, 6家, 连续6年) each need a fact of their own. Known non-figures
    (names, dates) are listed in NOT_FIGURES with the reason.
    """
    article = _article().replace("\n", "")
    number = re.compile(r"(?<![0-9.])\d+(?:\.\d+)?(?:/\d+)?(?![0-9])")
    covered: set[int] = set()
    for fact in shipped.facts:
        figure = re.compile(rf"(?<![0-9.]){re.escape(fact.figure)}(?![0-9]|\.[0-9])")
        for quote in re.finditer(re.escape(fact.quote), article):
            covered.update(quote.start() + m.start() for m in figure.finditer(fact.quote))
            if fact.is_text:
                covered.update(quote.start() + m.start() for m in number.finditer(fact.quote))
    for name in NAME_PATTERNS:
        covered.update(
            m.start() + n.start()
            for m in name.finditer(article)
            for n in number.finditer(m.group())
        )
    uncovered = [
        (m.group(), article[max(0, m.start() - 12) : m.end() + 6])
        for m in number.finditer(article)
        if m.start() not in covered and m.group() not in NOT_FIGURES
    ]
    assert uncovered == []


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
        ("gdp.growth", 7.5, "%", "estimated", "economy"),
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
