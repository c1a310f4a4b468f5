"""From a review's text to proposed facts: every figure with its value, unit,
hedge, measure, quote, label and section, grouped under indicators; every
other number as a not-figure with its quote.

Pure: text in, a `Draft` out. The qualifier is read from the proposed quote
by the very code `validate` runs (quotes.read), so the two cannot disagree.
"""

from __future__ import annotations

import re

from gaoxin_cli import quotes
from gaoxin_cli.draft import cues
from gaoxin_cli.draft.article import LEAD_SECTION, UNSORTED, Heading, Review
from gaoxin_cli.draft.numbers import Number, numbers
from gaoxin_cli.draft.quoting import estimate_before, item_span
from gaoxin_cli.model import Fact, Label, format_value, make_fact

#: Which qualifier a fact takes when its quote hedges it more than one way:
#: the hedge of the whole statement first ("预计…增长4.5%左右" is estimated).
QUALIFIER_ORDER = ("estimated", "at_least", "over", "nearly", "about")


class Proposal:
    """One proposed fact, and why: the cues read, and what a person must check."""

    __slots__ = (
        "checks",
        "cues",
        "indicator",
        "key",
        "line",
        "measure",
        "number",
        "qualifier",
        "quote",
        "quote_start",
        "unit",
        "value",
        "written",
    )

    def __init__(self, number: Number, indicator: DraftIndicator) -> None:
        self.number = number
        self.indicator = indicator
        self.measure = "level"
        self.key = "level"
        self.value: int | float | str = number.value
        self.unit = number.unit
        self.qualifier: str | None = None
        self.quote = ""
        self.quote_start = 0
        self.written: str | None = None
        self.line = 0
        self.cues: list[str] = []
        #: What a person must decide, each one short line ("measure guessed: …").
        self.checks: list[str] = []


class DraftIndicator:
    """Proposed facts about one thing, under the label the article gives it."""

    __slots__ = ("facts", "heading", "id", "label", "label_start", "section", "sentence")

    def __init__(self, label: str, section: str, heading: Heading | None, sentence: int) -> None:
        self.label = label
        self.section = section
        self.heading = heading
        self.sentence = sentence  # where the sentence of its latest fact starts
        self.id = ""
        self.facts: list[Proposal] = []
        #: Where an earlier clause of its first sentence names it ("…总数再度刷新,达到132家").
        self.label_start: int | None = None


class NotFigure:
    """A number that is no figure, the short quote it stands in, and why."""

    __slots__ = ("figure", "line", "quote", "reason")

    def __init__(self, figure: str, quote: str, reason: str, line: int) -> None:
        self.figure = figure
        self.quote = quote
        self.reason = reason
        self.line = line


class Draft:
    """Everything proposed for one review."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.indicators: list[DraftIndicator] = []
        self.not_figures: list[NotFigure] = []

    @property
    def proposals(self) -> list[Proposal]:
        """Every proposed fact, in the article's order."""
        found = [fact for indicator in self.indicators for fact in indicator.facts]
        return sorted(found, key=lambda p: p.number.start)


def propose(review: Review) -> Draft:
    """Read every number of `review` and propose its facts and not-figures."""
    draft = Draft(review)
    found = numbers(review.text)
    by_label: dict[tuple[str, str], DraftIndicator] = {}
    recent: list[Proposal] = []  # facts of the current sentence, in order
    seen_not_figures: set[tuple[str, str]] = set()
    for number in found:
        if review.in_heading_or_title(number.start) and number.is_figure:
            number.reason, number.nf_quote = "in a heading or the title", number.written
            if number.written.isdigit() and review.text.startswith("年", number.end):
                number.nf_quote = number.written + "年"
        if not number.is_figure:
            pair = (number.written, number.nf_quote)
            if pair not in seen_not_figures:
                seen_not_figures.add(pair)
                draft.not_figures.append(
                    NotFigure(*pair, number.reason or "", review.line_of(number.start))
                )
            continue
        sentence = review.sentence(number.start)[0]
        recent = [p for p in recent if review.sentence(p.number.start)[0] == sentence]
        proposal = _proposal(review, number, recent, found, by_label, draft)
        recent.append(proposal)
    _name(draft)
    return draft


