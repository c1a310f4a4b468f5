"""The fact model's closed vocabularies: sections, measures, hedges, statuses, languages.

Each is a name a fact file writes, with its Chinese and English words (or
its table mark); the schema, validate, filters and completion read them here.
"""

from gaoxin_cli.lexicon import HEDGE_WORDS, STATUS_WORDS

#: Sections, in the article's order, with their zh and en names.
SECTIONS: dict[str, tuple[str, str]] = {
    "overview": ("概览", "Overview"),
    "investment": ("招商双创", "Investment & entrepreneurship"),
    "economy": ("经济指标", "Economy"),
    "innovation": ("科技创新", "Innovation"),
    "services": ("政务服务", "Government services"),
    "governance": ("社会治理与民生", "Governance & livelihood"),
    "party": ("党的建设", "Party building"),
}

#: What a number says about its indicator, in table-column order.
MEASURES: dict[str, tuple[str, str]] = {
    "level": ("数值", "Value"),
    "increase": ("新增", "Added"),
    "growth": ("增长", "Growth"),
    "vs_city": ("高于全市", "Above city"),
    "vs_province": ("高于全省", "Above province"),
    "vs_national": ("高于全国", "Above national"),
    "change": ("增减", "Change in points"),
    "share_of_city": ("占全市", "Share of city"),
    "share": ("占比", "Share"),
    "rate": ("比率", "Rate"),
    "threshold": ("门槛", "Threshold"),
    "before": ("调整前", "Before"),
    "after": ("调整后", "After"),
    "rank": ("排位", "Standing"),
    "text": ("内容", "Details"),
}

#: Measures whose value is always text.
TEXT_MEASURES = frozenset({"text"})


#: How the article hedges a figure: name -> (its words from HEDGE_WORDS, "/"
#: between them, and its table mark).
QUALIFIERS: dict[str, tuple[str, str]] = {
    name: ("/".join(word for word, asks, _ in HEDGE_WORDS if asks == name), mark)
    for name, mark in (
        ("over", ">"),
        ("nearly", "<≈"),
        ("about", "~"),
        ("at_least", "≥"),
        ("at_most", "≤"),
    )
}

#: What a figure is yet, apart from its bound (SDMX's OBS_STATUS): name ->
#: (its words from STATUS_WORDS, "/" between them, and its table mark).
STATUSES: dict[str, tuple[str, str]] = {
    name: ("/".join(word for word, asks in STATUS_WORDS if asks == name), mark)
    for name, mark in (("estimated", "预计 "), ("preliminary", "初步 "))
}

LANGUAGES = ("zh", "en")
