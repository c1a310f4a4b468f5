"""`gaoxin draft`: figures, hedges, measures and non-figures read from sentences
of the genre (city work reports, zone reviews), written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gaoxin_cli.draft.article import Review, section_of
from gaoxin_cli.draft.propose import propose
from gaoxin_cli.draft.result import Draft, Proposal
from gaoxin_cli.model import units


def draft_of(text: str) -> Draft:
    return propose(Review("test.txt", text))


def facts_of(text: str) -> list[tuple[object, str | None, str | None, str]]:
    """(value, unit, qualifier or status, measure) of each proposed fact, in order."""
    return [(p.value, p.unit, p.qualifier or p.status, p.measure) for p in draft_of(text).proposals]


def one(text: str, figure: str) -> Proposal:
    found = [p for p in draft_of(text).proposals if p.number.written == figure]
    assert len(found) == 1, [p.number.written for p in draft_of(text).proposals]
    return found[0]


def test_an_estimate_before_a_comma_hedges_every_figure_of_its_list() -> None:
    """A work report's "预计，…左右；…左右" list: each figure is estimated, each quote holds 预计."""
    text = "预计，全市实现地区生产总值增长4.5%左右；一般公共预算收入增长8%左右。"
    proposals = draft_of(text).proposals
    assert [(p.value, p.qualifier, p.status) for p in proposals] == [
        (4.5, "about", "estimated"),
        (8, "about", "estimated"),
    ]
    assert all(p.quote.startswith("预计") for p in draft_of(text).proposals)


def test_an_estimate_of_one_subject_ends_at_the_semicolon() -> None:
    """ "预计地区生产总值…；固定资产投资…": the estimate does not reach past the semicolon."""
    text = "预计地区生产总值增长7.5%，高于全市1个百分点；固定资产投资完成85亿元。"
    assert facts_of(text) == [
        (7.5, "%", "estimated", "growth"),
        (1, "个百分点", "estimated", "vs_city"),
        (85, "亿元", None, "level"),
    ]


def test_respectively_above_the_province_and_the_nation() -> None:
    """ "分别高于全省、全国0.9和0.4个百分点": two comparisons sharing one unit, paired in order."""
    text = "城镇居民人均可支配收入增长6.5%，分别高于全省、全国0.9和0.4个百分点。"
    assert facts_of(text) == [
        (6.5, "%", None, "growth"),
        (0.9, "个百分点", None, "vs_province"),
        (0.4, "个百分点", None, "vs_national"),
    ]
    indicators = {p.indicator.label for p in draft_of(text).proposals}
    assert indicators == {"城镇居民人均可支配收入"}


def test_below_the_city_is_negative() -> None:
    """ "低于全市0.5个百分点" is vs_city −0.5, its figure written 0.5."""
    proposal = one("全区规模以上工业增加值增长3.1%，低于全市0.5个百分点。", "0.5")
    assert (proposal.value, proposal.measure) == (-0.5, "vs_city")


def test_over_a_hundred() -> None:
    """ "超过100家" is over; 新增 makes it an increase."""
    assert facts_of("全年新增高新技术企业超过100家。") == [(100, "家", "over", "increase")]


def test_area_and_growth_of_one_thing() -> None:
    """ "18.79万㎡，增长45.7%": one indicator, a level and its growth."""
    text = "全区商品房销售面积18.79万㎡，增长45.7%。"
    assert facts_of(text) == [(18.79, "万㎡", None, "level"), (45.7, "%", None, "growth")]
    assert len({p.indicator.id for p in draft_of(text).proposals}) == 1


def test_a_figure_split_across_lines_by_the_page_layout() -> None:
    """ "有8⏎⏎家企业" is 8家, and the quote joins the lines."""
    proposal = one("全年有8\n\n家企业在全国创新创业大赛中获奖。", "8")
    assert (proposal.value, proposal.unit) == (8, "家")
    assert proposal.quote == "全年有8家企业在全国创新创业大赛中获奖"
    assert proposal.line == 1


