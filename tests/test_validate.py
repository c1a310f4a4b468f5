"""validate reads the quote: the unit written after the figure, the hedges around it,
and whether the unit fits the measure. Each mistake is one `path:line:` problem."""

from __future__ import annotations

import pytest

SECTION = """\
section = "economy"
heading = {{ zh = "经济指标", en = "Economy" }}

[[indicator]]
id = "thing"
zh = "某指标"
en = "Something"

[[indicator.fact]]
measure = "{measure}"
value = {value}
unit = "{unit}"
{qualifier}quote = "{quote}"
"""


def _file(measure: str, value: str, unit: str, quote: str, qualifier: str | None = None) -> str:
    key = "status" if qualifier in ("estimated", "preliminary") else "qualifier"
    line = f'{key} = "{qualifier}"\n' if qualifier else ""
    return SECTION.format(measure=measure, value=value, unit=unit, quote=quote, qualifier=line)


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


CASES = [
    # (measure, value, unit, quote, qualifier, key the problem is at, message)
    (
        "level",
        "85",
        "万元",
        "固定资产投资完成85亿元",
        None,
        "unit",
        "the quote writes 85亿元, not 85万元",
    ),
    (
        "level",
        "1",
        "亿元",
        "实际利用外资1亿美元",
        None,
        "unit",
        "the quote writes 1亿美元, not 1亿元",
    ),
    (
        "level",
        "3288",
        "项",
        "专利申请量3288件",
        None,
        "unit",
        "the quote writes 3288件, not 3288项",
    ),
    ("level", "85", "元", "完成85亿元", None, "unit", "the quote writes 85亿元, not 85元"),
    ("growth", "18.3", "亿元", "增长18.3%", None, "unit", "the quote writes 18.3%, not 18.3亿元"),
    (
        "growth",
        "18.3",
        "亿元",
        "增长18.3亿元",
        None,
        "unit",
        "measure 'growth' is in % (or a fraction such as 1/6), not 亿元",
    ),
    ("vs_city", "20", "%", "高于全市20%", None, "unit", "measure 'vs_city' is in 个百分点, not %"),
    (
        "level",
        "43",
        "%",
        "全市占比43%",
        None,
        "unit",
        "measure 'level' is an amount or a count, not a share (%): use share, rate or growth",
    ),
    (
        "growth",
        "44.3",
        "%",
        "增长44.3%",
        "nearly",
        "qualifier",
        "qualifier 'nearly' needs 近 next to 44.3 in the quote",
    ),
    (
        "level",
        "7000",
        "人",
        "吸引7000多人参加",
        None,
        "qualifier",
        "the quote hedges 7000 (余/多/以上/超过/逾/突破/超): add qualifier = 'over'",
    ),
    (
        "level",
        "85",
        "亿元",
        "固定资产投资突破85亿元",
        None,
        "qualifier",
        "the quote hedges 85 (余/多/以上/超过/逾/突破/超): add qualifier = 'over'",
    ),
    (
        "level",
        "42.8",
        "万件",
        "办理42.8万余件",
        None,
        "qualifier",
        "the quote hedges 42.8 (余/多/以上/超过/逾/突破/超): add qualifier = 'over'",
    ),
    (
        "growth",
        "4.5",
        "%",
        "增长4.5%左右",
        None,
        "qualifier",
        "the quote hedges 4.5 (约/左右): add qualifier = 'about'",
    ),
    (
        "level",
        "300",
        "家",
        "近300家企业",
        None,
        "qualifier",
        "the quote hedges 300 (近): add qualifier = 'nearly'",
    ),
    (
        "vs_city",
        "20",
        "个百分点",
        "高于全市20个百分点以上",
        None,
        "qualifier",
        "the quote hedges 20 (余/多/以上/超过/逾/突破/超): add qualifier = 'over'",
    ),
    (
        "threshold",
        "5000",
        "万元",
        "推动53个5000万元以上投资项目开复工",
        "over",
        "qualifier",
        "qualifier 'over' needs 余/多/以上/超过/逾/突破/超 next to 5000 in the quote",
    ),
    (
        "growth",
        "7.5",
        "%",
        "预计地区生产总值增长7.5%",
        None,
        "status",
        "the quote gives 7.5 a status (预计/预期): add status = 'estimated'",
    ),
]


