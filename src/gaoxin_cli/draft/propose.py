"""From a review's text to proposed facts: every figure with its value, unit,
hedge, measure, quote, label and section, grouped under indicators; every
other number as a not-figure with its quote.

Pure: text in, a `Draft` out. The qualifier is read from the proposed quote
by the very code `validate` runs (quotes.read), so the two cannot disagree.
Each figure costs work bounded by the words around it (LOOK_BACK numbers,
LEAD characters), never by the length of its sentence or of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from gaoxin_cli.checks import quotes
from gaoxin_cli.draft import cues
from gaoxin_cli.draft.article import LEAD_SECTION, UNSORTED, Heading, Review
from gaoxin_cli.draft.numbers import Number, numbers, read_unit
from gaoxin_cli.draft.quoting import bounded, estimate_before, item_start
from gaoxin_cli.draft.result import (
    UNSORTED_CHECK,
    Draft,
    DraftIndicator,
    NotFigure,
    Proposal,
    as_fact,
)
from gaoxin_cli.model import format_value

#: Which qualifier a fact takes when its quote hedges it more than one way:
#: the hedge of the whole statement first ("预计…增长4.5%左右" is estimated).
QUALIFIER_ORDER = ("at_least", "at_most", "over", "nearly", "about")
#: How many figures before one are looked at (lists, 分别), and how many
#: characters of its clause before it are read for cue words.
LOOK_BACK = 64
LEAD = 120
_COMPARISONS = ("vs_city", "vs_province", "vs_national")
#: The check of a figure whose measure no word gave (its unit alone).
GUESSED = "measure guessed from the unit alone"


class _Run:
    """One drafting pass: the review, its numbers by position, what is made so far."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.text = review.text
        self.found = numbers(review.text)
        self.starts = [n.start for n in self.found]
        self.at = {n.start: n for n in self.found}
        self.draft = Draft(review)
        self.by_label: dict[tuple[int, str], DraftIndicator] = {}
        self.recent: list[Proposal] = []  # facts of the current sentence, in order

    def figures_before(self, number: Number, start: int) -> list[Number]:
        """The figures from `start` up to `number`, at most LOOK_BACK of them."""
        high = bisect_left(self.starts, number.start)
        low = max(bisect_left(self.starts, start), high - LOOK_BACK)
        return [n for n in self.found[low:high] if n.is_figure]

    def figures_in(self, span: tuple[int, int], number: Number) -> list[Number]:
        """The figures of `span` around `number`, at most LOOK_BACK either side."""
        here = bisect_left(self.starts, number.start)
        low = max(bisect_left(self.starts, span[0]), here - LOOK_BACK)
        high = min(bisect_left(self.starts, span[1]), here + LOOK_BACK)
        return [n for n in self.found[low:high] if n.is_figure]


def propose(review: Review) -> Draft:
    """Read every number of `review` and propose its facts and not-figures."""
    run = _Run(review)
    seen_not_figures: set[tuple[str, str]] = set()
    sentence = -1
    for number in run.found:
        if review.in_heading_or_title(number.start) and number.is_figure:
            number.reason, number.nf_quote = "in a heading or the title", number.written
            if number.written.isdigit() and review.text.startswith("年", number.end):
                number.nf_quote = number.written + "年"
        if not number.is_figure:
            pair = (number.written, number.nf_quote)
            if pair not in seen_not_figures:
                seen_not_figures.add(pair)
                run.draft.not_figures.append(
                    NotFigure(*pair, number.reason or "", review.line_of(number.start))
                )
            continue
        start = review.sentence(number.start)[0]
        if start != sentence:
            sentence, run.recent = start, []
        run.recent.append(_proposal(run, number, sentence))
    _name(run.draft)
    if review.converted:
        _in_own_script(run.draft)
    return run.draft


def _in_own_script(draft: Draft) -> None:
    """A text in traditional characters was read as simplified: its units,
    labels, headings and not-figure quotes are given back as the text writes
    them (quotes already are, verbatim)."""
    review = draft.review
    for indicator in draft.indicators:
        first = indicator.facts[0].sentence if indicator.facts else 0
        indicator.label = review.written(indicator.label, first)
        for proposal in indicator.facts:
            if proposal.number.unit:
                proposal.number.unit = review.written(proposal.number.unit, proposal.number.end)
            if proposal.written:
                proposal.written = review.written(proposal.written, proposal.number.start)
    for heading in review.headings:
        heading.text = review.written(heading.text)
    for not_figure in draft.not_figures:
        not_figure.quote = review.written(not_figure.quote)
        not_figure.figure = review.written(not_figure.figure)
    head = review.masthead
    head.title, head.area = review.written(head.title), review.written(head.area)
    head.source_title = review.written(head.source_title)