def test_thousands_commas_full_width_digits_and_fractions() -> None:
    """56,708.71 keeps its commas as written; full-width digits and percent read as 32 %; 1/6 is a share."""
    found = draft_of(
        "实现营业收入56,708.71亿元，同比增长\uff13\uff12\uff05，占全市的1/6。"
    ).proposals
    assert [(p.value, p.unit, p.written, p.measure) for p in found] == [
        (56708.71, "亿元", "56,708.71", "level"),
        (32, "%", None, "growth"),
        ("1/6", None, None, "share_of_city"),
    ]


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("接待来访客商团组200余个。", "200", "over"),
        ("办理政务服务事项42.8万余件。", "42.8", "over"),
        ("全年净增各类人才7000多人。", "7000", "over"),
        ("撬动社会资本50多亿元。", "50", "over"),
        ("高于全市20个百分点以上。", "20", "over"),
        ("引进项目逾30个。", "30", "over"),
        ("吸引投资近6亿元。", "6", "nearly"),
        ("带动就业约1.2万人。", "1.2", "about"),
        ("每月至少召开两次例会。", "两", "at_least"),
        ("推动53个5000万元以上投资项目开复工。", "5000", None),
        ("146名副处级以上领导干部联系重点企业。", "146", None),
    ],
)
def test_hedges(text: str, figure: str, qualifier: str | None) -> None:
    """Each hedge word asks for its qualifier; 以上 before a noun is no hedge."""
    assert one(text, figure).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("新建众创空间3家，累计建成43家。", "3", "increase"),
        ("新建众创空间3家，累计建成43家。", "43", "level"),
        ("新认定瞪羚企业10家、新型研发机构3家。", "3", "increase"),
        ("全市占比43%。", "43", "share_of_city"),
        ("研发经费支出占地区生产总值比重为4%。", "4", "share"),
        ("城镇登记失业率控制在1.16%。", "1.16", "rate"),
        ("空气质量优良天数比例为82.1%。", "82.1", "rate"),
        ("新增贷款25.6亿元，增速达40.8%。", "40.8", "growth"),
        ("工业用电量下降2.3%。", "2.3", "growth"),
        ("低保标准由每人每月690元提高到720元。", "690", "before"),
        ("低保标准由每人每月690元提高到720元。", "720", "after"),
        ("推动53个5000万元以上投资项目开复工。", "5000", "threshold"),
        ("新办企业登记普及率达93.13%，居全省第3位。", "3", "rank"),
    ],
)
def test_measures(text: str, figure: str, measure: str) -> None:
    """The words around a figure say its measure."""
    assert one(text, figure).measure == measure


def test_a_decline_is_a_negative_growth() -> None:
    """ "下降2.3%" is growth −2.3."""
    assert one("工业用电量下降2.3%。", "2.3").value == -2.3


def test_respectively_pairs_shares_with_the_figures_they_follow() -> None:
    """ "专利申请量3288件、授权量2124件，全市占比分别为30%、40%": 30 % is the applications'."""
    text = "专利申请量3288件、授权量2124件，全市占比分别为30%、40%。"
    by_figure = {p.number.written: p.indicator.label for p in draft_of(text).proposals}
    assert by_figure == {"3288": "专利申请量", "30": "专利申请量", "2124": "授权量", "40": "授权量"}


@pytest.mark.parametrize(
    ("text", "figure", "quote"),
    [
        ("2020年，全区经济平稳运行。", "2020", "2020年"),
        ("成功举办第21届中国海创周。", "21", "第21届"),
        ("重点培育“1+5”产业方向。", "5", "“1+5”"),
        ("开通12345市民热线。", "12345", "12345市民热线"),
        ("PM2.5年均浓度28微克/立方米。", "2.5", "PM2.5"),
        ("建成5G基站300个。", "5", "5G"),
        ("1至9月，出口稳步增长。", "1", "1至9月"),
        ("发布智能制造3.0版。", "3.0", "3.0版"),
        ("吸引世界500强企业投资。", "500", "500强"),
        ("实施“众创十二条”。", "十二", "“众创十二条”"),
        ("走出了一条成功的路。", "一", "一条"),
    ],
)
def test_numbers_that_are_not_figures(text: str, figure: str, quote: str) -> None:
    """Years, ordinals, names, hotlines, dates and versions go to the not-figures list."""
    listed = {(n.figure, n.quote) for n in draft_of(text).not_figures}
    assert (figure, quote) in listed
    assert figure not in {p.number.written for p in draft_of(text).proposals}