@pytest.mark.parametrize(
    ("measure", "value", "unit", "quote", "qualifier", "key", "message"), CASES
)
def test_a_quote_that_disagrees_is_one_problem_at_the_key(
    gaoxin, make_dataset, measure, value, unit, quote, qualifier, key, message
) -> None:
    """A unit, measure or hedge that the quote contradicts: exit 2, one line at the wrong key."""
    text = _file(measure, value, unit, quote, qualifier)
    folder = make_dataset({"economy.toml": text})
    result = gaoxin("validate", str(folder))
    line = _line(text, f"{key} =") if f"\n{key} =" in text else _line(text, "[[indicator.fact]]")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{folder / 'economy.toml'}:{line}: fact thing.{measure}: {message}",
        "gaoxin: 1 problem found",
    ]


AGREEING = [
    ("level", "7000", "人", "吸引7000多人参加", "over"),
    ("level", "42.8", "万件", "办理42.8万余件", "over"),
    ("level", "200", "个", "新增200余个", "over"),
    ("growth", "4.5", "%", "增长4.5%左右", "about"),
    ("growth", "4.5", "%", "增长约4.5%", "about"),
    ("level", "300", "家", "近300家企业", "nearly"),
    ("level", "1000", "家", "超过1000家企业", "over"),
    ("threshold", "5000", "万元", "推动53个5000万元以上投资项目开复工", None),
    ("level", "85", "亿元", "固定资产投资完成85亿元", None),
    ("growth", "7.5", "%", "预计地区生产总值增长7.5%", "estimated"),
]


@pytest.mark.parametrize(("measure", "value", "unit", "quote", "qualifier"), AGREEING)
def test_a_quote_that_agrees_passes(
    gaoxin, make_dataset, measure, value, unit, quote, qualifier
) -> None:
    """Hedges inside the unit (万余件), after it (以上, 左右) or before the figure (近, 约, 超过, 预计)
    match their qualifier; 以上 of a noun (亿元以上项目) hedges nothing."""
    folder = make_dataset({"economy.toml": _file(measure, value, unit, quote, qualifier)})
    result = gaoxin("validate", str(folder))
    assert (result.exit_code, result.stderr) == (0, "")


def test_before_and_after_take_one_unit(gaoxin, make_dataset) -> None:
    """A before/after pair in two units is one problem at the after's unit."""
    text = """\
section = "governance"
heading = { zh = "民生", en = "Livelihood" }

[[indicator]]
id = "allowance"
zh = "低保标准"
en = "Allowance"

[[indicator.fact]]
measure = "before"
value = 690
unit = "元"
quote = "由每人每月690元提高到720元"

[[indicator.fact]]
measure = "after"
value = 720
unit = "万元"
quote = "由每人每月690元提高到720万元"
"""
    folder = make_dataset({"governance.toml": text})
    result = gaoxin("validate", str(folder))
    line = _line(text, 'unit = "万元"')
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{folder / 'governance.toml'}:{line}: fact allowance.after: 'after' is in 万元, but"
        " 'before' is in 元: the two take the same unit",
        "gaoxin: 1 problem found",
    ]


def test_every_hedge_word_is_read_by_validate_and_draft_and_found_by_search() -> None:
    """Each word of the one hedge list asks validate, the draft and search for its qualifier."""
    from gaoxin_cli.checks.validate import check_fact
    from gaoxin_cli.draft.article import Review
    from gaoxin_cli.draft.propose import propose
    from gaoxin_cli.lexicon import HEDGE_WORDS
    from gaoxin_cli.model import Fact, Label
    from gaoxin_cli.model.vocabulary import QUALIFIERS
    from gaoxin_cli.search import matching, terms

    for word, qualifier, place in HEDGE_WORDS:
        assert word in QUALIFIERS[qualifier][0].split("/")
        figure = {
            "before": f"{word}85亿元",
            "after": f"85亿元{word}",
            "scoped": f"{word}完成85亿元",
        }
        quote = "固定资产投资" + figure[place]
        (proposal,) = propose(Review("t.txt", quote + "。\n")).proposals
        assert proposal.qualifier == qualifier, word
        fact = Fact(
            "x.level", "d", "economy", Label("", ""), "x", Label("固定资产投资", "FAI"),
            "level", 85, "亿元", qualifier, "2019", Label("", ""), quote,
        )  # fmt: skip
        assert list(check_fact(fact)) == [], word
        assert list(check_fact(fact._replace(qualifier=None))) != [], word
        assert matching.score(fact, terms.parse(word), terms.phrase_of(word)), word
