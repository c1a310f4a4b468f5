"""`gaoxin draft` on the world's reviews: both scripts, status apart from the
bound, any counter as a unit, the cues of other regions' texts, and numbers
that are no figures. Sentences written for these tests, in the genre."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.propose import propose
from gaoxin_cli.draft.result import Draft, Proposal

TO_TRADITIONAL = opencc.OpenCC("s2t")


def draft_of(text: str) -> Draft:
    return propose(Review("test.txt", text))


def read(text: str) -> list[tuple[object, str | None, str | None, str | None, str]]:
    """(value, unit, bound, status, measure) of each proposed fact, in order."""
    return [(p.value, p.unit, p.qualifier, p.status, p.measure) for p in draft_of(text).proposals]


def one(text: str) -> Proposal:
    (found,) = draft_of(text).proposals
    return found


# --- both scripts --------------------------------------------------------------


def test_traditional_characters_are_read_as_simplified_and_kept_as_written() -> None:
    """億元, 增長 are read like 亿元, 增长; units, labels and quotes keep the traditional script."""
    text = "地區生產總值9516.9億元，同比增長5.2%。"
    assert read(text) == [
        (9516.9, "億元", None, None, "level"),
        (5.2, "%", None, None, "growth"),
    ]
    proposals = draft_of(text).proposals
    assert [p.quote for p in proposals] == [
        "地區生產總值9516.9億元",
        "地區生產總值9516.9億元，同比增長5.2%",
    ]
    assert proposals[0].indicator.label == "地區生產總值"


def test_pinyin_ruby_left_by_a_page_is_read_as_layout_and_kept_in_quotes() -> None:
    """增長(zhǎng) and 個(gè)百分點(diǎn) read as 增长 and 个百分点; the quote keeps the text as published."""
    text = "全縣地區生產總值同比增長(zhǎng)1.9%，拉動(dòng)GDP增長(zhǎng)0.8個(gè)百分點(diǎn)。"
    assert read(text) == [
        (1.9, "%", None, None, "growth"),
        (0.8, "個百分點", None, None, "change"),
    ]
    quotes = [p.quote for p in draft_of(text).proposals]
    assert all(quote in text for quote in quotes)
    assert "增長(zhǎng)1.9%" in quotes[0]


def test_a_bracketed_word_that_is_no_pinyin_is_text() -> None:
    """Only a toned syllable right after a Chinese character is ruby: (2019) and (GDP) stay text."""
    from gaoxin_cli.checks.coverage import compact

    assert compact("區(qū)生產總值(GDP)增長(zhǎng)") == "區生產總值(GDP)增長"
    assert compact("年度(2019)") == "年度(2019)"
    assert compact("one (ā) two") == "one(ā)two"


def test_a_traditional_and_a_simplified_text_are_read_alike() -> None:
    """The same clauses in either script give the same figures, units converted as written."""
    simplified = "预计，全区实现规模以上工业增加值增长8%左右；新增市场主体1.2万户。"
    traditional = TO_TRADITIONAL.convert(simplified)
    convert = TO_TRADITIONAL.convert
    assert [(v, convert(u or ""), b, s, m) for v, u, b, s, m in read(simplified)] == [
        (v, u or "", b, s, m) for v, u, b, s, m in read(traditional)
    ]


# --- status apart from the bound -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "预计，全市实现地区生产总值增长4.5%左右；一般公共预算收入增长8%以上。",
            [(4.5, "%", "about", "estimated", "growth"), (8, "%", "over", "estimated", "growth")],
        ),
        (
            "预计实现地区生产总值391亿元，增长8.6%；财政收入38.74亿元，增长4.26%。",
            [
                (391, "亿元", None, "estimated", "level"),
                (8.6, "%", None, "estimated", "growth"),
                (38.74, "亿元", None, "estimated", "level"),
                (4.26, "%", None, "estimated", "growth"),
            ],
        ),
        (
            "初步核算，全县地区生产总值400.61亿元，同比增长6.1%。",
            [
                (400.61, "亿元", None, "preliminary", "level"),
                (6.1, "%", None, "preliminary", "growth"),
            ],
        ),
        (
            "主要预期目标是：地区生产总值增长8%以上、突破1万亿元。",
            [
                (8, "%", "over", "estimated", "growth"),
                (1, "万亿元", "over", "estimated", "level"),
            ],
        ),
    ],
)
def test_a_status_word_holds_every_figure_it_leads(text: str, expected: list[object]) -> None:
    """预计 / 初步核算 / 预期目标是： that lead a sentence give each figure its status, the bound apart."""
    assert read(text) == expected
    assert all(("预" in p.quote or "初步" in p.quote) for p in draft_of(text).proposals)


def test_an_estimate_of_one_subject_stops_at_its_semicolon() -> None:
    """ "预计地区生产总值…；固定资产投资…": the second figure is final."""
    assert [
        p.status for p in draft_of("预计地区生产总值增长7.5%；固定资产投资完成85亿元。").proposals
    ] == [
        "estimated",
        None,
    ]


# --- any counter is a unit -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("集装箱吞吐量完成2.3亿标准箱。", 2.3, "亿标准箱", None),
        ("国际航线超650班次。", 650, "班次", "over"),
        ("全年新建充电桩1200根。", 1200, "根", None),
        ("生猪出栏52670头，", 52670, "头", None),
        ("实现增加值超2000亿。", 2000, "亿", "over"),
        ("发电量406461万千瓦时。", 406461, "万千瓦时", None),
    ],
)
def test_any_counter_is_a_unit_as_written(
    text: str, value: float, unit: str, bound: str | None
) -> None:
    """A counter no table lists, or a scale word alone, is the figure's unit as written."""
    proposal = one(text)
    assert (proposal.value, proposal.unit, proposal.qualifier) == (value, unit, bound)