def test_chinese_numerals_that_count() -> None:
    """两次, 三个, 十二个 are counts with their counter as unit."""
    found = draft_of("每月召开两次例会，围绕三个关键点，建成十二个示范社区。").proposals
    assert [(p.value, p.unit, p.written) for p in found] == [
        (2, "次", "两"),
        (3, "个", "三"),
        (12, "个", "十二"),
    ]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("经济指标强力攀升", "economy"),
        ("招商“双创”持续发力 创新资源快速集聚", "investment"),
        ("科技创新成果喜人", "innovation"),
        ("服务水平大幅提升 营商环境显著优化", "services"),
        ("社会治理成效显著 民生保障全面改善", "governance"),
        ("全面从严治党深入推进 作风建设取得明显成效", "party"),
        ("主责主业得到强化", "unsorted"),
    ],
)
def test_headings_name_sections(heading: str, section: str) -> None:
    """A heading's first cue word names its section; with none, it is unsorted."""
    assert section_of(heading) == section


def test_headings_split_the_text_into_sections() -> None:
    """Figures under a heading land in its section; before any heading, in overview."""
    text = "导语：全年接待游客300万人次。\n\n经济运行稳中有进\n\n地区生产总值增长6%。\n\n民生保障持续改善\n\n新建学校4所。\n"
    sections = [(p.number.written, p.indicator.section) for p in draft_of(text).proposals]
    assert sections == [("300", "overview"), ("6", "economy"), ("4", "governance")]


#: Subjects of generated clauses: nouns of the genre.
SUBJECTS = ["固定资产投资", "专利申请量", "高新技术企业", "城镇新增就业", "社会消费品零售总额"]
#: Every known unit: each base unit, and each scale word before the units that take one.
UNITS = [*units.BASE_UNITS] + [
    scale + base
    for scale, _ in units.SCALES
    for base in units.BASE_UNITS
    if base not in units.UNSCALED
]
#: (before the figure, between figure and unit, after the unit, clause prefix) -> qualifier.
HEDGES = [
    (("", "", "", ""), None),
    (("超过", "", "", ""), "over"),
    (("逾", "", "", ""), "over"),
    (("近", "", "", ""), "nearly"),
    (("约", "", "", ""), "about"),
    (("", "余", "", ""), "over"),
    (("", "多", "", ""), "over"),
    (("", "", "以上", ""), "over"),
    (("", "", "左右", ""), "about"),
    (("", "", "", "至少"), "at_least"),
]
NUMBERS = st.one_of(
    st.integers(0, 10**8).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2).map(lambda d: format(d.normalize(), "f")),
)


@given(
    subject=st.sampled_from(SUBJECTS),
    verb=st.sampled_from(["", "达到", "完成", "为", "实现"]),
    number=NUMBERS,
    unit=st.sampled_from(UNITS),
    hedge=st.sampled_from(HEDGES),
)
def test_any_number_with_any_unit_and_hedge_is_read_back(
    subject: str, verb: str, number: str, unit: str, hedge: tuple[tuple[str, ...], str | None]
) -> None:
    """A generated clause's figure is proposed with its value, unit and hedge."""
    (before, inside, after, prefix), qualifier = hedge
    assume(not (inside and unit in units.UNSCALED))
    assume(not (unit.endswith("年") and 1900 <= float(number) < 2100))
    text = f"{prefix}{subject}{verb}{before}{number}{inside}{unit}{after}。"
    found = draft_of(text).proposals
    assert len(found) == 1, text
    proposal = found[0]
    value = float(number) if "." in number else int(number)
    assert (abs(proposal.value), proposal.unit, proposal.qualifier) == (value, unit, qualifier), (
        text
    )
    assert proposal.status is None, text


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("城镇新增就业不少于5万人。", "5", "at_least"),
        ("粮食产量不低于300万吨。", "300", "at_least"),
        ("外贸进出口总额突破500亿元。", "500", "over"),
        ("单位GDP能耗下降不超过3%。", "3", "at_most"),
        ("城镇调查失业率控制在5.5%以内。", "5.5", "at_most"),
        ("PM2.5浓度降至35微克/立方米以下。", "35", "at_most"),
    ],
)
def test_more_hedges(text: str, figure: str, qualifier: str) -> None:
    """不少于, 不低于 are at_least; 突破 is over; 不超过, 以内, 以下 at the phrase's end are at_most."""
    assert one(text, figure).qualifier == qualifier


