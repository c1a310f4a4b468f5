"""What a search term matches: whole English words, numbers by value, kind words, aliases."""

import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DATASET_TOML, SECTION_TOML
from gaoxin_cli.search import matching, terms

BOTH = pytest.mark.parametrize("extra", [[], ["--no-cache"]], ids=["index", "files"])


def ids_of(result) -> list[str]:
    assert result.stderr == ""
    return [record["id"] for record in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("patents", "patent"),
        ("patent", "patent"),
        ("companies", "company"),
        ("planned", "plan"),
        ("listing", "list"),
        ("listed", "list"),
        ("glasses", "glass"),
        ("census", "census"),
        ("gdp", "gdp"),
        ("pm2.5", "pm2.5"),
    ],
)
def test_stems_fold_plurals_and_endings(word: str, stem: str) -> None:
    """Plural, -ing and -ed endings fold to one stem; short words, -ss and -us stay."""
    assert terms.stem(word) == stem


@pytest.mark.parametrize(
    ("query", "value", "scale", "unit"),
    [
        ("3288", "3288", None, None),
        ("3,288", "3288", None, None),
        ("\uff13\uff12\uff18\uff18", "3288", None, None),
        ("85亿元", "85", "亿", "元"),
        ("8.5 bn", "8.5", "bn", None),
        ("8.5 billion", "8.5", "billion", None),
        ("850000万", "850000", "万", None),
        ("18.3%", "18.3", None, "%"),
        ("18.3\uff05", "18.3", None, "%"),
    ],
)
def test_numbers_are_read_with_their_scale_and_unit(query, value, scale, unit) -> None:
    """A number term keeps its value, scale word and unit word, in any notation."""
    (term,) = terms.parse(query)
    assert (term.kind, str(term.number), term.scale, term.unit) == ("number", value, scale, unit)


@BOTH
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("3288", "patent-applications.level"),
        ("3,288", "patent-applications.level"),
        ("\uff13\uff12\uff18\uff18", "patent-applications.level"),
        ("85亿", "fixed-asset-investment.level"),
        ("85亿元", "fixed-asset-investment.level"),
        ("8.5 bn", "fixed-asset-investment.level"),
        ("8.5 billion", "fixed-asset-investment.level"),
        ("850000万", "fixed-asset-investment.level"),
        ("18.3%", "fixed-asset-investment.growth"),
        ("1/6", "foreign-investment.share_of_city"),
        ("100 million dollars", "foreign-investment.level"),
    ],
)
def test_a_number_in_any_notation_finds_its_figure_first(
    gaoxin, cache, extra, query: str, first: str
) -> None:
    """The figure equal to the number (with its scale and unit) comes first."""
    result = gaoxin("search", *query.split(), "--json", *extra)
    assert result.exit_code == 0
    assert ids_of(result)[0] == first


@BOTH
def test_a_scaled_number_needs_its_scale(gaoxin, cache, extra) -> None:
    """8.5 bn is 8,500,000,000: not the 8.5 percentage points of budget revenue."""
    found = ids_of(gaoxin("search", "8.5", "bn", "--json", *extra))
    assert found == ["fixed-asset-investment.level"]
    assert "general-public-budget-revenue.vs_city" in ids_of(gaoxin("search", "8.5", "--json"))


@BOTH
@pytest.mark.parametrize(
    ("query", "absent"),
    [("over", "overseas-promotion-trips.level"), ("rate", "incubator-excellence.level")],
)
def test_english_words_match_whole_words(gaoxin, cache, extra, query: str, absent: str) -> None:
    """`over` does not match Overseas, `rate` does not match Rated."""
    result = gaoxin("search", query, "--json", *extra)
    assert result.exit_code == 0
    assert absent not in ids_of(result)


@BOTH
def test_a_single_letter_matches_no_word_part(gaoxin, cache, extra) -> None:
    """`search x` finds nothing: no label has the word x; exit 1, one line."""
    result = gaoxin("search", "x", "--format", "table", *extra)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "gaoxin: nothing matches 'x'\n"


@BOTH
@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("nearly", {"haichuang-week-investment.level"}),
        ("近", {"haichuang-week-investment.level"}),
    ],
)
def test_hedge_words_find_hedged_figures_first(gaoxin, cache, extra, query, wanted) -> None:
    """A hedge's word, in either language, finds the figures with that hedge first."""
    found = ids_of(gaoxin("search", query, "--json", *extra))
    assert set(found[: len(wanted)]) == wanted


@BOTH
@pytest.mark.parametrize(
    "query", ["estimated", "estimate", "expected", "projected", "forecast", "预计", "预期"]
)
def test_status_words_find_the_estimates_first(gaoxin, cache, extra, query) -> None:
    """A status's word, in either language, finds the two estimated GDP figures first."""
    found = ids_of(gaoxin("search", query, "--json", *extra))
    assert set(found[:2]) == {"gdp.growth", "gdp.vs_city"}


