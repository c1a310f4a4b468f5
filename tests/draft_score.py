"""How close `gaoxin draft` comes to a curated dataset of the same article.

A curated figure is proposed when a proposal stands on the very place of the
article where the curated fact's quote states its figure. Of those pairs,
the value and unit, the qualifier, the measure and the section are compared.
Used by tests/test_draft_quality.py and bench/draft_quality.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaoxin_cli.checks.coverage import compact, stated_places
from gaoxin_cli.draft.result import Draft, Proposal
from gaoxin_cli.model import Dataset, Fact

#: The targets of the draft's quality, as fractions.
TARGETS = {
    "value_and_unit": 0.97,
    "hedges": 0.95,
    "measures": 0.90,
    "precision": 0.92,
}


@dataclass
class Score:
    """Counts and misses of one comparison."""

    figures: int = 0  # curated figures (facts with a number)
    found: int = 0  # ... proposed at their place
    value_and_unit: int = 0
    hedged: int = 0  # curated figures with a qualifier
    hedges: int = 0  # ... proposed with that qualifier
    false_hedges: int = 0  # proposals hedged where the curated fact is not
    measures: int = 0
    sections: int = 0
    proposals: int = 0
    real: int = 0  # proposals at the place of a curated figure
    verbatim: int = 0  # proposals whose quote is in the article
    same_quotes: int = 0  # proposals at a curated figure quoting just what it quotes
    misses: dict[str, list[str]] = field(default_factory=dict)

    def rate(self, name: str) -> float:
        """One of the measured rates, by the name TARGETS gives it."""
        totals = {
            "value_and_unit": (self.value_and_unit, self.figures),
            "hedges": (self.hedges, self.hedged),
            "measures": (self.measures, self.found),
            "precision": (self.real, self.proposals),
            "sections": (self.sections, self.found),
            "verbatim": (self.verbatim, self.proposals),
        }
        hits, total = totals[name]
        return hits / total if total else 1.0

    def miss(self, kind: str, text: str) -> None:
        """Note one miss of `kind`."""
        self.misses.setdefault(kind, []).append(text)


def score(dataset: Dataset, draft: Draft) -> Score:
    """The draft of an article held against the curated dataset of it."""
    article = draft.review.article
    result = Score()
    at: dict[int, Proposal] = {p.number.start: p for p in draft.proposals}
    matched: set[int] = set()
    for fact in dataset.facts:
        if fact.is_text:
            continue
        result.figures += 1
        result.hedged += fact.qualifier is not None
        where = sorted(stated_places(fact, article) & at.keys())
        if not where:
            result.miss("not proposed", _said(fact))
            continue
        matched.add(where[0])
        _compare(result, fact, at[where[0]])
    result.proposals = len(at)
    result.real = len(matched)
    for start, proposal in sorted(at.items()):
        if start not in matched:
            number = proposal.number
            result.miss(
                "not a curated figure", f"{number.written}{number.unit or ''} ({proposal.quote})"
            )
        if compact(proposal.quote) in article.text:
            result.verbatim += 1
        else:
            result.miss("quote not verbatim", proposal.quote)
    return result


def _said(fact: Fact) -> str:
    return f"{fact.id} {fact.figure}{fact.unit or ''} ({fact.quote})"


def _compare(result: Score, fact: Fact, proposal: Proposal) -> None:
    """Count what the proposal at a curated figure's place gets right."""
    said = _said(fact)
    result.found += 1
    if (proposal.value, proposal.unit) == (fact.value, fact.unit):
        result.value_and_unit += 1
    else:
        result.miss("value or unit", f"{said}: proposed {proposal.value}{proposal.unit or ''}")
    if proposal.qualifier == fact.qualifier:
        result.hedges += fact.qualifier is not None
    elif fact.qualifier is not None:
        result.miss("hedge", f"{said}: {fact.qualifier}, proposed {proposal.qualifier}")
    else:
        result.false_hedges += 1
        result.miss("hedge", f"{said}: none, proposed {proposal.qualifier}")
    if proposal.measure == fact.measure:
        result.measures += 1
    else:
        result.miss("measure", f"{said}: {fact.measure}, proposed {proposal.measure}")
    result.same_quotes += compact(proposal.quote) == compact(fact.quote)
    if proposal.indicator.section == fact.section:
        result.sections += 1
    else:
        result.miss("section", f"{said}: {fact.section}, proposed {proposal.indicator.section}")


def report(result: Score) -> list[str]:
    """The scores against their targets, then the misses, as lines to print."""
    lines = [
        f"curated figures: {result.figures}, proposed at their place: {result.found}",
        f"proposals: {result.proposals}, at the place of a curated figure: {result.real}",
    ]
    for name, target in TARGETS.items():
        mark = "ok" if result.rate(name) >= target else "BELOW TARGET"
        lines.append(f"{name}: {result.rate(name):.1%} (target {target:.0%}) {mark}")
    lines.append(
        f"hedged figures: {result.hedged}, hedges proposed where none: {result.false_hedges}"
    )
    lines.append(f"sections agreeing: {result.rate('sections'):.1%}")
    lines.append(f"quotes verbatim: {result.verbatim} of {result.proposals}")
    lines.append(f"quotes the same as the curated quote: {result.same_quotes} of {result.found}")
    for kind, items in result.misses.items():
        lines.append(f"{kind} ({len(items)}):")
        lines += [f"  {item}" for item in items]
    return lines