def _proposal(
    review: Review,
    number: Number,
    recent: list[Proposal],
    found: list[Number],
    by_label: dict[tuple[str, str], DraftIndicator],
    draft: Draft,
) -> Proposal:
    text = review.text
    clause_start, clause_end = review.clause(number.start)
    in_clause = [p for p in recent if p.number.start >= clause_start]
    lead_start = max([clause_start, *(p.number.unit_end for p in in_clause)])
    lead = text[clause_start : number.start]
    own_lead = text[lead_start : number.start]
    for word in quotes.BEFORE:
        own_lead = own_lead.removesuffix(word)
    after = text[number.unit_end : clause_end]
    index = _index_in_shared_unit(text, number, found, clause_start)
    measure = cues.measure_of(
        lead,
        number.unit,
        after,
        index=index,
        ranked=text[number.start - 1 : number.start] == "第",
        threshold=number.noun_after,
    )
    heading = review.heading_at(number.start)
    section = heading.section if heading else LEAD_SECTION
    sentence = review.sentence(number.start)[0]
    indicator = _indicator_for(
        review, number, own_lead, after, found, measure, recent, section, heading, sentence
    )
    if indicator is None:
        label, label_start = _label(review, number, own_lead, after, found, clause_start)
        area = review.masthead.area
        label = label.removeprefix(area) if area and label != area else label
        key = (section, label)
        indicator = by_label.get(key)
        if indicator is None:
            indicator = DraftIndicator(label, section, heading, sentence)
            indicator.label_start = label_start
            by_label[key] = indicator
            draft.indicators.append(indicator)
    indicator.sentence = sentence
    proposal = Proposal(number, indicator)
    proposal.measure = measure.measure
    proposal.key = _key(indicator, measure.measure)
    if measure.sign < 0 and isinstance(number.value, int | float):
        proposal.value = -number.value
    if (
        format_value(abs(proposal.value) if not isinstance(proposal.value, str) else proposal.value)
        != number.written
    ):
        proposal.written = number.written
    proposal.line = review.line_of(number.start)
    item_start, quote_end = item_span(review, number, found, (clause_start, clause_end))
    proposal.quote_start = _quote_start(review, number, indicator, item_start, sentence)
    proposal.quote = review.verbatim(proposal.quote_start, quote_end)
    proposal.qualifier = _qualifier(proposal, indicator, heading)
    if measure.cue:
        proposal.cues.append(f"measure from {measure.cue}")
    if measure.weak:
        proposal.checks.append(f"measure guessed from the unit alone: {measure.measure}?")
    if number.unit is None and not isinstance(number.value, str):
        proposal.checks.append("no known unit after the figure: write its unit")
    if section == UNSORTED:
        proposal.checks.append("no section fits the heading: move it to its section")
    indicator.facts.append(proposal)
    return proposal


def _indicator_for(
    review: Review,
    number: Number,
    own_lead: str,
    after: str,
    found: list[Number],
    measure: cues.Measure,
    recent: list[Proposal],
    section: str,
    heading: Heading | None,
    sentence: int,
) -> DraftIndicator | None:
    """The indicator of an earlier figure of the sentence that this one goes on
    about ("增长18.3%", "分别为30%、40%"), or None for a figure of its own."""
    mine = [p for p in recent if p.indicator.section == section]
    if not mine:
        return None
    clause = review.clause(number.start)
    clause_start = clause[0]
    lead = review.text[clause_start : number.start]
    if "分别" in lead and measure.measure not in ("vs_city", "vs_province", "vs_national"):
        owners: list[DraftIndicator] = []
        for p in recent:
            if p.number.start < clause_start and p.indicator not in owners:
                owners.append(p.indicator)
        listed = _shared(found, number, clause)
        place = listed.index(number)
        if len(owners) >= len(listed):
            return owners[len(owners) - len(listed) + place]
    if number.noun_after or measure.measure == "after" or own_lead in ("、", "和", "及", "与"):
        return mine[-1].indicator
    if not cues.subject(own_lead):  # "增长18.3%", or "有8家企业": the noun after decides
        return None if _noun(review, number, found) else mine[-1].indicator
    return mine[-1].indicator if cues.continues(own_lead) else None


def _shared(found: list[Number], number: Number, clause: tuple[int, int]) -> list[Number]:
    """The figures of the clause's list after 分别 that `number` belongs to."""
    start, end = clause
    return [n for n in found if start <= n.start < end and n.is_figure and n.unit == number.unit]