PRELIMINARY = """\
section = "economy"
heading = { zh = "经济指标", en = "Economy" }

[[indicator]]
id = "gdp"
zh = "地区生产总值"
en = "Gross regional product"

[[indicator.fact]]
measure = "growth"
value = 6.1
unit = "%"
status = "preliminary"
quote = "经初步核算，地区生产总值增长6.1%"

[[indicator]]
id = "fixed-asset-investment"
zh = "固定资产投资"
en = "Fixed-asset investment"

[[indicator.fact]]
measure = "growth"
value = 5
unit = "%"
quote = "固定资产投资增长5%"
"""


@BOTH
@pytest.mark.parametrize("query", ["preliminary", "初步", "初步核算", "初步统计", "provisional"])
def test_status_words_find_preliminary_figures(gaoxin, cache, make_dataset, extra, query) -> None:
    """初步, 初步核算 (its own word or the other) and preliminary find a preliminary figure,
    and only it."""
    folder = make_dataset({"economy.toml": PRELIMINARY})
    assert ids_of(gaoxin("--facts", str(folder), "search", query, "--json", *extra)) == [
        "gdp.growth"
    ]


@BOTH
def test_share_of_the_city_finds_all_five(gaoxin, cache, extra) -> None:
    """`占全市` and `share of the city` find the five shares of the city, and only those first."""
    for query in (["占全市"], ["share", "of", "the", "city"]):
        found = ids_of(gaoxin("search", *query, "--json", *extra))
        assert all(f.endswith(".share_of_city") for f in found[:5]), found
        assert len({f for f in found if f.endswith(".share_of_city")}) == 5


@BOTH
def test_hedges_come_before_nouns_with_the_same_word(gaoxin, cache, extra) -> None:
    """`以上` lists figures hedged with it before 副处级以上 and 5000万元以上 in labels."""
    found = ids_of(gaoxin("search", "以上", "--json", *extra))
    hedged = json.loads(gaoxin("export", "--json").stdout)
    over = {r["id"] for r in hedged if r["qualifier"] == "over"}
    first = found[: len(over & set(found))]
    assert set(first) <= over


@BOTH
def test_aliases_find_their_indicator(gaoxin, cache, extra) -> None:
    """Names people use (FDI, trade, 高新技术企业, fiscal revenue) find the indicator first."""
    for query, indicator in [
        ("FDI", "foreign-investment"),
        ("trade", "imports-exports"),
        ("高新技术企业", "high-tech-enterprises"),
        ("fiscal revenue", "general-public-budget-revenue"),
        ("jobs", "urban-employment"),
    ]:
        result = gaoxin("search", *query.split(), "--json", *extra)
        assert json.loads(result.stdout)[0]["indicator"] == indicator, query


ALIASED = """\
section = "economy"
heading = {{ zh = "经济", en = "Economy" }}

[[indicator]]
id = "gdp"
zh = "地区生产总值"
en = "Gross regional product"
aliases = {aliases}

[[indicator.fact]]
measure = "growth"
value = 7.5
unit = "%"
quote = "增长7.5%"
"""


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ('"GDP"', "indicator 'aliases' must be a list of strings, not a string"),
        ('["GDP", "gdp"]', "indicator 'aliases' names 'gdp' twice"),
        ('["GDP", " "]', "indicator 'aliases' item 2 is empty"),
        ('["G\\u0000DP"]', "indicator 'aliases' item 1 holds a control character (U+0000)"),
    ],
)
def test_bad_aliases_are_one_line_at_their_key(gaoxin, make_dataset, aliases, message) -> None:
    """A malformed aliases list is a problem at its line: exit 2, nothing on stdout."""
    folder = make_dataset({"economy.toml": ALIASED.format(aliases=aliases)})
    result = gaoxin("validate", str(folder.parent))
    assert (result.exit_code, result.stdout) == (2, "")
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{folder / 'economy.toml'}:8: ")
    assert message in first


def test_aliases_are_searched_from_a_new_dataset(gaoxin, cache, make_dataset) -> None:
    """An alias written in a fact file is found with and without the index."""
    folder = make_dataset({"economy.toml": ALIASED.format(aliases='["GDP", "经济总量"]')})
    for extra in ([], ["--no-cache"]):
        for query in ("gdp", "经济总量"):
            result = gaoxin("--facts", str(folder.parent), "search", query, "--json", *extra)
            assert ids_of(result) == ["gdp.growth"], (query, extra)


def _vocabulary() -> list[str]:
    from gaoxin_cli.factfiles.folders import default_facts_dir
    from gaoxin_cli.factfiles.loader import load_factbook

    words: set[str] = {"bn", "亿", "万", "%", "billion", "of", "the", "x", "1/6", "3,288"}
    for fact in load_factbook(default_facts_dir()).facts:
        words.update(fact.label.en.split())
        words.update(fact.aliases)
        words.add(fact.label.zh[:2])
        words.add(fact.quote[2:5])
        words.add(str(fact.value) if not isinstance(fact.value, str) else "")
    return sorted(w for w in words if w.strip())