def _proposal(run: _Run, number: Number, sentence: int) -> Proposal:
    review, text = run.review, run.text
    clause = review.clause(number.start)
    last = run.recent[-1] if run.recent else None
    lead_start = max(clause[0], number.start - LEAD)
    own_start = max(lead_start, last.number.unit_end if last else 0)
    lead = text[lead_start : number.start]
    own_lead = text[own_start : number.start]
    for word in sorted(quotes.BEFORE, key=len, reverse=True):
        if own_lead.endswith(word):
            own_lead = own_lead[: -len(word)]
            break
    after = text[number.unit_end : min(clause[1], number.unit_end + LEAD)]
    measure = cues.measure_of(
        lead,
        number.unit,
        after,
        index=_index_in_shared_unit(run, number, clause[0]),
        ranked=number.rank or text[number.start - 1 : number.start] == "第",
        threshold=number.noun_after,
    )
    ratio = cues.ratio_measure(text, number.start, number.end)
    if ratio is not None:
        measure = ratio
    heading = review.heading_at(number.start)
    section = heading.section if heading else LEAD_SECTION
    indicator = _indicator_for(run, number, own_lead, measure, clause, lead)
    continues = indicator is not None
    if indicator is None:
        indicator = _new_or_named(run, number, own_lead, clause[0], section, heading)
    proposal = Proposal(number, indicator, sentence)
    proposal.measure = measure.measure
    proposal.key = _key(indicator, measure.measure)
    if measure.sign < 0 and isinstance(number.value, int | float):
        proposal.value = -number.value
    shown = proposal.value if isinstance(proposal.value, str) else abs(proposal.value)
    if format_value(shown) != number.written:
        proposal.written = number.written
    proposal.line = review.line_of(number.start)
    start, end = item_start(review, number, run.figures_before(number, clause[0]), clause)
    if indicator.label_start is not None and indicator.label_start >= sentence:
        start = min(start, indicator.label_start)
    if continues and indicator.facts and indicator.facts[-1].sentence == sentence:
        start = min(start, indicator.facts[-1].quote_start)
    estimate = estimate_before(review, number.start)
    if estimate is not None:
        start = min(start, estimate)
    proposal.quote_start, end = bounded(start, end, number, estimate)
    proposal.quote = review.verbatim(proposal.quote_start, end)
    _read_hedges(proposal, heading)
    _explain(proposal, measure, section)
    indicator.facts.append(proposal)
    return proposal


def _new_or_named(
    run: _Run,
    number: Number,
    own_lead: str,
    clause_start: int,
    section: str,
    heading: Heading | None,
) -> DraftIndicator:
    """The indicator the figure's own label names: one of this section, or a new one."""
    label, label_start = _label(run, number, own_lead, clause_start)
    area = run.review.masthead.area
    label = label.removeprefix(area) if area and label != area else label
    under = heading.position if heading else -1  # one label under two headings: two things
    indicator = run.by_label.get((under, label))
    if indicator is None:
        indicator = DraftIndicator(label, section, heading)
        indicator.label_start = label_start
        run.by_label[(under, label)] = indicator
        run.draft.indicators.append(indicator)
    return indicator


def _explain(proposal: Proposal, measure: cues.Measure, section: str) -> None:
    """The cue that decided the measure, and what a person must check."""
    if measure.cue:
        proposal.cues.append(f"measure from {measure.cue}")
    if measure.weak:
        proposal.checks.append(f"{GUESSED}: {measure.measure}?")
    if proposal.unit is None and not isinstance(proposal.value, str):
        proposal.checks.append("no known unit after the figure: write its unit")
    if section == UNSORTED:
        proposal.checks.append(UNSORTED_CHECK)