def test_an_estimate_with_its_own_hedge_keeps_both() -> None:
    """ "预计…增长6.5%左右": status estimated, and the bound about."""
    proposal = one("预计全年地区生产总值增长6.5%左右。", "6.5")
    assert (proposal.status, proposal.qualifier) == ("estimated", "about")


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("增幅比上年提高3.2个百分点。", "3.2", 3.2),
        ("降幅比上半年收窄0.6个百分点。", "0.6", -0.6),
    ],
)
def test_points_with_no_comparison_are_a_change(text: str, figure: str, value: float) -> None:
    """个百分点 after 提高 or 收窄, compared with nothing, is a change (收窄 negative)."""
    proposal = one(text, figure)
    assert (proposal.measure, proposal.value) == ("change", value)


def test_a_thousands_comma_does_not_end_the_clause() -> None:
    """ "56,708.71亿元" is quoted whole; "1,234万人次" has the unit 万人次."""
    text = "全市完成地区生产总值56,708.71亿元，接待游客1,234万人次。"
    found = draft_of(text).proposals
    assert [(p.quote, p.unit) for p in found] == [
        ("全市完成地区生产总值56,708.71亿元", "亿元"),
        ("接待游客1,234万人次", "万人次"),
    ]


def test_compound_chinese_numerals() -> None:
    """二百零三所 is 203, written 二百零三."""
    proposal = one("全市共有各类学校二百零三所。", "二百零三")
    assert (proposal.value, proposal.unit) == (203, "所")


def test_punctuation_inside_a_short_quotation_does_not_end_the_clause() -> None:
    """ "“精气神不够,患得患失”问题等11项": the quote holds the whole quotation."""
    proposal = one("整治“干事创业精气神不够,患得患失”等11项问题。", "11")
    assert proposal.quote == "整治“干事创业精气神不够,患得患失”等11项问题"


def test_respectively_after_a_subject_of_its_own_stays_with_it() -> None:
    """ "城乡居民人均可支配收入分别增长5.2%和7.1%" is not paired with earlier figures."""
    text = "地区生产总值增长6%，一般公共预算收入增长5%，城乡居民人均可支配收入分别增长5.2%和7.1%。"
    labels = [p.indicator.label for p in draft_of(text).proposals]
    assert labels[2:] == ["城乡居民人均可支配收入", "城乡居民人均可支配收入"]


def test_numbered_headings_open_sections() -> None:
    """ "一、…" and "二、2024年…" are headings: their text is no label, their year no figure."""
    text = "一、经济运行\n\n全区实现地区生产总值865.4亿元。\n\n二、2024年主要目标\n\n地区生产总值增长6%左右。\n"
    draft = draft_of(text)
    assert [(p.indicator.section, p.indicator.label) for p in draft.proposals] == [
        ("economy", "地区生产总值"),
        ("unsorted", "地区生产总值"),
    ]
    assert ("2024", "2024年") in {(n.figure, n.quote) for n in draft.not_figures}


def test_a_rank_is_labelled_by_its_subject() -> None:
    """ "实际利用外资居全省第2位" is rank 2 of 实际利用外资."""
    proposal = one("实际利用外资居全省第2位。", "2")
    assert (proposal.measure, proposal.indicator.label, proposal.unit) == (
        "rank",
        "实际利用外资",
        "位",
    )


def test_too_many_digits_are_no_figure() -> None:
    """A run of thousands of digits is listed as a not-figure, never read as a number."""
    draft = draft_of("编号" + "9" * 5000 + "。")
    assert draft.proposals == []
    assert [n.reason for n in draft.not_figures] == ["too many digits to be a figure"]


@pytest.mark.slow
@given(st.integers(1, 400))
def test_a_quote_stays_near_its_figure_however_long_the_clause(repeats: int) -> None:
    """In a clause that runs on (no punctuation), each quote holds its figure and
    at most 80 characters either side."""
    text = "固定资产投资完成85亿元" * repeats + "。"
    for proposal in draft_of(text).proposals:
        assert "85亿元" in proposal.quote
        assert len(proposal.quote) <= 2 * 80 + len("85亿元")
