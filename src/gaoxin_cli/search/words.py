"""The words search knows beyond the fact files: small English words it
skips, scale and unit words of numbers, and the words for each measure and
hedge and status (besides the table headers of model.MEASURES and the
article's own words of model.QUALIFIERS and model.STATUSES)."""

from gaoxin_cli.model.units import BASE_UNITS

#: English words that say nothing on their own.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "be",
        "been",
        "did",
        "do",
        "does",
        "had",
        "has",
        "have",
        "how",
        "many",
        "much",
        "that",
        "there",
        "this",
        "what",
        "when",
        "where",
        "which",
        "who",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "was",
        "were",
        "with",
    ]
)

#: Words for each measure beyond its table headers (model.MEASURES).
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "growth": ("增速", "同比增长", "year on year"),
    "vs_city": ("高于全市", "above the city", "points above the city", "vs city"),
    "vs_province": ("高于全省", "above the province", "vs province"),
    "vs_national": ("高于全国", "above the nation", "above the national", "vs national"),
    "change": ("提高", "下降", "收窄", "扩大", "change in points", "points change"),
    "share_of_city": ("占全市", "全市占比", "share of the city", "share of city"),
    "increase": ("新增", "增加", "added", "new"),
    "rank": ("排名", "rank", "ranking", "standing"),
    "rate": ("比率", "rate", "ratio"),
    "before": ("调整前", "before"),
    "after": ("调整后", "after"),
    "threshold": ("门槛", "threshold"),
    "level": ("总量", "total"),
}
#: Words for each hedge beyond the article's own (model.QUALIFIERS).
QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "over": ("over", "more than", "above", "hedged"),
    "nearly": ("nearly", "almost", "hedged"),
    "about": ("about", "approximately", "around", "roughly", "hedged"),
    "at_least": ("at least", "no less than", "hedged"),
    "at_most": ("at most", "no more than", "within", "hedged"),
}
#: Words for each status beyond the article's own (model.STATUSES); "初步"
#: finds 初步核算 and 初步统计 as any run of Chinese finds its longer words.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "estimated": ("estimated", "estimate", "expected", "projected", "forecast"),
    "preliminary": ("preliminary", "provisional"),
}

#: Words that ask for the largest or smallest value first ("fastest growth"):
#: search orders what it finds by value, -1 for the largest first.
SUPERLATIVES: dict[str, int] = {
    **dict.fromkeys(("fastest", "largest", "highest", "biggest", "most", "top", "greatest"), -1),
    **dict.fromkeys(("slowest", "smallest", "lowest", "least", "fewest"), 1),
    **dict.fromkeys(("最快", "最高", "最大", "最多"), -1),
    **dict.fromkeys(("最慢", "最低", "最小", "最少"), 1),
}

#: Scale words a number may carry, as people write them.
SCALE_WORDS: dict[str, int] = {
    "万亿": 10**12,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "trillion": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}
#: Unit words a number may carry, and the normalized unit they ask for.
UNIT_WORDS: dict[str, str] = {
    **BASE_UNITS,
    "%": "percent",
    "percent": "percent",
    "个百分点": "percentage_points",
    "pp": "percentage_points",
    "points": "percentage_points",
    "point": "percentage_points",
    "元": "CNY",
    "美元": "USD",
    "yuan": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "per cent": "percent",
    "percentage points": "percentage_points",
    "percentage point": "percentage_points",
    # every unit the tool writes in English is a unit word search reads
    **{name.casefold(): name for name in BASE_UNITS.values()},
}
#: The words a fact's normalized unit is known by, for a search of the unit
#: alone ("USD", "percentage points", "people").
UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "CNY": ("CNY", "yuan", "RMB", "元"),
    "USD": ("USD", "dollars", "美元"),
    "percent": ("percent", "per cent", "%"),
    "percentage_points": ("percentage points", "pp", "个百分点"),
}
