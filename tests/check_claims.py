"""The check relevance set: claims about the shipped review, each with the
verdict and fact every figure of it must get.

Right claims and each kind of wrong one (another value, scale, currency or
unit; a bound or a status dropped, added or changed; another measure;
indicators the review never states, or states ambiguously), in simplified
and traditional characters, and whole paragraphs. Used by tests/test_check.py
(which fails below 95 % accuracy and on any wrong figure called "agrees")
and by bench/check_quality.py (which prints the accuracy and the misses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaoxin_cli import Book

A, D, U = "agrees", "differs", "unknown"

#: (text, one (verdict, fact id or None) per figure it states, in order)
CLAIMS: list[tuple[str, list[tuple[str, str | None]]]] = [
    # --- right, simplified -------------------------------------------------
    ("预计地区生产总值增长7.5%，高于全市1个百分点。", [(A, "gdp.growth"), (A, "gdp.vs_city")]),
    (
        "固定资产投资完成85亿元，增长18.3%。",
        [(A, "fixed-asset-investment.level"), (A, "fixed-asset-investment.growth")],
    ),
    ("固定资产投资增速高于全市20个百分点以上", [(A, "fixed-asset-investment.vs_city")]),
    (
        "一般公共预算收入32.8亿元，增长6%。",
        [(A, "general-public-budget-revenue.level"), (A, "general-public-budget-revenue.growth")],
    ),
    (
        "实际利用外资1亿美元，增长44.3%，占全市的1/6。",
        [
            (A, "foreign-investment.level"),
            (A, "foreign-investment.growth"),
            (A, "foreign-investment.share_of_city"),
        ],
    ),
    (
        "进出口总额90.6亿元，增长11.98%，高于全市21个百分点。",
        [
            (A, "imports-exports.level"),
            (A, "imports-exports.growth"),
            (A, "imports-exports.vs_city"),
        ],
    ),
    (
        "新增高科技企业277家，总数达到757家，占全市的43%。",
        [
            (A, "high-tech-enterprises.increase"),
            (A, "high-tech-enterprises.level"),
            (A, "high-tech-enterprises.share_of_city"),
        ],
    ),
    (
        "专利申请量3288件，专利授权量2124件。",
        [(A, "patent-applications.level"), (A, "patent-grants.level")],
    ),
    (
        "技术合同成交额102亿元，占全市54%。",
        [(A, "technology-contracts.level"), (A, "technology-contracts.share_of_city")],
    ),
    ("研发经费支出占地区生产总值比重达4%。", [(A, "rd-intensity.share")]),
    ("高新技术产品增加值增长41%", [(A, "high-tech-products-value-added.growth")]),
    ("区域金融机构达到121家", [(A, "financial-institutions.level")]),
    (
        "城镇新增就业3256人，城镇登记失业率1.16%。",
        [(A, "urban-employment.increase"), (A, "registered-unemployment.rate")],
    ),
    (
        "低保配套标准由每人每月690元提高到720元。",
        [(A, "minimum-living-allowance.before"), (A, "minimum-living-allowance.after")],
    ),
    (
        "环境空气质量优良天数比例82.1%，PM2.5年均浓度28微克/立方米。",
        [(A, "good-air-days.rate"), (A, "pm25.level")],
    ),
    ("净增各类人才7000余人", [(A, "talent-net-increase.increase")]),
    ("第20届中国海创周吸引投资近6亿元", [(A, "haichuang-week-investment.level")]),
    ("全年办理政务服务事项42.8万余件", [(A, "service-items-handled.level")]),
    ("政务服务事项网上可办率100%", [(A, "online-availability.rate")]),
    ("新办企业全程电子化登记普及率93.13%", [(A, "electronic-registration.rate")]),
    ("建成区居民垃圾分类覆盖率达到97%", [(A, "garbage-sorting-coverage.rate")]),
    (
        "新建扩建学校4所、公立幼儿园4所",
        [(A, "schools.increase"), (A, "public-kindergartens.increase")],
    ),
    (
        "区内金融机构新增贷款25.6亿元，增长40.8%",
        [(A, "new-loans.increase"), (A, "new-loans.growth")],
    ),
    ("众创空间新增3家，总数达到43家", [(A, "maker-spaces.increase"), (A, "maker-spaces.level")]),
    ("举办各类创业活动2215场次", [(A, "startup-events.level")]),
    ("园区城市品质提升工程区财政投入2.03亿元", [(A, "park-quality-spending.level")]),
    (
        "新三板挂牌企业36家，新四板挂牌企业114家",
        [(A, "neeq-listed.level"), (A, "regional-equity-listed.level")],
    ),
    ("兑现各类扶持政策5.96亿元", [(A, "support-policies-paid.level")]),
    ("新增减税降费12亿元", [(A, "tax-fee-cuts.increase")]),
    ("产业创投引导基金撬动社会资本50亿元以上", [(A, "social-capital-leveraged.level")]),
    ("GDP预计增长7.5%", [(A, "gdp.growth")]),
    ("财政收入32.8亿元", [(A, "general-public-budget-revenue.level")]),
    # --- right, traditional ------------------------------------------------
    ("預計地區生產總值增長7.5%", [(A, "gdp.growth")]),
    (
        "固定資產投資完成85億元，增長18.3%",
        [(A, "fixed-asset-investment.level"), (A, "fixed-asset-investment.growth")],
    ),
    ("實際利用外資1億美元", [(A, "foreign-investment.level")]),
    ("專利申請量3288件", [(A, "patent-applications.level")]),
    ("技術合同成交額102億元", [(A, "technology-contracts.level")]),
    ("城鎮新增就業3256人", [(A, "urban-employment.increase")]),
    ("第20屆中國海創周吸引投資近6億元", [(A, "haichuang-week-investment.level")]),
    # --- another value ---------------------------------------------------
    ("固定资产投资增长19.3%", [(D, "fixed-asset-investment.growth")]),
    ("固定资产投资完成95亿元", [(D, "fixed-asset-investment.level")]),
    (
        "进出口总额90.6亿元，增长12.98%",
        [(A, "imports-exports.level"), (D, "imports-exports.growth")],
    ),
    ("专利授权量2214件", [(D, "patent-grants.level")]),
    ("城镇登记失业率1.6%", [(D, "registered-unemployment.rate")]),
    (
        "特困标准由每人每月1380元提高到1500元",
        [(A, "extreme-poverty-standard.before"), (D, "extreme-poverty-standard.after")],
    ),
    ("高科技企业新增227家", [(D, "high-tech-enterprises.increase")]),
    ("区域金融机构达到112家", [(D, "financial-institutions.level")]),
    ("财政收入增长16.3%", [(D, "general-public-budget-revenue.growth")]),
    ("高科技企业277家", [(D, "high-tech-enterprises.increase")]),
    ("固定資產投資增長19.3%", [(D, "fixed-asset-investment.growth")]),
    ("实际利用外资下降44.3%", [(D, "foreign-investment.growth")]),
    # --- another scale ---------------------------------------------------
    ("技术合同成交额102万元", [(D, "technology-contracts.level")]),
    ("一般公共预算收入32.8万元", [(D, "general-public-budget-revenue.level")]),
    ("“先予处置”专项资金2000元", [(D, "act-first-fund.level")]),
    ("产业创投引导基金撬动社会资本50万元以上", [(D, "social-capital-leveraged.level")]),
    # --- another currency or unit --------------------------------------------
    ("实际利用外资1亿元", [(D, "foreign-investment.level")]),
    ("固定资产投资完成85亿美元", [(D, "fixed-asset-investment.level")]),
    ("进出口总额90.6亿美元", [(D, "imports-exports.level")]),
    ("實際利用外資1億元", [(D, "foreign-investment.level")]),
    ("进出口总额增速高于全市21%", [(D, "imports-exports.vs_city")]),
    # --- a bound dropped, added or changed -----------------------------------
    ("净增各类人才7000人", [(D, "talent-net-increase.increase")]),
    ("第20届中国海创周吸引投资6亿元", [(D, "haichuang-week-investment.level")]),
    ("接待来访客商团组200个", [(D, "visiting-delegations.level")]),
    ("全年办理政务服务事项42.8万件", [(D, "service-items-handled.level")]),
    ("城镇新增就业3256余人", [(D, "urban-employment.increase")]),
    ("技术合同成交额超过102亿元", [(D, "technology-contracts.level")]),
    ("第20届中国海创周吸引投资6亿元以上", [(D, "haichuang-week-investment.level")]),
    ("区域金融机构近121家", [(D, "financial-institutions.level")]),
    ("淨增各類人才7000人", [(D, "talent-net-increase.increase")]),
    # --- a status dropped, added or changed ----------------------------------
    ("地区生产总值增长7.5%", [(D, "gdp.growth")]),
    ("预计固定资产投资增长18.3%", [(D, "fixed-asset-investment.growth")]),
    ("GDP增长7.5%，高于全市1个百分点", [(D, "gdp.growth"), (D, "gdp.vs_city")]),
    ("初步核算，地区生产总值增长7.5%", [(D, "gdp.growth")]),
    ("地區生產總值增長7.5%", [(D, "gdp.growth")]),
    # --- another measure -------------------------------------------------
    ("固定资产投资占全市的18.3%", [(D, "fixed-asset-investment.growth")]),
    ("高科技企业增长43%", [(D, "high-tech-enterprises.share_of_city")]),
    ("专利申请量增长30%", [(D, "patent-applications.share_of_city")]),
    ("技术合同成交额增长54%", [(D, "technology-contracts.share_of_city")]),
    ("新增贷款增长25.6%", [(D, "new-loans.growth")]),
    # --- not in the data, or not said which ----------------------------------
    ("机场旅客吞吐量800万人次", [(U, None)]),
    ("社会消费品零售总额增长8%", [(U, None)]),
    ("规模以上工业增加值增长10.2%", [(U, None)]),
    ("专利3288件", [(U, None)]),
    ("固定资产投资占全市的20%", [(U, None)]),
    ("全区常住人口30万人", [(U, None)]),
    ("高新区税收收入增长5%", [(U, None)]),
    ("研发人员增长12%", [(U, None)]),
    ("新增市场主体1.2万户", [(U, None)]),
    ("社會消費品零售總額增長8%", [(U, None)]),
    # --- what else makes a figure wrong or undecidable ----------------------
    ("固定资产投资负增长18.3%", [(D, "fixed-asset-investment.growth")]),
    ("固定资产投资下滑18.3%", [(D, "fixed-asset-investment.growth")]),
    ("固定资产投资18.3%", [(U, None)]),
    (
        "固定资产投资、一般公共预算收入分别增长6%和18.3%",
        [(D, "fixed-asset-investment.growth"), (D, "general-public-budget-revenue.growth")],
    ),
    (
        "专利申请量、授权量分别为3288件、2124件",
        [(A, "patent-applications.level"), (A, "patent-grants.level")],
    ),
    ("专利申请量、授权量分别为3288件", [(U, None)]),
    (
        "高新技术企业757家，占全省43%",
        [(A, "high-tech-enterprises.level"), (D, "high-tech-enterprises.share_of_city")],
    ),
    ("固定资产投资并未达到85亿元", [(U, None)]),
    ("固定资产投资目标为85亿元", [(U, None)]),
    ("2018年固定资产投资完成85亿元", [(U, None)]),
    ("2019年上半年，固定资产投资完成85亿元", [(U, None)]),
    ("全市固定资产投资完成85亿元", [(U, None)]),
    ("大连市固定资产投资完成85亿元", [(U, None)]),
    ("固定资产投资比2018年增长18.3%", [(A, "fixed-asset-investment.growth")]),
    (
        "固定资产投资完成85亿元，净增各类人才九千多人",
        [(A, "fixed-asset-investment.level"), (U, None)],
    ),
    ("固定资产投资完成85亿元，FDI 9亿美元", [(A, "fixed-asset-investment.level"), (U, None)]),
    ("实际利用外资占全市的六分之五", [(U, None)]),
    ("有效发明专利242件", [(U, None)]),
    ("固定资产投资不到85亿元", [(D, "fixed-asset-investment.level")]),
    ("一般公共预算收入实际增长6%", [(U, None)]),
    # --- whole paragraphs ------------------------------------------------
    (
        "2019年，大连高新区预计地区生产总值增长7.5%。固定资产投资完成95亿元，增长18.3%。"
        "全区社会消费品零售总额增长8%。",
        [
            (A, "gdp.growth"),
            (D, "fixed-asset-investment.level"),
            (A, "fixed-asset-investment.growth"),
            (U, None),
        ],
    ),
    (
        "2019年，高新區新增高科技企業277家，總數達到757家。專利申請量3288件，占全市的30%。"
        "技術合同成交額102億元。",
        [
            (A, "high-tech-enterprises.increase"),
            (A, "high-tech-enterprises.level"),
            (A, "patent-applications.level"),
            (A, "patent-applications.share_of_city"),
            (A, "technology-contracts.level"),
        ],
    ),
    (
        "全年新引进世界500强及行业领军企业项目18个，新增众创空间3家，总数达到43家，"
        "举办各类创业活动2215场次，引进高层次人才219名。",
        [
            (A, "fortune500-leader-projects.increase"),
            (A, "maker-spaces.increase"),
            (A, "maker-spaces.level"),
            (A, "startup-events.level"),
            (A, "high-level-talent.increase"),
        ],
    ),
    (
        "城镇新增就业3256人，城镇登记失业率1.16%，\n低保配套标准由每人每月690元提高到750元。",
        [
            (A, "urban-employment.increase"),
            (A, "registered-unemployment.rate"),
            (A, "minimum-living-allowance.before"),
            (D, "minimum-living-allowance.after"),
        ],
    ),
]


class Score:
    """How right `book.check` is on CLAIMS: figures right (verdict and fact as
    expected), figures in all, wrong figures called "agrees", and the misses."""

    def __init__(self, book: Book, claims: list[tuple[str, list[tuple[str, str | None]]]]) -> None:
        self.right = self.total = self.false_agrees = 0
        self.misses: list[str] = []
        for text, expected in claims:
            got = [(r["verdict"], r["fact"]) for r in book.check(text)]
            for n in range(max(len(got), len(expected))):
                want = expected[n] if n < len(expected) else None
                have = got[n] if n < len(got) else None
                self.total += 1
                if have == want:
                    self.right += 1
                    continue
                if have is not None and have[0] == A and (want is None or want != have):
                    self.false_agrees += 1
                self.misses.append(f"{text!r} figure {n + 1}: expected {want}, got {have}")

    @property
    def accuracy(self) -> float:
        """The share of figures whose verdict and fact are right."""
        return self.right / self.total
