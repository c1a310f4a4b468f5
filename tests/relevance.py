"""The search relevance set: queries a journalist or analyst would type, each
with the indicators that must be among its first five results.

Half English, half Chinese; numbers in several notations. Used by
tests/test_relevance.py (which fails below 95 % recall@5) and by
bench/search_quality.py (which prints recall@5 and MRR).
"""

SHARE_OF_CITY = (
    "foreign-investment",
    "high-tech-enterprises",
    "patent-applications",
    "patent-grants",
    "technology-contracts",
)

#: (query, indicators that must be in the first five results)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # English words
    ("patents", ("patent-applications", "patent-grants")),
    ("patent applications", ("patent-applications",)),
    ("FDI", ("foreign-investment",)),
    ("foreign direct investment", ("foreign-investment",)),
    ("trade", ("imports-exports",)),
    ("exports", ("imports-exports",)),
    ("fiscal revenue", ("general-public-budget-revenue",)),
    ("jobs", ("urban-employment",)),
    ("unemployment", ("registered-unemployment",)),
    ("GDP", ("gdp",)),
    ("investment", ("fixed-asset-investment", "foreign-investment")),
    ("fixed-asset investment", ("fixed-asset-investment",)),
    ("high-tech enterprises", ("high-tech-enterprises",)),
    ("estimated", ("gdp",)),
    ("nearly", ("haichuang-week-investment",)),
    ("talent", ("talent-net-increase", "high-level-talent")),
    ("air quality", ("good-air-days",)),
    ("PM2.5", ("pm25",)),
    ("waste sorting", ("garbage-sorting-coverage",)),
    ("kindergartens", ("public-kindergartens",)),
    ("tax cuts", ("tax-fee-cuts",)),
    ("loans", ("new-loans",)),
    ("listed companies", ("main-board-listed",)),
    ("unicorns", ("potential-unicorns",)),
    ("gazelle", ("gazelle-enterprises",)),
    ("hotline", ("citizen-hotline",)),
    ("minimum living allowance", ("minimum-living-allowance",)),
    ("R&D", ("rd-intensity",)),
    ("maker spaces", ("maker-spaces",)),
    ("share of the city", SHARE_OF_CITY),
    ("growth", ("gdp", "fixed-asset-investment")),
    ("Haichuang Week", ("haichuang-week-investment",)),
    ("technology contracts", ("technology-contracts",)),
    ("garbage sorting", ("garbage-sorting-model-communities", "garbage-sorting-coverage")),
    ("poverty", ("extreme-poverty-standard",)),
    ("budget revenue growth", ("general-public-budget-revenue",)),
    ("imports", ("imports-exports",)),
    # numbers, in several notations
    ("3288", ("patent-applications",)),
    ("3,288", ("patent-applications",)),
    ("\uff13\uff12\uff18\uff18", ("patent-applications",)),  # full-width digits
    ("85亿", ("fixed-asset-investment",)),
    ("85亿元", ("fixed-asset-investment",)),
    ("8.5 bn", ("fixed-asset-investment",)),
    ("8.5 billion", ("fixed-asset-investment",)),
    ("850000万", ("fixed-asset-investment",)),
    ("18.3%", ("fixed-asset-investment",)),
    ("7.5%", ("gdp",)),
    ("1/6", ("foreign-investment",)),
    ("2124", ("patent-grants",)),
    ("44.3%", ("foreign-investment",)),
    ("32.8亿元", ("general-public-budget-revenue",)),
    ("3.28 billion yuan", ("general-public-budget-revenue",)),
    ("757", ("high-tech-enterprises",)),
    ("97%", ("garbage-sorting-coverage",)),
    ("81118111", ("citizen-hotline",)),
    ("720元", ("minimum-living-allowance",)),
    ("100 million dollars", ("foreign-investment",)),
    # Chinese
    ("专利", ("patent-applications", "patent-grants")),
    ("专利申请", ("patent-applications",)),
    ("高新技术企业", ("high-tech-enterprises",)),
    ("外资", ("foreign-investment",)),
    ("占全市", SHARE_OF_CITY),
    ("预计", ("gdp",)),
    ("近", ("haichuang-week-investment",)),
    ("增长", ("gdp", "fixed-asset-investment")),
    ("固定资产投资", ("fixed-asset-investment",)),
    ("进出口", ("imports-exports",)),
    ("外贸", ("imports-exports",)),
    ("财政收入", ("general-public-budget-revenue",)),
    ("就业", ("urban-employment",)),
    ("失业率", ("registered-unemployment",)),
    ("地区生产总值", ("gdp",)),
    ("人才", ("talent-net-increase", "high-level-talent")),
    ("垃圾分类", ("garbage-sorting-coverage",)),
    ("空气质量", ("good-air-days",)),
    ("低保", ("minimum-living-allowance",)),
    ("瞪羚", ("gazelle-enterprises",)),
    ("独角兽", ("potential-unicorns",)),
    ("贷款", ("new-loans",)),
    ("上市公司", ("main-board-listed",)),
    ("众创空间", ("maker-spaces",)),
    ("海创周", ("haichuang-week-investment",)),
    ("幼儿园", ("public-kindergartens",)),
    ("技术合同", ("technology-contracts",)),
    ("研发", ("rd-intensity",)),
    ("以上", ("visiting-delegations",)),
    ("减税降费", ("tax-fee-cuts",)),
    ("热线", ("citizen-hotline",)),
    ("新增就业", ("urban-employment",)),
    ("专利 占全市", ("patent-applications", "patent-grants")),
    ("外资 增长", ("foreign-investment",)),
    # Questions in plain words: question and stop words are ignored, a word no
    # fact has leaves the facts with the most of the others, and "fastest",
    # "highest", 最快 … order by value
    ("how many high-tech enterprises", ("high-tech-enterprises",)),
    ("how many patents were granted", ("patent-grants",)),
    ("what was fixed asset investment growth", ("fixed-asset-investment",)),
    ("what is the unemployment rate", ("registered-unemployment",)),
    ("fastest growth", ("foreign-investment",)),
    ("largest share of city", ("technology-contracts",)),
    ("7000 people", ("talent-net-increase",)),
    ("20 percentage points", ("fixed-asset-investment",)),
    ("44.3 per cent", ("foreign-investment",)),
    ("USD", ("foreign-investment",)),
    ("高新技术企业有多少家", ("high-tech-enterprises",)),
    ("增长最快", ("foreign-investment",)),
    ("哪个指标占全市比重最高", ("technology-contracts",)),
    ("专利授权量是多少", ("patent-grants",)),
]


def measure(search) -> tuple[float, float, list[tuple[str, list[str]]]]:
    """(recall@5, mean reciprocal rank, misses) of `search`, a function from a
    query to the indicator ids of its results, best first."""
    recalls = []
    ranks = []
    misses = []
    for query, wanted in QUERIES:
        found = search(query)
        top = found[:5]
        recalls.append(sum(w in top for w in wanted) / len(wanted))
        first = next((n for n, ind in enumerate(found, 1) if ind in wanted), None)
        ranks.append(1 / first if first else 0.0)
        if any(w not in top for w in wanted):
            misses.append((query, top))
    return sum(recalls) / len(recalls), sum(ranks) / len(ranks), misses