# --- cues -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年签约88项。", (88, "项", None, None, "level")),
        ("节约资金1200万元。", (1200, "万元", None, None, "level")),
        ("外贸进出口超3600亿元。", (3600, "亿元", "over", None, "level")),
        ("居民消费价格上涨2.9%。", (2.9, "%", None, None, "growth")),
        ("居民消费价格下跌0.6%。", (-0.6, "%", None, None, "growth")),
        ("工业增加值增长-8.7%。", (-8.7, "%", None, None, "growth")),
        ("增速比全市高1.2个百分点。", (1.2, "个百分点", None, None, "vs_city")),
        ("增速比全省低0.3个百分点。", (-0.3, "个百分点", None, None, "vs_province")),
        ("增速较上半年回升2.0个百分点。", (2.0, "个百分点", None, None, "change")),
        ("地区生产总值总量居全市第三。", (3, None, None, None, "rank")),
        ("进出口总额达到两百五十二点二亿美元。", (252.2, "亿美元", None, None, "level")),
        ("工业产值比去年同期增长百分之十九点八。", (19.8, "%", None, None, "growth")),
    ],
)
def test_cues_of_other_regions_are_read_right(text: str, expected: tuple[object, ...]) -> None:
    """超 is over; 约 inside 签约 or 节约 no hedge; 上涨 growth, 下跌 and a minus a decline;
    比全市…高 compares with the city; a Chinese-numeral rank, decimal or 百分之 is read."""
    assert read(text) == [expected]


def test_each_item_of_a_comparison_list_takes_its_own_target() -> None:
    """ "高于全国1.0个百分点、全省1.9个百分点、全市0.1个百分点": national, province, city."""
    text = "增速高于全国1.0个百分点、全省1.9个百分点、全市0.1个百分点。"
    assert [p.measure for p in draft_of(text).proposals] == [
        "vs_national",
        "vs_province",
        "vs_city",
    ]


def test_the_parts_of_a_ratio_are_shares_or_before_and_after() -> None:
    """ "三次产业结构为…" is three shares; "由…调整为…" three before and three after."""
    assert [p.measure for p in draft_of("三次产业结构为5.6:56.6:37.8。").proposals] == ["share"] * 3
    text = "三次产业比例由2.7:54.8:42.5调整为2.7:56.0:41.3。"
    assert [p.measure for p in draft_of(text).proposals] == ["before"] * 3 + ["after"] * 3


# --- numbers that are no figures -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "发布时间：2018-01-24 16:20 来源：新华网",
        "2024-02-02 09:47:22 | 来源",
        "上午9时，会议开幕。",
        "县十七届人大三次会议确定的目标任务全面完成。",
        "全面贯彻党的十九届四中全会精神。",
        "第二次全国经济普查顺利完成。",
        "完成十项重点任务。",
        "实施新突破三年行动。",
        "今后三年，全区将持续推进改革。",
        "三次产业协调发展。",
    ],
)
def test_dates_times_ordinals_and_names_are_no_figures(text: str) -> None:
    """Datelines, times, ordinals, named counts and spans of years make no proposal."""
    assert draft_of(text).proposals == []