def _index_in_shared_unit(text: str, number: Number, found: list[Number], clause_start: int) -> int:
    """The figure's place in a list sharing a comparison ("全省、全国0.9和0.4个百分点")."""
    before = [n for n in found if clause_start <= n.start < number.start and n.is_figure]
    count = 0
    for other in reversed(before):
        gap = text[other.unit_end if other.unit == number.unit else other.end : number.start]
        if re.fullmatch(r"[、和及与]|[、和及与].*", gap) and len(gap) <= 12:
            count += 1
            number = other
        else:
            break
    return count


def _label(
    review: Review,
    number: Number,
    own_lead: str,
    after: str,
    found: list[Number],
    clause_start: int,
) -> tuple[str, int | None]:
    """The indicator's label, and where it starts when an earlier clause names it."""
    label = cues.subject(own_lead.rsplit("、", 1)[-1])
    if cues.wants_noun_after(own_lead, label):
        noun = _noun(review, number, found)
        if noun:
            return noun, None
    if label:
        return label, None
    sentence_start = review.sentence(number.start)[0]
    before = review.text[sentence_start:clause_start].rstrip(",，;；:：")
    marks = list(re.finditer("[,，;；:：]", before))
    start = sentence_start + (marks[-1].end() if marks else 0)
    named = cues.subject(review.text[start : sentence_start + len(before)])
    if named:
        return named, start
    return review.text[clause_start : number.unit_end], None


def _noun(review: Review, number: Number, found: list[Number]) -> str:
    """The noun after a figure's unit, past any figure that qualifies it
    ("53个5000万元以上投资项目")."""
    text = review.text
    at = number.unit_end
    for other in found:
        if other.start == at and other.is_figure:
            at = other.unit_end + (2 if text.startswith("以上", other.unit_end) else 0)
    return cues.noun_after(text[at : at + 24])


def _key(indicator: DraftIndicator, measure: str) -> str:
    taken = {p.key for p in indicator.facts}
    if measure not in taken:
        return measure
    n = 2
    while f"{measure}-{n}" in taken:
        n += 1
    return f"{measure}-{n}"


def _quote_start(
    review: Review, number: Number, indicator: DraftIndicator, clause_start: int, sentence: int
) -> int:
    """Where the quote starts: the clause naming the indicator if it is earlier in
    the sentence, and back to a 预计 whose scope holds the figure."""
    start = clause_start
    if indicator.label_start is not None and indicator.label_start >= sentence:
        start = min(start, indicator.label_start)
    for fact in indicator.facts:
        if review.sentence(fact.number.start)[0] == sentence:
            start = min(start, fact.quote_start)
            break
    estimate = estimate_before(review, number.start)
    if estimate is not None:
        start = min(start, estimate)
    return start


def _qualifier(
    proposal: Proposal, indicator: DraftIndicator, heading: Heading | None
) -> str | None:
    """The qualifier validate reads in the quote for this figure."""
    fact = _as_fact(proposal, indicator, heading)
    readings = [r for r in quotes.read(fact) if r.unit_found or fact.unit is None]
    hedges = set().union(*(r.hedges for r in readings)) if readings else set()
    return next((q for q in QUALIFIER_ORDER if q in hedges), None)


def _as_fact(proposal: Proposal, indicator: DraftIndicator, heading: Heading | None) -> Fact:
    fields: dict[str, object] = {
        "key": proposal.key,
        "measure": proposal.measure,
        "value": proposal.value,
        "unit": proposal.unit,
        "qualifier": proposal.qualifier,
        "quote": proposal.quote,
        "written": proposal.written,
    }
    blank = Label("", "")
    return make_fact(
        fields,
        indicator=indicator.id or "draft",
        label=Label(indicator.label, ""),
        dataset="draft",
        section=indicator.section,
        heading=Label(heading.text, "") if heading else blank,
        period="",
        area=blank,
        location=None,
    )


def _name(draft: Draft) -> None:
    """Ids for the indicators: their section and their number in it."""
    counts: dict[str, int] = {}
    for indicator in draft.indicators:
        counts[indicator.section] = counts.get(indicator.section, 0) + 1
        indicator.id = f"{indicator.section}-{counts[indicator.section]}"


def as_facts(draft: Draft, dataset: str, period: str, area: Label) -> list[tuple[Proposal, Fact]]:
    """Each proposal and the Fact it makes, as the loader would make it."""
    made = []
    for proposal in draft.proposals:
        indicator = proposal.indicator
        fact = _as_fact(proposal, indicator, indicator.heading)
        made.append((proposal, fact._replace(dataset=dataset, period=period, area=area)))
    return made