VOCABULARY = _vocabulary()


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(st.sampled_from(VOCABULARY), st.text(min_size=1, max_size=3)),
        min_size=1,
        max_size=3,
    )
)
@example(words=["10,000"])  # a number a label writes with a thousands comma
def test_the_index_and_the_files_rank_alike(gaoxin, cache, words: list[str]) -> None:
    """For any query, search answers the same, in the same order, with and without the index."""
    query = [w for w in " ".join(words).split() if not w.startswith("-")] or ["专利"]
    with_index = gaoxin("search", *query, "--json")
    from_files = gaoxin("search", *query, "--json", "--no-cache")
    assert (with_index.exit_code, with_index.stdout, with_index.stderr) == (
        from_files.exit_code,
        from_files.stdout,
        from_files.stderr,
    )


def test_search_matching_is_documented_in_one_place() -> None:
    """The scoring weights are one table, and best first means label or alias before quote."""
    weights = matching.WEIGHTS
    assert weights["figure"] > weights["label"] > weights["alias"] > weights["id_part"]
    assert weights["id_part"] > weights["quote"] > weights["note"]
    assert textwrap.dedent(matching.__doc__ or "").count("WEIGHTS") == 1


#: English words that fold to little or nothing, hyphenated words, and a word for
#: each stemming rule (and the word it folds to).
TRICKY_WORDS = [
    "y-o-y", "y", "o", "a", "q1", "ex-im", "hi-tech", "companies", "company", "studied",
    "study", "classes", "class", "planned", "plan", "listing", "lists", "list", "us", "gas",
    "is", "bus", "yoy", "ss", "ies", "ed", "ing",
]  # fmt: skip


@pytest.mark.slow
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    alias=st.lists(st.sampled_from(TRICKY_WORDS), min_size=1, max_size=4),
    label=st.lists(st.sampled_from(TRICKY_WORDS), min_size=1, max_size=3),
    query=st.lists(st.sampled_from(TRICKY_WORDS), min_size=1, max_size=3),
)
def test_the_index_answers_as_the_files_for_short_hyphenated_and_stemmed_words(
    gaoxin, cache, alias: list[str], label: list[str], query: list[str]
) -> None:
    """An alias or label of one- and two-letter, hyphenated or stemmed English words is
    found by the index exactly when the files find it, in the same order."""
    import tempfile

    section = SECTION_TOML.replace(
        'en = "Fixed-asset investment"',
        f"en = {json.dumps(' '.join(label))}\naliases = [{json.dumps(' '.join(alias))}]",
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "facts" / "testland-2019"
        folder.mkdir(parents=True)
        (folder / "dataset.toml").write_text(DATASET_TOML, encoding="utf-8")
        (folder / "economy.toml").write_text(section, encoding="utf-8")
        facts = str(folder.parent)
        with_index = gaoxin("--facts", facts, "search", *query, "--json")
        from_files = gaoxin("--facts", facts, "search", *query, "--json", "--no-cache")
    assert (with_index.exit_code, with_index.stdout, with_index.stderr) == (
        from_files.exit_code,
        from_files.stdout,
        from_files.stderr,
    )


def _ids(result) -> list[str]:
    return [r["id"] for r in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("7000 people", "talent-net-increase.increase"),
        ("7,000 people", "talent-net-increase.increase"),
        ("20 percentage points", "fixed-asset-investment.vs_city"),
        ("44.3 per cent", "foreign-investment.growth"),
        ("USD", "foreign-investment.level"),
    ],
)
def test_every_english_unit_the_tool_writes_is_a_word_search_reads(gaoxin, query, first) -> None:
    """ "7000 people", "20 percentage points", "44.3 per cent" and "USD" find what `get --lang en` shows."""
    result = gaoxin("search", *query.split(), "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert _ids(result)[0] == first


def test_question_words_are_ignored(gaoxin) -> None:
    """ "how many high-tech enterprises" and 高新技术企业有多少家 find the enterprises, quietly."""
    for query in ("how many high-tech enterprises", "高新技术企业有多少家"):
        result = gaoxin("search", *query.split(), "--json")
        assert (result.exit_code, result.stderr) == (0, ""), query
        assert {r["indicator"] for r in json.loads(result.stdout)} == {"high-tech-enterprises"}


def test_a_word_no_fact_has_leaves_the_best_of_the_rest_and_says_so(gaoxin) -> None:
    """With a word no fact has, the facts with the most words are the answer (exit 0), and one
    warning names the word."""
    result = gaoxin("search", "high-tech", "enterprises", "zzz", "--json")
    assert result.exit_code == 0
    assert {r["indicator"] for r in json.loads(result.stdout)} == {"high-tech-enterprises"}
    assert result.stderr == (
        "gaoxin: warning: no fact matches every word of 'high-tech enterprises zzz': these match"
        " the most; no fact has 'zzz'\n"
    )


@pytest.mark.parametrize(
    ("query", "values"),
    [
        ("fastest growth", [44.3, 41, 40.8]),
        ("增长最快", [44.3, 41, 40.8]),
        ("largest share of city", [54, 43, 40]),
    ],
)
def test_superlatives_order_by_value(gaoxin, query, values) -> None:
    """ "fastest", "largest" and 最快 put the largest values first."""
    result = gaoxin("search", *query.split(), "--json")
    assert [r["value"] for r in json.loads(result.stdout)][:3] == values