def test_digits_never_join_across_a_space() -> None:
    """ "24 16" stays two numbers: neither is read as 2416."""
    figures = {n.figure for n in draft_of("2018-01-24 16:20 全年签约88项。").not_figures}
    assert "2416" not in figures
    assert read("2018-01-24 16:20 全年签约88项。") == [(88, "项", None, None, "level")]


# --- the property ---------------------------------------------------------------------

SUBJECTS = ["固定资产投资", "专利申请量", "高新技术企业", "社会消费品零售总额", "港口货物吞吐量"]
#: Units as a text writes them: known ones, scaled ones, and counters no table lists.
UNITS = ["亿元", "万元", "元", "家", "项", "人次", "万吨", "辆", "班次", "万标箱", "艘", "根", "%"]
#: (before the figure, after the unit) -> bound.
BOUNDS = [
    (("", ""), None),
    (("超过", ""), "over"),
    (("超", ""), "over"),
    (("逾", ""), "over"),
    (("近", ""), "nearly"),
    (("约", ""), "about"),
    (("", "以上"), "over"),
    (("", "左右"), "about"),
    (("不少于", ""), "at_least"),
    (("不超过", ""), "at_most"),
]
#: A clause's lead -> status.
STATUSES = [
    ("", None),
    ("预计", "estimated"),
    ("预计，", "estimated"),
    ("初步核算，", "preliminary"),
]
NUMBERS = st.one_of(
    st.integers(1, 10**7).map(str),
    st.decimals(min_value=1, max_value=10**5, places=2).map(lambda d: format(d.normalize(), "f")),
)


@settings(max_examples=300, deadline=None)
@given(
    subject=st.sampled_from(SUBJECTS),
    verb=st.sampled_from(["", "达到", "完成", "为", "实现"]),
    number=NUMBERS,
    unit=st.sampled_from(UNITS),
    bound=st.sampled_from(BOUNDS),
    status=st.sampled_from(STATUSES),
    traditional=st.booleans(),
)
def test_any_figure_unit_bound_and_status_in_either_script_is_read_back(
    subject: str,
    verb: str,
    number: str,
    unit: str,
    bound: tuple[tuple[str, str], str | None],
    status: tuple[str, str | None],
    traditional: bool,
) -> None:
    """A generated clause, in simplified or traditional characters, gives back its figure's
    value, its unit as written, its bound and its status."""
    (before, after), qualifier = bound
    lead, state = status
    assume("." not in number or not number.endswith("0"))
    text = f"{lead}{subject}{verb}{before}{number}{unit}{after}。"
    written_unit = unit
    if traditional:
        text, written_unit = TO_TRADITIONAL.convert(text), TO_TRADITIONAL.convert(unit)
    (proposal,) = draft_of(text).proposals
    value = float(number) if "." in number else int(number)
    assert (proposal.value, proposal.unit, proposal.qualifier, proposal.status) == (
        value,
        written_unit,
        qualifier,
        state,
    ), text
    assert proposal.quote in text


@pytest.mark.parametrize(
    ("text", "period", "area"),
    [
        ("经济运行\n\n2019年，哈尔滨市生产总值增长5%。哈尔滨市统计局发布。\n", "2019", "哈尔滨市"),
        (
            "經濟運行\n\n2018年前三季度，西藏自治區生產總值增長9%。西藏自治區統計局發布。\n",
            "2018",
            "西藏自治区",
        ),
        (
            "经济运行\n\n广西壮族自治区统计局发布：广西壮族自治区生产总值增长5%。\n",
            "",
            "广西壮族自治区",
        ),
        ("经济运行\n\n2020年，全县生产总值增长5%。浦东新区发布。\n", "2020", ""),
    ],
)
def test_the_period_and_area_a_title_lacks_are_guessed_from_the_text(
    text: str, period: str, area: str
) -> None:
    """The year named most and the area named more than once, its whole name (自治区 too),
    as read (the folder is written in the text's own script)."""
    masthead = Review("test.txt", text).masthead
    assert (masthead.period, masthead.area) == (period, area)
