"""The figures a text claims, read exactly as `gaoxin draft` reads a review's
figures: value, unit, bound, status and measure, in either script.

Pure: text in, `Claim`s out, in the text's order. The text is read as claims
(`Review(claims=True)`): a first line is no title and a figure in a heading
is a figure, as a press release's headline states figures too.
"""

from __future__ import annotations

from gaoxin_cli.check.lists import respective
from gaoxin_cli.check.unread import unread
from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.propose import GUESSED, LEAD, propose
from gaoxin_cli.draft.result import Proposal
from gaoxin_cli.lexicon import RESPECTIVELY
from gaoxin_cli.model import Value, format_value, normalized_of
from gaoxin_cli.simplified import simplified


class Claim:
    """One figure a text states, and the words around it that name what it is."""

    __slots__ = (
        "after",
        "clause",
        "context",
        "input",
        "label",
        "line",
        "measure",
        "normalized",
        "problem",
        "qualifier",
        "sentence",
        "start",
        "status",
        "unit",
        "value",
        "weak",
    )

    def __init__(
        self,
        clause: str,
        value: Value,
        unit: str | None,
        *,
        measure: str,
        qualifier: str | None = None,
        status: str | None = None,
        label: str = "",
        context: str = "",
        after: str = "",
        sentence: str = "",
        line: int = 1,
        input: str = "text",
        start: int = 0,
        weak: bool = False,
        problem: str | None = None,
    ) -> None:
        #: The clause that states it, verbatim in the text's own script.
        self.clause = clause
        self.value = value
        #: The unit as the text writes it.
        self.unit = unit
        #: The value in base units (85亿元 -> 8500000000 CNY; the unit read in
        #: simplified characters), or None without a unit.
        self.normalized = normalized_of(value, simplified(unit) if unit else unit)
        self.measure = measure
        self.qualifier = qualifier
        self.status = status
        #: The label draft gives its indicator, and the words of its clause
        #: before the figure, in simplified characters.
        self.label = label
        self.context = context
        #: The words of its clause after the figure ("设立0.2亿元“先予处置”专项资金").
        self.after = after
        #: Its sentence (at most LEAD characters either side of the figure).
        self.sentence = sentence
        self.line = line
        #: The text it stands in: "text", a file's path, "-" (standard input).
        self.input = input
        #: Where the figure starts in the text as read.
        self.start = start
        #: True when no word says what it measures: its unit alone decided.
        self.weak = weak
        #: Why no fact can be held against it, whatever the facts (a list
        #: that cannot be paired, a number that cannot be read), or None.
        self.problem = problem

    @property
    def figure(self) -> str:
        """The figure with its unit as the text writes it: 85亿元, -7.5%, 1/6."""
        return format_value(self.value) + (self.unit or "")

    def __repr__(self) -> str:
        return f"Claim({self.clause!r}, {self.value!r}, {self.unit!r}, measure={self.measure!r})"


def read_claims(text: str, name: str = "text") -> list[Claim]:
    """Every figure `text` states, in its order (numbers that are no figures,
    such as years, dates and names, are left out as draft leaves them out;
    a quantity draft cannot read is a claim with its `problem` said)."""
    review = Review(name, text, claims=True)
    draft = propose(review)
    proposals = draft.proposals
    pairs = respective(review, [p.number.start for p in proposals])
    found = [_claim(review, proposal, pairs) for proposal in proposals]
    _share_list_measures(found, pairs)
    spans = [(p.number.start, p.number.unit_end) for p in proposals]
    for start, end in unread(review.text, draft, spans):
        written = review.written(review.text[start:end], start)
        clause = review.verbatim(*review.clause(start))
        problem = f"a quantity this tool cannot read as a figure: {written}"
        line = review.line_of(start)
        found.append(
            Claim(clause, written, None, measure="", line=line, start=start, problem=problem)
        )
    for claim in found:
        claim.input = name
    return sorted(found, key=lambda claim: claim.start)


def _claim(review: Review, proposal: Proposal, pairs: dict[int, str | None]) -> Claim:
    """The claim of one proposed fact; a figure of a 分别 list is its subject's."""
    number = proposal.number
    text = review.text
    label = simplified(proposal.indicator.label)
    context = text[proposal.quote_start : number.start]
    problem = None
    if number.start in pairs:
        subject = pairs[number.start]
        if subject is None:
            problem = f"a list ({RESPECTIVELY}) whose subjects and figures do not pair up"
        else:
            label = context = subject
    clause_end = review.clause(number.start)[1]
    sentence_start, sentence_end = review.sentence(number.start)
    sentence = text[max(sentence_start, number.start - LEAD) : min(sentence_end, number.end + LEAD)]
    return Claim(
        proposal.quote,
        proposal.value,
        proposal.unit,
        measure=proposal.measure,
        qualifier=proposal.qualifier,
        status=proposal.status,
        label=label,
        context=context,
        after=text[number.unit_end : min(clause_end, number.unit_end + LEAD)],
        sentence=sentence,
        line=proposal.line,
        start=number.start,
        weak=any(check.startswith(GUESSED) for check in proposal.checks),
        problem=problem,
    )


def _share_list_measures(claims: list[Claim], pairs: dict[int, str | None]) -> None:
    """The figures of one 分别 list share the verb before the first: a figure
    whose measure no word of its own gave takes the first one's."""
    first: Claim | None = None  # the first figure of the list at hand (claims are in order)
    for claim in claims:
        if claim.start not in pairs:
            first = None
        elif first is None:
            first = claim
        elif claim.weak and not first.weak:
            claim.measure, claim.weak = first.measure, False
