"""What is worth drawing: percentages that share a scale.

Pure: section views in, charts out. Three kinds of chart, each of one unit
(percent):

- growth: year-on-year growth rates, each beside the city's rate that the
  article implies (the zone's growth minus the points it says the zone is
  above the city). That city rate is derived, not stated, and is marked so.
- share_of_city: the zone's shares of the city's total.
- share: other shares and rates (R&D intensity, coverage, online services …).

Amounts and counts are left out: their units differ from bar to bar.
"""

from __future__ import annotations

from decimal import Decimal

from gaoxin_cli.model import Fact, Indicator, Label
from gaoxin_cli.model.decimals import exact
from gaoxin_cli.query import SectionView

#: Kinds of chart, in the order drawn, with their titles.
KINDS: dict[str, Label] = {
    "growth": Label("增长率", "Growth"),
    "share_of_city": Label("占全市比重", "Share of the city"),
    "share": Label("比重与比率", "Shares and rates"),
}
_MEASURE_KIND = {
    "growth": "growth",
    "share_of_city": "share_of_city",
    "share": "share",
    "rate": "share",
}
CITY = Label("全市（推算）", "City (derived)")


class Bar:
    """One bar: a stated figure, or a rate derived from two of them."""

    __slots__ = (
        "derived_from",
        "fact",
        "indicator",
        "label",
        "qualifier",
        "status",
        "sub",
        "value",
    )

    def __init__(
        self,
        indicator: Indicator,
        label: Label,
        value: Decimal,
        qualifier: str | None,
        *,
        status: str | None = None,
        fact: Fact | None = None,
        derived_from: tuple[Fact, ...] = (),
        sub: bool = False,
    ) -> None:
        self.indicator = indicator
        self.label = label
        self.value = value  # percent
        #: A qualifier name; for a derived rate "under", "over" or "nearly" for a bound.
        self.qualifier = qualifier
        #: A status name; for a derived rate the least final of the figures it
        #: comes from ("estimated" before "preliminary").
        self.status = status
        self.fact = fact
        self.derived_from = derived_from
        self.sub = sub  # drawn under the bar before it, as part of its indicator

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)


class Chart:
    """Bars of one kind for one section of one dataset, and notes on what was left out."""

    __slots__ = ("bars", "kind", "notes", "view")

    def __init__(self, view: SectionView, kind: str, bars: list[Bar], notes: list[Label]) -> None:
        self.view = view
        self.kind = kind
        self.bars = bars
        self.notes = notes

    @property
    def title(self) -> Label:
        return KINDS[self.kind]


def charts_of(views: list[SectionView]) -> list[Chart]:
    """The charts of each section view that has something to draw."""
    found = []
    for view in views:
        for kind in KINDS:
            bars: list[Bar] = []
            notes: list[Label] = []
            for indicator in view.indicators:
                if kind == "growth":
                    _growth_bars(indicator, bars, notes)
                else:
                    bars.extend(_share_bars(indicator, kind))
            if bars:
                found.append(Chart(view, kind, bars, notes))
    return found


def _percent(fact: Fact) -> Decimal | None:
    normalized = fact.normalized
    if normalized is None or normalized.unit != "percent":
        return None
    return exact(normalized.value)


def _share_bars(indicator: Indicator, kind: str) -> list[Bar]:
    bars = []
    for fact in indicator.facts:
        value = _percent(fact)
        if value is None or _MEASURE_KIND.get(fact.measure) != kind:
            continue
        label = fact.label if fact.label != indicator.label else indicator.label
        bars.append(Bar(indicator, label, value, fact.qualifier, status=fact.status, fact=fact))
    return bars


def _growth_bars(indicator: Indicator, bars: list[Bar], notes: list[Label]) -> None:
    growth = [f for f in indicator.facts if f.measure == "growth" and _percent(f) is not None]
    if not growth:
        return
    for n, fact in enumerate(growth):
        value = _percent(fact)
        assert value is not None  # noqa: S101 - filtered above
        bars.append(
            Bar(
                indicator,
                fact.label,
                value,
                fact.qualifier,
                status=fact.status,
                fact=fact,
                sub=n > 0,
            )
        )
    above = [f for f in indicator.facts if f.measure == "vs_city"]
    points = [f for f in above if f.normalized and f.normalized.unit == "percentage_points"]
    if len(points) != 1:
        return
    (vs_city,) = points
    if len(growth) > 1:
        zh, en = indicator.label.zh, indicator.label.en
        notes.append(
            Label(
                f"{zh}：原文有{len(growth)}个增速，未说明高于全市{vs_city.figure}个百分点"
                "对应哪一个，故不推算全市增速",
                f"{en}: the article gives {len(growth)} growth rates and does not say which"
                f" one is {vs_city.figure} points above the city; no city rate derived",
            )
        )
        return
    (zone,) = growth
    zone_value = _percent(zone)
    assert zone_value is not None  # noqa: S101 - filtered above
    points_value = exact(vs_city.normalized.value)  # type: ignore[union-attr]
    bars.append(
        Bar(
            indicator,
            CITY,
            zone_value - points_value,
            _derived_qualifier(zone.qualifier, vs_city.qualifier),
            status=_derived_status(zone.status, vs_city.status),
            derived_from=(zone, vs_city),
            sub=True,
        )
    )


def _derived_qualifier(growth: str | None, above: str | None) -> str | None:
    """How far the derived city rate (growth − points above) is bounded.

    "Over 20 points above" puts the city *under* growth − 20; "growth over
    x" puts it over; anything else hedged is approximate.
    """
    if growth is None and above is None:
        return None
    if growth is None and above in ("over", "at_least"):
        return "under"
    if (above is None and growth in ("over", "at_least")) or (
        growth is None and above == "at_most"
    ):
        return "over"
    if above is None and growth == "at_most":
        return "under"
    return "nearly"


def _derived_status(growth: str | None, above: str | None) -> str | None:
    """What the derived city rate is yet: an estimate when a figure it comes
    from is one, else preliminary when one is, else final (None)."""
    for status in ("estimated", "preliminary"):
        if status in (growth, above):
            return status
    return None