def _indicator_for(
    run: _Run,
    number: Number,
    own_lead: str,
    measure: cues.Measure,
    clause: tuple[int, int],
    lead: str,
) -> DraftIndicator | None:
    """The indicator of an earlier figure of the sentence that this one goes on
    about ("增长18.3%", "分别为30%、40%"), or None for a figure of its own."""
    recent = run.recent
    if not recent:
        return None
    split = lead.rfind("分别")
    if split != -1 and measure.measure not in _COMPARISONS and not cues.subject(lead[:split]):
        owners: list[DraftIndicator] = []
        for p in recent[-LOOK_BACK:]:
            if p.number.start < clause[0] and p.indicator not in owners:
                owners.append(p.indicator)
        listed = [n for n in run.figures_in(clause, number) if n.unit == number.unit]
        if number in listed and len(owners) >= len(listed):
            return owners[len(owners) - len(listed) + listed.index(number)]
    previous = recent[-1].indicator
    if number.noun_after or measure.measure == "after" or own_lead in ("、", "和", "及", "与"):
        return previous
    if not cues.subject(own_lead):  # "增长18.3%", or "有8家企业": the noun after decides
        return None if _noun(run, number) else previous
    return previous if cues.continues(own_lead) else None


def _index_in_shared_unit(run: _Run, number: Number, clause_start: int) -> int:
    """The figure's place in a list sharing a comparison ("全省、全国0.9和0.4个百分点")."""
    count = 0
    for other in reversed(run.figures_before(number, clause_start)):
        gap = run.text[other.unit_end if other.unit == number.unit else other.end : number.start]
        if gap[:1] in ("、", "和", "及", "与") and len(gap) <= 12:
            count += 1
            number = other
        else:
            break
    return count


def _label(run: _Run, number: Number, own_lead: str, clause_start: int) -> tuple[str, int | None]:
    """The indicator's label, and where it starts when an earlier clause names it."""
    label = cues.subject(own_lead.rsplit("、", 1)[-1])
    if cues.wants_noun_after(own_lead, label):
        noun = _noun(run, number)
        if noun:
            return noun, None
    if label:
        return label, None
    review = run.review
    sentence_start = max(review.sentence(number.start)[0], clause_start - LEAD)
    before = review.text[sentence_start:clause_start].rstrip(",，;；:：")
    marks = list(re.finditer("[,，;；:：]", before))
    start = sentence_start + (marks[-1].end() if marks else 0)
    named = cues.subject(review.text[start : sentence_start + len(before)])
    if named:
        return named, start
    return review.text[max(clause_start, number.start - 24) : number.unit_end], None


def _noun(run: _Run, number: Number) -> str:
    """The noun after a figure's unit, past any figure that qualifies it
    ("53个5000万元以上投资项目")."""
    at = number.unit_end
    other = run.at.get(at)
    if other is not None and other.is_figure:
        at = other.unit_end + (2 if run.text.startswith(("以上", "以下"), other.unit_end) else 0)
    noun = cues.noun_after(run.text[at : at + 24])
    for digits in re.finditer("[0-9.]+", noun):  # up to the next figure: "小区3.74万户"
        if read_unit(noun, digits.end())[0] is not None:
            return noun[: digits.start()]
    return noun


def _key(indicator: DraftIndicator, measure: str) -> str:
    """The fact's key: its measure, numbered from the second of one measure on."""
    count = indicator.keys.get(measure, 0) + 1
    indicator.keys[measure] = count
    return measure if count == 1 else f"{measure}-{count}"


def _read_hedges(proposal: Proposal, heading: Heading | None) -> None:
    """The qualifier validate reads in the quote for this figure; other hedges as cues."""
    fact = as_fact(proposal, proposal.indicator, heading)
    readings = [r for r in quotes.read(fact) if r.unit_found or fact.unit is None]
    hedges = set().union(*(r.hedges for r in readings)) if readings else set()
    ordered = [q for q in QUALIFIER_ORDER if q in hedges]
    proposal.qualifier = ordered[0] if ordered else None
    statuses = set().union(*(r.statuses for r in readings)) if readings else set()
    proposal.status = min(statuses) if statuses else None
    if len(ordered) > 1:
        proposal.cues.append(f"also hedged {', '.join(ordered[1:])}")


def _name(draft: Draft) -> None:
    """Ids for the indicators: their section and their number in it."""
    counts: dict[str, int] = {}
    for indicator in draft.indicators:
        counts[indicator.section] = counts.get(indicator.section, 0) + 1
        indicator.id = f"{indicator.section}-{counts[indicator.section]}"
